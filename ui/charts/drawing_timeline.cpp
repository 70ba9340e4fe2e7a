// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/drawing_timeline.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace atc::ui {
namespace {

// One bar alone has no spacing: a day, the commonest bar.
constexpr double kLoneBarMs = 86'400'000.0;

// The spacing of the two bars at the start (`at_end` false) or the end.
double edgeStep(const std::vector<std::int64_t>& t, bool at_end) {
    if (t.size() < 2)
        return kLoneBarMs;
    const std::int64_t step = at_end ? t.back() - t[t.size() - 2] : t[1] - t[0];
    return std::max<double>(1.0, static_cast<double>(step));
}

}  // namespace

double barPositionOf(const PriceSeries& bars, std::int64_t anchor_x, bool by_bar) {
    const std::vector<std::int64_t>& t = bars.time_ms;
    if (by_bar || t.empty())
        return static_cast<double>(anchor_x);
    const double last = static_cast<double>(t.size() - 1);
    if (anchor_x <= t.front())
        return static_cast<double>(anchor_x - t.front()) / edgeStep(t, false);
    if (anchor_x >= t.back())
        return last + static_cast<double>(anchor_x - t.back()) / edgeStep(t, true);
    const auto after = std::upper_bound(t.begin(), t.end(), anchor_x);
    const auto i = static_cast<std::size_t>(after - t.begin()) - 1;
    const double span = std::max<double>(1.0, static_cast<double>(t[i + 1] - t[i]));
    return static_cast<double>(i) + static_cast<double>(anchor_x - t[i]) / span;
}

std::int64_t anchorXAt(const PriceSeries& bars, double position, bool by_bar) {
    const std::vector<std::int64_t>& t = bars.time_ms;
    if (by_bar || t.empty())
        return std::llround(position);
    const double last = static_cast<double>(t.size() - 1);
    double ms = 0.0;
    if (position <= 0.0) {
        ms = static_cast<double>(t.front()) + position * edgeStep(t, false);
    } else if (position >= last) {
        ms = static_cast<double>(t.back()) + (position - last) * edgeStep(t, true);
    } else {
        const auto i = static_cast<std::size_t>(std::floor(position));
        ms = static_cast<double>(t[i]) +
             (position - static_cast<double>(i)) * static_cast<double>(t[i + 1] - t[i]);
    }
    return std::llround(ms);
}

}  // namespace atc::ui
