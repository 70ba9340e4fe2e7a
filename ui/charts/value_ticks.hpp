// SPDX-License-Identifier: GPL-3.0-or-later
// Where a value axis puts its ticks and what they read, for each price scale
// (value_scale.hpp): round steps on a linear axis; on a log axis, steps that
// grow with the value so the labels stay evenly spaced on screen and each one
// is round ("0.002, 0.005, 0.01 ... 50, 100, 200"); on a percent axis, round
// percent steps from the base price ("−5 %, 0 %, +5 %").
#pragma once

#include <QString>
#include <vector>

#include "core/number_format.hpp"

namespace atc::ui {

struct ValueTick {
    double value = 0.0;  // where it sits, in values (prices), whatever the scale
    QString label;
};

// 1, 2 or 5 times a power of ten, at least `raw` (1 when raw is not a positive number).
double niceStep(double raw);

// The multiples of `step` within [lo, hi], labelled in one scale for all of them.
std::vector<ValueTick> valueTicks(double lo, double hi, double step, const AxisScale& scale);

// Ticks over the values [lo, hi] (both > 0) of a log axis `height_px` tall, at
// least `spacing_px` apart: from the bottom up, each next tick is the next
// multiple of the round step that spans spacing_px at the current one. Over a
// narrow range this is the linear axis's ticks; over many decades it is every
// decade, or every other one. Each label is written for its own step.
std::vector<ValueTick> logTicks(double lo, double hi, double height_px, double spacing_px);

// Ticks over the values [lo, hi] of a percent axis whose 0 % is `base` (> 0),
// `step_percent` apart, labelled "+5 %", "0 %", "−2.5 %".
std::vector<ValueTick> percentTicks(double lo, double hi, double base, double step_percent);

// A value as a change from `base`, in percent.
inline double percentFrom(double value, double base) {
    return (value / base - 1.0) * 100.0;
}

}  // namespace atc::ui
