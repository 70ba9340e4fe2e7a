// SPDX-License-Identifier: GPL-3.0-or-later
// What `atc sweep` prints: a table for people, or one JSON object whose cells
// carry the same "performance" object as `atc report`'s JSON.
#pragma once

#include <optional>
#include <string>

#include "atc/params.hpp"
#include "atc/sweep.hpp"
#include "atc/sweep_metric.hpp"

namespace atc::cli {

struct SweepRun {
    std::string symbol;
    std::string timeframe;  // "" for undated data
    std::size_t bars = 0;
    std::string first_time, last_time;  // "" for undated data
    std::string split_time;             // the split bar's time, with a split
    AtcParams base;
    PerformanceOptions performance;
    std::optional<double> split;  // the share of bars that chooses
    SweepMetric metric = SweepMetric::Sharpe;
    SweepResult result;
    double elapsed_seconds = 0.0;
};

std::string format_sweep_text(const SweepRun& run);
std::string format_sweep_json(const SweepRun& run);

}  // namespace atc::cli
