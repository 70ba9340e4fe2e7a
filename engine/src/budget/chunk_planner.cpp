// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>

#include "atc/scan_budget.hpp"

namespace atc {
namespace {

// A chunk gives every worker a few symbols, so oneTBB can balance long and
// short series; fewer leave workers idle at the end of every chunk.
constexpr std::size_t kMinSymbolsPerWorker = 4;

}  // namespace

ChunkPlanner::ChunkPlanner(std::uint64_t room_bytes, bool keep_series, bool keep_outputs,
                           unsigned workers)
    : room_(room_bytes),
      keep_series_(keep_series),
      keep_outputs_(keep_outputs),
      workers_(std::max(1U, workers)) {}

std::uint64_t ChunkPlanner::working_set(std::size_t symbols, std::size_t min_bars,
                                        std::size_t max_bars, std::uint64_t symbol_bytes) const {
    // Only as many workers as symbols ever get a workspace.
    const std::uint64_t busy = std::min<std::uint64_t>(workers_, symbols);
    return kept_bytes_ + symbol_bytes +
           busy * estimate_worker_scratch_bytes(max_bars, min_bars != max_bars);
}

bool ChunkPlanner::should_close_before(std::size_t bars, std::uint64_t input_bytes) const {
    if (room_ == 0 || open_symbols_ < kMinSymbolsPerWorker * workers_)
        return false;
    const std::uint64_t grown = working_set(
        open_symbols_ + 1, std::min(open_min_bars_, bars), std::max(open_max_bars_, bars),
        open_symbol_bytes_ + estimate_scan_output_bytes(bars, keep_series_) + input_bytes);
    return grown > room_;
}

void ChunkPlanner::add(std::size_t bars, std::uint64_t input_bytes) {
    open_min_bars_ = open_symbols_ == 0 ? bars : std::min(open_min_bars_, bars);
    open_max_bars_ = std::max(open_max_bars_, bars);
    ++open_symbols_;
    const std::uint64_t output = estimate_scan_output_bytes(bars, keep_series_);
    open_output_bytes_ += output;
    open_symbol_bytes_ += output + input_bytes;
    const std::uint64_t working = open_chunk_bytes();
    peak_ = std::max(peak_, working);
    if (room_ != 0 && working > room_)
        over_room_ = true;
}

void ChunkPlanner::close_chunk() {
    if (keep_outputs_) {
        // The outputs stay with the caller; the inputs and the scratch go.
        kept_bytes_ += open_output_bytes_;
    }
    open_symbols_ = 0;
    open_min_bars_ = 0;
    open_max_bars_ = 0;
    open_symbol_bytes_ = 0;
    open_output_bytes_ = 0;
}

std::uint64_t ChunkPlanner::open_chunk_bytes() const {
    return open_symbols_ == 0
               ? kept_bytes_
               : working_set(open_symbols_, open_min_bars_, open_max_bars_, open_symbol_bytes_);
}

std::uint64_t ChunkPlanner::peak_bytes() const {
    return peak_;
}

ChunkPlan plan_scan_chunks(std::span<const std::size_t> bars, bool keep_series, bool keep_outputs,
                           std::uint64_t room_bytes, unsigned workers) {
    ChunkPlan plan;
    ChunkPlanner planner(room_bytes, keep_series, keep_outputs, workers);
    std::size_t first = 0;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        if (planner.should_close_before(bars[i])) {
            plan.chunks.push_back({first, i});
            planner.close_chunk();
            first = i;
        }
        planner.add(bars[i]);
    }
    if (first < bars.size())
        plan.chunks.push_back({first, bars.size()});
    plan.estimated_peak_bytes = planner.peak_bytes();
    plan.within_budget = planner.within_budget();
    return plan;
}

}  // namespace atc
