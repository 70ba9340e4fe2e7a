// SPDX-License-Identifier: GPL-3.0-or-later
// Bars that contradict themselves: a high below the low, an open or close
// outside the low-high range. Vendors do ship them (bad ticks, adjusted closes
// next to unadjusted ranges), so they are counted in warnings, not refused.
#pragma once

#include <cstddef>
#include <vector>

#include "atc/price_csv.hpp"

namespace atc::detail {

// Adds to `series.warnings` one sentence per kind of contradiction found,
// with how many bars have it and the first file line (`lines`: each bar's).
void warn_about_inconsistent_bars(PriceSeries& series, const std::vector<std::size_t>& lines);

}  // namespace atc::detail
