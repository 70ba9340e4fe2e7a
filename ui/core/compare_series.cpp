// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/compare_series.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace atc::ui {

std::vector<double> alignedCloses(const PriceSeries& main, const PriceSeries& other,
                                  bool& by_time) {
    const std::size_t n = main.close.size();
    const std::size_t m = other.close.size();
    std::vector<double> out(n, std::numeric_limits<double>::quiet_NaN());
    by_time = main.time_ms.size() == n && other.time_ms.size() == m && n > 0 && m > 0;
    if (by_time) {
        // Both sorted by time: one merge walk.
        std::size_t j = 0;
        for (std::size_t i = 0; i < n; ++i) {
            while (j < m && other.time_ms[j] <= main.time_ms[i])
                ++j;
            if (j > 0)
                out[i] = other.close[j - 1];
        }
        return out;
    }
    const std::size_t shared = std::min(n, m);
    std::copy(other.close.end() - static_cast<std::ptrdiff_t>(shared), other.close.end(),
              out.end() - static_cast<std::ptrdiff_t>(shared));
    return out;
}

std::optional<CompareBase> compareBase(std::span<const double> main_close,
                                       std::span<const double> compared, std::size_t first,
                                       std::size_t last) {
    const std::size_t bars = std::min(main_close.size(), compared.size());
    if (bars == 0)
        return std::nullopt;
    last = std::min(last, bars - 1);
    for (std::size_t i = first; i <= last; ++i) {
        // A positive factor only: a close of zero or of the other sign has no
        // percentage change to show.
        const double scale = main_close[i] / compared[i];
        if (std::isfinite(scale) && scale > 0.0)
            return CompareBase{i, scale};
    }
    return std::nullopt;
}

}  // namespace atc::ui
