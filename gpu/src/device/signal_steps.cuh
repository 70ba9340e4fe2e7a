// SPDX-License-Identifier: GPL-3.0-or-later
// One bar of the signal stages for one thread, exactly as the CPU's fused
// passes compute them (engine/src/signal/steps.hpp, family_layer1.cpp,
// layer2.cpp, layers.cpp, markers.cpp): the crossing rule with its tie band,
// the equity recursions, the Layer-1 sum in the CPU's fixed order, round2,
// the threshold cut and the entry-marker rule.
#pragma once

#include "device/hd.cuh"
#include "device/launch_args.hpp"

namespace atc::gpu::device {

inline constexpr double kEquityFloor = 0.25;

// simd::max_floor: floor < x ? x : floor.
ATC_HD inline double max_floor(double floor, double x) {
    return floor < x ? x : floor;
}

// round2 of steps.hpp: numpy's round(x, 2) with the 1.5 * 2^52 shift (ties to
// even in the default rounding mode); NaN passes through.
ATC_HD inline double round2(double x) {
    constexpr double kRoundShift = 0x1.8p52;
    constexpr double kRoundLimit = 0x1p51;
    const double scaled = x * 100.0;
    const double magnitude = ::fabs(scaled);
    const double rounded = magnitude < kRoundLimit
                               ? ::copysign((magnitude + kRoundShift) - kRoundShift, scaled)
                               : scaled;
    return rounded / 100.0;
}

// A member's crossing state and Layer-1 equity as they move bar to bar.
struct MemberSignal {
    double previous_diff = 0.0;
    double previous_band = 0.0;
    double state = 0.0;   // -1, 0, +1
    double equity = 1.0;  // max(0.25, 1.0) from the cutout on
};

// Bar 0: nothing crosses, the distances are set.
ATC_HD inline void member_signal_first(MemberSignal& m, double close, double ma, double tie) {
    m.previous_diff = close - ma;
    m.previous_band = tie * ::fabs(close);
    m.state = 0.0;
    m.equity = 1.0;
}

// Bar i >= 1. crossing_step with the tie band; the equity grows by
// keep + held * keep_return (held: the state before this bar) after the cutout.
ATC_HD inline void member_signal_step(MemberSignal& m, double close, double ma, double keep_return,
                                      std::int32_t i, const SignalConst& sig) {
    const double diff = close - ma;
    const double band = sig.tie * ::fabs(close);
    const bool up = (diff > band) & (m.previous_diff <= m.previous_band);
    const bool down = (diff < -band) & (m.previous_diff >= -m.previous_band);
    const double held = m.state;
    m.state = up ? 1.0 : (down ? -1.0 : held);
    m.previous_diff = diff;
    m.previous_band = band;
    if (i > sig.cutout)
        m.equity = max_floor(kEquityFloor, m.equity * (sig.keep + held * keep_return));
}

// The nine members' sum in family_layer1.cpp's order: lane j of four holds
// members j, j+4, j+8 added in turn from zero, then (l0 + l1) + (l2 + l3).
// `v(k)` reads member k's term.
template <class Terms>
ATC_HD inline double family_sum(const Terms& v) {
    const double l0 = ((0.0 + v(0)) + v(4)) + v(8);
    const double l1 = (0.0 + v(1)) + v(5);
    const double l2 = (0.0 + v(2)) + v(6);
    const double l3 = (0.0 + v(3)) + v(7);
    return (l0 + l1) + (l2 + l3);
}

// S[i] = round2(sum state*E / sum E); NaN before the cutout. `numerators` and
// `equities` hold member k's terms at [k * step].
ATC_HD inline double layer1_value(const double* numerators, const double* equities,
                                  std::int32_t step, std::int32_t i, std::int32_t cutout) {
    if (i < cutout)
        return quiet_nan();
    const double num = family_sum([&](int k) { return numerators[k * step]; });
    const double den = family_sum([&](int k) { return equities[k * step]; });
    return round2(num / den);
}

// threshold_cut: +1 above the long threshold, -1 below the short one, else 0
// (0 for NaN).
ATC_HD inline double threshold_cut(double s, const SignalConst& sig) {
    return s > sig.long_threshold ? 1.0 : (s < sig.short_threshold ? -1.0 : 0.0);
}

// The entry-marker rule between two consecutive Average values; `last` is the
// direction of the last marker (0 before the first). Returns +1, -1 or 0.
ATC_HD inline std::int32_t marker_step(std::int32_t& last, double previous, double now,
                                       const SignalConst& sig) {
    if (last != 1 && now > sig.long_threshold && previous <= sig.long_threshold) {
        last = 1;
        return 1;
    }
    if (last != -1 && now < sig.short_threshold && previous >= sig.short_threshold) {
        last = -1;
        return -1;
    }
    return 0;
}

}  // namespace atc::gpu::device
