// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/scan_ranking.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace atc {

ScanRanking rank_scan(std::span<const double> averages, std::span<const std::string> names) {
    if (averages.size() != names.size()) {
        throw std::logic_error("rank_scan: " + std::to_string(averages.size()) + " signals for " +
                               std::to_string(names.size()) + " names");
    }
    ScanRanking ranking;
    for (std::size_t i = 0; i < averages.size(); ++i) {
        // A NaN compares false both ways: flat.
        if (averages[i] > 0.0) {
            ranking.longs.push_back(i);
        } else if (averages[i] < 0.0) {
            ranking.shorts.push_back(i);
        } else {
            ranking.flats.push_back(i);
        }
    }
    const auto by_strength = [&](std::size_t a, std::size_t b) {
        const double fa = std::fabs(averages[a]);
        const double fb = std::fabs(averages[b]);
        if (fa != fb) {
            return fa > fb;
        }
        return names[a] < names[b];
    };
    std::sort(ranking.longs.begin(), ranking.longs.end(), by_strength);
    std::sort(ranking.shorts.begin(), ranking.shorts.end(), by_strength);
    std::sort(ranking.flats.begin(), ranking.flats.end(), by_strength);
    return ranking;
}

std::size_t shown_in_table(std::span<const std::size_t> table, std::span<const double> averages,
                           double min_signal, std::optional<std::size_t> top) {
    std::size_t shown = 0;
    // Ranked by |signal|, so the first one below the minimum ends the list.
    while (shown < table.size() && std::fabs(averages[table[shown]]) >= min_signal &&
           (!top || shown < *top)) {
        ++shown;
    }
    return shown;
}

const char* direction_name(Direction direction) {
    return direction == Direction::Long ? "long" : direction == Direction::Short ? "short" : "flat";
}

std::optional<std::size_t> bars_since_entry(const ScanRow& row) {
    if (!row.last_marker) {
        return std::nullopt;
    }
    return row.bars - 1 - row.last_marker->bar;
}

double change_since_entry_percent(const ScanRow& row) {
    if (!row.last_marker) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    return (row.last_close / row.entry_close - 1.0) * 100.0;
}

std::optional<MaType> strongest_family(const ScanRow& row) {
    std::optional<MaType> strongest;
    double largest = 0.0;
    for (const MaType type : kAllFamilies) {
        const double equity = row.family_equity[static_cast<std::size_t>(type)];
        if (std::isnan(equity)) {
            continue;
        }
        if (!strongest || equity > largest) {
            strongest = type;
            largest = equity;
        }
    }
    return strongest;
}

std::string entry_text(const std::optional<EntryMarker>& marker, std::string_view label) {
    if (!marker) {
        return "-";
    }
    std::string s = direction_name(marker->direction);
    s += " @ ";
    if (label.empty()) {
        s += "bar " + std::to_string(marker->bar);
    } else {
        s += std::string(label) + " (bar " + std::to_string(marker->bar) + ")";
    }
    return s;
}

}  // namespace atc
