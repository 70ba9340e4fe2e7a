// The nine members of a family side by side, bar by bar: member k's value at
// bar i is lanes[i * kLaneStride + k]. Lanes 9..11 are padding (NaN MAs), so
// each bar is three groups of four that vector code reads in one load each.
#pragma once

#include <cstddef>

#include "atc/params.hpp"

namespace atc::ma {

inline constexpr std::size_t kLaneStride = 12;
static_assert(kLaneStride >= kMembersPerFamily && kLaneStride % 4 == 0);

}  // namespace atc::ma
