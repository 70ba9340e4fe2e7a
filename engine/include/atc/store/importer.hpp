// Getting price data into the store: CSV files the user imports, and the
// bundled default data loaded on first start.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "atc/sample_universe.hpp"
#include "atc/store/symbol_store.hpp"

namespace atc::store {

struct ImportReport {
    SymbolInfo symbol;
    std::vector<std::string> warnings;  // from the CSV reader (sorted rows, odd bars)
    bool replaced = false;              // a symbol of that name existed and was replaced
};

// Reads one CSV file and saves it as one symbol, named `symbol` or else after
// the file (its name without extension). One transaction: on any error (CsvError
// for the file, StoreError for the database) the store is exactly as before.
ImportReport import_csv_file(SymbolStore& store, const std::filesystem::path& file,
                             const std::optional<std::string>& symbol = std::nullopt);

// "1d", "1w", "1M", "4h", "15m", "30s" from the typical spacing of the bars
// (the median gap, so weekends and holidays do not matter); "" without times.
std::string infer_timeframe(std::span<const std::int64_t> time_ms);

// A real series shipped with the application.
struct BundledSeries {
    std::string_view name;        // symbol name, e.g. "DAX"
    std::string_view file_name;   // e.g. "DAX.csv", for the symbol's source
    std::string_view csv_text;    // the file's content
    std::string_view provenance;  // where the data comes from
};

struct SeedReport {
    bool seeded = false;  // false: the store already had symbols and was left alone
    std::size_t real = 0;
    std::size_t generated = 0;
};

// On an empty store, saves the bundled real series (first in the watchlist, in
// the given order) and the generated universe (listed after them), all in one
// transaction. A store that has any symbol is left untouched.
SeedReport seed_if_empty(SymbolStore& store, std::span<const BundledSeries> bundled,
                         const UniverseSpec& universe = {});

}  // namespace atc::store
