// EMA(N): alpha = 2/(N+1), seeded at bar N-1 with the mean of the first N values.
#include <cassert>

#include "atc/moving_averages.hpp"
#include "ma/ema_recursion.hpp"
#include "ma/fill.hpp"

namespace atc::ma {

void ema(std::span<const double> x, int length, std::span<double> out) {
    assert(length >= 1 && out.size() == x.size());
    const std::size_t first = first_defined_window(length);
    detail::fill_undefined(out, first);
    if (x.size() <= first)
        return;
    double seed = 0.0;
    for (std::size_t i = 0; i <= first; ++i)
        seed += x[i];
    seed /= static_cast<double>(length);
    detail::ema_from(x, first, seed, detail::ema_alpha(length), out);
}

}  // namespace atc::ma
