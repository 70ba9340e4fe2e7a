// SPDX-License-Identifier: GPL-3.0-or-later
// Symbols and their bars in the database: what the watchlist lists and what the
// engine loads. Each save is one transaction: bars are replaced only when the
// whole save succeeds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "atc/price_csv.hpp"
#include "atc/store/database.hpp"

namespace atc::store {

// Where a symbol's bars came from. The numbers are stored in databases: never
// renumber, only append. Market data (every kind but Generated) is listed
// before generated data, whatever their names.
enum class SymbolKind : int {
    Imported = 0,    // a file the user imported (source: its path)
    Generated = 1,   // the seeded sample universe
    Bundled = 2,     // a sample series shipped with the app (source: "bundled:DAX.csv")
    Downloaded = 3,  // fetched from a market-data service
};

// One word for tables and `atc list`: "imported", "generated", "sample", "downloaded".
std::string_view symbol_kind_name(SymbolKind kind);

// What the user or the importer says about a symbol.
struct SymbolMeta {
    std::string name;        // unique; the watchlist's label
    std::string source;      // file it came from, or "bundled:DAX.csv", "generator"
    std::string timeframe;   // "1d", "1h", ... ("" when the file has no time column)
    std::string provenance;  // a sentence on where the data comes from
    SymbolKind kind = SymbolKind::Imported;
    int sort_order = 0;  // within a kind, lower first (then by name)
};

// A phrase saying where the bars came from, for tooltips and reports:
// "imported from AAPL.csv", "bundled sample (DAX.csv)", "generated, not market
// data", "downloaded from binance".
std::string symbol_origin(const SymbolMeta& meta);

struct SymbolInfo {
    std::int64_t id = 0;
    SymbolMeta meta;
    std::size_t bar_count = 0;
    std::optional<std::int64_t> first_time_ms;
    std::optional<std::int64_t> last_time_ms;
    std::int64_t imported_at_ms = 0;  // when the bars were last saved (UTC ms)
};

// The closes of a symbol's last two bars: the watchlist's Last and Chg %.
struct LastCloses {
    double last = 0.0;
    std::optional<double> previous;  // none for a symbol of one bar
};

class SymbolStore {
public:
    explicit SymbolStore(Database& db) : db_(db) {}

    // Every symbol: market data before generated, then sort_order, then name.
    std::vector<SymbolInfo> list();
    // The closes of every symbol's last two bars, by SymbolInfo::id, in one
    // query (it reads the end of each stored close array: about 10 ms for the
    // 505 bundled symbols). A symbol whose stored closes are damaged is left out.
    std::unordered_map<std::int64_t, LastCloses> last_closes();
    std::optional<SymbolInfo> find(std::string_view name);
    std::size_t count();

    // The bars of a symbol. Throws StoreError if there is no such symbol or its
    // stored arrays are damaged.
    PriceSeries load(std::string_view name);

    // Creates or replaces the symbol `meta.name` with these bars, in one
    // transaction. Throws StoreError (and changes nothing) on failure or if the
    // bars are inconsistent (arrays of different lengths, no close).
    SymbolInfo save(const SymbolMeta& meta, const PriceSeries& bars);

    // Adds `bars` after the last stored bar of `meta.name` and saves `meta`
    // with them, in one transaction (a market-data download commits each page
    // so). A symbol not stored yet is created, as save() does. The bars must
    // have times, in order and all after the stored last bar, and the columns
    // the stored bars have (time kind, open/high/low, volume; no labels).
    // Throws StoreError and changes nothing otherwise. The stored arrays are
    // rewritten whole, so appending costs as much as saving the whole symbol.
    SymbolInfo append(const SymbolMeta& meta, const PriceSeries& bars);

    // Several symbols in one transaction: all are saved or none (first start).
    void save_all(const std::vector<std::pair<SymbolMeta, PriceSeries>>& symbols);

    // True if a symbol of that name existed and was removed with its bars.
    bool remove(std::string_view name);

private:
    void save_unlocked(const SymbolMeta& meta, const PriceSeries& bars);
    Database& db_;
};

}  // namespace atc::store
