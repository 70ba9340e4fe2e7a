// SPDX-License-Identifier: GPL-3.0-or-later
#include "sweep_output.hpp"

#include <array>
#include <cmath>
#include <cstdio>

#include "atc/json_document.hpp"
#include "atc/params_json.hpp"
#include "atc/performance_json.hpp"
#include "text_table.hpp"

namespace atc::cli {
namespace {

constexpr std::size_t kRefusalsListed = 5;

std::string printed(const char* format, double v) {
    if (std::isnan(v))
        return "—";
    std::array<char, 48> buf{};
    std::snprintf(buf.data(), buf.size(), format, v);
    return buf.data();
}

std::string percent(double fraction) {
    return printed("%+.1f %%", 100.0 * fraction);
}

std::string ratio(double v) {
    return printed("%.2f", v);
}

// "La=0.01 De=0.03": a cell by its values.
std::string cell_name(const SweepResult& sweep, const SweepCell& cell) {
    std::string name;
    for (std::size_t a = 0; a < sweep.axes.size(); ++a) {
        const ParamDescriptor& param = *sweep.axes[a].param;
        if (a > 0)
            name += ' ';
        name += std::string(param.key) + "=" + sweep_value_text(param, cell.values[a]);
    }
    return name;
}

std::string metric_text(SweepMetric metric, const PerformanceFigures& figures) {
    const double v = sweep_metric_value(figures, metric);
    if (metric == SweepMetric::Trades)
        return std::to_string(figures.trades);
    return sweep_metric_is_fraction(metric) ? percent(v) : ratio(v);
}

std::string header_text(const SweepRun& run) {
    std::string out = run.symbol;
    if (!run.timeframe.empty())
        out += " (" + run.timeframe + ")";
    out += ", " + std::to_string(run.bars) + " bars";
    if (!run.first_time.empty())
        out += " from " + run.first_time + " to " + run.last_time;
    out += std::string("; ") +
           (run.performance.mode == PositionMode::LongOnly ? "long only" : "long and short") +
           ", cost " + printed("%g", run.performance.cost_bps) + " bps\n";
    return out;
}

// The figures every cell shares: buy-and-hold does not depend on the parameters.
std::string buy_and_hold_text(const SweepResult& sweep) {
    for (const SweepCell& cell : sweep.cells) {
        if (!cell.ok() || !cell.figures)
            continue;
        const PerformanceFigures& f = *cell.figures;
        return "Buy and hold: total " + percent(f.buy_and_hold_return) + ", CAGR " +
               percent(f.buy_and_hold_cagr) + ", Sharpe " + ratio(f.buy_and_hold_sharpe) +
               ", max drawdown " + percent(-f.buy_and_hold_max_drawdown) + "\n";
    }
    return "";
}

std::string table_text(const SweepRun& run) {
    const SweepResult& sweep = run.result;
    std::vector<TextColumn> columns;
    for (const SweepAxis& axis : sweep.axes)
        columns.push_back({axis.param->key, true});
    const bool split = run.split.has_value();
    const std::vector<TextColumn> figures =
        split ? std::vector<TextColumn>{{"choose total", true}, {"choose Sharpe", true},
                                        {"check total", true},  {"check Sharpe", true},
                                        {"check max DD", true}, {"check trades", true}}
              : std::vector<TextColumn>{{"total", true},   {"CAGR", true},    {"Sharpe", true},
                                        {"Sortino", true}, {"max DD", true},  {"in market", true},
                                        {"trades", true},  {"win rate", true}};
    columns.insert(columns.end(), figures.begin(), figures.end());

    std::vector<std::vector<std::string>> rows;
    for (const SweepCell& cell : sweep.cells) {
        std::vector<std::string> row;
        for (std::size_t a = 0; a < sweep.axes.size(); ++a)
            row.push_back(sweep_value_text(*sweep.axes[a].param, cell.values[a]));
        const auto blank = [&] { row.resize(columns.size(), "—"); };
        if (!cell.ok()) {
            blank();
        } else if (split) {
            const auto& in = cell.in_sample;
            const auto& out = cell.out_of_sample;
            row.push_back(in ? percent(in->total_return) : "—");
            row.push_back(in ? ratio(in->sharpe) : "—");
            row.push_back(out ? percent(out->total_return) : "—");
            row.push_back(out ? ratio(out->sharpe) : "—");
            row.push_back(out ? percent(-out->max_drawdown) : "—");
            row.push_back(out ? std::to_string(out->trades) : "—");
        } else if (const auto& f = cell.figures) {
            row.insert(
                row.end(),
                {percent(f->total_return), percent(f->cagr), ratio(f->sharpe), ratio(f->sortino),
                 percent(-f->max_drawdown), printed("%.0f %%", 100.0 * f->time_in_market),
                 std::to_string(f->trades), printed("%.0f %%", 100.0 * f->win_rate)});
        } else {
            blank();
        }
        rows.push_back(std::move(row));
    }
    return text_table(columns, rows);
}

std::string refusals_text(const SweepResult& sweep) {
    std::string out;
    std::size_t refused = 0;
    for (const SweepCell& cell : sweep.cells) {
        if (cell.error.empty())
            continue;
        if (++refused <= kRefusalsListed)
            out += "  " + cell_name(sweep, cell) + ": " + cell.error + "\n";
    }
    if (refused == 0)
        return "";
    if (refused > kRefusalsListed)
        out += "  and " + std::to_string(refused - kRefusalsListed) + " more\n";
    std::string text = "\n";
    text += std::to_string(refused) + (refused == 1 ? " cell" : " cells") + " could not run:\n";
    return text + out;
}

std::string best_text(const SweepRun& run) {
    const SweepResult& sweep = run.result;
    const SweepMetric metric = run.metric;
    const std::string label(sweep_metric_label(metric));
    const SweepPart part = run.split ? SweepPart::InSample : SweepPart::Whole;
    const auto best = best_sweep_cell(sweep, metric, part);
    if (!best)
        return "\nNo cell has a " + label + ".\n";
    const SweepCell& cell = sweep.cells[*best];
    const std::string chosen = metric_text(metric, *sweep_part(cell, part));
    if (!run.split) {
        return "\nBest by " + label + ": " + cell_name(sweep, cell) + " (" + chosen +
               ")\nThis overstates what the signal will do: the cell was chosen on the same bars\n"
               "it is judged on. --split PCT chooses on the first PCT % and checks on the rest.\n";
    }
    const std::string until =
        run.split_time.empty() ? "bar " + std::to_string(*sweep.split_bar) : run.split_time;
    const std::string checked =
        cell.out_of_sample ? metric_text(metric, *cell.out_of_sample) : std::string("—");
    return "\nBest by " + label + " on the first " + printed("%.0f %%", 100.0 * *run.split) +
           " (to " + until + "): " + cell_name(sweep, cell) + " (" + chosen + ")\n" +
           "On the rest, which played no part in the choice: " + checked + "\n";
}

// A varied parameter's value as params.json writes it: a number, a whole
// number, a choice's name, true or false.
Json value_json(const ParamDescriptor& param, double value) {
    switch (param.type()) {
        case ParamType::Integer:
            return static_cast<std::int64_t>(value);
        case ParamType::Number:
            return value;
        case ParamType::Flag:
            return value != 0.0;
        case ParamType::Choice:
            break;
    }
    return sweep_value_text(param, value);
}

Json figures_json(const std::optional<PerformanceFigures>& figures,
                  const PerformanceOptions& options) {
    return figures ? performance_json(*figures, options) : Json(nullptr);
}

}  // namespace

std::string format_sweep_text(const SweepRun& run) {
    std::string out = header_text(run) + buy_and_hold_text(run.result) + "\n" + table_text(run) +
                      refusals_text(run.result) + best_text(run);
    out += '\n';
    out += std::to_string(run.result.cells.size()) + " cells in " +
           printed("%.2f", run.elapsed_seconds) + " s\n";
    return out;
}

std::string format_sweep_json(const SweepRun& run) {
    const SweepResult& sweep = run.result;
    Json vary = Json::array();
    for (const SweepAxis& axis : sweep.axes) {
        Json values = Json::array();
        for (double v : axis.values)
            values.push_back(value_json(*axis.param, v));
        vary.push_back({{"name", axis.param->key}, {"values", std::move(values)}});
    }
    Json split = nullptr;
    if (run.split) {
        split = {{"fraction", *run.split},
                 {"bar", *sweep.split_bar},
                 {"time", run.split_time.empty() ? Json(nullptr) : Json(run.split_time)}};
    }
    Json cells = Json::array();
    for (const SweepCell& cell : sweep.cells) {
        Json out = Json::object();
        for (std::size_t a = 0; a < sweep.axes.size(); ++a)
            out[std::string(sweep.axes[a].param->key)] =
                value_json(*sweep.axes[a].param, cell.values[a]);
        out["error"] = cell.error.empty() ? Json(nullptr) : Json(cell.error);
        out["performance"] = figures_json(cell.figures, run.performance);
        if (run.split) {
            out["in_sample"] = figures_json(cell.in_sample, run.performance);
            out["out_of_sample"] = figures_json(cell.out_of_sample, run.performance);
        }
        cells.push_back(std::move(out));
    }
    return json_text({{"symbol", run.symbol},
                      {"timeframe", run.timeframe.empty() ? Json(nullptr) : Json(run.timeframe)},
                      {"bars", run.bars},
                      {"params", params_json_object(run.base)},
                      {"vary", std::move(vary)},
                      {"split", std::move(split)},
                      {"cells", std::move(cells)},
                      {"elapsed_seconds", run.elapsed_seconds}});
}

}  // namespace atc::cli
