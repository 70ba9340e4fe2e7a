// SPDX-License-Identifier: GPL-3.0-or-later
// Many symbols at once on oneTBB workers, keeping only what a scan needs.
// The numbers are identical to compute_symbol's: both run the same pipeline code,
// and no arithmetic depends on which worker or in which order symbols run.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "atc/params.hpp"
#include "atc/result.hpp"
#include "atc/workspace_gauge.hpp"

namespace atc {

// Where the pipeline spends its time, for atc-bench and profiling. Each stage is
// wall time in seconds on the worker's clock, summed over all workers (so the
// four add up to about threads x wall time; on a busy machine they include the
// time a worker waited for a core). Layer 1 covers the crossing states, member equities and
// the family signals; Layer 2 the family equities; final the Average, the entry
// markers and the scan row.
struct StageTimes {
    double moving_averages = 0.0;
    double layer1 = 0.0;
    double layer2 = 0.0;
    double final_stage = 0.0;
    // Symbols run four to a vector (BatchOptions::stages_apart false): their
    // stages are one pass over the bars, so only the whole is timed.
    double fused = 0.0;

    double total() const { return moving_averages + layer1 + layer2 + final_stage + fused; }
    StageTimes& operator+=(const StageTimes& other);
};

struct BatchOptions {
    // Keep the per-bar Layer-1 signals, Layer-2 equities and Average. When false,
    // only the ScanRow and markers are kept (a scan of a huge universe).
    bool keep_series = true;
    // Set to true from any thread to stop early; symbols not started stay empty.
    const std::atomic<bool>* cancel = nullptr;
    // Called from worker threads with (symbols done, total); must be thread-safe.
    std::function<void(std::size_t, std::size_t)> progress;
    // Optional stage timing. When set, every worker times the stages into its own
    // counters (no sharing, no atomics) and compute_batch adds them to
    // *stage_times before it returns. When null (the default) no clock is read:
    // the hook costs one predictable branch per stage and symbol.
    StageTimes* stage_times = nullptr;
    // With stage_times: true times each stage apart, which runs every symbol
    // on its own (atc-bench's stage columns); false lets symbols of equal
    // length run four to a vector as without timing, their time in
    // StageTimes::fused (the app's status panel: a timed scan as fast as an
    // untimed one).
    bool stages_apart = true;
    // Optional: the workers' scratch buffers are counted into it as they grow
    // (after each symbol) and taken out again before compute_batch returns.
    WorkspaceGauge* workspace_gauge = nullptr;
};

struct SymbolScan {
    std::string error;  // empty when computed; else why this symbol was refused
    bool computed = false;
    std::array<std::vector<double>, kFamilyCount> layer1_signals;   // S_t per family
    std::array<std::vector<double>, kFamilyCount> layer2_equities;  // W_t per family
    std::vector<double> average;
    std::vector<EntryMarker> markers;
    ScanRow row;

    bool ok() const { return computed && error.empty(); }
};

struct BatchResult {
    std::vector<SymbolScan> symbols;  // same order as the input
    bool cancelled = false;
};

// Computes every series in `closes`. Parameters are checked once up front
// (InvalidInput is thrown for them); a series that is itself invalid (too short
// for the cutout, a bad price) gets its SymbolScan::error and the rest go on.
BatchResult compute_batch(std::span<const std::span<const double>> closes, const AtcParams& params,
                          const BatchOptions& options = {});

}  // namespace atc
