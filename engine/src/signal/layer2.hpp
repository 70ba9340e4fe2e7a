// SPDX-License-Identifier: GPL-3.0-or-later
// Layer 2 of all six families in one pass: W_t = equity(w_t, S_t, R). The six
// recursions are independent, so they run side by side (see family_layer1.hpp).
#pragma once

#include <array>
#include <span>

#include "atc/params.hpp"
#include "signal/symbol_inputs.hpp"

namespace atc::detail {

// Exactly equity_curve(weights[t], signals[t], r, cutout, keep, equities[t]).
void layer2_equities(const SymbolInputs& in,
                     const std::array<std::span<const double>, kFamilyCount>& signals,
                     const std::array<double, kFamilyCount>& weights,
                     const std::array<std::span<double>, kFamilyCount>& equities);

}  // namespace atc::detail
