// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/batch.hpp"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <chrono>
#include <unordered_map>

#include "atc/memory_limits.hpp"
#include "atc/scan_budget.hpp"
#include "atc/signals.hpp"
#include "atc/validation.hpp"
#include "pipeline/symbol_lanes.hpp"
#include "pipeline/symbol_pipeline.hpp"

namespace atc {
namespace {

// Why one symbol cannot be scanned in the memory there is, or nothing: the
// worker's buffers must grow to the series' length (what they already hold
// is counted as had) and kept series come on top.
std::optional<std::string> scan_memory_refusal(std::size_t bars, const BatchOptions& options,
                                               const detail::PipelineWorkspace& ws) {
    std::uint64_t needed = estimate_worker_scratch_bytes(bars, false);
    const std::uint64_t held = ws.capacity_bytes();
    needed = needed > held ? needed - held : 0;
    if (options.keep_series)
        needed += estimate_scan_output_bytes(bars, true);
    if (needed < kMemoryCheckFromBytes)
        return std::nullopt;  // the common case, without building a message
    return memory_shortfall("scanning " + format_count(bars) + " bars", needed);
}

constexpr std::size_t kMaxGroup = 8;  // the most symbols a vector holds (AVX-512)

// Symbols of the batch run as one task: a group of symbols of one length for
// the symbol-lane path, or one symbol.
struct SymbolRun {
    std::array<std::size_t, kMaxGroup> symbols{};
    std::size_t count = 1;

    std::span<const std::size_t> members() const { return {symbols.data(), count}; }
};

// Symbols of equal length as groups of symbol_lane_width(), the rest one by
// one. A group forms when its last member comes, in the batch's order, so
// that the work (and the progress) still follows the order the caller chose,
// while symbols of one length need not be neighbours (a folder sorted by
// name mixes histories of every length). A batch that times its stages apart
// runs every symbol on its own: the symbol-lane path computes the MAs, Layer
// 1 and Layer 2 in one pass, which has no stages to time apart.
std::vector<SymbolRun> symbol_runs(std::span<const std::span<const double>> closes,
                                   const AtcParams& params, bool timed) {
    const std::size_t width = timed ? 1 : std::min(kMaxGroup, detail::symbol_lane_width());
    std::vector<SymbolRun> runs;
    runs.reserve(closes.size());
    if (width < 2) {
        for (std::size_t s = 0; s < closes.size(); ++s)
            runs.push_back({{s}, 1});
        return runs;
    }
    // Per length, the group being filled: its index in `runs`, or none yet.
    std::unordered_map<std::size_t, std::size_t> filling;
    for (std::size_t s = 0; s < closes.size(); ++s) {
        const std::size_t bars = closes[s].size();
        if (!detail::symbol_lanes_apply(params, bars)) {
            runs.push_back({{s}, 1});
            continue;
        }
        const auto [at, is_new] = filling.try_emplace(bars, runs.size());
        if (is_new) {
            runs.push_back({{s}, 1});
            continue;
        }
        SymbolRun& group = runs[at->second];
        group.symbols[group.count++] = s;
        if (group.count == width)
            filling.erase(at);
    }
    // Groups left short run in a narrower vector where they fill one
    // (run_scan_group); those too short for any hold symbols that run one by
    // one: split them where they stand, each symbol its own run.
    const std::size_t narrowest = std::min(width, detail::smallest_symbol_group());
    std::vector<SymbolRun> split;
    split.reserve(closes.size());
    for (const SymbolRun& run : runs) {
        if (run.count >= narrowest || run.count == 1) {
            split.push_back(run);
        } else {
            for (const std::size_t s : run.members())
                split.push_back({{s}, 1});
        }
    }
    return split;
}

}  // namespace

StageTimes& StageTimes::operator+=(const StageTimes& other) {
    moving_averages += other.moving_averages;
    layer1 += other.layer1;
    layer2 += other.layer2;
    final_stage += other.final_stage;
    fused += other.fused;
    return *this;
}

BatchResult compute_batch(std::span<const std::span<const double>> closes, const AtcParams& params,
                          const BatchOptions& options) {
    const auto param_issues = check_params(params);
    if (!param_issues.empty()) {
        throw InvalidInput(param_issues.front().key, param_issues.front().message);
    }

    BatchResult result;
    result.symbols.resize(closes.size());
    tbb::enumerable_thread_specific<detail::PipelineWorkspace> workspaces;
    std::atomic<std::size_t> done{0};
    const std::size_t total = closes.size();
    const std::vector<SymbolRun> runs =
        symbol_runs(closes, params, options.stage_times && options.stages_apart);

    // One run (a symbol, or a group of them) per task at the finest (oneTBB's
    // auto partitioner coarsens it as needed): measured the fastest; grains of
    // 4 and 16 symbols were 5-10 % slower, 64 twice as slow, a worker idling at
    // the end (docs/PERFORMANCE.md).
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, runs.size()), [&](const auto& range) {
        detail::PipelineWorkspace& ws = workspaces.local();
        for (std::size_t r = range.begin(); r != range.end(); ++r) {
            if (options.cancel && options.cancel->load(std::memory_order_relaxed))
                return;
            // The symbols that pass their checks; the others get their error.
            std::array<std::span<const double>, kMaxGroup> valid_closes;
            std::array<SymbolScan*, kMaxGroup> valid_scans;
            std::size_t valid = 0;
            for (const std::size_t s : runs[r].members()) {
                SymbolScan& scan = result.symbols[s];
                const auto series_issues = check_series(closes[s], params);
                if (!series_issues.empty()) {
                    scan.error = series_issues.front().message;
                } else if (auto refusal = scan_memory_refusal(closes[s].size(), options, ws)) {
                    scan.error = std::move(*refusal);
                } else {
                    valid_closes[valid] = closes[s];
                    valid_scans[valid++] = &scan;
                }
            }
            if (runs[r].count > 1) {
                using Clock = std::chrono::steady_clock;
                const Clock::time_point started =
                    options.stage_times ? Clock::now() : Clock::time_point{};
                detail::run_scan_group(std::span(valid_closes.data(), valid), params,
                                       options.keep_series, ws,
                                       std::span(valid_scans.data(), valid));
                if (options.stage_times) {
                    ws.times.fused += std::chrono::duration<double>(Clock::now() - started).count();
                }
            } else if (valid == 1) {
                detail::run_scan(valid_closes[0], params, options.keep_series,
                                 options.stage_times != nullptr, ws, *valid_scans[0]);
            }
            if (options.workspace_gauge)
                ws.report_growth(*options.workspace_gauge);
            // Symbol by symbol, as if each had run alone: a group's symbols
            // after a cancel are dropped, so that the cancel still stops the
            // batch before the next symbol.
            const std::span<const std::size_t> members = runs[r].members();
            for (std::size_t m = 0; m != members.size(); ++m) {
                if (m != 0 && options.cancel && options.cancel->load(std::memory_order_relaxed)) {
                    for (; m != members.size(); ++m)
                        result.symbols[members[m]] = SymbolScan{};
                    return;
                }
                const std::size_t finished = done.fetch_add(1, std::memory_order_relaxed) + 1;
                if (options.progress)
                    options.progress(finished, total);
            }
        }
    });

    if (options.workspace_gauge) {
        for (const detail::PipelineWorkspace& ws : workspaces)
            options.workspace_gauge->release(ws.reported_bytes);
    }
    if (options.stage_times) {
        for (const detail::PipelineWorkspace& ws : workspaces)
            *options.stage_times += ws.times;
    }
    result.cancelled = options.cancel && options.cancel->load() && done.load() < total;
    return result;
}

}  // namespace atc
