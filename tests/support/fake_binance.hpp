// SPDX-License-Identifier: GPL-3.0-or-later
// A stand-in for Binance's public REST API on 127.0.0.1, for tests that must
// never reach the internet: klines and exchangeInfo of both markets in
// Binance's documented JSON format, answers that misbehave on request (429,
// 418, 5xx, malformed or truncated JSON, empty pages, slow answers), the
// X-MBX-USED-WEIGHT-1M header, and plain files (CSV by URL). It serves one
// connection at a time on a thread of the test process (plain POSIX sockets).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace atc::test {

// One answer the server gives instead of the normal one.
struct FakeAnswer {
    int status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    // Announce this many more bytes in Content-Length than are sent, then
    // close: a body cut short in transit.
    std::size_t missing_bytes = 0;
    std::string content_type = "application/json;charset=UTF-8";
};

class FakeBinance {
public:
    FakeBinance();
    ~FakeBinance();
    FakeBinance(const FakeBinance&) = delete;
    FakeBinance& operator=(const FakeBinance&) = delete;

    // "http://127.0.0.1:PORT", for ATC_BINANCE_URL and ATC_BINANCE_FUTURES_URL.
    std::string url() const;

    // Candles of `symbol` at `interval` (both markets): `count` candles from
    // `first_open_ms`, one every `interval_ms`; the prices follow the index
    // (fake_close). Only candles that have opened (open time <= now) are
    // served, as Binance does.
    void add_series(const std::string& symbol, const std::string& interval,
                    std::int64_t first_open_ms, std::int64_t interval_ms, std::size_t count);
    // Serves only the first `count` candles of every series (the market "as
    // it was"), until called again with nullopt.
    void limit_series(std::optional<std::size_t> count);
    // The next requests (of any path) get these answers, in order.
    void queue(FakeAnswer answer);
    // Every answer carries X-MBX-USED-WEIGHT-1M: this value.
    void set_used_weight(int weight);
    // Every answer waits this long before it is sent.
    void set_delay(std::chrono::milliseconds delay);
    // Serves `body` at `path` ("/data/BTC.csv").
    void add_file(const std::string& path, const std::string& body);

    // The request targets received so far ("/api/v3/klines?symbol=..."), and
    // the User-Agent of the last one.
    std::vector<std::string> targets() const;
    std::string last_user_agent() const;

    // The close of candle `index` of every series.
    static double fake_close(std::size_t index);

private:
    struct Series {
        std::int64_t first_open_ms;
        std::int64_t interval_ms;
        std::size_t count;
    };
    void serve();
    void answer(int client);
    FakeAnswer route(const std::string& target);
    FakeAnswer klines(const std::string& query);

    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    mutable std::mutex mutex_;
    std::map<std::string, Series> series_;  // "SYMBOL interval"
    std::optional<std::size_t> limit_;
    std::deque<FakeAnswer> queued_;
    int used_weight_ = 1;
    std::chrono::milliseconds delay_{0};
    std::map<std::string, std::string> files_;
    std::vector<std::string> targets_;
    std::string user_agent_;
    std::thread thread_;
};

// The candles' open time for "now minus `back` intervals", aligned to the
// interval as Binance aligns them: a series from there with back + 1 candles
// ends with the candle forming now. Called less than 30 s (or a quarter of the
// interval, if shorter) before the interval ends, it first waits for the next
// one, so that candle is still forming when the test looks.
std::int64_t aligned_open_ms(std::int64_t interval_ms, std::int64_t back);

}  // namespace atc::test
