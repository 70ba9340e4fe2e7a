// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/symbol_inputs.hpp"

#include <cmath>
#include <limits>

#include "atc/signals.hpp"
#include "signal/steps.hpp"
#include "system/huge_pages.hpp"

namespace atc::detail {

const std::vector<double>& SymbolInputBuffers::growth(std::size_t bars, double lambda_per_bar,
                                                      int cutout) {
    if (lambda_per_bar != growth_lambda_ || cutout != growth_cutout_) {
        growth_.clear();
        growth_lambda_ = lambda_per_bar;
        growth_cutout_ = cutout;
    }
    if (growth_.size() < bars) {
        const std::size_t known = growth_.size();
        system::resize_on_huge_pages(growth_, bars);
        for (std::size_t i = known; i < bars; ++i)
            growth_[i] = growth_multiplier(i, lambda_per_bar, cutout);
    }
    return growth_;
}

std::span<const double> SymbolInputBuffers::growth(std::size_t bars, const AtcParams& params) {
    return {growth(bars, params.lambda / 1000.0, params.cutout).data(), bars};
}

SymbolInputs SymbolInputBuffers::prepare(std::span<const double> close, const AtcParams& params) {
    const std::size_t n = close.size();
    if (band_.size() < n) {
        system::resize_on_huge_pages(band_, n);
        system::resize_on_huge_pages(keep_return_, n);
        system::resize_on_huge_pages(up_, n);
        system::resize_on_huge_pages(down_, n);
    }
    const std::vector<double>& g = growth(n, params.lambda / 1000.0, params.cutout);
    const double keep = flat_keep(params);
    for (std::size_t i = 0; i < n; ++i)
        band_[i] = kTieTolerance * std::fabs(close[i]);
    if (n > 0) {
        // Bar 0 has no return; no equity uses it.
        keep_return_[0] = up_[0] = down_[0] = std::numeric_limits<double>::quiet_NaN();
    }
    for (std::size_t i = 1; i < n; ++i) {
        // Exactly scaled_returns' r[i] and equity_curve's factors (signals.hpp).
        const double r = (close[i] / close[i - 1] - 1.0) * g[i];
        keep_return_[i] = keep * r;
        up_[i] = long_factor(keep, keep_return_[i]);
        down_[i] = short_factor(keep, keep_return_[i]);
    }
    SymbolInputs in;
    in.close = close;
    in.band = std::span<const double>(band_.data(), n);
    in.keep_return = std::span<const double>(keep_return_.data(), n);
    in.up_factor = std::span<const double>(up_.data(), n);
    in.down_factor = std::span<const double>(down_.data(), n);
    in.keep = keep;
    in.cutout = static_cast<std::size_t>(params.cutout);
    return in;
}

}  // namespace atc::detail
