// WMA(N): weights 1..N, the newest value weighted N, divided by N(N+1)/2
// (multiplied by its reciprocal: within an ulp, and a divide per bar costs
// more than all the rest of the update).
#include <cassert>

#include "atc/moving_averages.hpp"
#include "ma/fill.hpp"
#include "ma/window_sums.hpp"

namespace atc::ma {

void wma(std::span<const double> x, int length, std::span<double> out) {
    assert(length >= 1 && out.size() == x.size());
    const std::size_t first = first_defined_window(length);
    detail::fill_undefined(out, first);
    const double inv_total = detail::wma_inverse_total(length);
    detail::WindowSums<true> window(x.data(), length);
    for (std::size_t i = first; i < x.size(); ++i) {
        window.move_to(i);
        out[i] = window.weighted() * inv_total;
    }
}

}  // namespace atc::ma
