// SPDX-License-Identifier: GPL-3.0-or-later
// SMA(N): mean of the last N values. Used in the HMA slot by the "pine" profile.
#include <cassert>

#include "atc/reference_moving_averages.hpp"
#include "ma/member_constants.hpp"
#include "ma/reference/fill.hpp"
#include "ma/reference/window_sums.hpp"

namespace atc::ma::reference {

void sma(std::span<const double> x, int length, std::span<double> out) {
    assert(length >= 1 && out.size() == x.size());
    const std::size_t first = detail::first_defined_window(length);
    fill_undefined(out, first);
    const double inv_n = 1.0 / static_cast<double>(length);
    WindowSums<false> window(x.data(), length);
    for (std::size_t i = first; i < x.size(); ++i) {
        window.move_to(i);
        out[i] = window.sum() * inv_n;
    }
}

}  // namespace atc::ma::reference
