// SPDX-License-Identifier: GPL-3.0-or-later
// The visible window of bars shared by all panes, and the zoom/pan arithmetic on
// it. Pure functions on plain numbers, so the navigation rules are testable
// without widgets. x is the bar index; bar i is drawn centred on x = i, so the
// full data spans [-0.5, bars - 0.5].
#pragma once

#include <cstddef>

namespace atc::ui {

struct ViewRange {
    double first = 0.0;  // x at the left edge of the plot
    double last = 1.0;   // x at the right edge

    double span() const { return last - first; }
    friend bool operator==(const ViewRange&, const ViewRange&) = default;
};

// Bars shown when a symbol is opened or the zoom is reset.
inline constexpr std::size_t kInitialBars = 500;
// Fewer bars than this cannot be told apart from a zoom-in accident.
inline constexpr double kMinSpanBars = 10.0;
// Zoom step of the wheel notch, the +/- keys and zoomIn()/zoomOut().
inline constexpr double kZoomStep = 1.25;

// Free space right of the last bar, so that the newest candle and its marker do
// not touch the price axis (a fraction of the span).
double rightMargin(double span);

// The last kInitialBars bars (all if fewer), plus the right margin.
ViewRange initialRange(std::size_t bars);

// Keeps the span between the minimum and the whole series and the window inside
// the data (a pan stops at the ends instead of showing empty space).
ViewRange clampRange(ViewRange range, std::size_t bars);

// Zooms by `factor` (> 1 shows fewer bars) keeping x = anchor at the same place
// on screen (the bar under the mouse stays under the mouse).
ViewRange zoomRange(ViewRange range, double factor, double anchor, std::size_t bars);

// The first bar whose centre is in view when x = `first` is the left edge
// (clamped to the bars; 0 without any): what the compared symbols are pinned
// to and their percentages counted from, as on TradingView.
std::size_t firstVisibleBar(double first, std::size_t bars);

// Moves the window by `delta` bars (positive: later bars).
ViewRange panRange(ViewRange range, double delta, std::size_t bars);

}  // namespace atc::ui
