// The float32 scans' lane layout (ScanPrecision::Float32, batch.hpp): two
// families side by side, 24 floats a bar. Family A's members 0..7 are lanes
// 0..7 and its member 8 is lane 16; family B's are lanes 8..15 and 17; lanes
// 18..23 are padding. So a bar is three groups of eight floats, 18 of the 24
// lanes in use (a family alone in float lanes would fill 9 of 16), and each
// family's first eight members sit in one group.
//
// The value in a lane is the member's distance to the price, D = close - MA
// (NaN where the MA is not defined yet), not the MA: the crossing rule needs
// only D, and D can be computed in float to a precision relative to |D|
// rather than to the price (ma/distance_kernels.hpp). That is what makes the
// float32 states equal the float64 ones on the golden cases.
#pragma once

#include <array>
#include <cstddef>

#include "atc/params.hpp"
#include "pipeline/simd.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::ma::detail {

inline constexpr std::size_t kPairStride = 24;
inline constexpr std::size_t kPairLanes = 2 * kMembersPerFamily;  // 18 in use

enum class PairSlot { A = 0, B = 1 };

// The lane of member k of the family in `slot`.
constexpr std::size_t pair_lane(PairSlot slot, std::size_t k) {
    const std::size_t base = slot == PairSlot::A ? 0 : 8;
    return k < 8 ? base + k : 16 + (slot == PairSlot::A ? 0 : 1);
}

// The member in `lane` of the family in `slot`, or kMembersPerFamily if the
// lane is not that family's.
constexpr std::size_t pair_member(PairSlot slot, std::size_t lane) {
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        if (pair_lane(slot, k) == lane)
            return k;
    }
    return kMembersPerFamily;
}

// Vector groups of V that hold lanes in use: 3 of 8 floats, 5 of 4.
template <class V>
inline constexpr std::size_t kPairGroups =
    (kPairLanes + atc::detail::simd::kWidth<V> - 1) / atc::detail::simd::kWidth<V>;

// Whether group g of V holds a lane of the family in `slot`.
template <class V>
constexpr bool group_has(PairSlot slot, std::size_t g) {
    constexpr std::size_t kWidth = atc::detail::simd::kWidth<V>;
    for (std::size_t j = 0; j < kWidth; ++j) {
        if (pair_member(slot, g * kWidth + j) < kMembersPerFamily)
            return true;
    }
    return false;
}

// A per-lane constant as float vector groups, given in double (one rounding).
template <class V>
struct PairConstant {
    static constexpr std::size_t kWidth = atc::detail::simd::kWidth<V>;
    V groups[kPairStride / kWidth];

    explicit PairConstant(const std::array<double, kPairStride>& values) {
        for (std::size_t l = 0; l < kPairStride; ++l)
            groups[l / kWidth][l % kWidth] = static_cast<float>(values[l]);
    }
    ATC_INLINE V operator[](std::size_t g) const { return groups[g]; }
};

}  // namespace atc::ma::detail

#pragma GCC diagnostic pop
