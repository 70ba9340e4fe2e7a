// SPDX-License-Identifier: GPL-3.0-or-later
// The one way the app and `atc` compute: a chart's full result and a scan's
// rows go through the result cache (when there is one) and the backend router,
// and every answer says which backend produced its numbers and why, so that
// what the status bar, the hardware panel and `atc scan --json` name is what
// ran. No Qt, no global state: the caller owns the router and the cache.
//
//   chart request --> ComputeService::chart --> cache --miss--> CPU pipeline
//   scan request  --> ComputeService::scan  --> ScanRun (backend chosen once
//                     for the whole scan) --> cache --misses--> router --> CPU | GPU
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "atc/backend_router.hpp"
#include "atc/batch.hpp"
#include "atc/cache/cached_compute.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/params.hpp"
#include "atc/result.hpp"
#include "atc/system/backend_choice.hpp"

namespace atc {

// Which backend computed an answer, for people.
struct ComputeRecord {
    // The backend whose numbers the answer holds and why it was chosen; after
    // a GPU failure the CPU, with the failure in the reason.
    system::BackendChoice choice;
    std::string fallback;        // the GPU's failure when the CPU answered instead
    std::size_t from_cache = 0;  // symbols the result cache answered
    std::size_t computed = 0;    // symbols a backend computed
};

struct ChartAnswer {
    std::shared_ptr<const AtcResult> result;
    ComputeRecord record;
};

class ScanRun;

class ComputeService {
public:
    // `cache` may be null (`atc scan --csv-dir` keeps none): then everything is
    // computed. Both must outlive the service and its runs.
    ComputeService(BackendRouter& router, cache::ResultCache* cache);

    // A chart's result keeping `kept` (every moving average, state and
    // equity, or only the drawn ones): from the cache, or computed on the CPU,
    // the only backend that produces it.
    // Throws InvalidInput for invalid parameters or series.
    // `timeframe`: the one the closes were resampled to ("" for the data's
    // own bars); the cache keeps each timeframe's result apart.
    ChartAnswer chart(std::span<const double> close, const AtcParams& params,
                      std::string_view timeframe = {}, KeptSeries kept = KeptSeries::everything());

    // A scan of `symbols` series, computed in one or more chunks by the
    // returned run. The backend is chosen once, for the whole scan's size
    // (estimated from its first chunk), not per chunk: a scan computed in
    // small chunks still goes to the GPU when the whole of it is worth it.
    ScanRun scan(std::size_t symbols);

    BackendRouter& router() { return router_; }

private:
    friend class ScanRun;
    BackendRouter& router_;
    cache::ResultCache* cache_;
};

// A scan loads and computes this many symbols at a time on the CPU: a chunk's
// prices are all that is held (64 series of 2,000 bars with every column are
// about 11 MB), progress stays steady and a cancel quick, and both workers
// stay busy (the batch hands out one symbol at a time, so a chunk's idle
// tail is one symbol).
inline constexpr std::size_t kCpuScanChunk = 64;
// On the GPU a chunk is one device request, and each has a fixed cost: once
// the scan's backend is known to be the GPU, chunks grow to this.
inline constexpr std::size_t kGpuScanChunk = 4096;

// One scan in progress. Not thread-safe: one thread computes its chunks.
class ScanRun {
public:
    // One chunk: cache look-ups, the misses on the scan's backend, the fresh
    // results stored. Errors, progress and cancellation as CachedCompute::scan.
    // Throws BackendUnavailable when the backend asked for cannot run.
    // `timeframe` as for ComputeService::chart.
    cache::CachedBatchResult compute(std::span<const std::span<const double>> closes,
                                     const AtcParams& params, const BatchOptions& options,
                                     std::string_view timeframe = {});

    // The scans the cache holds for stored series known by their digests
    // (CachedCompute::stored_scans; all null without a cache), counted as
    // answered from the cache. Computes nothing: the caller reads the bars of
    // the others and passes them to compute().
    std::vector<std::shared_ptr<const SymbolScan>> stored(
        std::span<const cache::SeriesDigest> series, const AtcParams& params,
        const BatchOptions& options, std::string_view timeframe = {});

    // The backend chosen (after the first chunk with something to compute);
    // nullopt before.
    const std::optional<RouteDecision>& decision() const { return decision_; }

    // How many symbols the next chunk should hold: kCpuScanChunk until the
    // GPU is known to compute the scan, then kGpuScanChunk.
    std::size_t chunk_symbols() const;

    // The whole run so far: which backend computed and why; when nothing
    // needed computing, says so.
    ComputeRecord record() const;

private:
    friend class ComputeService;
    ScanRun(ComputeService& service, std::size_t symbols);
    BatchResult compute_misses(std::span<const std::span<const double>> closes,
                               const AtcParams& params, const BatchOptions& options);

    ComputeService& service_;
    std::size_t symbols_;
    std::optional<RouteDecision> decision_;
    ComputeRecord record_;
};

}  // namespace atc
