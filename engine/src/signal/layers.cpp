// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>
#include <cassert>
#include <cmath>

#include "atc/signals.hpp"
#include "pipeline/simd.hpp"
#include "signal/steps.hpp"

#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

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

namespace {

// Average[i] for bars [begin, end), a vector of bars at a time: the families
// are summed in order, each lane exactly as the scalar formula.
template <class V>
inline ATC_INLINE void average_bars(
    const std::array<std::span<const double>, kFamilyCount>& layer1_signals,
    const std::array<std::span<const double>, kFamilyCount>& layer2_equities,
    const AtcParams& params, std::size_t begin, std::size_t end, std::span<double> out) {
    namespace simd = detail::simd;
    constexpr std::size_t kWidth = simd::kWidth<V>;
    const V one = simd::splat<V>(1.0);
    const V zero{};
    std::size_t i = begin;
    for (; i + kWidth <= end; i += kWidth) {
        V num{};
        V den{};
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            const V s = simd::load<V>(layer1_signals[t].data() + i);
            const V w = simd::load<V>(layer2_equities[t].data() + i);
            const V cut =
                s > params.long_threshold ? one : (s < params.short_threshold ? -one : zero);
            num += cut * w;
            den += w;
        }
        const V average = num / den;
        simd::store(out.data() + i, simd::select(simd::is_finite(average), average, zero));
    }
    for (; i < end; ++i) {
        double num = 0.0;
        double den = 0.0;
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            const double cut =
                threshold_cut(layer1_signals[t][i], params.long_threshold, params.short_threshold);
            num += cut * layer2_equities[t][i];
            den += layer2_equities[t][i];
        }
        const double average = num / den;
        out[i] = std::isfinite(average) ? average : 0.0;
    }
}

}  // namespace

void average_signal(const std::array<std::span<const double>, kFamilyCount>& layer1_signals,
                    const std::array<std::span<const double>, kFamilyCount>& layer2_equities,
                    const AtcParams& params, std::span<double> out) {
    const std::size_t n = out.size();
    // Before the cutout every cut is 0, so the Average is 0 (or 0/0, also 0).
    const std::size_t cutout = std::min(static_cast<std::size_t>(params.cutout), n);
    std::fill_n(out.begin(), cutout, 0.0);
    detail::simd::dispatch([&]<class V>() ATC_INLINE {
        average_bars<V>(layer1_signals, layer2_equities, params, cutout, n, out);
    });
    if (params.strategy_mode && n > 0) {
        // Trade on the bar after the signal: shift one bar later, first bar flat.
        std::copy_backward(out.begin(), out.end() - 1, out.end());
        out[0] = 0.0;
    }
}

}  // namespace atc
