#include <cassert>
#include <cmath>

#include "atc/signals.hpp"
#include "signal/steps.hpp"

namespace atc {

double round2(double x) {
    return detail::round2(x);
}

void layer1_add_member(std::span<const std::int8_t> state, std::span<const double> equity,
                       std::span<double> num, std::span<double> den) {
    assert(state.size() == equity.size() && num.size() == equity.size() &&
           den.size() == equity.size());
    for (std::size_t i = 0; i < equity.size(); ++i) {
        num[i] += static_cast<double>(state[i]) * equity[i];
        den[i] += equity[i];
    }
}

void layer1_finish(std::span<const double> num, std::span<const double> den,
                   std::span<double> signal) {
    assert(num.size() == den.size() && signal.size() == num.size());
    // Before the cutout the equities are NaN, so num/den is NaN and stays NaN.
    for (std::size_t i = 0; i < num.size(); ++i)
        signal[i] = round2(num[i] / den[i]);
}

double threshold_cut(double x, double long_threshold, double short_threshold) {
    if (x > long_threshold)
        return 1.0;
    if (x < short_threshold)
        return -1.0;
    return 0.0;
}

void average_signal(const std::array<std::span<const double>, kFamilyCount>& layer1_signals,
                    const std::array<std::span<const double>, kFamilyCount>& layer2_equities,
                    const AtcParams& params, std::span<double> out) {
    const std::size_t n = out.size();
    const std::size_t cutout = static_cast<std::size_t>(params.cutout);
    for (std::size_t i = 0; i < n; ++i) {
        double num = 0.0;
        double den = 0.0;
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            const double cut = i < cutout
                                   ? 0.0
                                   : threshold_cut(layer1_signals[t][i], params.long_threshold,
                                                   params.short_threshold);
            num += cut * layer2_equities[t][i];
            den += layer2_equities[t][i];
        }
        const double average = num / den;
        out[i] = std::isfinite(average) ? average : 0.0;
    }
    if (params.strategy_mode && n > 0) {
        // Trade on the bar after the signal: shift one bar later, first bar flat.
        for (std::size_t i = n - 1; i > 0; --i)
            out[i] = out[i - 1];
        out[0] = 0.0;
    }
}

}  // namespace atc
