// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/compute_service.hpp"

#include <algorithm>
#include <utility>

#include "atc/compute.hpp"

namespace atc {

ComputeService::ComputeService(BackendRouter& router, cache::ResultCache* cache)
    : router_(router), cache_(cache) {}

ChartAnswer ComputeService::chart(std::span<const double> close, const AtcParams& params,
                                  std::string_view timeframe, KeptSeries kept) {
    ChartAnswer answer;
    answer.record.choice = router_.decide_chart().choice;
    bool from_cache = false;
    if (cache_) {
        answer.result =
            cache::CachedCompute(*cache_).symbol(close, params, timeframe, &from_cache, kept);
    } else {
        answer.result = std::make_shared<const AtcResult>(compute_symbol(close, params, kept));
    }
    (from_cache ? answer.record.from_cache : answer.record.computed) = 1;
    return answer;
}

ScanRun ComputeService::scan(std::size_t symbols) {
    return ScanRun(*this, symbols);
}

ScanRun::ScanRun(ComputeService& service, std::size_t symbols)
    : service_(service), symbols_(symbols) {}

cache::CachedBatchResult ScanRun::compute(std::span<const std::span<const double>> closes,
                                          const AtcParams& params, const BatchOptions& options,
                                          std::string_view timeframe) {
    cache::CachedBatchResult out;
    if (service_.cache_) {
        auto misses = [this](std::span<const std::span<const double>> c, const AtcParams& p,
                             const BatchOptions& o) { return compute_misses(c, p, o); };
        out = cache::CachedCompute(*service_.cache_, cache::engine_symbol_compute(), misses)
                  .scan(closes, params, options, timeframe);
    } else {
        BatchResult batch = compute_misses(closes, params, options);
        out.cancelled = batch.cancelled;
        out.computed = closes.size();
        out.symbols.reserve(batch.symbols.size());
        for (SymbolScan& scan : batch.symbols)
            out.symbols.push_back(std::make_shared<const SymbolScan>(std::move(scan)));
    }
    record_.from_cache += out.from_cache;
    record_.computed += out.computed;
    return out;
}

std::vector<std::shared_ptr<const SymbolScan>> ScanRun::stored(
    std::span<const cache::SeriesDigest> series, const AtcParams& params,
    const BatchOptions& options, std::string_view timeframe) {
    if (!service_.cache_)
        return std::vector<std::shared_ptr<const SymbolScan>>(series.size());
    auto found =
        cache::CachedCompute(*service_.cache_).stored_scans(series, params, options, timeframe);
    record_.from_cache += static_cast<std::size_t>(std::count_if(
        found.begin(), found.end(), [](const auto& scan) { return scan != nullptr; }));
    return found;
}

BatchResult ScanRun::compute_misses(std::span<const std::span<const double>> closes,
                                    const AtcParams& params, const BatchOptions& options) {
    BackendRouter& router = service_.router_;
    if (!decision_) {
        // The whole scan, estimated from this chunk: its symbols at this
        // chunk's mean length.
        Workload work = workload_of(closes, options.keep_series);
        const std::size_t symbols = std::max(symbols_, closes.size());
        if (!closes.empty())
            work.bars = work.bars / closes.size() * symbols;
        work.symbols = symbols;
        decision_ = router.decide(work);
    }
    RoutedBatch routed = router.compute(*decision_, closes, params, options);
    if (!routed.fallback.empty()) {
        // A GPU that failed once fails again: the rest of the scan goes to the
        // CPU straight away, and the record says why.
        record_.fallback = routed.fallback;
        RouteDecision cpu = router.decide(system::BackendRequest::Cpu, Workload{});
        cpu.choice.reason = decision_->choice.reason +
                            "; the GPU failed and the CPU computed instead: " + routed.fallback;
        decision_ = std::move(cpu);
    }
    return std::move(routed.result);
}

std::size_t ScanRun::chunk_symbols() const {
    const bool on_gpu = decision_ && decision_->choice.kind == system::BackendKind::Gpu;
    return on_gpu ? kGpuScanChunk : kCpuScanChunk;
}

ComputeRecord ScanRun::record() const {
    ComputeRecord record = record_;
    if (decision_) {
        record.choice = decision_->choice;
        return record;
    }
    record.choice = service_.router_.decide(Workload{}).choice;
    record.choice.reason += record.from_cache > 0
                                ? "; nothing was computed: every symbol came from the result cache"
                                : "; nothing was computed";
    return record;
}

}  // namespace atc
