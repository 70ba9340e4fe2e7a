// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/performance_json.hpp"

namespace atc {

Json performance_json(const PerformanceFigures& f, const PerformanceOptions& options) {
    return {{"total_return", f.total_return},
            {"cagr", f.cagr},
            {"sharpe", f.sharpe},
            {"sortino", f.sortino},
            {"max_drawdown", f.max_drawdown},
            {"time_in_market", f.time_in_market},
            {"trades", f.trades},
            {"win_rate", f.win_rate},
            {"avg_win", f.avg_win},
            {"avg_loss", f.avg_loss},
            {"buy_and_hold_return", f.buy_and_hold_return},
            {"buy_and_hold_cagr", f.buy_and_hold_cagr},
            {"buy_and_hold_sharpe", f.buy_and_hold_sharpe},
            {"buy_and_hold_max_drawdown", f.buy_and_hold_max_drawdown},
            {"mode", position_mode_name(options.mode)},
            {"cost_bps", options.cost_bps}};
}

}  // namespace atc
