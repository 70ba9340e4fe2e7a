#include "atc/batch.hpp"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include "atc/signals.hpp"
#include "atc/validation.hpp"
#include "pipeline/symbol_pipeline.hpp"

namespace atc {
namespace {

// Runs one validated series into `scan`, using the worker's workspace for
// everything the scan does not keep.
void compute_one(std::span<const double> close, const AtcParams& params, bool keep_series,
                 detail::PipelineWorkspace& ws, SymbolScan& scan) {
    const std::size_t n = close.size();
    detail::SymbolPipeline pipeline(close, params, ws);
    const detail::MemberOutput scratch = ws.scratch_member(n);
    std::array<detail::MemberOutput, kMembersPerFamily> members;
    members.fill(scratch);

    std::array<std::span<const double>, kFamilyCount> layer1_signals;
    std::array<std::span<const double>, kFamilyCount> layer2_equities;
    for (const MaType type : kAllFamilies) {
        const auto t = static_cast<std::size_t>(type);
        auto& signal = keep_series ? scan.layer1_signals[t] : ws.layer1_signals[t];
        auto& weight = keep_series ? scan.layer2_equities[t] : ws.layer2_equities[t];
        if (signal.size() < n)
            signal.resize(n);
        if (weight.size() < n)
            weight.resize(n);
        const std::span<double> signal_span(signal.data(), n);
        const std::span<double> weight_span(weight.data(), n);
        pipeline.run_family(type, members, signal_span, weight_span);
        layer1_signals[t] = signal_span;
        layer2_equities[t] = weight_span;
    }
    auto& average = keep_series ? scan.average : ws.average;
    if (average.size() < n)
        average.resize(n);
    const std::span<double> average_span(average.data(), n);
    pipeline.run_average(layer1_signals, layer2_equities, average_span);
    scan.markers = entry_markers(average_span, params.long_threshold, params.short_threshold);
    scan.row = scan_row(close, average_span, scan.markers);
    scan.computed = true;
}

}  // namespace

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

    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, total), [&](const auto& range) {
        detail::PipelineWorkspace& ws = workspaces.local();
        for (std::size_t s = range.begin(); s != range.end(); ++s) {
            if (options.cancel && options.cancel->load(std::memory_order_relaxed))
                return;
            SymbolScan& scan = result.symbols[s];
            const auto series_issues = check_series(closes[s], params);
            if (!series_issues.empty()) {
                scan.error = series_issues.front().message;
            } else {
                compute_one(closes[s], params, options.keep_series, ws, scan);
            }
            const std::size_t finished = done.fetch_add(1, std::memory_order_relaxed) + 1;
            if (options.progress)
                options.progress(finished, total);
        }
    });

    result.cancelled = options.cancel && options.cancel->load() && done.load() < total;
    return result;
}

}  // namespace atc
