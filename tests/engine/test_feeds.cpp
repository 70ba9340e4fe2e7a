// SPDX-License-Identifier: GPL-3.0-or-later
// Market data feeds (atc/feeds/): the HTTP client, Binance's JSON, symbol
// search, source records, and fetching into the store against a fake Binance
// on 127.0.0.1 that pages, rate-limits, bans, fails and answers badly on
// request. Waits are recorded, not slept, so the suite runs in seconds.
#include <QtTest>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "atc/feeds/binance.hpp"
#include "atc/feeds/fetch.hpp"
#include "atc/feeds/http.hpp"
#include "atc/store/database.hpp"
#include "atc/store/symbol_store.hpp"
#include "atc/version.hpp"
#include "support/fake_binance.hpp"

using namespace atc;
using namespace atc::feeds;
using atc::test::FakeAnswer;
using atc::test::FakeBinance;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kHour = 3'600'000;

// A connection to the fake server whose waits are recorded, not slept.
struct TestConnection {
    explicit TestConnection(const FakeBinance& server) {
        connection.endpoints = {server.url(), server.url()};
        connection.policy.http.connect_timeout = std::chrono::milliseconds(2'000);
        connection.policy.http.total_timeout = std::chrono::milliseconds(5'000);
        connection.policy.sleep = [this](std::chrono::milliseconds ms) { waits.push_back(ms); };
    }
    std::int64_t waited_ms() const {
        std::int64_t total = 0;
        for (auto w : waits)
            total += w.count();
        return total;
    }
    BinanceConnection connection;
    std::vector<std::chrono::milliseconds> waits;
};

struct MemoryStore {
    explicit MemoryStore(const char* name) : db(store::Database::open_memory(name)), symbols(db) {}
    store::Database db;
    store::SymbolStore symbols;
};

std::int64_t wall_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

const FeedSource kBtcHour{BinanceMarket::Spot, "BTCUSDT", "1h"};

// 2,500 closed hourly candles and the one forming now.
void add_btc_hours(FakeBinance& server) {
    server.add_series("BTCUSDT", "1h", test::aligned_open_ms(kHour, 2'500), kHour, 2'501);
}

FetchRequest since_start(const FeedSource& source, std::int64_t since_ms) {
    return {source, "", since_ms};
}

std::vector<std::int64_t> start_times(const FakeBinance& server) {
    std::vector<std::int64_t> starts;
    for (const std::string& target : server.targets()) {
        const std::size_t at = target.find("startTime=");
        if (at != std::string::npos)
            starts.push_back(std::stoll(target.substr(at + 10)));
    }
    return starts;
}

}  // namespace

class TestFeeds : public QObject {
    Q_OBJECT

private slots:
    // A proxy in the environment must not take the tests' requests to 127.0.0.1.
    void initTestCase() { qputenv("no_proxy", "127.0.0.1,localhost"); }

    // Binance's documented example answer, field for field.
    void parsesDocumentedKlines() {
        const auto k =
            parse_klines(R"([[1499040000000,"0.01634790","0.80000000","0.01575800","0.01577100",)"
                         R"("148976.11427815",1499644799999,"2434.19055334",308,"1756.87402397",)"
                         R"("28.46694368","0"]])",
                         "http://x/api/v3/klines");
        QCOMPARE(k.size(), std::size_t{1});
        QCOMPARE(k[0].open_time_ms, std::int64_t{1499040000000});
        QCOMPARE(k[0].open, 0.01634790);
        QCOMPARE(k[0].high, 0.8);
        QCOMPARE(k[0].low, 0.01575800);
        QCOMPARE(k[0].close, 0.01577100);
        QCOMPARE(k[0].volume, 148976.11427815);
        QCOMPARE(k[0].close_time_ms, std::int64_t{1499644799999});
        QVERIFY(parse_klines("[]", "u").empty());
    }

    void refusesKlinesNotAsDocumented() {
        const char* const bad[] = {
            "",                                                                   // empty body
            "[[1499040000000,\"1.0\",\"1.0\",\"1.0\",\"1.0\",\"1\"",              // cut short
            "{\"code\":-1121}",                                                   // not an array
            "[[1499040000000,\"1.0\",\"1.0\",\"1.0\",\"1.0\",\"1\"]]",            // 6 fields
            "[[1499040000000,1.0,\"1.0\",\"1.0\",\"1.0\",\"1\",1499040059999]]",  // number price
            "[[1499040000000,\"x\",\"1.0\",\"1.0\",\"1.0\",\"1\",1499040059999]]",
            "[[1499040000000,\"0\",\"1.0\",\"1.0\",\"1.0\",\"1\",1499040059999]]",
            "[[\"1499040000000\",\"1\",\"1.0\",\"1.0\",\"1.0\",\"1\",1499040059999]]",
            "[[2,\"1\",\"1\",\"1\",\"1\",\"1\",3],[1,\"1\",\"1\",\"1\",\"1\",\"1\",2]]",
        };
        for (const char* body : bad) {
            try {
                parse_klines(body, "http://127.0.0.1/api/v3/klines?symbol=X");
                QFAIL(qPrintable(QString("accepted: ") + body));
            } catch (const FeedError& e) {
                QCOMPARE(e.kind(), FeedError::Kind::BadResponse);
                QVERIFY2(std::string(e.what()).find("/api/v3/klines?symbol=X") != std::string::npos,
                         e.what());
            }
        }
    }

    void searchesSymbolsAsTyped() {
        const std::vector<ListedSymbol> listed = {
            {"ETHBTC", "ETH", "BTC", "TRADING"},     {"BTCBUSD", "BTC", "BUSD", "BREAK"},
            {"BTCUSDT", "BTC", "USDT", "TRADING"},   {"WBTCBTC", "WBTC", "BTC", "TRADING"},
            {"BTCFDUSD", "BTC", "FDUSD", "TRADING"}, {"BTC", "BTC", "X", "TRADING"}};
        QStringList names;
        for (const auto& s : search_symbols(listed, "btc"))
            names << QString::fromStdString(s.symbol);
        QCOMPARE(names,
                 (QStringList{"BTC", "BTCUSDT", "BTCFDUSD", "BTCBUSD", "ETHBTC", "WBTCBTC"}));
        QCOMPARE(search_symbols(listed, "btc", 2).size(), std::size_t{2});
        QVERIFY(search_symbols(listed, "").empty());
        QVERIFY(search_symbols(listed, "doge").empty());
        const auto info = parse_exchange_info(
            R"({"symbols":[{"symbol":"ETHBTC","status":"TRADING","baseAsset":"ETH",)"
            R"("quoteAsset":"BTC","filters":[]}]})",
            "u");
        QCOMPARE(info.size(), std::size_t{1});
        QCOMPARE(info[0].quote_asset, std::string("BTC"));
        QVERIFY_THROWS_EXCEPTION(FeedError, parse_exchange_info(R"({"symbols":[{}]})", "u"));
        QVERIFY_THROWS_EXCEPTION(FeedError, parse_exchange_info("[]", "u"));
    }

    void marketsIntervalsAndSourceRecords() {
        const auto intervals = binance_intervals();
        QCOMPARE(intervals.size(), std::size_t{15});
        QCOMPARE(intervals.front(), std::string_view("1m"));
        QCOMPARE(intervals.back(), std::string_view("1M"));
        QVERIFY(is_binance_interval("1M") && is_binance_interval("8h"));
        QVERIFY(!is_binance_interval("1s") && !is_binance_interval("1H"));
        QCOMPARE(interval_length_ms("4h"), 4 * kHour);
        QCOMPARE(interval_length_ms("1w"), 7 * 24 * kHour);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, interval_length_ms("2d"));
        QCOMPARE(parse_market("futures"), std::optional(BinanceMarket::Futures));
        QCOMPARE(market_name(BinanceMarket::Spot), std::string_view("spot"));
        QVERIFY(!parse_market("margin"));

        const FeedSource futures{BinanceMarket::Futures, "ETHUSDT", "15m"};
        QCOMPARE(format_feed_source(futures), std::string("binance:futures:ETHUSDT:15m"));
        QVERIFY(parse_feed_source("binance:futures:ETHUSDT:15m") == futures);
        for (const char* text : {"", "binance:spot:BTCUSDT", "binance:spot:BTCUSDT:1h:x",
                                 "kraken:spot:BTCUSDT:1h", "binance:margin:BTCUSDT:1h",
                                 "binance:spot::1h", "binance:spot:BTCUSDT:1s", "/data/BTC.csv"})
            QVERIFY2(!parse_feed_source(text), text);
        store::SymbolMeta meta{"B", "binance:spot:BTCUSDT:1h",     "1h",
                               "",  store::SymbolKind::Downloaded, 0};
        QVERIFY(feed_source_of(meta) == kBtcHour);
        meta.kind = store::SymbolKind::Imported;  // a file that happens to have such a name
        QVERIFY(!feed_source_of(meta));
    }

    void endpointsFromTheEnvironment() {
        qunsetenv("ATC_BINANCE_URL");
        qputenv("ATC_BINANCE_FUTURES_URL", "");
        BinanceEndpoints e = BinanceEndpoints::from_environment();
        QCOMPARE(e.base(BinanceMarket::Spot), std::string("https://api.binance.com"));
        QCOMPARE(e.base(BinanceMarket::Futures), std::string("https://fapi.binance.com"));
        qputenv("ATC_BINANCE_URL", "http://127.0.0.1:1");
        qputenv("ATC_BINANCE_FUTURES_URL", "http://127.0.0.1:2");
        e = BinanceEndpoints::from_environment();
        QCOMPARE(e.spot, std::string("http://127.0.0.1:1"));
        QCOMPARE(e.futures, std::string("http://127.0.0.1:2"));
        qunsetenv("ATC_BINANCE_URL");
        qunsetenv("ATC_BINANCE_FUTURES_URL");
    }

    void httpGetReturnsStatusHeadersAndBody() {
        FakeBinance server;
        server.set_used_weight(17);
        server.add_file("/data/a.csv", "time,close\n");
        const HttpResponse ok = http_get(server.url() + "/data/a.csv");
        QCOMPARE(ok.status, 200L);
        QCOMPARE(ok.body, std::string("time,close\n"));
        QCOMPARE(ok.header("X-MBX-USED-WEIGHT-1M"), std::optional<std::string>("17"));
        QCOMPARE(ok.header("content-type"), std::optional<std::string>("text/csv"));
        QCOMPARE(server.last_user_agent(), user_agent());
        QCOMPARE(user_agent(), std::string("atc-studio/") + release_version());
        QCOMPARE(http_get(server.url() + "/missing").status, 404L);

        const fs::path file = fs::path(QDir::tempPath().toStdString()) / "atc-feeds-a.csv";
        QCOMPARE(download_to_file(server.url() + "/data/a.csv", file).status, 200L);
        std::ifstream in(file);
        QCOMPARE(std::string(std::istreambuf_iterator<char>(in), {}), std::string("time,close\n"));
        QCOMPARE(download_to_file(server.url() + "/missing", file).status, 404L);
        QVERIFY(!fs::exists(file));  // an error page is not left as the file
        try {
            download_to_file(server.url() + "/data/a.csv", "/nonexistent-folder/a.csv");
            QFAIL("wrote into a folder that does not exist");
        } catch (const HttpError& e) {
            QCOMPARE(e.kind(), HttpError::Kind::File);
        }
    }

    void httpFailuresAreTypedErrors() {
        FakeBinance server;
        server.add_file("/slow", "x");
        server.set_delay(std::chrono::milliseconds(3'000));
        HttpOptions options;
        options.total_timeout = std::chrono::milliseconds(300);
        try {
            http_get(server.url() + "/slow", options);
            QFAIL("no timeout");
        } catch (const HttpError& e) {
            QCOMPARE(e.kind(), HttpError::Kind::Timeout);
            QVERIFY(e.transient());
        }
        std::atomic<bool> cancel{true};
        options = {};
        options.cancel = &cancel;
        try {
            http_get(server.url() + "/slow", options);
            QFAIL("not cancelled");
        } catch (const HttpError& e) {
            QCOMPARE(e.kind(), HttpError::Kind::Cancelled);
            QVERIFY(!e.transient());
        }
        server.set_delay(std::chrono::milliseconds(0));
        server.queue({200, "[1,2", {}, 100});  // Content-Length promises 100 bytes more
        try {
            http_get(server.url() + "/slow");
            QFAIL("a truncated body was accepted");
        } catch (const HttpError& e) {
            QCOMPARE(e.kind(), HttpError::Kind::Network);
        }
        // Nothing listens on port 1 of this machine.
        QVERIFY_THROWS_EXCEPTION(HttpError, http_get("http://127.0.0.1:1/"));
        QVERIFY_THROWS_EXCEPTION(HttpError, http_get("file:///etc/passwd"));
    }

    // 2,500 closed candles come in three pages, each asked for after the last
    // one stored; the candle still forming is not stored.
    void fetchPagesUntilThePresent() {
        FakeBinance server;
        add_btc_hours(server);
        MemoryStore store("feeds-paging");
        TestConnection net(server);
        std::vector<FetchProgress> seen;
        const std::int64_t first = test::aligned_open_ms(kHour, 2'500);
        const FetchReport report =
            fetch_binance(store.symbols, since_start(kBtcHour, first), net.connection,
                          [&seen](const FetchProgress& p) { seen.push_back(p); });
        QVERIFY(report.created && !report.cancelled);
        QCOMPARE(report.name, std::string("BTCUSDT"));
        QCOMPARE(report.new_bars, std::size_t{2'500});
        QCOMPARE(report.pages, std::size_t{3});
        QCOMPARE(*report.last_time_ms, first + 2'499 * kHour);
        QCOMPARE(start_times(server), (std::vector<std::int64_t>{first, first + 999 * kHour + 1,
                                                                 first + 1'999 * kHour + 1}));
        QVERIFY(server.targets().front().starts_with(
            "/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=1000&startTime="));

        QCOMPARE(seen.size(), std::size_t{3});
        QCOMPARE(seen[0].new_bars, std::size_t{1'000});
        QCOMPARE(seen[0].pages_left, std::size_t{2});
        QCOMPARE(seen[2].new_bars, std::size_t{2'500});
        QCOMPARE(seen[2].pages_left, std::size_t{1});  // the forming hour is still to come
        QCOMPARE(seen[2].last_time_ms, first + 2'499 * kHour);

        const auto info = store.symbols.find("BTCUSDT");
        QCOMPARE(info->meta.kind, store::SymbolKind::Downloaded);
        QCOMPARE(info->meta.timeframe, std::string("1h"));
        QCOMPARE(info->meta.source, std::string("binance:spot:BTCUSDT:1h"));
        const PriceSeries bars = store.symbols.load("BTCUSDT");
        QCOMPARE(bars.close.size(), std::size_t{2'500});
        QCOMPARE(bars.time_kind, TimeKind::EpochMilliseconds);
        for (std::size_t i = 0; i < bars.close.size(); ++i) {
            QCOMPARE(bars.time_ms[i], first + static_cast<std::int64_t>(i) * kHour);
            QCOMPARE(bars.close[i], FakeBinance::fake_close(i));
        }
        QCOMPARE(bars.volume[7], 17.0);
        QCOMPARE(net.waited_ms(), std::int64_t{0});  // a polite client had no reason to wait

        // Up to date: one request for what follows the last bar, nothing new.
        for (int twice = 0; twice < 2; ++twice) {
            const FetchReport again = update_symbol(store.symbols, "BTCUSDT", net.connection);
            QVERIFY(!again.created);
            QCOMPARE(again.new_bars, std::size_t{0});
            QCOMPARE(again.pages, std::size_t{0});
            QCOMPARE(start_times(server).back(), first + 2'499 * kHour + 1);
        }
        QCOMPARE(store.symbols.find("BTCUSDT")->bar_count, std::size_t{2'500});
    }

    // Without --since: 1,000 closed candles back; later candles come with an
    // update, which asks only for what follows the last stored bar.
    void updateAsksOnlyForNewBars() {
        FakeBinance server;
        add_btc_hours(server);
        server.limit_series(1'800);  // the market as it was 700 hours ago
        MemoryStore store("feeds-update");
        TestConnection net(server);
        const std::int64_t before = wall_ms();
        const FetchReport first =
            fetch_binance(store.symbols, {kBtcHour, "BTC-1h", std::nullopt}, net.connection);
        const std::int64_t after = wall_ms();
        QVERIFY(start_times(server).front() >= before - 1'001 * kHour);
        QVERIFY(start_times(server).front() <= after - 1'001 * kHour);
        // Candles 1,500 ... 1,799 are within the last 1,001 hours.
        QCOMPARE(first.new_bars, std::size_t{300});
        QCOMPARE(store.symbols.find("BTC-1h")->meta.source, std::string("binance:spot:BTCUSDT:1h"));

        server.limit_series(std::nullopt);
        const FetchReport update = update_symbol(store.symbols, "BTC-1h", net.connection);
        QCOMPARE(update.new_bars, std::size_t{700});
        QCOMPARE(start_times(server).back(),
                 test::aligned_open_ms(kHour, 2'500) + 1'799 * kHour + 1);
        const PriceSeries bars = store.symbols.load("BTC-1h");
        QCOMPARE(bars.close.size(), std::size_t{1'000});
        for (std::size_t i = 1; i < bars.time_ms.size(); ++i)
            QCOMPARE(bars.time_ms[i] - bars.time_ms[i - 1], kHour);  // no gap, no repeat
        QCOMPARE(bars.close.back(), FakeBinance::fake_close(2'499));
    }

    void rateLimitWaitsRetryAfter() {
        FakeBinance server;
        add_btc_hours(server);
        server.queue(
            {429, "{\"code\":-1003,\"msg\":\"Too many requests\"}", {{"Retry-After", "3"}}, 0});
        MemoryStore store("feeds-429");
        TestConnection net(server);
        const FetchReport r = fetch_binance(
            store.symbols, since_start(kBtcHour, test::aligned_open_ms(kHour, 10)), net.connection);
        QCOMPARE(r.new_bars, std::size_t{10});
        QCOMPARE(net.waited_ms(), std::int64_t{3'000});
        QCOMPARE(server.targets().size(), std::size_t{2});

        // Still 429 on every try: an error, after max_attempts tries.
        for (int i = 0; i < 5; ++i)
            server.queue({429, "{}", {{"Retry-After", "1"}}, 0});
        try {
            update_symbol(store.symbols, "BTCUSDT", net.connection);
            QFAIL("no error");
        } catch (const FeedError& e) {
            QCOMPARE(e.kind(), FeedError::Kind::RateLimited);
            QVERIFY2(std::string(e.what()).find("429") != std::string::npos, e.what());
        }
    }

    void serverErrorsBackOffThenSucceed() {
        FakeBinance server;
        add_btc_hours(server);
        server.queue({500, "oops", {}, 0});
        server.queue({503, "busy", {}, 0});
        MemoryStore store("feeds-5xx");
        TestConnection net(server);
        const FetchReport r = fetch_binance(
            store.symbols, since_start(kBtcHour, test::aligned_open_ms(kHour, 5)), net.connection);
        QCOMPARE(r.new_bars, std::size_t{5});
        QCOMPARE(net.waited_ms(), std::int64_t{1'000 + 2'000});  // exponential backoff

        // Bounded: the waits stop at max_backoff and the tries at max_attempts.
        net.waits.clear();
        net.connection.policy.max_backoff = std::chrono::milliseconds(3'000);
        for (int i = 0; i < 5; ++i)
            server.queue({502, "bad gateway", {}, 0});
        try {
            update_symbol(store.symbols, "BTCUSDT", net.connection);
            QFAIL("no error");
        } catch (const FeedError& e) {
            QCOMPARE(e.kind(), FeedError::Kind::Network);
            QVERIFY2(std::string(e.what()).find("HTTP 502") != std::string::npos, e.what());
            QVERIFY2(std::string(e.what()).find("5 tries") != std::string::npos, e.what());
        }
        QCOMPARE(net.waited_ms(), std::int64_t{1'000 + 2'000 + 3'000 + 3'000});
    }

    void banStopsAtOnce() {
        FakeBinance server;
        add_btc_hours(server);
        server.queue({418,
                      "{\"code\":-1003,\"msg\":\"Way too many requests; IP banned\"}",
                      {{"Retry-After", "7200"}},
                      0});
        MemoryStore store("feeds-418");
        TestConnection net(server);
        const auto before = std::chrono::system_clock::now();
        try {
            fetch_binance(store.symbols, {kBtcHour, "", std::nullopt}, net.connection);
            QFAIL("no error");
        } catch (const FeedError& e) {
            QCOMPARE(e.kind(), FeedError::Kind::Banned);
            QVERIFY2(std::string(e.what()).find("banned") != std::string::npos, e.what());
            QVERIFY2(std::string(e.what()).find("UTC") != std::string::npos, e.what());
            const std::int64_t expected =
                std::chrono::duration_cast<std::chrono::milliseconds>(before.time_since_epoch())
                    .count() +
                7'200'000;
            QVERIFY(std::abs(*e.banned_until_ms - expected) < 60'000);
        }
        QCOMPARE(server.targets().size(), std::size_t{1});  // not one request more
        QVERIFY(!store.symbols.find("BTCUSDT"));
    }

    void rejectedRequestsSayWhy() {
        FakeBinance server;
        MemoryStore store("feeds-400");
        TestConnection net(server);
        try {
            fetch_binance(store.symbols, {{BinanceMarket::Spot, "NOPE", "1h"}, "", std::nullopt},
                          net.connection);
            QFAIL("no error");
        } catch (const FeedError& e) {
            QCOMPARE(e.kind(), FeedError::Kind::Rejected);
            QVERIFY2(
                std::string(e.what()).find("Invalid symbol. (code -1121)") != std::string::npos,
                e.what());
        }
        // Refused before any request: not a symbol, not an interval.
        QVERIFY_THROWS_EXCEPTION(
            FeedError,
            fetch_binance(store.symbols, {{BinanceMarket::Spot, "BTC&x=1", "1h"}, "", std::nullopt},
                          net.connection));
        QVERIFY_THROWS_EXCEPTION(
            FeedError,
            fetch_binance(store.symbols, {{BinanceMarket::Spot, "BTCUSDT", "1s"}, "", std::nullopt},
                          net.connection));
        QCOMPARE(server.targets().size(), std::size_t{1});
    }

    // A bad answer on the second page: the first page stays stored, nothing of
    // the bad one is, the error names the request, and the next update resumes
    // after the first page.
    void badAnswersStoreNothingOfThemselves() {
        struct Case {
            FakeAnswer answer;
            const char* what;
            FeedError::Kind kind;
            int tries;
        };
        const Case cases[] = {
            {{200, "[[1,\"1\",\"1\"", {}, 0}, "malformed", FeedError::Kind::BadResponse, 1},
            {{200, "[[1,\"1\",\"1\"", {}, 500}, "truncated", FeedError::Kind::Network, 5},
        };
        for (const Case& c : cases) {
            FakeBinance server;
            add_btc_hours(server);
            MemoryStore store(c.what);
            TestConnection net(server);
            const std::int64_t first = test::aligned_open_ms(kHour, 2'500);
            const auto spoil_next_page = [&server, &c](const FetchProgress& p) {
                for (int i = 0; p.pages == 1 && i < c.tries; ++i)
                    server.queue(c.answer);
            };
            try {
                fetch_binance(store.symbols, since_start(kBtcHour, first), net.connection,
                              spoil_next_page);
                QFAIL(c.what);
            } catch (const FeedError& e) {
                QCOMPARE(e.kind(), c.kind);
                QCOMPARE(e.stored_bars, std::size_t{1'000});
                const std::string second_page =
                    "/api/v3/klines?symbol=BTCUSDT&interval=1h&"
                    "limit=1000&startTime=" +
                    std::to_string(first + 999 * kHour + 1);
                QVERIFY2(std::string(e.what()).find(second_page) != std::string::npos, e.what());
            }
            QCOMPARE(store.symbols.find("BTCUSDT")->bar_count, std::size_t{1'000});
            const FetchReport resumed = update_symbol(store.symbols, "BTCUSDT", net.connection);
            QCOMPARE(resumed.new_bars, std::size_t{1'500});
            const PriceSeries bars = store.symbols.load("BTCUSDT");
            QCOMPARE(bars.close.size(), std::size_t{2'500});
            for (std::size_t i = 0; i < bars.close.size(); ++i)
                QCOMPARE(bars.time_ms[i], first + static_cast<std::int64_t>(i) * kHour);
        }
    }

    void emptyPageStoresNothing() {
        FakeBinance server;
        add_btc_hours(server);
        server.queue({200, "[]", {}, 0});
        MemoryStore store("feeds-empty");
        TestConnection net(server);
        const FetchReport r =
            fetch_binance(store.symbols, {kBtcHour, "", std::nullopt}, net.connection);
        QVERIFY(r.created && !r.cancelled);
        QCOMPARE(r.new_bars, std::size_t{0});
        QVERIFY(!r.last_time_ms);
        QVERIFY(!store.symbols.find("BTCUSDT"));
    }

    // Cancel between pages: the committed page stays, the next update resumes.
    void cancelKeepsCommittedPages() {
        FakeBinance server;
        add_btc_hours(server);
        MemoryStore store("feeds-cancel");
        TestConnection net(server);
        std::atomic<bool> cancel{false};
        net.connection.policy.http.cancel = &cancel;
        const std::int64_t first = test::aligned_open_ms(kHour, 2'500);
        const FetchReport r =
            fetch_binance(store.symbols, since_start(kBtcHour, first), net.connection,
                          [&cancel](const FetchProgress&) { cancel = true; });
        QVERIFY(r.cancelled);
        QCOMPARE(r.new_bars, std::size_t{1'000});
        QCOMPARE(server.targets().size(), std::size_t{1});
        QCOMPARE(store.symbols.find("BTCUSDT")->bar_count, std::size_t{1'000});
        cancel = false;
        QCOMPARE(update_symbol(store.symbols, "BTCUSDT", net.connection).new_bars,
                 std::size_t{1'500});
    }

    // Close to the weight limit, the next request waits for the next minute.
    void slowsDownBeforeTheWeightLimit() {
        FakeBinance server;
        add_btc_hours(server);
        server.set_used_weight(4'900);  // spot allows 6,000 a minute; 80% is 4,800
        MemoryStore store("feeds-weight");
        TestConnection net(server);
        const FetchReport r =
            fetch_binance(store.symbols, since_start(kBtcHour, test::aligned_open_ms(kHour, 1'500)),
                          net.connection);
        QCOMPARE(r.pages, std::size_t{2});
        QVERIFY2(net.waited_ms() > 1'000 && net.waited_ms() <= 61'000,
                 qPrintable(QString::number(net.waited_ms())));
        // Every wait is a short slice, so that a cancel is seen during it.
        for (auto w : net.waits)
            QVERIFY(w.count() <= 200);
    }

    void nameTakenAndNotUpdatable() {
        FakeBinance server;
        add_btc_hours(server);
        MemoryStore store("feeds-names");
        TestConnection net(server);
        PriceSeries file_bars;
        file_bars.close = {1.0, 2.0};
        store.symbols.save({"BTCUSDT", "/data/BTCUSDT.csv", "", "", store::SymbolKind::Imported, 0},
                           file_bars);
        try {
            fetch_binance(store.symbols, {kBtcHour, "", std::nullopt}, net.connection);
            QFAIL("an imported symbol was overwritten");
        } catch (const FeedError& e) {
            QCOMPARE(e.kind(), FeedError::Kind::NameTaken);
        }
        try {
            update_symbol(store.symbols, "BTCUSDT", net.connection);
            QFAIL("an imported symbol was updated");
        } catch (const FeedError& e) {
            QCOMPARE(e.kind(), FeedError::Kind::NotUpdatable);
            QVERIFY2(std::string(e.what()).find("BTCUSDT.csv") != std::string::npos, e.what());
        }
        QVERIFY(store.symbols.load("BTCUSDT").close == file_bars.close);
        QVERIFY(server.targets().empty());
        QVERIFY_THROWS_EXCEPTION(store::StoreError,
                                 update_symbol(store.symbols, "NONE", net.connection));

        // Another interval under a stored download's name is refused too.
        fetch_binance(store.symbols, {kBtcHour, "B", std::nullopt}, net.connection);
        QVERIFY_THROWS_EXCEPTION(
            FeedError, fetch_binance(store.symbols,
                                     {{BinanceMarket::Spot, "BTCUSDT", "4h"}, "B", std::nullopt},
                                     net.connection));
    }

    // 1,001 months back is before 1970: the first request starts at 0 instead.
    void defaultStartIsNeverNegative() {
        FakeBinance server;
        MemoryStore store("feeds-months");
        TestConnection net(server);
        server.queue({200, "[]", {}, 0});
        fetch_binance(store.symbols, {{BinanceMarket::Spot, "BTCUSDT", "1M"}, "", std::nullopt},
                      net.connection);
        QCOMPARE(start_times(server), (std::vector<std::int64_t>{0}));
    }

    void futuresAndSymbolLists() {
        FakeBinance server;
        server.add_series("ETHUSDT", "15m", test::aligned_open_ms(15 * 60'000, 20), 15 * 60'000,
                          21);
        MemoryStore store("feeds-futures");
        TestConnection net(server);
        const FeedSource source{BinanceMarket::Futures, "ETHUSDT", "15m"};
        const FetchReport r =
            fetch_binance(store.symbols, {source, "", std::nullopt}, net.connection);
        QCOMPARE(r.new_bars, std::size_t{20});
        QVERIFY(server.targets().back().starts_with("/fapi/v1/klines?symbol=ETHUSDT&interval=15m"));
        QCOMPARE(store.symbols.find("ETHUSDT")->meta.source,
                 std::string("binance:futures:ETHUSDT:15m"));

        const auto spot = binance_symbols(BinanceMarket::Spot, net.connection);
        QCOMPARE(server.targets().back(), std::string("/api/v3/exchangeInfo"));
        QCOMPARE(spot.size(), std::size_t{5});
        QCOMPARE(search_symbols(spot, "btc").front().symbol, std::string("BTCUSDT"));
        binance_symbols(BinanceMarket::Futures, net.connection);
        QCOMPARE(server.targets().back(), std::string("/fapi/v1/exchangeInfo"));
    }
};

QTEST_GUILESS_MAIN(TestFeeds)
#include "test_feeds.moc"
