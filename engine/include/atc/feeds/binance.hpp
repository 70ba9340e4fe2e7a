// SPDX-License-Identifier: GPL-3.0-or-later
// Binance public market data, no API key: klines (candles) of spot
// (/api/v3/klines) and USDⓈ-M futures (/fapi/v1/klines), and the symbol lists
// (exchangeInfo). docs/DATA_SOURCES.md says what this relies on from Binance's
// documentation. Storing and updating symbols: atc/feeds/fetch.hpp.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "atc/feeds/feed_error.hpp"
#include "atc/feeds/http.hpp"

namespace atc::feeds {

enum class BinanceMarket {
    Spot,     // api.binance.com, /api/v3
    Futures,  // USDⓈ-M perpetual and delivery futures, fapi.binance.com, /fapi/v1
};

// "spot", "futures".
std::string_view market_name(BinanceMarket market);
// The inverse of market_name; nullopt for anything else.
std::optional<BinanceMarket> parse_market(std::string_view name);

// Every kline interval Binance offers on both markets, shortest first:
// 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M. Case matters ("1m" is a
// minute, "1M" a month), as in Binance's API and atc/timeframe.hpp.
std::span<const std::string_view> binance_intervals();
bool is_binance_interval(std::string_view interval);
// The interval's nominal length in ms; "1M" counts 30 days. For estimates
// (pages left, the default start) only: bars are placed by Binance's times.
// Throws std::invalid_argument for a text that is not an interval.
std::int64_t interval_length_ms(std::string_view interval);

// One candle, in Binance's documented array order: open time, open, high,
// low, close, volume, close time (the quote volume, trade count and taker
// volumes that follow are not kept). Times are UTC ms; close_time_ms is the
// last millisecond of the candle (open time + length - 1).
struct Kline {
    std::int64_t open_time_ms = 0;
    double open = 0, high = 0, low = 0, close = 0, volume = 0;
    std::int64_t close_time_ms = 0;
};

// Parses a klines answer: a JSON array of candles, prices and volumes as
// decimal strings. Throws FeedError BadResponse naming `url` for anything
// else (not JSON, cut short, a field missing or of the wrong type, a price
// that is not a positive number, candles out of order).
std::vector<Kline> parse_klines(std::string_view body, std::string_view url);

// A symbol of exchangeInfo, for the Download dialog's search.
struct ListedSymbol {
    std::string symbol;       // "BTCUSDT"
    std::string base_asset;   // "BTC"
    std::string quote_asset;  // "USDT"
    std::string status;       // "TRADING", "BREAK", ... (delisted pairs still have history)
};

// Parses an exchangeInfo answer's "symbols". Throws FeedError BadResponse naming `url`.
std::vector<ListedSymbol> parse_exchange_info(std::string_view body, std::string_view url);

// The symbols matching what the user types, case-insensitively: the exact
// symbol first, then those starting with `query`, then those whose base asset
// does, then any containing it; each group in the list's order, trading
// pairs before the others. At most `limit` results; "" matches nothing.
std::vector<ListedSymbol> search_symbols(std::span<const ListedSymbol> symbols,
                                         std::string_view query, std::size_t limit = 50);

// Where the requests go. Tests point these at a local server.
struct BinanceEndpoints {
    std::string spot = "https://api.binance.com";
    std::string futures = "https://fapi.binance.com";

    // The defaults, overridden by $ATC_BINANCE_URL and $ATC_BINANCE_FUTURES_URL
    // when set and non-empty.
    static BinanceEndpoints from_environment();
    const std::string& base(BinanceMarket market) const;
};

// How politely and how persistently requests are made.
struct NetworkPolicy {
    // Tries per request for timeouts, network failures, 5xx and 429.
    int max_attempts = 5;
    // Wait before the second try of a timeout, network failure or 5xx,
    // doubling for each further try up to max_backoff.
    std::chrono::milliseconds first_backoff{1'000};
    std::chrono::milliseconds max_backoff{30'000};
    // When X-MBX-USED-WEIGHT-1M plus the next request's weight would pass this
    // share of the market's limit per minute (spot 6000, futures 2400), wait
    // for the next minute before sending it.
    double weight_headroom = 0.8;
    HttpOptions http;  // timeouts and the cancel flag (also checked during waits)
    // Performs a wait (of at most a few hundred ms: longer waits are sliced so
    // that a cancel is seen); empty: std::this_thread::sleep_for. Tests pass
    // one that records the waits and returns at once.
    std::function<void(std::chrono::milliseconds)> sleep;
};

struct BinanceConnection {
    BinanceEndpoints endpoints = BinanceEndpoints::from_environment();
    NetworkPolicy policy;
};

// The market's symbols (exchangeInfo, one request). Throws FeedError, or
// HttpError Cancelled when policy.http.cancel was raised.
std::vector<ListedSymbol> binance_symbols(BinanceMarket market,
                                          const BinanceConnection& connection = {});

}  // namespace atc::feeds
