// SPDX-License-Identifier: GPL-3.0-or-later
// Getting price data into the store: price files the user imports (any layout
// the detector knows, price_import.hpp), and the bundled default data loaded
// on first start.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "atc/price_import.hpp"
#include "atc/sample_universe.hpp"
#include "atc/store/symbol_store.hpp"

namespace atc::store {

struct ImportedSymbol {
    SymbolInfo symbol;
    bool replaced = false;  // a symbol of that name existed and was replaced
};

struct ImportReport {
    std::vector<ImportedSymbol> symbols;  // one per series of the file, in its order
    ImportDetection detection;
    // From the reader (sorted rows, skipped rows, odd bars), prefixed with the
    // symbol when the file held several.
    std::vector<std::string> warnings;
};

// Reads one price file and saves each of its series as a symbol: named
// `options.symbol`, else by its ticker (a Stooq bulk file), else after the file
// (its name without extension). One transaction: on any error (CsvError for
// the file, StoreError for the database) the store is exactly as before.
// `origin` is what the symbols record as their source and provenance (the
// URL a downloaded file came from); empty: the file's absolute path.
ImportReport import_csv_file(SymbolStore& store, const std::filesystem::path& file,
                             const ImportOptions& options = {}, const std::string& origin = {});

// Saves what import_price_file read from `file` (the app's import preview reads
// once, shows it, and saves exactly that): as import_csv_file does, one
// transaction, `symbol` naming a single series (StoreError for a file of
// several tickers).
ImportReport save_imported_prices(SymbolStore& store, const std::filesystem::path& file,
                                  const ImportedPrices& prices,
                                  const std::optional<std::string>& symbol = std::nullopt,
                                  const std::string& origin = {});

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
