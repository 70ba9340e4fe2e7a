// SPDX-License-Identifier: GPL-3.0-or-later
#include "command_scan.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "atc/batch.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/compute_service.hpp"
#include "atc/gpu/gpu_backend.hpp"
#include "atc/memory_limits.hpp"
#include "atc/params_json.hpp"
#include "atc/scan_budget.hpp"
#include "atc/store/database.hpp"
#include "atc/system/available_memory.hpp"
#include "atc/system/backend_choice.hpp"
#include "atc/system/process_memory.hpp"
#include "cli.hpp"
#include "scan_json.hpp"
#include "scan_report_file.hpp"
#include "scan_source.hpp"
#include "scan_text.hpp"
#include "store_session.hpp"
#include "timeframe_option.hpp"

namespace atc::cli {

namespace {

namespace fs = std::filesystem;

constexpr auto kOptions = join_options(std::array<OptionSpec, 10>{{
                                           {"--csv-dir", true},
                                           {kDbOption, true},
                                           {"--params", true},
                                           {"--min-signal", true},
                                           {"--top", true},
                                           {"--json", false},
                                           {"--backend", true},
                                           {"--memory-budget", true},
                                           {"--report", true},
                                           {"--no-cache", false},
                                       }},
                                       kTimeframeOptions);

constexpr double kBytesPerMb = 1024.0 * 1024.0;

void fail(const std::string& message) {
    std::fprintf(stderr, "atc scan: %s\n", message.c_str());
}

// What the command line asks for, checked before anything is read.
struct ScanSettings {
    ScanFilter filter;
    std::optional<std::string> params_path;
    bool json = false;
    bool use_cache = true;  // --no-cache: the result cache is neither read nor written
    system::BackendRequest backend = system::BackendRequest::Auto;
    std::optional<std::uint64_t> budget_bytes;
    ScanReportWriter write_report;  // --report: writes the tables as PDF, CSV or JSON
    std::optional<TimeframeRequest> timeframe;
};

ScanSettings read_settings(const ParsedOptions& options, std::span<const std::string> args) {
    if (options.has("--csv-dir") && options.has(kDbOption)) {
        throw UsageError("--csv-dir and --db choose different sources: give one of them");
    }
    ScanSettings settings;
    if (const auto v = options.value("--min-signal")) {
        settings.filter.min_signal = parse_non_negative_double("--min-signal", *v);
    }
    if (const auto v = options.value("--top")) {
        settings.filter.top = parse_positive_count("--top", *v);
    }
    settings.params_path = options.value("--params");
    settings.json = options.has("--json");
    settings.use_cache = !options.has("--no-cache");
    if (const auto v = options.value("--backend")) {
        const auto request = system::parse_backend_request(*v);
        if (!request) {
            throw UsageError("invalid value for --backend: '" + *v +
                             "' (expected cpu, gpu or auto)");
        }
        settings.backend = *request;
    }
    if (const auto v = options.value("--memory-budget")) {
        const double mb = parse_non_negative_double("--memory-budget", *v);
        if (mb <= 0.0 || mb * kBytesPerMb >= 1.8e19) {
            throw UsageError("invalid value for --memory-budget: '" + *v +
                             "' (expected a number of MB above 0)");
        }
        settings.budget_bytes = static_cast<std::uint64_t>(std::llround(mb * kBytesPerMb));
    }
    if (const auto v = options.value("--report"))
        settings.write_report = prepare_scan_report(*v, args);
    settings.timeframe = read_timeframe_request(options);
    return settings;
}

// Everything the scan found, symbol by symbol.
struct ScanResults {
    std::vector<ScanReportRow> rows;  // the computed symbols
    std::vector<std::string> errors;  // per entry of the source; empty when fine
    ScanMemoryReport memory;
    ComputeRecord compute;  // which backend computed, why, and the cache's answers
};

// Computes the symbols of a source chunk by chunk: a chunk's prices are loaded,
// computed and let go before the next is loaded, so only one chunk (plus one
// load group) is held. A chunk holds at most ScanRun::chunk_symbols() symbols
// (64 on the CPU), fewer when the memory limit says so: --memory-budget, or
// without one the memory the machine has (automatic_limit). Without a budget
// the vectors are kept for the next chunk and load group, which read into them.
class ChunkedScan {
public:
    // `timeframe`: the result cache key's (request_label), "" for the data's own
    // bars. `use_cache` false: the result cache is neither read nor written.
    ChunkedScan(ScanSource& source, const AtcParams& params, std::string timeframe,
                std::optional<std::uint64_t> budget, bool use_cache, BackendRouter& router)
        : source_(source),
          params_(params),
          timeframe_(std::move(timeframe)),
          budget_(budget),
          limit_(budget ? budget : automatic_limit()),
          workers_(system::cpu_backend_threads()),
          batch_options_(summary_options()),
          planner_(0, batch_options_.keep_series, /*keep_outputs=*/false, workers_) {
        results_.errors.resize(source.entries().size());
        results_.memory.budget_bytes = budget;
        if (!use_cache) {
            // Asked for: nothing to tell.
        } else if (const auto database = source.cache_database()) {
            open_cache(*database);
        } else if (const std::string why = source.cache_off_reason(); !why.empty()) {
            fail("result cache off: " + why);
        }
        // The misses go to the backend the router picks (CPU or GPU), chosen
        // once for the whole scan.
        service_.emplace(router, cache_.get());
        run_.emplace(service_->scan(source.entries().size()));
        planner_.set_room(room_for_scan(limit_));
    }

    ScanResults run() {
        const std::vector<std::size_t> to_load = answer_from_store();
        for (std::size_t start = 0; start < to_load.size();) {
            // A load group is read in parallel and joins the open chunk symbol
            // by symbol. Under --memory-budget it is one symbol per worker, so
            // that the budget's estimates see what is loaded; otherwise a
            // chunk's worth, read in one parallel pass.
            const std::size_t group = budget_ ? workers_ : run_->chunk_symbols();
            const std::size_t end = std::min(to_load.size(), start + group);
            const std::span<const std::size_t> which(to_load.data() + start, end - start);
            source_.load(which, loaded_);
            for (std::size_t k = 0; k < which.size(); ++k)
                admit(which[k], loaded_[k]);
            start = end;
        }
        if (open_count_ > 0)
            compute_open_chunk();
        results_.memory.estimated_peak_bytes = planner_.peak_bytes();
        results_.memory.within_budget = planner_.within_budget();
        results_.compute = run_->record();
        return std::move(results_);
    }

private:
    struct OpenSymbol {
        std::size_t entry = 0;
        PriceSeries series;
    };

    static BatchOptions summary_options() {
        // A scan needs only the last values; dropping the per-bar series keeps
        // a large universe in memory.
        BatchOptions options;
        options.keep_series = false;
        return options;
    }

    // The limit without --memory-budget: what the process holds now plus the
    // share of the available memory one task may take (memory_limits.hpp).
    // None when the available memory cannot be read.
    static std::optional<std::uint64_t> automatic_limit() {
        const std::uint64_t available = system::available_memory_bytes();
        if (available == 0)
            return std::nullopt;
        return system::read_process_memory().rss_bytes + usable_memory_bytes(available);
    }

    // What the limit leaves after the memory the process holds now: the
    // program and its libraries, the database connections and their page
    // caches, the rows so far, what the allocator kept. Measured again after
    // every chunk, so that what the estimates do not see counts too. 0 means
    // no limit to the planner.
    static std::uint64_t room_for_scan(std::optional<std::uint64_t> limit) {
        if (!limit)
            return 0;
        const std::uint64_t in_use = system::read_process_memory().rss_bytes;
        return *limit > in_use ? *limit - in_use : 1;
    }

    // The persistent result cache: series scanned before with the same
    // parameters and engine are answered from it; a cache that cannot write
    // (read-only file, full disk) only costs the speed-up.
    void open_cache(const fs::path& database) {
        cache::ResultCacheOptions options;
        options.database = database;
        options.disk_kinds = cache::DiskKinds::summaries_only();
        // One scan looks each symbol up once, so the memory tier never answers;
        // under a budget it would only hold memory the budget counts.
        if (budget_)
            options.memory_capacity_bytes = 0;
        options.on_disk_error = [](const std::string& message) {
            fail("result cache: " + message);
        };
        options.on_disk_off = [](const std::string& reason) {
            fail("result cache in memory only from now on: " + reason);
        };
        cache_ = std::make_unique<cache::ResultCache>(options);
    }

    // The entries whose results the cache holds, found by the digests the
    // store keeps of their closes, go straight to the results without their
    // bars being read; returns the others, in order, for loading and
    // computing (their look-up is then by their closes, as for a folder).
    std::vector<std::size_t> answer_from_store() {
        const std::size_t total = source_.entries().size();
        std::vector<std::size_t> known;
        std::vector<cache::SeriesDigest> digests;
        if (cache_) {
            const auto stored = source_.closes_digests();
            for (std::size_t i = 0; i < stored.size(); ++i) {
                if (stored[i]) {
                    known.push_back(i);
                    digests.push_back(*stored[i]);
                }
            }
        }
        std::vector<bool> answered(total, false);
        if (!known.empty()) {
            const auto found = run_->stored(digests, params_, batch_options_, timeframe_);
            const PriceSeries unread;  // the store names the markers' bars
            for (std::size_t k = 0; k < known.size(); ++k) {
                if (!found[k])
                    continue;
                collect(known[k], unread, *found[k]);
                answered[known[k]] = true;
            }
        }
        std::vector<std::size_t> to_load;
        to_load.reserve(total);
        for (std::size_t i = 0; i < total; ++i) {
            if (!answered[i])
                to_load.push_back(i);
        }
        return to_load;
    }

    // Takes the loaded series into the open chunk; `loaded` gets the vectors
    // of the slot it joins, for the next load to reuse.
    void admit(std::size_t entry, LoadedSeries& loaded) {
        if (!loaded.error.empty()) {
            results_.errors[entry] = loaded.error;
            return;
        }
        const std::size_t bars = loaded.series.close.size();
        const std::uint64_t bytes = price_series_bytes(loaded.series);
        // A full chunk is computed before the next symbol joins, so that only
        // a chunk's prices are held (and the memory limit, when it is the
        // smaller, closes it earlier).
        if (open_count_ >= run_->chunk_symbols() || planner_.should_close_before(bars, bytes)) {
            compute_open_chunk();
        }
        planner_.add(bars, bytes);
        if (open_count_ == open_.size())
            open_.emplace_back();
        OpenSymbol& slot = open_[open_count_++];
        slot.entry = entry;
        std::swap(slot.series, loaded.series);
    }

    void compute_open_chunk() {
        compute_and_collect();
        ++results_.memory.chunks;
        open_count_ = 0;
        planner_.close_chunk();
        if (budget_) {
            // Under a budget only what the estimates count is held: no spare
            // vectors (a load then gets empty ones back for those it hands over).
            open_.clear();
            release_free_memory();
        }
        if (limit_)
            planner_.set_room(room_for_scan(limit_));
    }

    // glibc keeps freed memory for reuse, so the resident memory would not
    // shrink between chunks; under a budget, giving it back lets the next
    // measurement (and the next chunk) see what is really held. Without one
    // the next chunk reuses it, which spares it the page faults.
    static void release_free_memory() {
#if defined(__GLIBC__)
        malloc_trim(0);
#endif
    }

    // The open chunk's rows (and errors) into results_.
    void compute_and_collect() {
        const std::span<const OpenSymbol> open(open_.data(), open_count_);
        std::vector<std::span<const double>> closes;
        closes.reserve(open.size());
        for (const OpenSymbol& s : open)
            closes.emplace_back(s.series.close);

        cache::CachedBatchResult computed =
            run_->compute(closes, params_, batch_options_, timeframe_);
        const std::vector<std::shared_ptr<const SymbolScan>>& scans = computed.symbols;
        if (scans.size() != open.size()) {
            throw std::logic_error("engine returned " + std::to_string(scans.size()) +
                                   " results for " + std::to_string(open.size()) + " symbols");
        }
        for (std::size_t k = 0; k < open.size(); ++k)
            collect(open[k].entry, open[k].series, *scans[k]);
    }

    // Entry `entry`'s row (or error) into results_, `series` its loaded bars.
    void collect(std::size_t entry, const PriceSeries& series, const SymbolScan& scan) {
        if (!scan.ok()) {
            results_.errors[entry] = scan.error.empty() ? "not computed" : scan.error;
            return;
        }
        try {
            results_.rows.push_back({source_.entries()[entry].symbol, scan.row,
                                     marker_text(entry, series, scan.row.last_marker)});
        } catch (const store::StoreError& e) {
            results_.errors[entry] = e.what();
        }
    }

    // What names the bar of the last entry marker; "" without one.
    std::string marker_text(std::size_t entry, const PriceSeries& series,
                            const std::optional<EntryMarker>& marker) {
        return marker ? source_.bar_text(entry, series, marker->bar) : std::string();
    }

    ScanSource& source_;
    const AtcParams& params_;
    std::string timeframe_;
    std::optional<std::uint64_t> budget_;  // --memory-budget
    std::optional<std::uint64_t> limit_;   // the budget, or the automatic limit
    unsigned workers_;
    BatchOptions batch_options_;
    ChunkPlanner planner_;
    std::unique_ptr<cache::ResultCache> cache_;
    std::optional<ComputeService> service_;  // over cache_, made once it is open
    std::optional<ScanRun> run_;
    std::vector<LoadedSeries> loaded_;  // the load group
    // The open chunk is open_[0, open_count_); the slots after it keep their
    // vectors for the loads to come.
    std::vector<OpenSymbol> open_;
    std::size_t open_count_ = 0;
    ScanResults results_;
};

}  // namespace

int run_scan(std::span<const std::string> args) {
    // All options are checked before any file is read.
    const ParsedOptions options = parse_options(args, kOptions);
    const ScanSettings settings = read_settings(options, args);

    // The CPU, or the GPU where one is usable (gpu::make_router): gpu without
    // one is refused here with the reason, before anything is read.
    const std::unique_ptr<BackendRouter> router = gpu::make_router(settings.backend);
    router->set_log([](const std::string& message) { fail(message); });
    if (const RouteDecision asked = router->decide(Workload{}); !asked.choice.usable) {
        fail(asked.choice.reason);
        return kExitFailure;
    }

    const auto started = std::chrono::steady_clock::now();
    // Errors that stop the whole scan propagate to main(): "atc scan: ...", exit 1.
    const AtcParams params =
        settings.params_path ? read_params_json(*settings.params_path) : AtcParams{};
    ScanSource source = options.has("--csv-dir") ? ScanSource::csv_dir(*options.value("--csv-dir"))
                                                 : ScanSource::database(options.value(kDbOption));

    source.set_timeframe(settings.timeframe);

    ScanResults results = ChunkedScan(source, params, request_label(settings.timeframe),
                                      settings.budget_bytes, settings.use_cache, *router)
                              .run();
    results.memory.peak_rss_bytes = system::read_process_memory().peak_rss_bytes;

    ScanReport report;
    report.params = params;
    report.source = {source.kind(), source.location()};
    report.timeframe = request_label(settings.timeframe);
    report.filter = settings.filter;
    report.from_cache = results.compute.from_cache;
    report.rows = std::move(results.rows);
    for (std::size_t i = 0; i < source.entries().size(); ++i) {
        if (results.errors[i].empty())
            continue;
        const ScanEntry& entry = source.entries()[i];
        fail("skipped " + entry.origin + ": " + results.errors[i]);
        report.failures.push_back({entry.symbol, entry.origin, results.errors[i]});
    }
    report.elapsed_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    // A report that cannot be written stops with its error (exit 1) and leaves
    // nothing behind.
    if (settings.write_report)
        settings.write_report(report);
    // The JSON also tells how the scan ran: the backend that ran (the GPU, or
    // the CPU) and why, and how its memory was planned.
    const std::string out =
        settings.json
            ? format_scan_json(report, {settings.backend, results.compute.choice, results.memory})
            : format_scan_text(report);
    if (!write_stdout(out)) {
        fail("cannot write to standard output");
        return kExitFailure;
    }
    return report.failures.empty() ? kExitOk : kExitFailure;
}

}  // namespace atc::cli
