// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/value_ticks.hpp"

#include <algorithm>
#include <cmath>

namespace atc::ui {
namespace {

// More ticks than this is a caller's bug (a step far too small), not something to draw.
constexpr std::size_t kMostTicks = 500;

}  // namespace

double niceStep(double raw) {
    if (!(raw > 0.0) || !std::isfinite(raw))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double f : {1.0, 2.0, 5.0, 10.0}) {
        if (f * magnitude >= raw * (1.0 - 1e-9))
            return f * magnitude;
    }
    return 10.0 * magnitude;
}

std::vector<ValueTick> valueTicks(double lo, double hi, double step, const AxisScale& scale) {
    std::vector<ValueTick> ticks;
    if (!(step > 0.0) || !std::isfinite(lo) || !std::isfinite(hi) || hi < lo)
        return ticks;
    // Counted in whole steps from zero, so that a tick is exactly k * step and
    // reads "4.50B", not "4.4999999B".
    const double first = std::ceil(lo / step - 1e-9);
    const double last = std::floor(hi / step + 1e-9);
    if (last - first > static_cast<double>(kMostTicks))
        return ticks;
    for (double k = first; k <= last; k += 1.0) {
        const double value = k * step;
        ticks.push_back({value, axisLabel(value, scale)});
    }
    return ticks;
}

std::vector<ValueTick> logTicks(double lo, double hi, double height_px, double spacing_px) {
    std::vector<ValueTick> ticks;
    if (!(lo > 0.0) || !(hi > lo) || !std::isfinite(hi) || !(height_px > 0.0) ||
        !(spacing_px > 0.0))
        return ticks;
    // The ratio between two values spacing_px apart, anywhere on the axis.
    const double ratio = std::pow(hi / lo, spacing_px / height_px);
    const auto stepAt = [&](double value) { return niceStep(value * (ratio - 1.0)); };
    double step = stepAt(lo);
    double k = std::ceil(lo / step - 1e-9);
    while (ticks.size() < kMostTicks) {
        const double value = k * step;
        if (value > hi * (1.0 + 1e-12))
            break;
        ticks.push_back({value, axisLabel(value, axisScaleFor(value, step))});
        // The next tick: the next multiple of the step that spans spacing_px here.
        step = stepAt(value);
        k = std::floor(value / step + 1e-9) + 1.0;
    }
    return ticks;
}

std::vector<ValueTick> percentTicks(double lo, double hi, double base, double step_percent) {
    std::vector<ValueTick> ticks;
    if (!(base > 0.0) || !(step_percent > 0.0) || !std::isfinite(lo) || !std::isfinite(hi) ||
        hi < lo)
        return ticks;
    const double first = std::ceil(percentFrom(lo, base) / step_percent - 1e-9);
    const double last = std::floor(percentFrom(hi, base) / step_percent + 1e-9);
    if (last - first > static_cast<double>(kMostTicks))
        return ticks;
    // The decimals that write every multiple of the step exactly (no unit: 0 as the magnitude).
    const int decimals = axisScaleFor(0.0, step_percent).decimals;
    for (double k = first; k <= last; k += 1.0) {
        const double percent = k * step_percent;
        ticks.push_back({base * (1.0 + percent / 100.0), signedPercent(percent, decimals)});
    }
    return ticks;
}

}  // namespace atc::ui
