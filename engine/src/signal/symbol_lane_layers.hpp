// SPDX-License-Identifier: GPL-3.0-or-later
// Layer 1, Layer 2 and the Average with one symbol per vector lane (the layout
// of ma/symbol_lane_mas.hpp), a bar and a member at a time. Each lane does the operations
// of the per-symbol passes in their order: family_layer1.cpp's crossing rule,
// member equity and sums, layer2.cpp's equities and layers.cpp's
// average_bars, so the numbers are bit-identical to them.
#pragma once

#include <array>
#include <cstddef>

#include "atc/params.hpp"
#include "pipeline/simd.hpp"
#include "signal/steps.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::detail::symbol_lanes {

// Where a bar lies relative to the cutout (family_layer1.cpp's Phase), with
// bar 0, which only sets the distances, apart.
enum class Phase { First, BeforeCutout, AtCutout, AfterCutout };

// One member's crossing state and member equity (family_layer1.cpp's lanes).
template <class V>
struct MemberLayer1 {
    V diff{}, state{}, equity{};

    // Bar i, given the member's MA there; `band` and `minus_band` of bar i and
    // `prev_band`, `minus_prev_band` of bar i - 1. Returns state * equity and
    // the equity through num and den (meaningless before the cutout).
    template <Phase kPhase>
    ATC_INLINE void step(V ma, V price, V band, V minus_band, V prev_band, V minus_prev_band,
                         V keep_return, V keep, V& num, V& den) {
        const V one = simd::splat<V>(1.0);
        if constexpr (kPhase == Phase::First) {
            // Bar 0 has no previous bar, so nothing crosses; it sets the distances.
            diff = price - ma;
            state = simd::splat<V>(0.0);
            equity = simd::max_floor(simd::splat<V>(kEquityFloor), one);
        } else {
            // The equity first: it takes the state held from the bar before,
            // which the crossing then overwrites in place.
            // At the cutout the equity is max(floor, 1.0) again: what it has
            // been since bar 0.
            if constexpr (kPhase == Phase::AfterCutout) {
                const V factor = keep + state * keep_return;
                equity = simd::max_floor(simd::splat<V>(kEquityFloor), equity * factor);
            }
            // The previous distance's comparisons before the new distance
            // takes its place (no copy of it carried to the next bar).
            const auto was_at_or_below = simd::less_equal(diff, prev_band);
            const auto was_at_or_above = simd::greater_equal(diff, minus_prev_band);
            diff = price - ma;
            const auto cross_up = simd::both<V>(simd::greater(diff, band), was_at_or_below);
            const auto cross_down = simd::both<V>(simd::less(diff, minus_band), was_at_or_above);
            state = simd::select(cross_up, one, simd::select(cross_down, -one, state));
        }
        num = state * equity;
        den = equity;
    }
};

// The order family_layer1.cpp sums a family's members in: lane j of four sums
// members j, j+4, j+8 (its padding members 9..11 add state * 0, which changes
// no sum: a member's state * equity is never -0, equities being at least the
// floor), then numerator and denominator are (l0 + l1) + (l2 + l3). What lane
// j's sum l_j does to a bar's running sums:
enum class LaneRole {
    ToPair,    // lanes 0 and 2: pair = l
    PairPlus,  // lane 1: total = pair + l
    AddPair,   // lane 3: total = total + (pair + l)
};
inline constexpr std::array<LaneRole, 4> kLaneRoles = {LaneRole::ToPair, LaneRole::PairPlus,
                                                       LaneRole::ToPair, LaneRole::AddPair};

// The running sums of one quantity (numerator or denominator) for one bar.
template <class V>
struct SumSlots {
    V lane, pair, total;  // a lane's sum so far, l0 or l2, and the total
};

template <LaneRole kRole, class V>
inline ATC_INLINE void add_lane(SumSlots<V>& s, V lane_sum) {
    if constexpr (kRole == LaneRole::ToPair)
        s.pair = lane_sum;
    else if constexpr (kRole == LaneRole::PairPlus)
        s.total = s.pair + lane_sum;
    else
        s.total = s.total + (s.pair + lane_sum);
}

// The six family equities of Layer 2 (layer2.cpp), from the cutout on.
template <class V>
struct Layer2 {
    std::array<V, kFamilyCount> equity;

    void start(const std::array<double, kFamilyCount>& weights) {
        for (std::size_t t = 0; t < kFamilyCount; ++t)
            equity[t] = simd::splat<V>(std::max(kEquityFloor, weights[t]));
    }
    // A bar after the cutout, from the previous bar's signals.
    ATC_INLINE void step(const std::array<V, kFamilyCount>& previous_signal, V keep_return,
                         V keep) {
        const V up = keep + keep_return;  // long_factor, short_factor (steps.hpp)
        const V down = keep - keep_return;
        for (std::size_t t = 0; t < kFamilyCount; ++t)
            equity[t] =
                simd::max_floor(simd::splat<V>(kEquityFloor),
                                equity[t] * hold_factor(previous_signal[t], up, down, keep));
    }
};

// layers.cpp's Average of a bar from the cutout on (before it, 0).
template <class V>
inline ATC_INLINE V average(const std::array<V, kFamilyCount>& signal,
                            const std::array<V, kFamilyCount>& equity, V long_threshold,
                            V short_threshold) {
    const V one = simd::splat<V>(1.0);
    const V zero{};
    V num{};
    V den{};
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        const V s = signal[t];
        const V cut = simd::select(simd::greater(s, long_threshold), one,
                                   simd::select(simd::less(s, short_threshold), -one, zero));
        num += cut * equity[t];
        den += equity[t];
    }
    const V result = num / den;
    return simd::select(simd::is_finite(result), result, zero);
}

}  // namespace atc::detail::symbol_lanes

#pragma GCC diagnostic pop
