// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/symbol_pipeline.hpp"

#include "atc/signals.hpp"
#include "ma/family_kernels.hpp"
#include "ma/family_lanes.hpp"
#include "signal/layer2.hpp"
#include "signal/markers.hpp"
#include "system/huge_pages.hpp"

namespace atc::detail {
namespace {

std::span<double> grown(std::vector<double>& v, std::size_t n) {
    if (v.size() < n)
        system::resize_on_huge_pages(v, n);
    return {v.data(), n};
}

}  // namespace

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

std::span<const double> SymbolPipeline::family_lanes(MaType type) {
    const std::span<double> lanes = grown(ws_.ma_lanes, bars() * ma::kLaneStride);
    const ma::detail::MemberLengths lengths =
        member_lengths(params_.length(type), params_.robustness);
    // The Hull average's full-length WMAs are the WMA family's values for the
    // same lengths: when the lanes hold those, one window pass is spared (the
    // same kernel code, so the same bits).
    const ma::detail::FamilyKernel* kernel = &ma::detail::family_kernel(type, params_.profile);
    if (kernel == &ma::detail::kHmaFamily && lanes_hold_ == MaType::WMA &&
        &ma::detail::family_kernel(MaType::WMA, params_.profile) == &ma::detail::kWmaFamily &&
        params_.length(MaType::WMA) == params_.length(MaType::HMA))
        kernel = &ma::detail::kHmaOverWmaFamily;
    kernel->compute(inputs_.close, lengths, lanes, ws_.ma_scratch);
    lanes_hold_ = type;
    return lanes;
}

void SymbolPipeline::run_layer1(MaType type, std::span<double> signal, FamilyMembers* members,
                                KeptSeries kept) {
    const std::size_t n = bars();
    const std::span<const double> lanes = family_lanes(type);
    clock_.lap(&StageTimes::moving_averages);
    if (!members) {
        family_layer1(inputs_, lanes, signal, nullptr);
        clock_.lap(&StageTimes::layer1);
        return;
    }
    // Member k keeps its series when everything is kept; the base member
    // (k == 0) keeps its MA and states in any case (the price pane draws them).
    const auto keeps_ma_and_state = [&](std::size_t k) { return kept.members || k == 0; };
    MemberTraces traces;
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        MemberSeries& member = (*members)[k];
        const std::size_t ma_and_state = keeps_ma_and_state(k) ? n : 1;
        system::resize_on_huge_pages(member.ma, keeps_ma_and_state(k) ? n : 0);
        system::resize_on_huge_pages(member.state, ma_and_state);
        system::resize_on_huge_pages(member.equity, kept.members ? n : 1);
        traces[k] = {member.state, member.equity};
    }
    // The MAs out of their lanes, bar by bar (reading the lanes in order).
    if (kept.members) {
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t k = 0; k < kMembersPerFamily; ++k)
                (*members)[k].ma[i] = lanes[i * ma::kLaneStride + k];
        }
    } else {
        for (std::size_t i = 0; i < n; ++i)
            (*members)[0].ma[i] = lanes[i * ma::kLaneStride];
    }
    clock_.lap(&StageTimes::moving_averages);
    family_layer1(inputs_, lanes, signal, &traces);
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        MemberSeries& member = (*members)[k];
        member.last_state = member.state.back();
        member.last_equity = member.equity.back();
        // The one-slot traces were only there to catch the last bar.
        if (!keeps_ma_and_state(k))
            member.state = {};
        if (!kept.members)
            member.equity = {};
    }
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
    markers_and_row(inputs_.close, average, equities, params_, ws_.markers, markers, row);
    clock_.lap(&StageTimes::final_stage);
}

void markers_and_row(std::span<const double> close, std::span<const double> average,
                     const std::array<std::span<const double>, kFamilyCount>& equities,
                     const AtcParams& params, std::vector<EntryMarker>& collected,
                     std::vector<EntryMarker>& markers, ScanRow& row) {
    entry_markers_into(average, params.long_threshold, params.short_threshold, collected);
    markers.assign(collected.begin(), collected.end());
    row = scan_row(close, average, markers, equities);
}

std::span<const double> run_scan(std::span<const double> close, const AtcParams& params,
                                 bool keep_series, bool timed, PipelineWorkspace& ws,
                                 SymbolScan& scan) {
    const std::size_t n = close.size();
    SymbolPipeline pipeline(close, params, ws, timed ? &ws.times : nullptr);

    auto kept = [n](std::vector<double>& v) {
        system::resize_on_huge_pages(v, n);
        return std::span<double>(v);
    };
    std::array<std::span<const double>, kFamilyCount> signals;
    std::array<std::span<double>, kFamilyCount> equities;
    for (const MaType type : kPipelineOrder) {
        const auto t = static_cast<std::size_t>(type);
        const std::span<double> signal =
            keep_series ? kept(scan.layer1_signals[t]) : ws.scratch_signal(t, n);
        equities[t] = keep_series ? kept(scan.layer2_equities[t]) : ws.scratch_equity(t, n);
        pipeline.run_layer1(type, signal, nullptr);
        signals[t] = signal;
    }
    pipeline.run_layer2(signals, equities);

    std::array<std::span<const double>, kFamilyCount> const_equities;
    for (std::size_t t = 0; t < kFamilyCount; ++t)
        const_equities[t] = equities[t];
    const std::span<double> average = keep_series ? kept(scan.average) : ws.scratch_average(n);
    pipeline.run_final(signals, const_equities, average, scan.markers, scan.row);
    scan.computed = true;
    return average;
}

}  // namespace atc::detail
