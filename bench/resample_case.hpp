// SPDX-License-Identifier: GPL-3.0-or-later
// The resample case: a symbol of one-minute bars switched to 1h, as the app
// does when a trader picks another timeframe (resample.hpp).
#pragma once

#include <cstddef>

#include "atc/price_csv.hpp"

namespace atc::bench {

// `bars` one-minute bars from 2024-01-01T00:00Z without gaps: the universe's
// seeded closes, each bar opening at the close before it, its high and low a
// little outside both, and a volume per bar. Built in memory, never timed.
PriceSeries minute_bars(std::size_t bars);

}  // namespace atc::bench
