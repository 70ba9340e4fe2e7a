// Layer 1 of the float32 scans (ScanPrecision::Float32, batch.hpp): the two
// families of a pair (ma/pair_lanes.hpp) in one pass over the bars, 18
// members in three groups of eight float lanes (AVX2) where float64 runs a
// family's 9 in three groups of four doubles. Per member: the crossing rule
// of ATC_SPEC.md on the distances D = close - MA with the spec's tie band
// (|D| <= 1e-10 |close| is a tie), and the member equity, in float.
#pragma once

#include <span>

#include "signal/float32_inputs.hpp"

namespace atc::detail {

// `pair` holds the distances in the pair layout. Writes S = round2(num / den)
// for each family (NaN before the cutout), where num = sum of state * E and
// den = sum of E over its nine members, each summed in float in a fixed order
// whatever the vector width: ((m0 + m1) + (m2 + m3)) + ((m4 + m5) + (m6 +
// m7)), then + m8. The quotient is a float division; round2 is in double, so
// S is a double of hundredths exactly as the float64 path writes it. The AVX2
// and baseline builds give the same bits.
void pair_layer1(const Float32Inputs& in, std::span<const float> pair, std::span<double> signal_a,
                 std::span<double> signal_b);

}  // namespace atc::detail
