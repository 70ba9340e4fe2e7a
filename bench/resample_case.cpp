// SPDX-License-Identifier: GPL-3.0-or-later
#include "resample_case.hpp"

#include <algorithm>
#include <cstdint>

#include "universe.hpp"

namespace atc::bench {

PriceSeries minute_bars(std::size_t bars) {
    const Universe universe(1, bars);
    const std::span<const double> close = universe.series().front();
    PriceSeries s;
    s.time_kind = TimeKind::EpochMilliseconds;
    s.time_column = "open_time";
    s.close.assign(close.begin(), close.end());
    s.time_ms.resize(bars);
    s.open.resize(bars);
    s.high.resize(bars);
    s.low.resize(bars);
    s.volume.resize(bars);
    constexpr std::int64_t kFirstMs = 1'704'067'200'000;  // 2024-01-01T00:00:00Z
    for (std::size_t i = 0; i < bars; ++i) {
        s.time_ms[i] = kFirstMs + static_cast<std::int64_t>(i) * 60'000;
        s.open[i] = i == 0 ? close[0] : close[i - 1];
        s.high[i] = std::max(s.open[i], close[i]) + 0.01 * static_cast<double>(i % 7);
        s.low[i] = std::min(s.open[i], close[i]) - 0.01 * static_cast<double>(i % 5);
        s.volume[i] = 12.5 + static_cast<double>(i % 97);
    }
    return s;
}

}  // namespace atc::bench
