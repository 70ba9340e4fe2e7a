// SPDX-License-Identifier: GPL-3.0-or-later
// A parameter sweep: the Average signal's performance (performance.hpp) over a
// grid of one or two parameters on one symbol, for `atc sweep` and the app's
// Sweep view. Each cell is exactly what `atc report` says for its parameters:
// the same pipeline computes its Average, the same function its figures.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "atc/param_table.hpp"
#include "atc/params.hpp"
#include "atc/performance.hpp"

namespace atc {

// The most values one axis takes: 50 × 50 cells is what a heat map shows
// readably and what the sweep's speed target is set for.
inline constexpr std::size_t kMaxSweepValues = 50;

// One varied parameter and the values it takes, in order.
struct SweepAxis {
    const ParamDescriptor* param = nullptr;
    std::vector<double> values;
};

// Reads "NAME=V1,V2,..." or "NAME=FROM:TO:STEP" (both ends included, e.g.
// "La=0.01:0.05:0.01"): the parameter by its params.json key, each value as
// set_param_from_text reads it ("Wide" for robustness). Throws InvalidInput
// keyed by the parameter (or "vary" when there is none) naming what is wrong:
// an unknown key, a value of the wrong type, an empty or reversed range, a
// repeated value, more than kMaxSweepValues values.
SweepAxis parse_sweep_axis(std::string_view text);

// The values FROM, FROM+STEP, ... up to TO (within a millionth of a step, so
// 0.1:0.3:0.1 ends at 0.3 despite rounding), each rounded to the step's
// decimals so they read as typed. Throws InvalidInput keyed by the parameter
// for a non-positive step, TO below FROM, or more than kMaxSweepValues values.
std::vector<double> sweep_range(const ParamDescriptor& param, double from, double to, double step);

// The value as it reads in tables and JSON keys' values: param_value_text's.
std::string sweep_value_text(const ParamDescriptor& param, double value);

struct SweepRequest {
    std::span<const double> close;
    std::span<const std::int64_t> time_ms;  // Unix ms, or empty for undated bars
    AtcParams base;                         // what the axes do not vary
    std::vector<SweepAxis> axes;            // one or two
    PerformanceOptions performance;
    // The share of bars (0 < split < 1) whose performance chooses a cell, the
    // rest checking it: each cell then also gets its figures over the first
    // bars and over the others. nullopt: the whole series only.
    std::optional<double> split;
    // Set from any thread to stop early; cells not started stay uncomputed.
    const std::atomic<bool>* cancel = nullptr;
    // Called from worker threads with (cells done, total); must be thread-safe.
    std::function<void(std::size_t, std::size_t)> progress;
};

struct SweepCell {
    std::vector<double> values;  // one per axis, in the axes' order
    AtcParams params;
    bool computed = false;
    // Why these parameters cannot run (a length too short for the robustness,
    // thresholds crossed); empty otherwise.
    std::string error;
    // nullopt when the Average is never defined (e.g. a cutout past the data).
    std::optional<PerformanceFigures> figures;
    std::optional<PerformanceFigures> in_sample;      // with a split only
    std::optional<PerformanceFigures> out_of_sample;  // with a split only

    bool ok() const { return computed && error.empty(); }
};

struct SweepResult {
    std::vector<SweepAxis> axes;
    // Row-major: the first axis varies slowest (cells[i * second.size() + j]).
    std::vector<SweepCell> cells;
    // With a split: the first out-of-sample bar (in-sample returns end at it,
    // out-of-sample ones start after it).
    std::optional<std::size_t> split_bar;
    bool cancelled = false;

    const SweepCell& cell(std::size_t i, std::size_t j = 0) const;
};

// Runs every cell on oneTBB workers. Throws InvalidInput when the request
// itself is wrong (no axis or more than two, an axis without values, the same
// parameter twice, a split outside (0, 1), a close series that no parameters
// could run on); a cell whose parameters are refused gets its error and the
// rest go on.
SweepResult run_sweep(const SweepRequest& request);

}  // namespace atc
