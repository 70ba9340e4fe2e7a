// SPDX-License-Identifier: GPL-3.0-or-later
// Scanning within a memory budget: a scan whose estimated working memory would
// not fit is split into chunks of symbols that do, computed one after the
// other with compute_batch (so the numbers are the same, bit for bit), with
// progress and cancel carried across chunks. The result cache's memory tier
// gives way when even the smallest chunks do not fit.
//
// What is estimated (bytes, from the engine's buffer layout):
//   per worker: its scratch buffers, growing with the longest series it ran;
//   per symbol: its SymbolScan (the series when keep_series), plus any input
//   bytes the caller declares (prices it loads only for the chunk).
// A chunk's working set is the kept outputs of earlier chunks (unless on_chunk
// takes them), its symbols' outputs and inputs, and the scratch of
// min(workers, symbols) workers. A chunk holds at least 4 symbols per worker
// so no worker idles: a budget is a target, never a reason to fail, and when
// even that does not fit the plan says so (within_budget false).
//
// What chunking can save: only what a chunk holds for itself. Outputs that are
// kept add up whatever the chunking, so with all prices already in memory and
// every output kept, chunks bound only the workers' scratch. The savings are
// real when the outputs are consumed per chunk (on_chunk: e.g. keep the rows,
// store the rest in the cache) or when the prices are loaded per chunk (the
// `atc scan --memory-budget` loader uses ChunkPlanner for that).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "atc/batch.hpp"
#include "atc/params.hpp"

namespace atc {

namespace cache {
class ResultCache;
}

// One worker's scratch buffers after series of at most `longest_bars` (an
// upper bound of what the WorkspaceGauge measures; test_scan_budget checks it).
// `mixed_lengths`: the worker ran series of different lengths, after which the
// buffers can hold up to twice what the longest needs (vector growth).
std::uint64_t estimate_worker_scratch_bytes(std::size_t longest_bars, bool mixed_lengths = false);
// One symbol's SymbolScan: the row and markers, and the 13 series when keep_series.
std::uint64_t estimate_scan_output_bytes(std::size_t bars, bool keep_series);

struct ChunkRange {
    std::size_t first = 0;  // index of the first symbol
    std::size_t last = 0;   // one past the last
    std::size_t size() const { return last - first; }
};

// Builds chunks symbol by symbol, in order; for callers that learn a symbol's
// size only when they load it (the `atc scan` loader), and for plan_scan_chunks.
class ChunkPlanner {
public:
    // `room_bytes`: what the scan may use, 0 for no limit (one chunk).
    // `keep_outputs`: outputs of finished chunks stay held (false when the
    // caller consumes each chunk's outputs). `workers` >= 1.
    ChunkPlanner(std::uint64_t room_bytes, bool keep_series, bool keep_outputs, unsigned workers);

    // True when the open chunk should be computed before a symbol of `bars`
    // bars (and `input_bytes` of loaded prices) joins: the chunk has its
    // minimum size and the symbol would push it over the room.
    bool should_close_before(std::size_t bars, std::uint64_t input_bytes = 0) const;
    void add(std::size_t bars, std::uint64_t input_bytes = 0);
    // The open chunk was computed: its scratch and inputs are released, its
    // outputs stay counted when keep_outputs. Starts an empty chunk.
    void close_chunk();
    // A new room for the chunks to come, e.g. what a budget leaves after the
    // process's resident memory measured between chunks (so that what no
    // estimate sees, such as the allocator's and SQLite's caches, counts too).
    // 0 still means no limit: pass 1 when nothing is left.
    void set_room(std::uint64_t room_bytes) { room_ = room_bytes; }

    std::size_t open_symbols() const { return open_symbols_; }
    std::uint64_t open_chunk_bytes() const;  // the open chunk's working set, as above
    std::uint64_t peak_bytes() const;        // the largest working set so far (open chunk included)
    bool within_budget() const { return !over_room_; }  // no working set exceeded its room

private:
    std::uint64_t working_set(std::size_t symbols, std::size_t min_bars, std::size_t max_bars,
                              std::uint64_t symbol_bytes) const;

    std::uint64_t room_;
    bool keep_series_;
    bool keep_outputs_;
    unsigned workers_;
    std::uint64_t kept_bytes_ = 0;  // outputs of closed chunks still held
    std::size_t open_symbols_ = 0;
    std::size_t open_min_bars_ = 0;
    std::size_t open_max_bars_ = 0;
    std::uint64_t open_symbol_bytes_ = 0;  // outputs + inputs of the open chunk
    std::uint64_t open_output_bytes_ = 0;  // outputs alone
    std::uint64_t peak_ = 0;
    bool over_room_ = false;
};

struct ChunkPlan {
    std::vector<ChunkRange> chunks;  // cover [0, bars.size()) in order; none for no symbols
    std::uint64_t estimated_peak_bytes = 0;
    bool within_budget = true;
};

// Chunks for symbols of the given bar counts; `room_bytes` 0 means one chunk.
ChunkPlan plan_scan_chunks(std::span<const std::size_t> bars, bool keep_series, bool keep_outputs,
                           std::uint64_t room_bytes, unsigned workers);

struct ScanBudget {
    std::uint64_t budget_bytes = 0;  // 0: no budget, one compute_batch call
    // Memory already held outside this scan and the result cache that counts
    // against the budget (e.g. MemoryMonitor's RSS minus the cache's memory_bytes).
    std::uint64_t bytes_in_use = 0;
    unsigned workers = 0;  // 0: the oneTBB arena's concurrency
    // Optional: shrunk (never grown) when even the smallest chunks do not fit
    // next to its memory tier; its evicted entries are freed at once.
    cache::ResultCache* cache = nullptr;
    // Optional: receives each chunk's scans (index of the first, the scans) as
    // soon as they are computed, on the calling thread; they are then not kept,
    // so only one chunk's outputs are held at a time and BatchResult::symbols
    // stays empty.
    std::function<void(std::size_t first, std::span<SymbolScan> scans)> on_chunk;
};

struct BudgetedBatchResult {
    BatchResult batch;  // as compute_batch would return it (symbols empty with on_chunk)
    std::vector<ChunkRange> chunks;  // those computed (fewer than planned after a cancel)
    std::uint64_t estimated_peak_bytes = 0;
    bool within_budget = true;  // the plan's estimate fits budget_bytes - bytes_in_use
    // Measured: the most the workers' scratch buffers held at once (WorkspaceGauge).
    std::uint64_t peak_workspace_bytes = 0;
};

// compute_batch, chunked to fit `budget`. options.keep_series, cancel,
// progress (done, total over all chunks) and stage_times work as there; a
// cancel stops after the chunk it hit, later symbols stay not computed.
// Throws InvalidInput for invalid parameters before anything runs.
BudgetedBatchResult compute_batch_within_budget(std::span<const std::span<const double>> closes,
                                                const AtcParams& params,
                                                const BatchOptions& options,
                                                const ScanBudget& budget);

}  // namespace atc
