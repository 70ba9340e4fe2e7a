// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/compute.hpp"

#include "atc/memory_limits.hpp"
#include "atc/signals.hpp"
#include "atc/validation.hpp"
#include "pipeline/symbol_pipeline.hpp"
#include "system/huge_pages.hpp"

namespace atc {
namespace {

// compute_symbol's buffers, kept per thread between calls: fresh buffers cost
// a page fault per 4 KiB touched, more than the computation itself on a
// 5000-bar symbol, and freeing them lets the allocator return the result's
// memory to the system too, so the next result faults again
// (docs/PERFORMANCE.md). About 150 bytes per bar of the longest series that
// thread computed; above kRetainedBars it is released after each call.
constexpr std::size_t kRetainedBars = 50000;

detail::PipelineWorkspace& thread_workspace() {
    thread_local detail::PipelineWorkspace workspace;
    return workspace;
}

// Each member's length and its offset from the family's base length.
void name_members(FamilyMembers& members, int base_length, Robustness robustness) {
    const auto offsets = member_offsets(robustness);
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        members[k].offset = offsets[k];
        members[k].length = base_length + offsets[k];
    }
}

// Lets the thread's workspace go after a series longer than kRetainedBars.
void release_long_workspace(std::size_t bars) {
    if (bars > kRetainedBars)
        thread_workspace() = detail::PipelineWorkspace{};
}

}  // namespace

AtcResult compute_symbol(std::span<const double> close, const AtcParams& params) {
    return compute_symbol(close, params, nullptr);
}

AtcResult compute_symbol(std::span<const double> close, const AtcParams& params,
                         StageTimes* stage_times) {
    return compute_symbol(close, params, KeptSeries::everything(), stage_times);
}

AtcResult compute_symbol(std::span<const double> close, const AtcParams& params, KeptSeries kept,
                         StageTimes* stage_times) {
    validate_or_throw(close, params);
    const std::size_t n = close.size();
    // Refused before anything is allocated: a result that cannot fit would
    // otherwise be killed by the kernel half-way, taking the program along.
    // What this compute holds: about 430 bytes a bar for the drawn series, 1.3 KB for all.
    if (const std::uint64_t needed = estimate_result_bytes(n, kept);
        needed >= kMemoryCheckFromBytes) {
        const std::string what = (kept.members ? "a full result for " : "the drawn series of ") +
                                 format_count(n) + " bars";
        if (auto shortfall = memory_shortfall(what, needed))
            throw InsufficientMemory(*shortfall, needed);
    }

    AtcResult result;
    result.bars = n;
    result.params = params;
    result.kept = kept;

    detail::PipelineWorkspace& ws = thread_workspace();
    detail::SymbolPipeline pipeline(close, params, ws, stage_times);

    std::array<std::span<const double>, kFamilyCount> signals;
    std::array<std::span<double>, kFamilyCount> equities;
    for (const MaType type : detail::kPipelineOrder) {
        const auto t = static_cast<std::size_t>(type);
        FamilyResult& family = result.families[t];
        family.type = type;
        family.base_length = params.length(type);
        name_members(family.members, family.base_length, params.robustness);
        system::resize_on_huge_pages(family.signal, n);
        system::resize_on_huge_pages(family.weight_equity, n);
        pipeline.run_layer1(type, family.signal, &family.members, kept);
        signals[t] = family.signal;
        equities[t] = family.weight_equity;
    }
    pipeline.run_layer2(signals, equities);

    system::resize_on_huge_pages(result.average, n);
    std::array<std::span<const double>, kFamilyCount> const_equities;
    for (std::size_t t = 0; t < kFamilyCount; ++t)
        const_equities[t] = equities[t];
    pipeline.run_final(signals, const_equities, result.average, result.markers, result.row);
    release_long_workspace(n);
    return result;
}

FamilyMembers compute_members(std::span<const double> close, const AtcParams& params, MaType family,
                              StageTimes* stage_times) {
    validate_or_throw(close, params);
    FamilyMembers members;
    name_members(members, params.length(family), params.robustness);
    detail::PipelineWorkspace& ws = thread_workspace();
    detail::SymbolPipeline pipeline(close, params, ws, stage_times);
    // The family signal comes with the members' equities; the views do not draw it.
    pipeline.run_layer1(family, ws.scratch_signal(static_cast<std::size_t>(family), close.size()),
                        &members, KeptSeries::everything());
    release_long_workspace(close.size());
    return members;
}

}  // namespace atc
