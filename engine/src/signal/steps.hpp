// One-bar steps of the signal stages, shared by the public functions of
// signals.hpp and the fused per-family pass (family_layer1.cpp), so both give
// bit-identical numbers.
#pragma once

#include <algorithm>
#include <cmath>

#include "atc/signals.hpp"

namespace atc::detail {

inline constexpr double kEquityFloor = 0.25;

// Crossing rule of one bar: `diff` = price - MA and `band` = tie band of this bar,
// `prev_diff`, `prev_band` of the previous one. Comparisons with NaN are false,
// so a bar without an MA value never crosses. Returns the new state.
inline double crossing_step(double state, double diff, double band, double prev_diff,
                            double prev_band) {
    const bool up = (diff > band) & (prev_diff <= prev_band);
    const bool down = (diff < -band) & (prev_diff >= -prev_band);
    return up ? 1.0 : (down ? -1.0 : state);
}

// Equity factor of bar i for the direction held into it (the sign of the
// previous bar's signal): keep*(1+r) long, keep*(1-r) short, keep flat.
inline double hold_factor(double previous_signal, double up_factor, double down_factor,
                          double keep) {
    return previous_signal > 0.0 ? up_factor : (previous_signal < 0.0 ? down_factor : keep);
}

inline double equity_step(double equity, double factor) {
    return std::max(kEquityFloor, equity * factor);
}

// round2 of signals.hpp: numpy's round(x, 2), i.e. nearbyint(x * 100) / 100,
// inline and without the libm call (which saves and restores the FP
// environment; this runs once per bar per family). In the default
// round-to-nearest mode, adding and subtracting 1.5 * 2^52 leaves the integer
// nearest to a |value| < 2^51, ties to even; larger values are integers
// already; NaN fails the comparison and passes through; copysign keeps
// nearbyint's -0.
inline double round2(double x) {
    constexpr double kShift = 0x1.8p52;
    const double scaled = x * 100.0;
    const double magnitude = std::fabs(scaled);
    const double rounded =
        magnitude < 0x1p51 ? std::copysign((magnitude + kShift) - kShift, scaled) : scaled;
    return rounded / 100.0;
}

}  // namespace atc::detail
