// SMA(N): mean of the last N values. Used in the HMA slot by the "pine" profile.
#include <cassert>

#include "atc/moving_averages.hpp"
#include "ma/fill.hpp"
#include "ma/window_sums.hpp"

namespace atc::ma {

void sma(std::span<const double> x, int length, std::span<double> out) {
    assert(length >= 1 && out.size() == x.size());
    const std::size_t first = first_defined_window(length);
    detail::fill_undefined(out, first);
    const double inv_n = 1.0 / static_cast<double>(length);
    detail::WindowSums<false> window(x.data(), length);
    for (std::size_t i = first; i < x.size(); ++i) {
        window.move_to(i);
        out[i] = window.sum() * inv_n;
    }
}

}  // namespace atc::ma
