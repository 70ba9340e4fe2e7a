// SPDX-License-Identifier: GPL-3.0-or-later
// How the Average signal would have done as a position: the figures traders
// compare strategies by (returns, Sharpe, drawdown, trades) and the series
// behind them (position, equity, drawdown, monthly returns), with buy-and-hold
// beside it. The definitions are ATC_SPEC.md's "Signal performance"; this is
// their one implementation, used by the reports, the app and `atc sweep`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace atc {

// Long and short (the default): +1 above the long threshold, −1 below the
// short one, 0 between. Long only: the short side is flat instead.
enum class PositionMode { LongShort, LongOnly };

// "long_short", "long_only": the reports' words. Parsing takes "-" for "_" too
// (the command line's spelling).
std::string_view position_mode_name(PositionMode mode);
std::optional<PositionMode> parse_position_mode(std::string_view text);

struct PerformanceOptions {
    PositionMode mode = PositionMode::LongShort;
    // Fee and slippage per unit of position change, in basis points (1 = 0.01 %):
    // entering or leaving costs it once, flipping long to short twice.
    double cost_bps = 0.0;
};

// Fractions, not percent. NaN where a figure is not defined: no bar times
// (cagr, sharpe, sortino need the years), returns without spread (sharpe), no
// losing bar (sortino).
struct PerformanceFigures {
    double total_return = 0.0;
    double cagr = 0.0;
    double sharpe = 0.0;
    double sortino = 0.0;
    double max_drawdown = 0.0;  // a positive fraction: 0.25 is 25 % below the peak
    double time_in_market = 0.0;
    std::size_t trades = 0;         // an open trade at the last bar counts
    double win_rate = 0.0;          // share of trades with a return > 0; 0 without trades
    double avg_win = 0.0;           // mean return of the winning trades; 0 without any
    double avg_loss = 0.0;          // mean return of the others (<= 0); 0 without any
    std::size_t longest_trade = 0;  // in bars
    double buy_and_hold_return = 0.0;
    double buy_and_hold_cagr = 0.0;
    double buy_and_hold_sharpe = 0.0;
    double buy_and_hold_max_drawdown = 0.0;
};

// The strategy's compounded return over one calendar month (UTC).
struct MonthlyReturn {
    int year = 0;
    int month = 0;  // 1-12
    double value = 0.0;
};

struct Performance {
    std::size_t first_bar = 0;  // t0: the first bar where the Average is defined
    PerformanceFigures figures;
    // Per bar, all as long as the close; before t0: position 0, the rest NaN.
    std::vector<std::int8_t> position;        // p[t], held from close t-1 to close t
    std::vector<double> bar_return;           // r[t], costs included
    std::vector<double> equity;               // E[t], 1 at t0
    std::vector<double> drawdown;             // 1 - E[t] / max E up to t
    std::vector<double> buy_and_hold_equity;  // c[t] / c[t0]
    std::vector<MonthlyReturn> monthly;       // in time order; empty without bar times
};

// The performance of `average` over `close` (and `time_ms`, Unix ms, or empty
// when the bars have no times) with the thresholds and options. nullopt when
// the Average is never defined or no bar follows t0.
std::optional<Performance> compute_performance(std::span<const double> close,
                                               std::span<const std::int64_t> time_ms,
                                               std::span<const double> average,
                                               double long_threshold, double short_threshold,
                                               const PerformanceOptions& options = {});

}  // namespace atc
