// SPDX-License-Identifier: GPL-3.0-or-later
// How many entry markers the memory estimates count for a series: the scan's
// estimate (scan_estimate.cpp) and the memory limits (memory_limits.cpp) must
// count the same.
#pragma once

#include <cstdint>

namespace atc::detail {

// Entry markers come and go with the trend: on 1 %-volatility random walks
// about one per 7.5 bars, on the sample markets fewer; counted as one per 4.
inline constexpr std::uint64_t kBarsPerMarker = 4;

}  // namespace atc::detail
