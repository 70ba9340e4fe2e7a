// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/view_range.hpp"

#include <algorithm>
#include <cmath>

namespace atc::ui {
namespace {

double dataFirst() {
    return -0.5;
}
double dataLast(std::size_t bars) {
    return static_cast<double>(bars) - 0.5;
}

double minSpan(std::size_t bars) {
    return std::min(kMinSpanBars, std::max(1.0, static_cast<double>(bars)));
}

double maxSpan(std::size_t bars) {
    const double all = dataLast(bars) - dataFirst();
    return std::max(1.0, all + rightMargin(all));
}

}  // namespace

double rightMargin(double span) {
    return 0.03 * span;
}

ViewRange initialRange(std::size_t bars) {
    if (bars == 0)
        return {};
    const double shown = static_cast<double>(std::min(bars, kInitialBars));
    const double last = dataLast(bars);
    return {last - shown, last + rightMargin(shown)};
}

ViewRange clampRange(ViewRange range, std::size_t bars) {
    if (bars == 0)
        return {};
    const double span = std::clamp(range.span(), minSpan(bars), maxSpan(bars));
    const double centre = 0.5 * (range.first + range.last);
    ViewRange r{centre - 0.5 * span, centre + 0.5 * span};
    // The right edge may show the margin of the current span, no more.
    const double hi = dataLast(bars) + rightMargin(span);
    if (r.last > hi)
        r = {hi - span, hi};
    if (r.first < dataFirst())
        r = {dataFirst(), dataFirst() + span};
    return r;
}

ViewRange zoomRange(ViewRange range, double factor, double anchor, std::size_t bars) {
    if (factor <= 0.0 || range.span() <= 0.0)
        return clampRange(range, bars);
    const double span = range.span() / factor;
    const double clamped = std::clamp(span, minSpan(bars), maxSpan(bars));
    const double t = std::clamp((anchor - range.first) / range.span(), 0.0, 1.0);
    const double first = anchor - t * clamped;
    return clampRange({first, first + clamped}, bars);
}

std::size_t firstVisibleBar(double first, std::size_t bars) {
    if (bars == 0)
        return 0;
    return static_cast<std::size_t>(
        std::clamp(std::ceil(first), 0.0, static_cast<double>(bars - 1)));
}

ViewRange panRange(ViewRange range, double delta, std::size_t bars) {
    return clampRange({range.first + delta, range.last + delta}, bars);
}

}  // namespace atc::ui
