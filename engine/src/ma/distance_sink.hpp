// Where the window families write for the float32 scans: instead of the MA
// in double lanes, the distance D = close - MA, formed in double and rounded
// to float once, into one slot of the pair layout (ma/pair_lanes.hpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <span>

#include "ma/family_lanes.hpp"
#include "ma/pair_lanes.hpp"
#include "pipeline/simd.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::ma::detail {

// Raw pointers and the slot as a template parameter, so that the stores
// through `pair` leave nothing to reload in the kernel's loop.
template <PairSlot kSlot>
struct DistanceSink {
    const double* close;
    float* pair;

    // NaN (no MA yet) in the slot's lanes of the first `bars` bars.
    void fill_undefined(std::size_t bars) const {
        for (std::size_t i = 0; i < bars; ++i) {
            for (std::size_t k = 0; k < kMembersPerFamily; ++k)
                pair[i * kPairStride + pair_lane(kSlot, k)] =
                    std::numeric_limits<float>::quiet_NaN();
        }
    }

    // Group g of the family's double lanes (members g*width ...) at bar i.
    template <class V>
    ATC_INLINE void store(std::size_t i, std::size_t g, V ma) const {
        constexpr std::size_t kWidth = atc::detail::simd::kWidth<V>;
        static_assert(pair_lane(kSlot, 7) == pair_lane(kSlot, 0) + 7);
        float* row = pair + i * kPairStride;
        const V d = atc::detail::simd::splat<V>(close[i]) - ma;
        if constexpr (kWidth == 4) {
            if (g < 2) {
                // Members 0..7, four at a time, to the slot's first eight lanes.
                atc::detail::simd::store(row + pair_lane(kSlot, 0) + g * kWidth,
                                         __builtin_convertvector(d, atc::detail::simd::F4));
                return;
            }
        }
        for (std::size_t j = 0; j < kWidth; ++j) {
            const std::size_t k = g * kWidth + j;
            if (k < kMembersPerFamily)
                row[pair_lane(kSlot, k)] = static_cast<float>(d[j]);
        }
    }
};

}  // namespace atc::ma::detail

#pragma GCC diagnostic pop
