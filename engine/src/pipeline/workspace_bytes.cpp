// SPDX-License-Identifier: GPL-3.0-or-later
// How much a batch worker's buffers hold, for the WorkspaceGauge. Capacities,
// not sizes: that is what the allocator handed out.
#include "atc/workspace_gauge.hpp"
#include "pipeline/symbol_pipeline.hpp"
#include "signal/symbol_inputs.hpp"

namespace atc::detail {
namespace {

template <typename T>
std::size_t held(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}

}  // namespace

std::size_t SymbolInputBuffers::capacity_bytes() const {
    return held(growth_) + held(band_) + held(keep_return_) + held(up_) + held(down_);
}

std::uint64_t PipelineWorkspace::capacity_bytes() const {
    std::uint64_t total = inputs.capacity_bytes() + held(ma_lanes) + held(average) + held(markers);
    for (std::size_t t = 0; t < kFamilyCount; ++t)
        total += held(layer1_signals[t]) + held(layer2_equities[t]);
    total +=
        held(ma_scratch.a) + held(ma_scratch.b) + held(ma_scratch.c) + held(ma_scratch.lanes_out);
    total += held(hull_rings);
    return total;
}

void PipelineWorkspace::report_growth(WorkspaceGauge& gauge) {
    const std::uint64_t now = capacity_bytes();
    // The buffers only grow; the other branch keeps the gauge right if that ever changes.
    if (now > reported_bytes)
        gauge.grow(now - reported_bytes);
    else if (now < reported_bytes)
        gauge.release(reported_bytes - now);
    reported_bytes = now;
}

}  // namespace atc::detail
