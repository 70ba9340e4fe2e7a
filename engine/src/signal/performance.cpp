// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/performance.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "atc/timeframe.hpp"

namespace atc {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kDaysPerYear = 365.25;

// The position the Average at the bar before asks for.
std::int8_t position_for(double previous_average, double long_threshold, double short_threshold,
                         PositionMode mode) {
    if (previous_average > long_threshold)
        return 1;
    if (previous_average < short_threshold && mode == PositionMode::LongShort)
        return -1;
    return 0;  // between the thresholds, or NaN
}

// Sharpe and Sortino of the returns r[t0+1 .. T], annualised by periods_per_year.
struct RiskRatios {
    double sharpe = kNaN;
    double sortino = kNaN;
};

RiskRatios risk_ratios(std::span<const double> returns, double periods_per_year) {
    RiskRatios out;
    const auto n = static_cast<double>(returns.size());
    if (returns.empty() || !std::isfinite(periods_per_year))
        return out;
    double sum = 0.0;
    double downside = 0.0;
    for (double r : returns) {
        sum += r;
        downside += std::min(r, 0.0) * std::min(r, 0.0);
    }
    const double mean = sum / n;
    const double annual = std::sqrt(periods_per_year);
    if (returns.size() >= 2) {
        double squares = 0.0;
        for (double r : returns)
            squares += (r - mean) * (r - mean);
        const double stdev = std::sqrt(squares / (n - 1.0));
        if (stdev > 0.0)
            out.sharpe = mean / stdev * annual;
    }
    if (downside > 0.0)
        out.sortino = mean / std::sqrt(downside / n) * annual;
    return out;
}

// The deepest fall of `equity` below its running peak, as a positive fraction;
// fills `drawdown` (same length) when given.
double max_drawdown(std::span<const double> equity, std::span<double> drawdown = {}) {
    double peak = 0.0;
    double deepest = 0.0;
    for (std::size_t i = 0; i < equity.size(); ++i) {
        peak = std::max(peak, equity[i]);
        const double down = peak > 0.0 ? 1.0 - equity[i] / peak : 0.0;
        deepest = std::max(deepest, down);
        if (!drawdown.empty())
            drawdown[i] = down;
    }
    return deepest;
}

double cagr_of(double total_return, double years) {
    if (!(years > 0.0))
        return kNaN;
    return std::pow(1.0 + total_return, 1.0 / years) - 1.0;
}

// The UTC calendar month of a Unix time in ms, as year * 12 + month - 1.
int month_index(std::int64_t time_ms) {
    namespace chrono = std::chrono;
    const chrono::sys_days day{chrono::floor<chrono::days>(chrono::milliseconds(time_ms))};
    const chrono::year_month_day ymd{day};
    return static_cast<int>(ymd.year()) * 12 +
           static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
}

void fill_trades(std::span<const std::int8_t> position, std::span<const double> returns,
                 std::size_t first, std::size_t last, PerformanceFigures& f) {
    std::size_t wins = 0, losses = 0;
    double win_sum = 0.0, loss_sum = 0.0;
    std::size_t t = first + 1;
    while (t <= last) {
        if (position[t] == 0) {
            ++t;
            continue;
        }
        // One trade: the run of bars holding this same position.
        const std::int8_t side = position[t];
        double growth = 1.0;
        std::size_t bars = 0;
        for (; t <= last && position[t] == side; ++t, ++bars)
            growth *= 1.0 + returns[t];
        const double trade_return = growth - 1.0;
        ++f.trades;
        f.longest_trade = std::max(f.longest_trade, bars);
        if (trade_return > 0.0) {
            ++wins;
            win_sum += trade_return;
        } else {
            ++losses;
            loss_sum += trade_return;
        }
    }
    f.win_rate = f.trades > 0 ? static_cast<double>(wins) / static_cast<double>(f.trades) : 0.0;
    f.avg_win = wins > 0 ? win_sum / static_cast<double>(wins) : 0.0;
    f.avg_loss = losses > 0 ? loss_sum / static_cast<double>(losses) : 0.0;
}

}  // namespace

std::string_view position_mode_name(PositionMode mode) {
    return mode == PositionMode::LongOnly ? "long_only" : "long_short";
}

std::optional<PositionMode> parse_position_mode(std::string_view text) {
    for (PositionMode mode : {PositionMode::LongShort, PositionMode::LongOnly}) {
        const std::string_view name = position_mode_name(mode);
        if (text.size() == name.size() &&
            std::equal(text.begin(), text.end(), name.begin(),
                       [](char a, char b) { return a == b || (a == '-' && b == '_'); }))
            return mode;
    }
    return std::nullopt;
}

std::optional<Performance> compute_performance(std::span<const double> close,
                                               std::span<const std::int64_t> time_ms,
                                               std::span<const double> average,
                                               double long_threshold, double short_threshold,
                                               const PerformanceOptions& options) {
    const std::size_t n = std::min(close.size(), average.size());
    const bool timed = time_ms.size() >= n;
    std::size_t first = 0;
    while (first < n && !std::isfinite(average[first]))
        ++first;
    if (first + 1 >= n)
        return std::nullopt;
    const std::size_t last = n - 1;

    Performance out;
    out.first_bar = first;
    out.position.assign(n, 0);
    out.bar_return.assign(n, kNaN);
    out.equity.assign(n, kNaN);
    out.drawdown.assign(n, kNaN);
    out.buy_and_hold_equity.assign(n, kNaN);
    const double cost = options.cost_bps / 10'000.0;

    // Positions, returns and equity, bar by bar from t0.
    std::vector<double> hold_returns;
    hold_returns.reserve(last - first);
    out.bar_return[first] = 0.0;
    out.equity[first] = 1.0;
    out.buy_and_hold_equity[first] = 1.0;
    std::size_t in_market = 0;
    for (std::size_t t = first + 1; t <= last; ++t) {
        const std::int8_t p =
            position_for(average[t - 1], long_threshold, short_threshold, options.mode);
        out.position[t] = p;
        const double change = close[t] / close[t - 1] - 1.0;
        const double r = p * change - cost * std::abs(p - out.position[t - 1]);
        out.bar_return[t] = r;
        out.equity[t] = out.equity[t - 1] * (1.0 + r);
        out.buy_and_hold_equity[t] = close[t] / close[first];
        hold_returns.push_back(change);
        in_market += p != 0 ? 1 : 0;
    }

    PerformanceFigures& f = out.figures;
    const std::span<const double> returns =
        std::span<const double>(out.bar_return).subspan(first + 1, last - first);
    const std::span<const double> equity =
        std::span<const double>(out.equity).subspan(first, last - first + 1);
    const std::span<const double> hold_equity =
        std::span<const double>(out.buy_and_hold_equity).subspan(first, last - first + 1);
    const double steps = static_cast<double>(last - first);
    const double years =
        timed ? static_cast<double>(time_ms[last] - time_ms[first]) / (kDaysPerYear * kDayMs)
              : kNaN;
    const double periods_per_year = years > 0.0 ? steps / years : kNaN;

    f.total_return = out.equity[last] - 1.0;
    f.cagr = cagr_of(f.total_return, years);
    const RiskRatios ratios = risk_ratios(returns, periods_per_year);
    f.sharpe = ratios.sharpe;
    f.sortino = ratios.sortino;
    f.max_drawdown = max_drawdown(equity, std::span<double>(out.drawdown).subspan(first));
    f.time_in_market = static_cast<double>(in_market) / steps;
    fill_trades(out.position, out.bar_return, first, last, f);
    f.buy_and_hold_return = close[last] / close[first] - 1.0;
    f.buy_and_hold_cagr = cagr_of(f.buy_and_hold_return, years);
    f.buy_and_hold_sharpe = risk_ratios(hold_returns, periods_per_year).sharpe;
    f.buy_and_hold_max_drawdown = max_drawdown(hold_equity);

    // Each bar's return goes to the month its close falls in.
    if (timed) {
        int month = -1;
        for (std::size_t t = first + 1; t <= last; ++t) {
            const int m = month_index(time_ms[t]);
            if (m != month) {
                out.monthly.push_back({m / 12, m % 12 + 1, 0.0});
                month = m;
            }
            double& value = out.monthly.back().value;
            value = (1.0 + value) * (1.0 + out.bar_return[t]) - 1.0;
        }
    }
    return out;
}

}  // namespace atc
