// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "atc/signals.hpp"
#include "signal/steps.hpp"

namespace atc {
namespace {

template <typename Signal>
void equity_impl(double start, std::span<const Signal> signal, std::span<const double> r,
                 int cutout, double keep, std::span<double> out) {
    assert(signal.size() == r.size() && out.size() == r.size());
    const std::size_t n = r.size();
    const std::size_t first = std::min(static_cast<std::size_t>(std::max(cutout, 0)), n);
    std::fill_n(out.begin(), first, std::numeric_limits<double>::quiet_NaN());
    if (first == n)
        return;
    double equity = std::max(detail::kEquityFloor, start);
    out[first] = equity;
    for (std::size_t i = first + 1; i < n; ++i) {
        // r[i] is only NaN at bar 0, which never reaches here; a flat or
        // undefined signal holds nothing. The factors are formed exactly as the
        // pipeline forms them once per symbol (symbol_inputs.cpp).
        const double keep_return = keep * r[i];
        const double factor = detail::hold_factor(static_cast<double>(signal[i - 1]),
                                                  detail::long_factor(keep, keep_return),
                                                  detail::short_factor(keep, keep_return), keep);
        equity = detail::equity_step(equity, factor);
        out[i] = equity;
    }
}

}  // namespace

double growth_multiplier(std::size_t bar, double lambda_per_bar, int cutout) {
    const double b = bar == 0 ? 1.0 : static_cast<double>(bar);
    const double c = static_cast<double>(cutout);
    return b >= c ? std::exp(lambda_per_bar * (b - c)) : 1.0;
}

void scaled_returns(std::span<const double> close, double lambda_per_bar, int cutout,
                    std::span<double> out) {
    assert(out.size() == close.size());
    if (close.empty())
        return;
    out[0] = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 1; i < close.size(); ++i) {
        const double ret = close[i] / close[i - 1] - 1.0;
        out[i] = ret * growth_multiplier(i, lambda_per_bar, cutout);
    }
}

void equity_curve(double start, std::span<const std::int8_t> state, std::span<const double> r,
                  int cutout, double keep, std::span<double> out) {
    equity_impl(start, state, r, cutout, keep, out);
}

void equity_curve(double start, std::span<const double> signal, std::span<const double> r,
                  int cutout, double keep, std::span<double> out) {
    equity_impl(start, signal, r, cutout, keep, out);
}

}  // namespace atc
