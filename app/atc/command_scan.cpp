#include "command_scan.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "atc/batch.hpp"
#include "atc/cache/cached_compute.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/params_json.hpp"
#include "atc/price_csv.hpp"
#include "atc/validation.hpp"
#include "cli.hpp"
#include "scan_report.hpp"
#include "store_session.hpp"

namespace atc::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::array<OptionSpec, 5> kOptions = {{
    {"--csv-dir", true},
    {kDbOption, true},
    {"--params", true},
    {"--min-signal", true},
    {"--top", true},
}};

// A problem that stops the whole scan (as opposed to one file being skipped).
class ScanError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct SourceFile {
    fs::path path;       // the price file; empty for a symbol from the database
    std::string symbol;  // file name without extension, or the stored name
    PriceSeries series;
    std::string error;  // why the file was skipped; empty while it is fine
};

bool has_csv_extension(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".csv";
}

// The *.csv files of `dir`, sorted by file name so runs are reproducible.
std::vector<SourceFile> list_csv_files(const fs::path& dir) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) {
        throw ScanError("directory not found: " + dir.string());
    }
    if (!fs::is_directory(dir, ec)) {
        throw ScanError("not a directory: " + dir.string());
    }
    std::vector<SourceFile> files;
    // The throwing iterator reports an unreadable folder with the OS's reason.
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
        std::error_code entry_ec;
        // is_regular_file follows symbolic links, so linked price files count too.
        if (entry.is_regular_file(entry_ec) && has_csv_extension(entry.path())) {
            files.push_back({entry.path(), entry.path().stem().string(), {}, {}});
        }
    }
    if (files.empty()) {
        throw ScanError("no CSV files (*.csv) in " + dir.string());
    }
    std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) {
        return a.path.filename() < b.path.filename();
    });
    return files;
}

// Every symbol of the database, in watchlist order. A symbol whose stored bars
// cannot be read is skipped with the reason, like a bad file. `database` gets
// the file that was opened, for the result cache.
std::vector<SourceFile> load_store(const std::optional<std::string>& db_option,
                                   fs::path& database) {
    StoreSession session("atc scan", db_option);
    database = session.database().path();
    std::vector<SourceFile> symbols;
    for (const store::SymbolInfo& info : session.symbols().list()) {
        SourceFile& s = symbols.emplace_back(SourceFile{{}, info.meta.name, {}, {}});
        try {
            s.series = session.symbols().load(info.meta.name);
        } catch (const store::StoreError& e) {
            s.error = e.what();
        }
    }
    if (symbols.empty())
        throw ScanError("the database has no symbols: import some with 'atc import'");
    return symbols;
}

std::string describe(const CsvError& e) {
    return e.line() == 0 ? e.problem() : "line " + std::to_string(e.line()) + ": " + e.problem();
}

void read_all(std::vector<SourceFile>& files) {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, files.size()),
                      [&files](const tbb::blocked_range<std::size_t>& range) {
                          for (std::size_t i = range.begin(); i != range.end(); ++i) {
                              SourceFile& f = files[i];
                              // One bad file must not stop the others: keep the reason.
                              try {
                                  f.series = read_price_csv(f.path);
                              } catch (const CsvError& e) {
                                  f.error = describe(e);
                              } catch (const std::exception& e) {
                                  f.error = e.what();
                              }
                          }
                      });
}

std::string label_at(const PriceSeries& series, const std::optional<EntryMarker>& marker) {
    if (!marker || marker->bar >= series.labels.size()) {
        return {};
    }
    return series.labels[marker->bar];
}

void fail(const std::string& message) {
    std::fprintf(stderr, "atc scan: %s\n", message.c_str());
}

struct ScanOutcome {
    std::vector<std::shared_ptr<const SymbolScan>> symbols;  // one per input series
    std::size_t from_cache = 0;
};

// The scan rows of every series. With a database the persistent result cache
// answers series scanned before with the same parameters and engine; a cache
// that cannot write (read-only file, full disk) only costs the speed-up.
ScanOutcome compute_scans(std::span<const std::span<const double>> closes, const AtcParams& params,
                          const std::optional<fs::path>& cache_database) {
    // A scan needs only the last values; dropping the per-bar series keeps a
    // large universe in memory.
    BatchOptions batch_options;
    batch_options.keep_series = false;
    ScanOutcome outcome;
    if (cache_database) {
        cache::ResultCacheOptions cache_options;
        cache_options.database = *cache_database;
        cache_options.disk_kinds = cache::DiskKinds::summaries_only();
        cache_options.on_disk_error = [](const std::string& message) {
            fail("result cache: " + message);
        };
        cache::ResultCache result_cache(cache_options);
        cache::CachedBatchResult cached =
            cache::compute_scan_cached(result_cache, closes, params, batch_options);
        outcome.symbols = std::move(cached.symbols);
        outcome.from_cache = cached.from_cache;
    } else {
        BatchResult batch = compute_batch(closes, params, batch_options);
        for (SymbolScan& scan : batch.symbols) {
            outcome.symbols.push_back(std::make_shared<const SymbolScan>(std::move(scan)));
        }
    }
    if (outcome.symbols.size() != closes.size()) {
        throw std::logic_error("engine returned " + std::to_string(outcome.symbols.size()) +
                               " results for " + std::to_string(closes.size()) + " symbols");
    }
    return outcome;
}

}  // namespace

int run_scan(std::span<const std::string> args) {
    // All options are checked before any file is read.
    const ParsedOptions options = parse_options(args, kOptions);
    const std::optional<std::string> dir = options.value("--csv-dir");
    if (dir && options.has(kDbOption)) {
        throw UsageError("--csv-dir and --db choose different sources: give one of them");
    }
    ReportOptions report;
    if (const auto v = options.value("--min-signal")) {
        report.min_signal = parse_non_negative_double("--min-signal", *v);
    }
    if (const auto v = options.value("--top")) {
        report.top = parse_positive_count("--top", *v);
    }
    const std::optional<std::string> params_path = options.value("--params");

    const auto started = std::chrono::steady_clock::now();
    // Errors that stop the whole scan propagate to main(): "atc scan: ...", exit 1.
    const AtcParams params = params_path ? read_params_json(*params_path) : AtcParams{};
    std::vector<SourceFile> files;
    std::optional<fs::path> cache_database;
    if (dir) {
        files = list_csv_files(*dir);
        read_all(files);
    } else {
        fs::path database;
        files = load_store(options.value(kDbOption), database);
        cache_database = database;
    }

    std::vector<std::size_t> batch_file;  // batch slot -> index in `files`

    std::vector<std::span<const double>> closes;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (files[i].error.empty()) {
            closes.emplace_back(files[i].series.close);
            batch_file.push_back(i);
        }
    }
    const ScanOutcome outcome = compute_scans(closes, params, cache_database);

    std::vector<ReportRow> rows;
    for (std::size_t slot = 0; slot < outcome.symbols.size(); ++slot) {
        SourceFile& file = files[batch_file[slot]];
        const SymbolScan& scan = *outcome.symbols[slot];
        if (!scan.ok()) {
            file.error = scan.error.empty() ? "not computed" : scan.error;
            continue;
        }
        rows.push_back({file.symbol, scan.row, label_at(file.series, scan.row.last_marker)});
    }
    ReportTotals totals;
    totals.from_cache = outcome.from_cache;
    for (const SourceFile& f : files) {
        if (!f.error.empty()) {
            fail("skipped " + (f.path.empty() ? f.symbol : f.path.string()) + ": " + f.error);
            ++totals.failed;
        }
    }
    totals.elapsed_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    if (!write_stdout(format_scan_report(std::move(rows), report, totals))) {
        fail("cannot write to standard output");
        return kExitFailure;
    }
    return totals.failed == 0 ? kExitOk : kExitFailure;
}

}  // namespace atc::cli
