// HMA(N), the true Hull average: WMA(floor(sqrt N)) of 2*WMA(floor(N/2)) - WMA(N).
// The outer WMA only yields a value where all of its inputs are defined.
#include <algorithm>
#include <cassert>

#include "atc/moving_averages.hpp"
#include "ma/fill.hpp"

namespace atc::ma {
namespace {

// floor(N/2) is 0 for N = 1. A zero-length WMA means nothing, so the half
// window is held at 1 bar; HMA(1) is then the price itself, like every other
// one-bar average. (pandas_ta would silently substitute its default length 10.)
int half_length(int length) {
    return std::max(1, length / 2);
}

}  // namespace

std::size_t first_defined_hma(int length) {
    return first_defined_window(length) + first_defined_window(integer_sqrt(length));
}

void hma(std::span<const double> x, int length, std::span<double> out, MaScratch& scratch) {
    assert(length >= 1 && out.size() == x.size());
    const std::size_t n = x.size();
    const std::size_t raw_first = first_defined_window(length);
    detail::fill_undefined(out, first_defined_hma(length));
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
    wma(raw.subspan(raw_first), integer_sqrt(length), out.subspan(raw_first));
}

}  // namespace atc::ma
