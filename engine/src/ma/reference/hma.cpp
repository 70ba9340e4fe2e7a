// SPDX-License-Identifier: GPL-3.0-or-later
// HMA(N), the true Hull average: WMA(floor(sqrt N)) of 2*WMA(floor(N/2)) - WMA(N).
// The outer WMA only yields a value where all of its inputs are defined.
#include <algorithm>
#include <cassert>

#include "atc/reference_moving_averages.hpp"
#include "ma/member_constants.hpp"
#include "ma/reference/fill.hpp"

namespace atc::ma::reference {
namespace {

// floor(N/2) is 0 for N = 1. A zero-length WMA means nothing, so the half
// window is held at 1 bar; HMA(1) is then the price itself, like every other
// one-bar average. (pandas_ta would silently substitute its default length 10.)
int half_length(int length) {
    return std::max(1, length / 2);
}

}  // namespace

void hma(std::span<const double> x, int length, std::span<double> out, MaScratch& scratch) {
    assert(length >= 1 && out.size() == x.size());
    const std::size_t n = x.size();
    const int root = integer_sqrt(length);
    const std::size_t raw_first = detail::first_defined_window(length);
    fill_undefined(out, raw_first + detail::first_defined_window(root));
    if (n <= raw_first)
        return;
    scratch.ensure(n);
    std::span<double> half(scratch.a.data(), n);
    std::span<double> full(scratch.b.data(), n);
    std::span<double> raw(scratch.c.data(), n);
    wma(x, half_length(length), half);
    wma(x, length, full);
    for (std::size_t i = raw_first; i < n; ++i)
        raw[i] = 2.0 * half[i] - full[i];
    // The outer WMA runs over the defined part of `raw` only.
    wma(raw.subspan(raw_first), root, out.subspan(raw_first));
}

}  // namespace atc::ma::reference
