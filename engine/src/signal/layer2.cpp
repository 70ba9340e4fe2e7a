// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/layer2.hpp"

#include <cassert>
#include <limits>

#include "pipeline/simd.hpp"
#include "signal/steps.hpp"

#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::detail {
namespace {

// The six families side by side in vector lanes (two padding lanes).
constexpr std::size_t kLanes = 8;

template <class V>
inline ATC_INLINE void run(const SymbolInputs& in,
                           const std::array<std::span<const double>, kFamilyCount>& signals,
                           const std::array<std::span<double>, kFamilyCount>& equities,
                           const std::array<double, kFamilyCount>& start) {
    constexpr std::size_t kWidth = simd::kWidth<V>;
    constexpr std::size_t kGroups = kLanes / kWidth;
    const std::size_t n = in.close.size();
    const std::size_t cut = in.cutout;
    V equity[kGroups];
    for (std::size_t t = 0; t < kLanes; ++t)
        equity[t / kWidth][t % kWidth] = t < kFamilyCount ? start[t] : 0.0;
    const V floor = simd::splat<V>(kEquityFloor);
    const V keep = simd::splat<V>(in.keep);
    for (std::size_t i = cut + 1; i < n; ++i) {
        const V up = simd::splat<V>(in.up_factor[i]);
        const V down = simd::splat<V>(in.down_factor[i]);
        for (std::size_t g = 0; g < kGroups; ++g) {
            V held{};
            for (std::size_t j = 0; j < kWidth; ++j) {
                const std::size_t t = g * kWidth + j;
                if (t < kFamilyCount)
                    held[j] = signals[t][i - 1];
            }
            equity[g] = simd::max_floor(floor, equity[g] * hold_factor(held, up, down, keep));
            for (std::size_t j = 0; j < kWidth; ++j) {
                const std::size_t t = g * kWidth + j;
                if (t < kFamilyCount)
                    equities[t][i] = equity[g][j];
            }
        }
    }
}

}  // namespace

void layer2_equities(const SymbolInputs& in,
                     const std::array<std::span<const double>, kFamilyCount>& signals,
                     const std::array<double, kFamilyCount>& weights,
                     const std::array<std::span<double>, kFamilyCount>& equities) {
    const std::size_t cut = in.cutout;
    assert(cut < in.close.size());
    std::array<double, kFamilyCount> start;
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        std::fill_n(equities[t].begin(), cut, std::numeric_limits<double>::quiet_NaN());
        start[t] = std::max(kEquityFloor, weights[t]);
        equities[t][cut] = start[t];
    }
    simd::dispatch([&]<class V>() ATC_INLINE { run<V>(in, signals, equities, start); });
}

}  // namespace atc::detail
