// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>
#include <utility>

#include <tbb/task_arena.h>

#include "atc/cache/result_cache.hpp"
#include "atc/scan_budget.hpp"
#include "atc/validation.hpp"

namespace atc {
namespace {

// What the scan and the cache may use together; 0 means no limit, so a budget
// already used up leaves one byte (every chunk then has its minimum size).
std::uint64_t room_in(const ScanBudget& budget) {
    if (budget.budget_bytes == 0)
        return 0;
    return budget.budget_bytes > budget.bytes_in_use ? budget.budget_bytes - budget.bytes_in_use
                                                     : 1;
}

// The cache's memory tier gives way only when the scan does not fit next to
// it: then it keeps what the scan's chunks leave, if anything.
void make_room_in_cache(cache::ResultCache& cache, std::uint64_t room, std::uint64_t scan_peak) {
    const std::uint64_t left = room > scan_peak ? room - scan_peak : 0;
    if (left < cache.stats().memory_capacity_bytes)
        cache.set_memory_capacity(static_cast<std::size_t>(left));
}

}  // namespace

BudgetedBatchResult compute_batch_within_budget(std::span<const std::span<const double>> closes,
                                                const AtcParams& params,
                                                const BatchOptions& options,
                                                const ScanBudget& budget) {
    const auto issues = check_params(params);
    if (!issues.empty())
        throw InvalidInput(issues.front().key, issues.front().message);

    const unsigned workers =
        budget.workers > 0
            ? budget.workers
            : static_cast<unsigned>(std::max(1, tbb::this_task_arena::max_concurrency()));
    const std::uint64_t room = room_in(budget);
    const std::uint64_t cache_bytes = budget.cache ? budget.cache->stats().memory_bytes : 0;
    const std::uint64_t scan_room = room == 0 ? 0 : (room > cache_bytes ? room - cache_bytes : 1);

    std::vector<std::size_t> bars(closes.size());
    std::transform(closes.begin(), closes.end(), bars.begin(),
                   [](std::span<const double> close) { return close.size(); });
    const bool keep_outputs = !budget.on_chunk;
    const ChunkPlan plan =
        plan_scan_chunks(bars, options.keep_series, keep_outputs, scan_room, workers);

    BudgetedBatchResult result;
    result.estimated_peak_bytes = plan.estimated_peak_bytes;
    if (budget.cache && room > 0 && !plan.within_budget)
        make_room_in_cache(*budget.cache, room, plan.estimated_peak_bytes);
    const std::uint64_t cache_after = budget.cache ? budget.cache->stats().memory_bytes : 0;
    result.within_budget = room == 0 || plan.estimated_peak_bytes + cache_after <= room;

    const std::size_t total = closes.size();
    if (keep_outputs)
        result.batch.symbols.resize(total);
    WorkspaceGauge gauge(options.workspace_gauge);
    std::size_t done_before = 0;
    for (const ChunkRange& chunk : plan.chunks) {
        if (options.cancel && options.cancel->load()) {
            result.batch.cancelled = true;
            break;
        }
        BatchOptions chunk_options = options;
        chunk_options.workspace_gauge = &gauge;
        if (options.progress) {
            chunk_options.progress = [&options, done_before, total](std::size_t done, std::size_t) {
                options.progress(done_before + done, total);
            };
        }
        BatchResult part =
            compute_batch(closes.subspan(chunk.first, chunk.size()), params, chunk_options);
        result.chunks.push_back(chunk);
        if (keep_outputs) {
            std::move(part.symbols.begin(), part.symbols.end(),
                      result.batch.symbols.begin() + static_cast<std::ptrdiff_t>(chunk.first));
        } else {
            budget.on_chunk(chunk.first, part.symbols);
        }
        done_before += chunk.size();
        if (part.cancelled) {
            result.batch.cancelled = true;
            break;
        }
    }
    result.peak_workspace_bytes = gauge.peak_bytes();
    return result;
}

}  // namespace atc
