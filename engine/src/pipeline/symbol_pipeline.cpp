#include "pipeline/symbol_pipeline.hpp"

#include <limits>

#include "atc/signals.hpp"
#include "ma/family_lanes.hpp"
#include "signal/layer2.hpp"

namespace atc::detail {
namespace {

std::span<double> grown(std::vector<double>& v, std::size_t n) {
    if (v.size() < n)
        v.resize(n);
    return {v.data(), n};
}

}  // namespace

MemberMaOutputs PipelineWorkspace::scratch_mas(std::size_t bars) {
    const std::span<double> all = grown(member_mas, bars * kMembersPerFamily);
    MemberMaOutputs out;
    for (std::size_t k = 0; k < kMembersPerFamily; ++k)
        out[k] = all.subspan(k * bars, bars);
    return out;
}

std::span<double> PipelineWorkspace::scratch_signal(std::size_t family, std::size_t bars) {
    return grown(layer1_signals[family], bars);
}

std::span<double> PipelineWorkspace::scratch_equity(std::size_t family, std::size_t bars) {
    return grown(layer2_equities[family], bars);
}

std::span<double> PipelineWorkspace::scratch_average(std::size_t bars) {
    return grown(average, bars);
}

SymbolPipeline::SymbolPipeline(std::span<const double> close, const AtcParams& params,
                               PipelineWorkspace& ws, StageTimes* times)
    : params_(params), ws_(ws), clock_(times), inputs_(ws.inputs.prepare(close, params)) {
    // The shared per-bar inputs serve the member equities first.
    clock_.lap(&StageTimes::layer1);
}

void SymbolPipeline::run_layer1(MaType type, const MemberMaOutputs& mas, std::span<double> signal,
                                const MemberTraces* traces) {
    const auto lengths = member_lengths(params_.length(type), params_.robustness);
    const std::size_t n = bars();
    for (std::size_t k = 0; k < kMembersPerFamily; ++k)
        ma::compute(type, params_.profile, inputs_.close, lengths[k], mas[k], ws_.ma_scratch);
    const std::span<double> lanes = grown(ws_.ma_lanes, n * ma::kLaneStride);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < kMembersPerFamily; ++k)
            lanes[i * ma::kLaneStride + k] = mas[k][i];
        for (std::size_t k = kMembersPerFamily; k < ma::kLaneStride; ++k)
            lanes[i * ma::kLaneStride + k] = std::numeric_limits<double>::quiet_NaN();
    }
    clock_.lap(&StageTimes::moving_averages);
    family_layer1(inputs_, lanes, signal, traces);
    clock_.lap(&StageTimes::layer1);
}

void SymbolPipeline::run_layer2(const std::array<std::span<const double>, kFamilyCount>& signals,
                                const std::array<std::span<double>, kFamilyCount>& equities) {
    layer2_equities(inputs_, signals, params_.weights, equities);
    clock_.lap(&StageTimes::layer2);
}

void SymbolPipeline::run_final(const std::array<std::span<const double>, kFamilyCount>& signals,
                               const std::array<std::span<const double>, kFamilyCount>& equities,
                               std::span<double> average, std::vector<EntryMarker>& markers,
                               ScanRow& row) {
    average_signal(signals, equities, params_, average);
    markers = entry_markers(average, params_.long_threshold, params_.short_threshold);
    row = scan_row(inputs_.close, average, markers);
    clock_.lap(&StageTimes::final_stage);
}

}  // namespace atc::detail
