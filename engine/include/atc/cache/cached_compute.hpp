// SPDX-License-Identifier: GPL-3.0-or-later
// Computing through the result cache: look up, compute only what is missing,
// store it. The compute functions are injectable so that tests can count calls.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "atc/batch.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/params.hpp"
#include "atc/result.hpp"

namespace atc::cache {

using SymbolComputeFn =
    std::function<AtcResult(std::span<const double>, const AtcParams&, KeptSeries)>;
using BatchComputeFn = std::function<BatchResult(std::span<const std::span<const double>>,
                                                 const AtcParams&, const BatchOptions&)>;

// atc::compute_symbol and atc::compute_batch.
SymbolComputeFn engine_symbol_compute();
BatchComputeFn engine_batch_compute();

struct CachedBatchResult {
    // Same order as the input; never null. Shared with the cache: no copy on a hit.
    std::vector<std::shared_ptr<const SymbolScan>> symbols;
    bool cancelled = false;
    std::size_t from_cache = 0;  // symbols answered by the cache
    std::size_t computed = 0;    // symbols sent to the compute function
};

class CachedCompute {
public:
    explicit CachedCompute(ResultCache& cache, SymbolComputeFn symbol = engine_symbol_compute(),
                           BatchComputeFn batch = engine_batch_compute());

    // The result for charts, keeping `kept` (kept apart in the cache: a lean
    // result never answers for a full one). Throws InvalidInput for invalid
    // parameters (whether cached or not) and whatever the compute function
    // throws for an invalid series; such failures are not cached.
    // `timeframe`: the one the closes were resampled to ("" for the data's
    // own), part of the key. `from_cache`, when given, says whether the cache
    // answered.
    std::shared_ptr<const AtcResult> symbol(std::span<const double> close, const AtcParams& params,
                                            std::string_view timeframe = {},
                                            bool* from_cache = nullptr,
                                            KeptSeries kept = KeptSeries::everything());

    // A scan: every series is looked up (kind Scan, or ScanSummary when
    // options.keep_series is false), the misses go to the batch function in one
    // call, and its successful outputs are stored. Symbols it refused (error) or
    // did not reach (cancelled) are returned as it gave them and not cached.
    // options.progress sees (answered from cache + done, total).
    CachedBatchResult scan(std::span<const std::span<const double>> closes, const AtcParams& params,
                           const BatchOptions& options = {}, std::string_view timeframe = {});

    // What scan() would answer from the cache for series known by their
    // digests alone (the store keeps them): same order, null where the cache
    // holds nothing, computes nothing. Parameters are checked first, as by
    // scan(). A scan of stored symbols asks this before reading any bars.
    std::vector<std::shared_ptr<const SymbolScan>> stored_scans(
        std::span<const SeriesDigest> series, const AtcParams& params,
        const BatchOptions& options = {}, std::string_view timeframe = {});

private:
    ResultCache& cache_;
    SymbolComputeFn symbol_;
    BatchComputeFn batch_;
};

// Shorthands with the real engine.
std::shared_ptr<const AtcResult> compute_symbol_cached(ResultCache& cache,
                                                       std::span<const double> close,
                                                       const AtcParams& params);
CachedBatchResult compute_scan_cached(ResultCache& cache,
                                      std::span<const std::span<const double>> closes,
                                      const AtcParams& params, const BatchOptions& options = {});

}  // namespace atc::cache
