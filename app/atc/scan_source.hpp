// SPDX-License-Identifier: GPL-3.0-or-later
// Where `atc scan` gets its symbols: the price files of a folder or the
// symbols of the database. They are listed first and loaded a range at a
// time, so a scan under a memory budget holds only one chunk's prices. From
// the database a scan reads only the closes (store::ScanBarsReader), unless
// a --timeframe needs every column to resample.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "atc/cache/cache_key.hpp"
#include "atc/price_csv.hpp"
#include "atc/store/scan_bars_reader.hpp"
#include "timeframe_option.hpp"

namespace atc::cli {

class StoreSession;

// A problem that stops the whole scan (as opposed to one symbol being skipped).
class ScanError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ScanEntry {
    std::string symbol;         // file name without extension, or the stored name
    std::string origin;         // the file's path, or the symbol for the database (for messages)
    std::size_t bars_hint = 0;  // bars known before loading (database); 0 for files
};

struct LoadedSeries {
    PriceSeries series;
    std::string error;  // why the symbol is skipped; empty when loaded
};

class ScanSource {
public:
    // The *.csv files of `dir` (any case), sorted by file name. Throws
    // ScanError for a missing folder or one without price files.
    static ScanSource csv_dir(const std::filesystem::path& dir);
    // Every symbol of the database, in watchlist order (opening it as every
    // store command does). Throws ScanError for a database without symbols.
    static ScanSource database(const std::optional<std::string>& db_option);

    ScanSource(ScanSource&&) noexcept;
    ScanSource& operator=(ScanSource&&) noexcept;
    ~ScanSource();

    const std::vector<ScanEntry>& entries() const { return entries_; }
    // The database file, for the persistent result cache; empty for a folder,
    // and for a database that cannot be written (cache_off_reason says why).
    std::optional<std::filesystem::path> cache_database() const;
    // Why a database source has no persistent result cache; empty otherwise.
    std::string cache_off_reason() const;
    // "csv-dir" or "database", and the folder or database file.
    std::string kind() const;
    std::string location() const { return location_.string(); }

    // Every symbol loaded from now on is resampled to `request` (--timeframe);
    // one whose data cannot be made into it gets the refusal as its error.
    void set_timeframe(std::optional<TimeframeRequest> request) { timeframe_ = std::move(request); }

    // What names each entry's closes in a result cache key without reading
    // them (store::ScanBarsReader::closes_digest): one per entry, nullopt
    // where the source cannot tell (a symbol whose closes the store has no
    // hash for, or cannot read: loading it says why). Empty for a folder and
    // under a --timeframe (the resampled closes are known only once made).
    std::vector<std::optional<cache::SeriesDigest>> closes_digests();

    // The entries `which` into `loaded` (resized to which.size(), same
    // order), files read in parallel. The vectors `loaded` holds are reused
    // where the source can (the database's closes), so passing the same one
    // back spares an allocation per symbol. A symbol that cannot be read (or
    // resampled) gets its error; the others load.
    void load(std::span<const std::size_t> which, std::vector<LoadedSeries>& loaded);

    // What names bar `bar` of entry `entry`, loaded as `series`, by the app's
    // rule: its time where there are times (ISO 8601, UTC; the date alone for
    // dates), else its label, else "". Throws store::StoreError where the
    // database's stored labels or times are damaged.
    std::string bar_text(std::size_t entry, const PriceSeries& series, std::size_t bar);

private:
    ScanSource() = default;
    // Each loaded series at timeframe_, or its refusal as the symbol's error.
    void resample_loaded(std::vector<LoadedSeries>& loaded) const;
    // The database's reader of closes, made on first use.
    store::ScanBarsReader& reader();

    std::filesystem::path location_;
    std::unique_ptr<StoreSession> store_;  // null for a folder
    // Reads the database's closes; made on first need without a timeframe.
    std::unique_ptr<store::ScanBarsReader> reader_;
    std::vector<ScanEntry> entries_;
    std::optional<TimeframeRequest> timeframe_;
};

// Heap and object bytes of a loaded series: what holding it costs.
std::uint64_t price_series_bytes(const PriceSeries& series);

}  // namespace atc::cli
