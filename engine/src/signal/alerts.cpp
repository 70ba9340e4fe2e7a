// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/alerts.hpp"

#include <algorithm>

namespace atc {
namespace {

// The latest t >= first_new (and >= 1) where `series` crosses `level` in the
// directions asked for, by the rule in alerts.hpp.
std::optional<AlertCrossing> latest_crossing_of(std::span<const double> series, double level,
                                                std::size_t first_new, bool up, bool down) {
    for (std::size_t t = series.size(); t-- > std::max<std::size_t>(first_new, 1);) {
        const double prev = series[t - 1];
        const double now = series[t];
        if (up && prev <= level && level < now)
            return AlertCrossing{t, Direction::Long, now, level};
        if (down && prev >= level && level > now)
            return AlertCrossing{t, Direction::Short, now, level};
    }
    return std::nullopt;
}

}  // namespace

std::optional<AlertKind> alert_kind_from_int(std::int64_t stored) {
    for (const AlertKind kind : kAllAlertKinds) {
        if (static_cast<std::int64_t>(kind) == stored)
            return kind;
    }
    return std::nullopt;
}

std::string_view alert_kind_name(AlertKind kind) {
    switch (kind) {
        case AlertKind::AverageAboveLong:
            return "Average crosses above the long threshold";
        case AlertKind::AverageBelowShort:
            return "Average crosses below the short threshold";
        case AlertKind::PriceCrossing:
            return "Price crosses a level";
    }
    return "";
}

std::size_t first_new_bar(std::span<const std::int64_t> time_ms, std::size_t bar_count,
                          std::size_t checked_bars, std::optional<std::int64_t> checked_time_ms) {
    if (checked_time_ms && time_ms.size() == bar_count) {
        return static_cast<std::size_t>(
            std::upper_bound(time_ms.begin(), time_ms.end(), *checked_time_ms) - time_ms.begin());
    }
    return std::min(checked_bars, bar_count);
}

std::optional<AlertCrossing> latest_crossing(AlertKind kind, double price_level,
                                             std::span<const double> close,
                                             std::span<const double> average,
                                             const AtcParams& params, std::size_t first_new) {
    switch (kind) {
        case AlertKind::AverageAboveLong:
            return latest_crossing_of(average, params.long_threshold, first_new, true, false);
        case AlertKind::AverageBelowShort:
            return latest_crossing_of(average, params.short_threshold, first_new, false, true);
        case AlertKind::PriceCrossing:
            return latest_crossing_of(close, price_level, first_new, true, true);
    }
    return std::nullopt;
}

}  // namespace atc
