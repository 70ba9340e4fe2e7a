// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/sweep_metric.hpp"

#include <cmath>
#include <string>

namespace atc {

std::string_view sweep_metric_key(SweepMetric metric) {
    switch (metric) {
        case SweepMetric::Sharpe:
            return "sharpe";
        case SweepMetric::TotalReturn:
            return "total_return";
        case SweepMetric::Cagr:
            return "cagr";
        case SweepMetric::Sortino:
            return "sortino";
        case SweepMetric::MaxDrawdown:
            return "max_drawdown";
        case SweepMetric::WinRate:
            return "win_rate";
        case SweepMetric::Trades:
            return "trades";
    }
    return "sharpe";
}

std::string_view sweep_metric_label(SweepMetric metric) {
    switch (metric) {
        case SweepMetric::Sharpe:
            return "Sharpe";
        case SweepMetric::TotalReturn:
            return "Total return";
        case SweepMetric::Cagr:
            return "CAGR";
        case SweepMetric::Sortino:
            return "Sortino";
        case SweepMetric::MaxDrawdown:
            return "Max drawdown";
        case SweepMetric::WinRate:
            return "Win rate";
        case SweepMetric::Trades:
            return "Trades";
    }
    return "Sharpe";
}

std::optional<SweepMetric> parse_sweep_metric(std::string_view text) {
    std::string key(text);
    for (char& c : key) {
        if (c == '-')
            c = '_';
    }
    for (SweepMetric metric : kSweepMetrics) {
        if (sweep_metric_key(metric) == key)
            return metric;
    }
    return std::nullopt;
}

double sweep_metric_value(const PerformanceFigures& f, SweepMetric metric) {
    switch (metric) {
        case SweepMetric::Sharpe:
            return f.sharpe;
        case SweepMetric::TotalReturn:
            return f.total_return;
        case SweepMetric::Cagr:
            return f.cagr;
        case SweepMetric::Sortino:
            return f.sortino;
        case SweepMetric::MaxDrawdown:
            return f.max_drawdown;
        case SweepMetric::WinRate:
            return f.win_rate;
        case SweepMetric::Trades:
            return static_cast<double>(f.trades);
    }
    return f.sharpe;
}

bool sweep_metric_higher_is_better(SweepMetric metric) {
    return metric != SweepMetric::MaxDrawdown;
}

bool sweep_metric_is_fraction(SweepMetric metric) {
    return metric == SweepMetric::TotalReturn || metric == SweepMetric::Cagr ||
           metric == SweepMetric::MaxDrawdown || metric == SweepMetric::WinRate;
}

const std::optional<PerformanceFigures>& sweep_part(const SweepCell& cell, SweepPart part) {
    switch (part) {
        case SweepPart::InSample:
            return cell.in_sample;
        case SweepPart::OutOfSample:
            return cell.out_of_sample;
        case SweepPart::Whole:
            break;
    }
    return cell.figures;
}

std::optional<std::size_t> best_sweep_cell(const SweepResult& sweep, SweepMetric metric,
                                           SweepPart part) {
    const bool higher = sweep_metric_higher_is_better(metric);
    std::optional<std::size_t> best;
    double best_value = 0.0;
    for (std::size_t i = 0; i < sweep.cells.size(); ++i) {
        const auto& figures = sweep_part(sweep.cells[i], part);
        if (!sweep.cells[i].ok() || !figures)
            continue;
        const double value = sweep_metric_value(*figures, metric);
        if (std::isnan(value))
            continue;
        if (!best || (higher ? value > best_value : value < best_value)) {
            best = i;
            best_value = value;
        }
    }
    return best;
}

}  // namespace atc
