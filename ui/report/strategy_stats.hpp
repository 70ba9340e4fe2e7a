// SPDX-License-Identifier: GPL-3.0-or-later
// Simple statistics of trading the Average signal's entry markers: every marker
// opens a trade in its direction at that bar's close, and the trade runs to the
// next marker's close (or, for the last one, the last bar's close). Deliberately
// plain (no costs, no sizing): a summary for the report, not a backtester.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <vector>

#include "atc/result.hpp"

namespace atc::ui {

struct MarkerTrade {
    std::size_t entry_bar = 0;
    std::size_t exit_bar = 0;  // the next marker's bar, or the last bar
    Direction direction = Direction::Flat;
    double entry_close = 0.0;
    double exit_close = 0.0;
    double move = 0.0;  // exit_close / entry_close - 1, the price's move (not signed)
    bool open = false;  // no later marker: still running at the last bar
    // The move went the trade's way (up for long, down for short); a trade
    // without any move (e.g. entered on the last bar) is no hit.
    bool hit = false;
};

struct StrategyStats {
    std::vector<MarkerTrade> trades;  // one per entry marker, in time order
    std::size_t longs = 0;
    std::size_t shorts = 0;
    std::size_t hits = 0;
    double hit_rate = 0.0;  // hits / trades; NaN without trades
    // Layer-2 equity of each family at the last bar (indexed by MaType); NaN
    // where it is not defined.
    std::array<double, kFamilyCount> final_equity{};
};

// `close` holds the bars `result` was computed from.
StrategyStats strategyStats(std::span<const double> close, const AtcResult& result);

}  // namespace atc::ui
