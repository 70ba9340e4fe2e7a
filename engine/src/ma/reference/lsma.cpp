// SPDX-License-Identifier: GPL-3.0-or-later
// LSMA(N): the least-squares line through the last N values, x = 1..N oldest
// first. Its sums are exactly those of the WMA: sum y, and sum x*y = the
// weighted sum with the newest weighted N.
#include <cassert>

#include "atc/reference_moving_averages.hpp"
#include "ma/member_constants.hpp"
#include "ma/reference/fill.hpp"
#include "ma/reference/window_sums.hpp"

namespace atc::ma::reference {

void lsma(std::span<const double> x, int length, std::span<double> out, bool at_newest) {
    assert(length >= 1 && out.size() == x.size());
    const std::size_t first = detail::first_defined_window(length);
    fill_undefined(out, first);
    if (length == 1) {
        // One point fixes no slope (the formula's denominator is 0); the fitted
        // "line" is the point itself, which is what a one-bar regression means.
        for (std::size_t i = 0; i < x.size(); ++i)
            out[i] = x[i];
        return;
    }
    const detail::LineWeights line = detail::lsma_weights(length, at_newest);
    WindowSums<true> window(x.data(), length);
    for (std::size_t i = first; i < x.size(); ++i) {
        window.move_to(i);
        out[i] = window.weighted() * line.of_sum_xy + window.sum() * line.of_sum_y;
    }
}

}  // namespace atc::ma::reference
