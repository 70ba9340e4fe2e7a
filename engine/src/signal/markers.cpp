// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/markers.hpp"
#include "atc/signals.hpp"

namespace atc {

namespace detail {

void entry_markers_into(std::span<const double> average, double long_threshold,
                        double short_threshold, std::vector<EntryMarker>& markers) {
    markers.clear();
    Direction last = Direction::Flat;
    for (std::size_t i = 1; i < average.size(); ++i) {
        const double prev = average[i - 1];
        const double now = average[i];
        if (last != Direction::Long && now > long_threshold && prev <= long_threshold) {
            last = Direction::Long;
            markers.push_back({i, last, now});
        } else if (last != Direction::Short && now < short_threshold && prev >= short_threshold) {
            last = Direction::Short;
            markers.push_back({i, last, now});
        }
    }
}

}  // namespace detail

std::vector<EntryMarker> entry_markers(std::span<const double> average, double long_threshold,
                                       double short_threshold) {
    std::vector<EntryMarker> markers;
    detail::entry_markers_into(average, long_threshold, short_threshold, markers);
    return markers;
}

ScanRow scan_row(std::span<const double> close, std::span<const double> average,
                 const std::vector<EntryMarker>& markers,
                 const std::array<std::span<const double>, kFamilyCount>& layer2_equities) {
    ScanRow row;
    row.bars = close.size();
    if (close.empty())
        return row;
    row.average = average.back();
    row.trend = row.average > 0.0 ? Direction::Long
                                  : (row.average < 0.0 ? Direction::Short : Direction::Flat);
    row.last_close = close.back();
    if (!markers.empty()) {
        row.last_marker = markers.back();
        row.entry_close = close[markers.back().bar];
    }
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        if (!layer2_equities[t].empty())
            row.family_equity[t] = layer2_equities[t].back();
    }
    return row;
}

}  // namespace atc
