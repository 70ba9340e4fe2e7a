// SPDX-License-Identifier: GPL-3.0-or-later
// The EMA recursion of the reference EMA and of DEMA's second stage.
#pragma once

#include <cstddef>
#include <span>

namespace atc::ma::reference {

// out[start] = seed; out[i] = alpha*x[i] + (1-alpha)*out[i-1] for i > start.
inline void ema_from(std::span<const double> x, std::size_t start, double seed, double alpha,
                     std::span<double> out) {
    const double keep = 1.0 - alpha;
    double value = seed;
    out[start] = value;
    for (std::size_t i = start + 1; i < x.size(); ++i) {
        value = alpha * x[i] + keep * value;
        out[i] = value;
    }
}

}  // namespace atc::ma::reference
