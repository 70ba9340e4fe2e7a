// SPDX-License-Identifier: GPL-3.0-or-later
// Layer 1 of one family in a single pass over the bars: for all nine members
// at once the crossing state, the member equity and their contribution to the
// family signal. The nine equity recursions are independent chains; run side
// by side in vector lanes they keep the core busy where one member alone would
// wait on every multiply (docs/PERFORMANCE.md).
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "atc/params.hpp"
#include "signal/symbol_inputs.hpp"

namespace atc::detail {

// Where member k's crossing states and equities go when the caller keeps them:
// one value per bar, or a single slot that ends holding the last bar's.
struct MemberTrace {
    std::span<std::int8_t> state;
    std::span<double> equity;
};
using MemberTraces = std::array<MemberTrace, kMembersPerFamily>;

// `ma_lanes` holds the nine MAs in the layout of ma/family_lanes.hpp. Writes
// S[i] = round2(num[i] / den[i]) with num = sum_k state_k*E_k, den = sum_k E_k
// (NaN before the cutout); states and equities are exactly those of
// crossing_states and equity_curve (signals.hpp). The sums run in a fixed
// order whatever the vector width, so every build gives the same bits: lane j
// of four sums members j, j+4, j+8 in turn (l_j = (m_j + m_j+4) + m_j+8, with
// no m11..m9, which are padding), then (l0 + l1) + (l2 + l3). `traces` may be
// null.
void family_layer1(const SymbolInputs& in, std::span<const double> ma_lanes,
                   std::span<double> signal, const MemberTraces* traces);

}  // namespace atc::detail
