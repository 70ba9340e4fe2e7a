// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/cache/cached_compute.hpp"

#include "atc/compute.hpp"
#include "atc/validation.hpp"

namespace atc::cache {
namespace {

// Parameters are judged before the cache is asked, so an invalid request fails
// the same way whether or not something is cached.
void check_params_or_throw(const AtcParams& params) {
    const auto issues = check_params(params);
    if (!issues.empty())
        throw InvalidInput(issues.front().key, issues.front().message);
}

}  // namespace

SymbolComputeFn engine_symbol_compute() {
    return [](std::span<const double> close, const AtcParams& params, KeptSeries kept) {
        return atc::compute_symbol(close, params, kept);
    };
}

BatchComputeFn engine_batch_compute() {
    return [](std::span<const std::span<const double>> closes, const AtcParams& params,
              const BatchOptions& options) { return atc::compute_batch(closes, params, options); };
}

CachedCompute::CachedCompute(ResultCache& cache, SymbolComputeFn symbol, BatchComputeFn batch)
    : cache_(cache), symbol_(std::move(symbol)), batch_(std::move(batch)) {}

std::shared_ptr<const AtcResult> CachedCompute::symbol(std::span<const double> close,
                                                       const AtcParams& params,
                                                       std::string_view timeframe, bool* from_cache,
                                                       KeptSeries kept) {
    check_params_or_throw(params);
    const CacheKey key = cache_.key(result_kind(kept), close, params, timeframe);
    // The result carries its parameters: a hit must be for exactly these (a
    // last guard behind the 128-bit context hash).
    auto hit = cache_.find_result(key);
    const bool answered = hit && hit->params == params;
    if (from_cache)
        *from_cache = answered;
    if (answered)
        return hit;
    auto result = std::make_shared<const AtcResult>(symbol_(close, params, kept));
    cache_.store(key, result);
    return result;
}

CachedBatchResult CachedCompute::scan(std::span<const std::span<const double>> closes,
                                      const AtcParams& params, const BatchOptions& options,
                                      std::string_view timeframe) {
    check_params_or_throw(params);
    const std::size_t total = closes.size();
    const EntryKind kind = options.keep_series ? EntryKind::Scan : EntryKind::ScanSummary;
    const Hash128 context = cache_.context(params, timeframe);

    CachedBatchResult out;
    out.symbols.resize(total);
    std::vector<CacheKey> keys(total);
    std::vector<std::size_t> missing;  // indexes into closes
    for (std::size_t i = 0; i < total; ++i) {
        keys[i] = make_key(kind, closes[i], context);
        out.symbols[i] = cache_.find_scan(keys[i]);
        if (!out.symbols[i])
            missing.push_back(i);
    }
    out.from_cache = total - missing.size();
    out.computed = missing.size();
    if (options.progress && out.from_cache > 0)
        options.progress(out.from_cache, total);
    if (missing.empty())
        return out;

    std::vector<std::span<const double>> to_compute;
    to_compute.reserve(missing.size());
    for (const std::size_t i : missing)
        to_compute.push_back(closes[i]);
    BatchOptions batch_options = options;
    if (options.progress) {
        batch_options.progress = [&options, offset = out.from_cache, total](std::size_t done,
                                                                            std::size_t) {
            options.progress(offset + done, total);
        };
    }
    BatchResult computed = batch_(to_compute, params, batch_options);
    if (computed.symbols.size() != missing.size())
        throw std::logic_error("the batch compute function returned the wrong number of symbols");
    out.cancelled = computed.cancelled;

    std::vector<std::pair<CacheKey, std::shared_ptr<const SymbolScan>>> fresh;
    fresh.reserve(missing.size());
    for (std::size_t m = 0; m < missing.size(); ++m) {
        auto scan = std::make_shared<const SymbolScan>(std::move(computed.symbols[m]));
        out.symbols[missing[m]] = scan;
        if (scan->ok())
            fresh.emplace_back(keys[missing[m]], std::move(scan));
    }
    cache_.store(fresh);
    return out;
}

std::vector<std::shared_ptr<const SymbolScan>> CachedCompute::stored_scans(
    std::span<const SeriesDigest> series, const AtcParams& params, const BatchOptions& options,
    std::string_view timeframe) {
    check_params_or_throw(params);
    const EntryKind kind = options.keep_series ? EntryKind::Scan : EntryKind::ScanSummary;
    const Hash128 context = cache_.context(params, timeframe);
    std::vector<CacheKey> keys;
    keys.reserve(series.size());
    for (const SeriesDigest& digest : series)
        keys.push_back(make_key(kind, digest, context));
    return cache_.find_scans(keys);
}

std::shared_ptr<const AtcResult> compute_symbol_cached(ResultCache& cache,
                                                       std::span<const double> close,
                                                       const AtcParams& params) {
    return CachedCompute(cache).symbol(close, params);
}

CachedBatchResult compute_scan_cached(ResultCache& cache,
                                      std::span<const std::span<const double>> closes,
                                      const AtcParams& params, const BatchOptions& options) {
    return CachedCompute(cache).scan(closes, params, options);
}

}  // namespace atc::cache
