// SPDX-License-Identifier: GPL-3.0-or-later
// Downloading a symbol's candles into the symbol store, and bringing it up
// to date later. Only closed candles are stored: the one still forming is
// left for the next update. Each page of candles is committed in its own
// transaction, so a cancel, a network failure or a killed process keeps every
// complete page, and the next update resumes after the last stored bar.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "atc/feeds/binance.hpp"
#include "atc/store/symbol_store.hpp"

namespace atc::feeds {

// Where a downloaded symbol's bars come from, kept with it (SymbolMeta::source,
// kind Downloaded) so that it can be updated.
struct FeedSource {
    BinanceMarket market = BinanceMarket::Spot;
    std::string symbol;    // the exchange's name: "BTCUSDT"
    std::string interval;  // one of binance_intervals(): "1h"

    bool operator==(const FeedSource&) const = default;
};

// "binance:spot:BTCUSDT:1h": the text stored as SymbolMeta::source.
std::string format_feed_source(const FeedSource& source);
// The inverse of format_feed_source; nullopt for any other text (a file path,
// "bundled:DAX.csv", an unknown market or interval).
std::optional<FeedSource> parse_feed_source(std::string_view text);
// The source of a symbol that can be updated: kind Downloaded with a source
// record; nullopt for imported, bundled and generated symbols.
std::optional<FeedSource> feed_source_of(const store::SymbolMeta& meta);

struct FetchRequest {
    FeedSource source;
    // The symbol's name in the store; empty: source.symbol.
    std::string name;
    // First fetch only: the first candle wanted (UTC ms). Default: 1,000
    // candles back from now. Ignored when the symbol is stored already: an
    // update always starts after its last bar.
    std::optional<std::int64_t> since_ms;
};

// Told after each committed page (on the fetching thread).
struct FetchProgress {
    std::size_t new_bars = 0;  // stored by this fetch so far
    std::size_t pages = 0;     // pages committed so far
    // Pages still to come, estimated from the time left to the present.
    std::size_t pages_left = 0;
    std::int64_t last_time_ms = 0;  // open time of the last stored bar
};
using FetchProgressCallback = std::function<void(const FetchProgress&)>;

struct FetchReport {
    std::string name;  // the symbol in the store
    FeedSource source;
    bool created = false;    // the symbol was not stored before
    bool cancelled = false;  // connection.policy.http.cancel stopped it (pages stored stay)
    std::size_t new_bars = 0;
    std::size_t pages = 0;  // answers with at least one new closed candle
    // The stored symbol's last bar (open time, UTC ms); nullopt when nothing
    // is stored (a first fetch that found no closed candle, or was cancelled
    // before its first page).
    std::optional<std::int64_t> last_time_ms;
};

// Fetches `request.source` into `store` under `request.name`: the candles from
// `since_ms` to the present when the symbol is new, else only those after its
// last stored bar (0 new bars when it is up to date). Pages hold 1,000 candles
// (startTime + limit=1000). Throws FeedError (stored_bars: what was committed
// before) and StoreError; FeedError NameTaken when the name holds other data
// (an imported file, another market or interval): pass another name.
FetchReport fetch_binance(store::SymbolStore& store, const FetchRequest& request,
                          const BinanceConnection& connection = {},
                          const FetchProgressCallback& progress = {});

// Brings the stored symbol `name` up to date from its source record. Throws
// FeedError NotUpdatable for a symbol without one, StoreError for an unknown
// name, else as fetch_binance.
FetchReport update_symbol(store::SymbolStore& store, std::string_view name,
                          const BinanceConnection& connection = {},
                          const FetchProgressCallback& progress = {});

}  // namespace atc::feeds
