// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/strategy_stats.hpp"

#include <limits>
#include <stdexcept>
#include <string>

namespace atc::ui {

StrategyStats strategyStats(std::span<const double> close, const AtcResult& result) {
    if (close.size() != result.bars)
        throw std::logic_error("strategyStats: " + std::to_string(close.size()) +
                               " closes for a result of " + std::to_string(result.bars) + " bars");
    StrategyStats stats;
    const std::vector<EntryMarker>& markers = result.markers;
    for (std::size_t k = 0; k < markers.size(); ++k) {
        MarkerTrade t;
        t.entry_bar = markers[k].bar;
        t.direction = markers[k].direction;
        t.open = k + 1 == markers.size();
        t.exit_bar = t.open ? result.bars - 1 : markers[k + 1].bar;
        if (t.entry_bar >= result.bars || t.exit_bar >= result.bars)
            throw std::logic_error("strategyStats: a marker lies outside the bars");
        t.entry_close = close[t.entry_bar];
        t.exit_close = close[t.exit_bar];
        t.move = t.exit_close / t.entry_close - 1.0;
        t.hit = (t.direction == Direction::Long && t.exit_close > t.entry_close) ||
                (t.direction == Direction::Short && t.exit_close < t.entry_close);
        stats.longs += t.direction == Direction::Long ? 1 : 0;
        stats.shorts += t.direction == Direction::Short ? 1 : 0;
        stats.hits += t.hit ? 1 : 0;
        stats.trades.push_back(t);
    }
    stats.hit_rate = stats.trades.empty() ? std::numeric_limits<double>::quiet_NaN()
                                          : static_cast<double>(stats.hits) /
                                                static_cast<double>(stats.trades.size());
    for (const MaType t : kAllFamilies) {
        const std::vector<double>& w = result.family(t).weight_equity;
        stats.final_equity[static_cast<std::size_t>(t)] =
            w.empty() ? std::numeric_limits<double>::quiet_NaN() : w.back();
    }
    return stats;
}

}  // namespace atc::ui
