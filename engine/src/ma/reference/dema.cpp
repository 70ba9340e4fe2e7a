// SPDX-License-Identifier: GPL-3.0-or-later
// DEMA(N) = 2*e1 - e2 with e1 = EMA(N) of x and e2 = EMA(N) of e1. e1 starts with
// N-1 NaNs; the original seeds e2 with the NaN-skipping mean of e1's first N
// entries, of which only e1[N-1] is defined, so e2 starts at e1[N-1] itself.
#include <cassert>

#include "atc/reference_moving_averages.hpp"
#include "ma/member_constants.hpp"
#include "ma/reference/ema_recursion.hpp"
#include "ma/reference/fill.hpp"

namespace atc::ma::reference {

void dema(std::span<const double> x, int length, std::span<double> out, MaScratch& scratch) {
    assert(length >= 1 && out.size() == x.size());
    const std::size_t n = x.size();
    const std::size_t first = detail::first_defined_window(length);
    fill_undefined(out, first);
    if (n <= first)
        return;
    scratch.ensure(n);
    std::span<double> e1(scratch.a.data(), n);
    std::span<double> e2(scratch.b.data(), n);
    ema(x, length, e1);
    ema_from(e1, first, e1[first], detail::ema_alpha(length), e2);
    for (std::size_t i = first; i < n; ++i)
        out[i] = 2.0 * e1[i] - e2[i];
}

}  // namespace atc::ma::reference
