#include <cassert>
#include <cmath>

#include "atc/signals.hpp"

namespace atc {

void crossing_states(std::span<const double> price, std::span<const double> ma,
                     std::span<std::int8_t> out) {
    assert(price.size() == ma.size() && out.size() == price.size());
    const std::size_t n = price.size();
    if (n == 0)
        return;
    std::int8_t state = 0;
    out[0] = 0;
    // Distance above/below the tie band of the previous bar; all comparisons
    // with NaN are false, so a bar without an MA value never crosses.
    double prev_diff = price[0] - ma[0];
    double prev_band = kTieTolerance * std::fabs(price[0]);
    for (std::size_t i = 1; i < n; ++i) {
        const double diff = price[i] - ma[i];
        const double band = kTieTolerance * std::fabs(price[i]);
        if (diff > band && prev_diff <= prev_band) {
            state = 1;
        } else if (diff < -band && prev_diff >= -prev_band) {
            state = -1;
        }
        out[i] = state;
        prev_diff = diff;
        prev_band = band;
    }
}

}  // namespace atc
