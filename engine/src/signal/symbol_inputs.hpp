// SPDX-License-Identifier: GPL-3.0-or-later
// The per-bar series that every member of every family uses, computed once per
// symbol: the tie band of the crossing rule and the equity factors.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "atc/params.hpp"

namespace atc::detail {

// 1 - D: the equity factor of a flat bar.
inline double flat_keep(const AtcParams& params) {
    return 1.0 - params.decay / 100.0;
}

struct SymbolInputs {
    std::span<const double> close;
    std::span<const double> band;         // kTieTolerance * |close[i]|
    std::span<const double> keep_return;  // keep * r[i]
    std::span<const double> up_factor;    // keep + keep * r[i]: a long held into bar i
    std::span<const double> down_factor;  // keep - keep * r[i]: a short held into bar i
    double keep = 1.0;                    // 1 - D: a flat bar
    std::size_t cutout = 0;
};

// Owns the buffers behind SymbolInputs; a batch worker keeps one for all its
// symbols. The growth multipliers e^(L*(b - cutout)) depend only on the bar,
// L and the cutout, so they are computed once per worker, not per symbol.
class SymbolInputBuffers {
public:
    // `close` and `params` must be validated. The result refers to `close` and
    // to this object's buffers until the next call.
    SymbolInputs prepare(std::span<const double> close, const AtcParams& params);
    // The growth multipliers of bars [0, bars) under `params` (the symbol-lane
    // path computes the other inputs itself, pipeline/symbol_lanes.cpp).
    std::span<const double> growth(std::size_t bars, const AtcParams& params);
    // Bytes held by the buffers (capacities), for the workspace gauge.
    std::size_t capacity_bytes() const;

private:
    const std::vector<double>& growth(std::size_t bars, double lambda_per_bar, int cutout);

    std::vector<double> growth_;
    double growth_lambda_ = 0.0;
    int growth_cutout_ = -1;
    std::vector<double> band_;
    std::vector<double> keep_return_;
    std::vector<double> up_;
    std::vector<double> down_;
};

}  // namespace atc::detail
