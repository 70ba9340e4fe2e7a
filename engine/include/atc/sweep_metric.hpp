// SPDX-License-Identifier: GPL-3.0-or-later
// What a sweep is judged by: one figure of each cell's performance, which the
// Sweep view colours its heat map by and `atc sweep` names the best cell by.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "atc/performance.hpp"
#include "atc/sweep.hpp"

namespace atc {

enum class SweepMetric { Sharpe, TotalReturn, Cagr, Sortino, MaxDrawdown, WinRate, Trades };
inline constexpr std::array<SweepMetric, 7> kSweepMetrics = {
    SweepMetric::Sharpe,      SweepMetric::TotalReturn, SweepMetric::Cagr,  SweepMetric::Sortino,
    SweepMetric::MaxDrawdown, SweepMetric::WinRate,     SweepMetric::Trades};

// "sharpe", "total_return", ...: the performance JSON's keys.
std::string_view sweep_metric_key(SweepMetric metric);
// "Sharpe", "Total return", ...: for people.
std::string_view sweep_metric_label(SweepMetric metric);
// By key, taking "-" for "_" (the command line's spelling).
std::optional<SweepMetric> parse_sweep_metric(std::string_view text);

// The figure (NaN where it is not defined). Fractions stay fractions.
double sweep_metric_value(const PerformanceFigures& figures, SweepMetric metric);
// Whether more is better: all but the drawdown (a positive fraction).
bool sweep_metric_higher_is_better(SweepMetric metric);
// Whether the figure is a fraction to show as percent (returns, drawdown, win rate).
bool sweep_metric_is_fraction(SweepMetric metric);

// Which of a cell's figures a choice looks at.
enum class SweepPart { Whole, InSample, OutOfSample };
const std::optional<PerformanceFigures>& sweep_part(const SweepCell& cell, SweepPart part);

// The index of the best cell by `metric` over `part` (ties: the first in row-
// major order), or nullopt when no cell has the figure.
std::optional<std::size_t> best_sweep_cell(const SweepResult& sweep, SweepMetric metric,
                                           SweepPart part = SweepPart::Whole);

}  // namespace atc
