// SPDX-License-Identifier: GPL-3.0-or-later
#include <cassert>
#include <cmath>

#include "atc/signals.hpp"
#include "signal/steps.hpp"

namespace atc {

void crossing_states(std::span<const double> price, std::span<const double> ma,
                     std::span<std::int8_t> out) {
    assert(price.size() == ma.size() && out.size() == price.size());
    const std::size_t n = price.size();
    if (n == 0)
        return;
    double state = 0.0;
    out[0] = 0;
    double prev_diff = price[0] - ma[0];
    double prev_band = kTieTolerance * std::fabs(price[0]);
    for (std::size_t i = 1; i < n; ++i) {
        const double diff = price[i] - ma[i];
        const double band = kTieTolerance * std::fabs(price[i]);
        state = detail::crossing_step(state, diff, band, prev_diff, prev_band);
        out[i] = static_cast<std::int8_t>(state);
        prev_diff = diff;
        prev_band = band;
    }
}

}  // namespace atc
