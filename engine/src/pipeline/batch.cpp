// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/batch.hpp"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include "atc/memory_limits.hpp"
#include "atc/scan_budget.hpp"
#include "atc/signals.hpp"
#include "atc/validation.hpp"
#include "pipeline/symbol_pipeline.hpp"

namespace atc {
namespace {

// Why one symbol cannot be scanned in the memory there is, or nothing: the
// worker's buffers must grow to the series' length (what they already hold
// is counted as had) and kept series come on top.
std::optional<std::string> scan_memory_refusal(std::size_t bars, const BatchOptions& options,
                                               const detail::PipelineWorkspace& ws) {
    std::uint64_t needed = estimate_worker_scratch_bytes(bars, false);
    const std::uint64_t held = ws.capacity_bytes();
    needed = needed > held ? needed - held : 0;
    if (options.keep_series)
        needed += estimate_scan_output_bytes(bars, true);
    if (needed < kMemoryCheckFromBytes)
        return std::nullopt;  // the common case, without building a message
    return memory_shortfall("scanning " + format_count(bars) + " bars", needed);
}

}  // namespace

StageTimes& StageTimes::operator+=(const StageTimes& other) {
    moving_averages += other.moving_averages;
    layer1 += other.layer1;
    layer2 += other.layer2;
    final_stage += other.final_stage;
    return *this;
}

BatchResult compute_batch(std::span<const std::span<const double>> closes, const AtcParams& params,
                          const BatchOptions& options) {
    const auto param_issues = check_params(params);
    if (!param_issues.empty()) {
        throw InvalidInput(param_issues.front().key, param_issues.front().message);
    }

    BatchResult result;
    result.symbols.resize(closes.size());
    tbb::enumerable_thread_specific<detail::PipelineWorkspace> workspaces;
    std::atomic<std::size_t> done{0};
    const std::size_t total = closes.size();

    // One symbol per task at the finest (oneTBB's auto partitioner coarsens it
    // as needed): measured the fastest; grains of 4 and 16 symbols were 5-10 %
    // slower, 64 twice as slow, a worker idling at the end (docs/PERFORMANCE.md).
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, total), [&](const auto& range) {
        detail::PipelineWorkspace& ws = workspaces.local();
        for (std::size_t s = range.begin(); s != range.end(); ++s) {
            if (options.cancel && options.cancel->load(std::memory_order_relaxed))
                return;
            SymbolScan& scan = result.symbols[s];
            const auto series_issues = check_series(closes[s], params);
            if (!series_issues.empty()) {
                scan.error = series_issues.front().message;
            } else if (auto refusal = scan_memory_refusal(closes[s].size(), options, ws)) {
                scan.error = std::move(*refusal);
            } else {
                detail::run_scan(closes[s], params, options.keep_series,
                                 options.stage_times != nullptr, ws, scan);
            }
            if (options.workspace_gauge)
                ws.report_growth(*options.workspace_gauge);
            const std::size_t finished = done.fetch_add(1, std::memory_order_relaxed) + 1;
            if (options.progress)
                options.progress(finished, total);
        }
    });

    if (options.workspace_gauge) {
        for (const detail::PipelineWorkspace& ws : workspaces)
            options.workspace_gauge->release(ws.reported_bytes);
    }
    if (options.stage_times) {
        for (const detail::PipelineWorkspace& ws : workspaces)
            *options.stage_times += ws.times;
    }
    result.cancelled = options.cancel && options.cancel->load() && done.load() < total;
    return result;
}

}  // namespace atc
