// SPDX-License-Identifier: GPL-3.0-or-later
// The nine members of a family side by side, bar by bar: member k's value at
// bar i is lanes[i * kLaneStride + k]. Lanes 9..11 are padding (their values
// mean nothing), so that each bar is three groups of four doubles that vector
// code reads with one load each. The family kernels write this layout and the
// Layer-1 pass reads it.
#pragma once

#include <array>
#include <cstddef>
#include <limits>

#include "atc/params.hpp"
#include "pipeline/simd.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::ma {

inline constexpr std::size_t kLaneStride = 12;
static_assert(kLaneStride >= kMembersPerFamily && kLaneStride % 4 == 0);

namespace detail {

inline constexpr std::size_t kNever = std::numeric_limits<std::size_t>::max();

// Where lane k reads bar i: one series shared by all lanes (the close), or
// lane k of a lane buffer (an intermediate series of each member).
struct SharedSeries {
    const double* x;
    double at(std::size_t i, std::size_t) const { return x[i]; }
    template <class V>
    ATC_INLINE V row(std::size_t i, std::size_t) const {
        return atc::detail::simd::splat<V>(x[i]);
    }
};

struct LaneSeries {
    const double* lanes;
    double at(std::size_t i, std::size_t k) const { return lanes[i * kLaneStride + k]; }
    template <class V>
    ATC_INLINE V row(std::size_t i, std::size_t group) const {
        return atc::detail::simd::load<V>(lanes + i * kLaneStride +
                                          group * atc::detail::simd::kWidth<V>);
    }
};

// A per-lane constant as vector groups: groups[g][j] = values[g * width + j].
template <class V>
struct LaneConstant {
    static constexpr std::size_t kGroups = kLaneStride / atc::detail::simd::kWidth<V>;
    V groups[kGroups];

    explicit LaneConstant(const std::array<double, kLaneStride>& values) {
        for (std::size_t k = 0; k < kLaneStride; ++k)
            groups[k / atc::detail::simd::kWidth<V>][k % atc::detail::simd::kWidth<V>] = values[k];
    }
    ATC_INLINE V operator[](std::size_t g) const { return groups[g]; }
};

// Lane k's value of the series at bar i - lag[k] (lag[k] <= i unless
// kClamped, where a lane whose lag reaches before bar 0 reads bar 0). Padding
// lanes read nothing: their values are never used.
template <class V, bool kClamped, class Series>
inline ATC_INLINE V gather_lagged(const Series& src, std::size_t i, std::size_t group,
                                  const std::array<std::size_t, kLaneStride>& lag) {
    constexpr std::size_t kWidth = atc::detail::simd::kWidth<V>;
    V v{};
    for (std::size_t j = 0; j < kWidth; ++j) {
        const std::size_t k = group * kWidth + j;
        if (k >= kMembersPerFamily)
            break;
        const std::size_t index = kClamped ? (i >= lag[k] ? i - lag[k] : 0) : i - lag[k];
        v[j] = src.at(index, k);
    }
    return v;
}

}  // namespace detail
}  // namespace atc::ma

#pragma GCC diagnostic pop
