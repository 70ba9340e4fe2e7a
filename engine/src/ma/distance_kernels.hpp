// The float32 scans' moving-average stage: each member's distance to the
// price, D[i] = close[i] - MA[i], written into the pair layout of
// ma/pair_lanes.hpp.
//
// Why distances: an MA computed in float is off by about 1e-7 of the price
// (more for running window sums, which drift by 1e-5 between re-anchorings),
// so a crossing decided on (float price) - (float MA) differs from float64 at
// every bar where price and MA are that close, and exact ties (a flat stretch)
// become crossings. The distance is a small number whose error is relative to
// itself:
// - EMA, DEMA and KAMA advance D directly in float (distance_recursive.cpp):
//   EMA's e[i] = e[i-1] + alpha*(x[i] - e[i-1]) is D[i] = (1 - alpha)*(D[i-1] +
//   step[i]) with step[i] = x[i] - x[i-1] formed in double, and DEMA and KAMA
//   likewise (see there).
// - WMA, LSMA and the Hull average keep their running sums in double (the
//   double family kernels): float running sums drift (1e-5 of the price between
//   re-anchorings, measured), which turns the exact ties of a flat stretch into
//   crossings. window_family_distances stores their D, rounded once.
#pragma once

#include <span>

#include "ma/family_kernels.hpp"
#include "ma/pair_lanes.hpp"

namespace atc::ma::detail {

// What the distance recursions read, per bar (signal/float32_inputs.hpp).
// close32 and abs_step have 16 readable floats after their last bar.
struct DistanceInputs {
    std::span<const double> close;
    std::span<const float> close32;      // close, rounded
    std::span<const float> step;         // close[i] - close[i-1], 0 at bar 0
    std::span<const float> abs_step;     // |step|
    std::span<const double> step_total;  // sum of |step| over bars 1..i
};

// EMA members (lengths `ema`) in slot A and DEMA members (`dema`) in slot B,
// in one pass: six independent recursions a bar keep the core busier than
// the two families' three one after the other. Writes all 24 lanes.
void ema_dema_distances(const DistanceInputs& in, const MemberLengths& ema,
                        const MemberLengths& dema, std::span<float> pair);

// KAMA members into `slot`. Writes every vector group that holds a lane of
// `slot`, so the other slot's family must be written after it.
void kama_distances(const DistanceInputs& in, const MemberLengths& lengths, PairSlot slot,
                    std::span<float> pair);

// A window family (WMA, LSMA, the Hull average, the pine profile's SMA) into
// `slot`'s lanes only: the double family kernel of family_window.cpp with its
// values stored as D, rounded once (ma/distance_sink.hpp); NaN stays NaN.
// `lanes` (x.size() rows of family_lanes.hpp) is the Hull family's scratch.
void window_family_distances(MaType type, MaProfile profile, std::span<const double> x,
                             const MemberLengths& lengths, PairSlot slot, std::span<float> pair,
                             std::span<double> lanes, MaScratch& scratch);

}  // namespace atc::ma::detail
