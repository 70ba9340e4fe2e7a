// SPDX-License-Identifier: GPL-3.0-or-later
// WMA(N): weights 1..N, the newest value weighted N, divided by N(N+1)/2
// (multiplied by its reciprocal, see member_constants.hpp).
#include <cassert>

#include "atc/reference_moving_averages.hpp"
#include "ma/member_constants.hpp"
#include "ma/reference/fill.hpp"
#include "ma/reference/window_sums.hpp"

namespace atc::ma::reference {

void wma(std::span<const double> x, int length, std::span<double> out) {
    assert(length >= 1 && out.size() == x.size());
    const std::size_t first = detail::first_defined_window(length);
    fill_undefined(out, first);
    const double inv_total = detail::wma_inverse_total(length);
    WindowSums<true> window(x.data(), length);
    for (std::size_t i = first; i < x.size(); ++i) {
        window.move_to(i);
        out[i] = window.weighted() * inv_total;
    }
}

}  // namespace atc::ma::reference
