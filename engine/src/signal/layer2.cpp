#include "signal/layer2.hpp"

#include <cassert>
#include <limits>

#include "signal/steps.hpp"

namespace atc::detail {

void layer2_equities(const SymbolInputs& in,
                     const std::array<std::span<const double>, kFamilyCount>& signals,
                     const std::array<double, kFamilyCount>& weights,
                     const std::array<std::span<double>, kFamilyCount>& equities) {
    const std::size_t n = in.close.size();
    const std::size_t cut = in.cutout;
    assert(cut < n);
    std::array<double, kFamilyCount> equity;
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        std::fill_n(equities[t].begin(), cut, std::numeric_limits<double>::quiet_NaN());
        equity[t] = std::max(kEquityFloor, weights[t]);
        equities[t][cut] = equity[t];
    }
    for (std::size_t i = cut + 1; i < n; ++i) {
        const double up = in.up_factor[i];
        const double down = in.down_factor[i];
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            const double factor = hold_factor(signals[t][i - 1], up, down, in.keep);
            equity[t] = equity_step(equity[t], factor);
            equities[t][i] = equity[t];
        }
    }
}

}  // namespace atc::detail
