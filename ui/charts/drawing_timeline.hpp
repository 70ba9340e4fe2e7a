// SPDX-License-Identifier: GPL-3.0-or-later
// Where a drawing's anchors fall among the bars on screen. Anchors hold the
// time of the bar they were placed on (store::DrawingAnchor), so a line drawn
// on 1h bars lands on the same moment on 4h or daily bars: inside a bar's span
// it falls between that bar and the next in proportion to the time, and past
// either end of the data it goes on at the spacing of the nearest two bars (a
// trend line may reach into the future). Bars without times keep bar indices.
#pragma once

#include <cstdint>

#include "atc/price_csv.hpp"
#include "atc/store/drawing_store.hpp"

namespace atc::ui {

// Anchors on these bars are bar indices (the bars have no times).
inline bool anchorsByBar(const PriceSeries& bars) {
    return bars.time_ms.empty();
}

// The chart x (bar position, fractional between bars) of an anchor's x.
double barPositionOf(const PriceSeries& bars, std::int64_t anchor_x, bool by_bar);

// The anchor x of chart x `position` (a whole bar when placed by the mouse):
// the bar's time, the time between two bars, or one past either end; the bar
// index itself when `by_bar`.
std::int64_t anchorXAt(const PriceSeries& bars, double position, bool by_bar);

}  // namespace atc::ui
