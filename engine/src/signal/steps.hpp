// SPDX-License-Identifier: GPL-3.0-or-later
// One-bar steps of the signal stages, shared by the public functions of
// signals.hpp and the fused per-family pass (family_layer1.cpp), so both give
// bit-identical numbers.
#pragma once

#include <algorithm>
#include <cmath>

#include "atc/signals.hpp"
#include "pipeline/simd.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

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
// previous bar's signal): keep + keep*r long, keep - keep*r short, keep flat.
// (The spec's E*(1-D)*(1+a) regrouped as E*((1-D) + (1-D)*a): the same to
// rounding, and for a state s in {-1, 0, +1} it is keep + s*(keep*r), which
// vector code computes without selecting.) `keep_return` is keep * r[i].
inline double long_factor(double keep, double keep_return) {
    return keep + keep_return;
}
inline double short_factor(double keep, double keep_return) {
    return keep - keep_return;
}
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
inline constexpr double kRoundShift = 0x1.8p52;
inline constexpr double kRoundLimit = 0x1p51;

inline double round2(double x) {
    const double scaled = x * 100.0;
    const double magnitude = std::fabs(scaled);
    const double rounded = magnitude < kRoundLimit
                               ? std::copysign((magnitude + kRoundShift) - kRoundShift, scaled)
                               : scaled;
    return rounded / 100.0;
}

// round2 lane by lane, the same operations.
template <class V>
inline ATC_INLINE V round2(V x) {
    const V scaled = x * 100.0;
    const V magnitude = simd::abs(scaled);
    const V rounded =
        simd::select(simd::less(magnitude, simd::splat<V>(kRoundLimit)),
                     simd::with_sign_of((magnitude + kRoundShift) - kRoundShift, scaled), scaled);
    return rounded / 100.0;
}

// hold_factor lane by lane.
template <class V>
inline ATC_INLINE V hold_factor(V previous_signal, V up_factor, V down_factor, V keep) {
    const V zero{};
    return simd::select(simd::greater(previous_signal, zero), up_factor,
                        simd::select(simd::less(previous_signal, zero), down_factor, keep));
}

}  // namespace atc::detail

#pragma GCC diagnostic pop
