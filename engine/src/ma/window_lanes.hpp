// SPDX-License-Identifier: GPL-3.0-or-later
// The sliding-window sums of reference/window_sums.hpp for twelve lanes in lockstep.
// Every lane has its own window length and its own re-anchoring schedule,
// exactly those of a WindowSums whose first value is at the lane's `first`
// bar, so each lane's sums are bit-identical to a reference kernel's.
// Lanes run side by side in vector registers; the rare re-anchoring bars are
// handled lane by lane.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>

#include "atc/moving_averages.hpp"
#include "ma/family_lanes.hpp"
#include "pipeline/simd.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::ma::detail {

// One lane's window: `length` bars, first value at bar `first` (>= length - 1);
// first == kNever marks a padding lane.
struct WindowSpec {
    std::size_t length = 1;
    std::size_t first = kNever;
};
using WindowSpecs = std::array<WindowSpec, kLaneStride>;

// Moves all windows over bars [min first, n) and calls
// emit(i, sums, weighted, warm_up) at every bar, where sums[g] and weighted[g]
// hold the lanes of group g (weighted only when kWeighted). During the warm-up
// some lanes have not reached their first bar yet; their sums mean nothing.
template <class V, bool kWeighted, class Series, class Emit>
inline ATC_INLINE void window_lanes(const Series& src, std::size_t n, const WindowSpecs& specs,
                                    Emit&& emit) {
    constexpr std::size_t kWidth = atc::detail::simd::kWidth<V>;
    constexpr std::size_t kGroups = kLaneStride / kWidth;
    std::array<std::size_t, kLaneStride> length;
    std::array<std::size_t, kLaneStride> next_anchor;
    std::array<std::size_t, kLaneStride> interval;
    std::array<double, kLaneStride> length_value;
    std::size_t begin = n;
    std::size_t steady = 0;  // from here every lane has started and no lag reaches before bar 0
    for (std::size_t k = 0; k < kLaneStride; ++k) {
        length[k] = specs[k].length;
        next_anchor[k] = specs[k].first;
        interval[k] = std::max(kReanchorInterval, length[k]);
        length_value[k] = static_cast<double>(length[k]);
        steady = std::max(steady, length[k]);
        if (specs[k].first != kNever) {
            begin = std::min(begin, specs[k].first);
            steady = std::max(steady, specs[k].first);
        }
    }
    steady = std::clamp(steady, begin, n);
    const LaneConstant<V> weight(length_value);

    V sums[kGroups] = {};
    V weighted[kGroups] = {};
    std::size_t next_event = *std::min_element(next_anchor.begin(), next_anchor.end());
    // WindowSums::anchor for every lane due at bar i. The direct sums go through
    // a small buffer and are blended in, so that the running sums can stay in
    // registers on the bars in between.
    alignas(32) double direct_sum[kLaneStride];
    alignas(32) double direct_weighted[kLaneStride];
    alignas(32) double due[kLaneStride];
    auto anchor_due = [&](std::size_t i) {
        next_event = kNever;
        for (std::size_t k = 0; k < kLaneStride; ++k) {
            due[k] = 0.0;
            if (next_anchor[k] == i) {
                double s = 0.0;
                double w = 0.0;
                for (std::size_t j = 0; j < length[k]; ++j) {
                    const double v = src.at(i + 1 - length[k] + j, k);
                    s += v;
                    if constexpr (kWeighted)
                        w += static_cast<double>(j + 1) * v;
                }
                direct_sum[k] = s;
                direct_weighted[k] = w;
                due[k] = 1.0;
                next_anchor[k] += interval[k];
            }
            next_event = std::min(next_event, next_anchor[k]);
        }
        const V yes = atc::detail::simd::splat<V>(1.0);
        for (std::size_t g = 0; g < kGroups; ++g) {
            const auto replace = atc::detail::simd::load<V>(due + g * kWidth) == yes;
            sums[g] = replace ? atc::detail::simd::load<V>(direct_sum + g * kWidth) : sums[g];
            weighted[g] =
                replace ? atc::detail::simd::load<V>(direct_weighted + g * kWidth) : weighted[g];
        }
    };
    // WindowSums::advance for all lanes (re-anchored lanes overwrite it).
    auto step = [&]<bool kWarmUp>(std::size_t i) ATC_INLINE {
        for (std::size_t g = 0; g < kGroups; ++g) {
            const V now = src.template row<V>(i, g);
            const V old = gather_lagged<V, kWarmUp>(src, i, g, length);
            if constexpr (kWeighted)
                weighted[g] = weighted[g] + (weight[g] * now - sums[g]);
            sums[g] = sums[g] + (now - old);
        }
        if (i == next_event)
            anchor_due(i);
    };
    for (std::size_t i = begin; i < steady; ++i) {
        step.template operator()<true>(i);
        emit(i, sums, weighted, true);
    }
    for (std::size_t i = steady; i < n; ++i) {
        step.template operator()<false>(i);
        emit(i, sums, weighted, false);
    }
}

}  // namespace atc::ma::detail

#pragma GCC diagnostic pop
