// SPDX-License-Identifier: GPL-3.0-or-later
// Downloading candles page by page into the symbol store.
#include "atc/feeds/fetch.hpp"

#include <algorithm>

#include "feeds/binance_requester.hpp"

namespace atc::feeds {
namespace {

constexpr int kPageLimit = 1000;  // the most candles one spot request returns
constexpr std::size_t kDefaultBars = 1000;

// Documented weights of a request with limit=1000: spot 2, futures 5 ([500, 1000]).
int klines_weight(BinanceMarket market) {
    return market == BinanceMarket::Futures ? 5 : 2;
}

// Binance symbols are upper-case letters and digits ("BTCUSDT"; delivery
// futures add "_240628"); anything else would not be a symbol but part of a URL.
bool is_symbol_text(std::string_view symbol) {
    return !symbol.empty() && symbol.size() <= 32 &&
           std::all_of(symbol.begin(), symbol.end(), [](char c) {
               return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
           });
}

void check_source(const FeedSource& source) {
    if (!is_symbol_text(source.symbol)) {
        throw FeedError(FeedError::Kind::Rejected,
                        "\"" + source.symbol +
                            "\" is not a Binance symbol (upper-case letters and digits, e.g. "
                            "BTCUSDT)");
    }
    if (!is_binance_interval(source.interval)) {
        throw FeedError(FeedError::Kind::Rejected, "\"" + source.interval +
                                                       "\" is not a Binance interval (1m 3m 5m 15m "
                                                       "30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M)");
    }
}

std::string describe(const FeedSource& source) {
    return "Binance " + std::string(market_name(source.market)) + " " + source.symbol + " " +
           source.interval;
}

PriceSeries as_bars(std::span<const Kline> klines) {
    PriceSeries bars;
    bars.time_kind = TimeKind::EpochMilliseconds;
    bars.time_column = "open_time";
    for (const Kline& k : klines) {
        bars.time_ms.push_back(k.open_time_ms);
        bars.open.push_back(k.open);
        bars.high.push_back(k.high);
        bars.low.push_back(k.low);
        bars.close.push_back(k.close);
        bars.volume.push_back(k.volume);
    }
    return bars;
}

std::size_t pages_left(std::int64_t next_start_ms, std::int64_t now, std::int64_t interval_ms) {
    if (now <= next_start_ms)
        return 0;
    const std::int64_t page_ms = interval_ms * kPageLimit;
    return static_cast<std::size_t>((now - next_start_ms + page_ms - 1) / page_ms);
}

// Pages until the present: each page's closed candles are committed before
// the next page is asked for.
void fetch_pages(store::SymbolStore& store, const store::SymbolMeta& meta, const FeedSource& source,
                 std::int64_t start_ms, const BinanceConnection& connection,
                 const FetchProgressCallback& progress, FetchReport& report) {
    detail::BinanceRequester requester(connection, source.market);
    const std::int64_t interval_ms = interval_length_ms(source.interval);
    const std::string path = std::string(requester.api_prefix()) +
                             "/klines?symbol=" + source.symbol + "&interval=" + source.interval +
                             "&limit=" + std::to_string(kPageLimit) + "&startTime=";
    while (true) {
        const detail::BinanceAnswer answer =
            requester.get(path + std::to_string(start_ms), klines_weight(source.market));
        const std::vector<Kline> page = parse_klines(answer.body, answer.url);
        if (page.empty())
            return;
        if (page.front().open_time_ms < start_ms) {
            throw FeedError(FeedError::Kind::BadResponse,
                            "GET " + answer.url + ": unexpected answer: candles before startTime");
        }
        // A candle is final once its last millisecond has passed on the server.
        const auto forming = std::find_if(page.begin(), page.end(), [&answer](const Kline& k) {
            return k.close_time_ms >= answer.server_time_ms;
        });
        const std::span<const Kline> closed(page.begin(), forming);
        if (!closed.empty()) {
            const store::SymbolInfo stored = store.append(meta, as_bars(closed));
            report.new_bars += closed.size();
            ++report.pages;
            report.last_time_ms = stored.last_time_ms;
            if (progress) {
                progress(
                    {report.new_bars, report.pages,
                     pages_left(closed.back().open_time_ms + 1, answer.server_time_ms, interval_ms),
                     closed.back().open_time_ms});
            }
        }
        // A short page or a forming candle: the present is reached.
        if (forming != page.end() || page.size() < static_cast<std::size_t>(kPageLimit))
            return;
        start_ms = page.back().open_time_ms + 1;
    }
}

}  // namespace

FetchReport fetch_binance(store::SymbolStore& store, const FetchRequest& request,
                          const BinanceConnection& connection,
                          const FetchProgressCallback& progress) {
    check_source(request.source);
    FetchReport report;
    report.name = request.name.empty() ? request.source.symbol : request.name;
    report.source = request.source;
    store::SymbolMeta meta{report.name,
                           format_feed_source(request.source),
                           request.source.interval,
                           describe(request.source) +
                               " candles, downloaded from Binance's "
                               "public market data",
                           store::SymbolKind::Downloaded,
                           0};
    std::int64_t start_ms = 0;
    if (const auto stored = store.find(report.name)) {
        if (feed_source_of(stored->meta) != request.source) {
            throw FeedError(FeedError::Kind::NameTaken,
                            "\"" + report.name + "\" is already in the database (" +
                                store::symbol_origin(stored->meta) +
                                "): store the download under another name");
        }
        meta.sort_order = stored->meta.sort_order;
        report.last_time_ms = stored->last_time_ms;
        start_ms = stored->last_time_ms.value_or(-1) + 1;
    } else {
        report.created = true;
        // One interval more than kDefaultBars: the candle forming now is not stored.
        // Not before 1970: 1,001 months back is, and Binance refuses negative times.
        start_ms = std::max<std::int64_t>(
            0, request.since_ms.value_or(detail::now_ms() -
                                         static_cast<std::int64_t>(kDefaultBars + 1) *
                                             interval_length_ms(request.source.interval)));
    }
    try {
        fetch_pages(store, meta, request.source, start_ms, connection, progress, report);
    } catch (const HttpError& e) {
        if (e.kind() != HttpError::Kind::Cancelled)
            throw;
        report.cancelled = true;
    } catch (FeedError& e) {
        e.stored_bars = report.new_bars;
        throw;
    }
    return report;
}

FetchReport update_symbol(store::SymbolStore& store, std::string_view name,
                          const BinanceConnection& connection,
                          const FetchProgressCallback& progress) {
    const auto stored = store.find(name);
    if (!stored)
        throw store::StoreError("no symbol named \"" + std::string(name) + "\" in the database");
    const auto source = feed_source_of(stored->meta);
    if (!source) {
        throw FeedError(FeedError::Kind::NotUpdatable, "\"" + std::string(name) +
                                                           "\" cannot be updated: it is " +
                                                           store::symbol_origin(stored->meta) +
                                                           ", not downloaded from an exchange");
    }
    return fetch_binance(store, {*source, std::string(name), std::nullopt}, connection, progress);
}

}  // namespace atc::feeds
