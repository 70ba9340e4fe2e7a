// SPDX-License-Identifier: GPL-3.0-or-later
// EMA(N): alpha = 2/(N+1), seeded at bar N-1 with the mean of the first N values.
#include <cassert>

#include "atc/reference_moving_averages.hpp"
#include "ma/member_constants.hpp"
#include "ma/reference/ema_recursion.hpp"
#include "ma/reference/fill.hpp"

namespace atc::ma::reference {

void ema(std::span<const double> x, int length, std::span<double> out) {
    assert(length >= 1 && out.size() == x.size());
    const std::size_t first = detail::first_defined_window(length);
    fill_undefined(out, first);
    if (x.size() <= first)
        return;
    double seed = 0.0;
    for (std::size_t i = 0; i <= first; ++i)
        seed += x[i];
    seed /= static_cast<double>(length);
    ema_from(x, first, seed, detail::ema_alpha(length), out);
}

}  // namespace atc::ma::reference
