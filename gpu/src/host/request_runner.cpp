// SPDX-License-Identifier: GPL-3.0-or-later
#include "host/request_runner.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>
#include <optional>
#include <vector>

#include <tbb/parallel_for.h>

#include "atc/backend.hpp"
#include "atc/validation.hpp"

namespace atc::gpu::host {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Each symbol's prices one after another at its offset.
void pack(const ChunkLayout& layout, std::span<const std::span<const double>> closes,
          double* staging) {
    tbb::parallel_for(std::size_t{0}, layout.symbols.size(), [&](std::size_t j) {
        const std::span<const double> close = closes[layout.symbols[j]];
        std::memcpy(staging + layout.offsets[j], close.data(), close.size_bytes());
    });
}

Direction direction_of(std::int32_t d) {
    return d > 0 ? Direction::Long : (d < 0 ? Direction::Short : Direction::Flat);
}

// The outputs of one chunk into its symbols' SymbolScans, as compute_batch
// leaves them (pipeline/batch.cpp, markers.cpp's scan_row).
void unpack(const ChunkLayout& layout, const ChunkOutputs& out, bool keep_series,
            std::span<const std::span<const double>> closes, BatchResult& result) {
    tbb::parallel_for(std::size_t{0}, layout.symbols.size(), [&](std::size_t j) {
        const std::size_t s = layout.symbols[j];
        SymbolScan& scan = result.symbols[s];
        const std::size_t bars = static_cast<std::size_t>(layout.bars[j]);
        const std::int64_t first = out.marker_offsets[j];
        const std::int64_t last = out.marker_offsets[j + 1];
        scan.markers.clear();
        scan.markers.reserve(static_cast<std::size_t>(last - first));
        for (std::int64_t m = first; m < last; ++m) {
            const device::DeviceMarker& marker = out.markers[m];
            scan.markers.push_back({static_cast<std::size_t>(marker.bar),
                                    direction_of(marker.direction), marker.average});
        }
        ScanRow& row = scan.row;
        row.bars = bars;
        row.average = out.last_average[j];
        row.trend = direction_of(row.average > 0.0 ? 1 : (row.average < 0.0 ? -1 : 0));
        row.last_close = closes[s].back();
        row.last_marker.reset();
        row.entry_close = std::numeric_limits<double>::quiet_NaN();
        if (!scan.markers.empty()) {
            row.last_marker = scan.markers.back();
            row.entry_close = closes[s][scan.markers.back().bar];
        }
        for (std::size_t t = 0; t < kFamilyCount; ++t)
            row.family_equity[t] = out.last_equities[j * kFamilyCount + t];
        if (keep_series) {
            auto series = [&](int q) {
                const double* begin = out.kept + q * layout.packed_bars + layout.offsets[j];
                return std::vector<double>(begin, begin + bars);
            };
            for (std::size_t t = 0; t < kFamilyCount; ++t) {
                scan.layer1_signals[t] = series(static_cast<int>(t));
                scan.layer2_equities[t] = series(static_cast<int>(kFamilyCount + t));
            }
            scan.average = series(2 * static_cast<int>(kFamilyCount));
        }
        scan.computed = true;
    });
}

class Runner {
public:
    Runner(std::span<const std::span<const double>> closes, const AtcParams& params,
           const BatchOptions& options, ChunkExecutor& executor, RunTimings& timings)
        : closes_(closes),
          params_(params),
          options_(options),
          executor_(executor),
          timings_(timings),
          pending_(executor.slot_count()) {}

    BatchResult run() {
        const std::size_t total = closes_.size();
        result_.symbols.resize(total);
        const std::vector<std::size_t> order = valid_longest_first();
        if (options_.progress && done_ > 0)
            options_.progress(done_, total);
        if (order.empty())
            return std::move(result_);

        const RequestConst request = make_request_const(params_, closes_[order.front()].size());
        executor_.begin_request(request);
        const std::vector<ChunkLayout> chunks =
            plan_chunks(order, closes_, options_.keep_series, request.ring_slots,
                        executor_.limits(options_.keep_series));
        executor_.reserve(chunks, options_.keep_series);
        for (std::size_t c = 0; c < chunks.size(); ++c) {
            const std::size_t slot = c % pending_.size();
            if (pending_[slot])
                finish(slot);
            if (cancelled())
                break;
            start(slot, chunks[c]);
        }
        // The chunks still in flight, oldest first.
        for (std::size_t k = 0; k < pending_.size(); ++k) {
            const std::size_t slot = (chunks.size() + k) % pending_.size();
            if (pending_[slot])
                finish(slot);
        }
        result_.cancelled = cancelled() && done_ < total;
        timings_.chunks += chunks.size();
        return std::move(result_);
    }

private:
    bool cancelled() const {
        return options_.cancel && options_.cancel->load(std::memory_order_relaxed);
    }

    // check_series for every symbol (on all cores: it reads every price), the
    // refused ones get their error; the rest sorted by length, longest first.
    std::vector<std::size_t> valid_longest_first() {
        const std::size_t total = closes_.size();
        tbb::parallel_for(std::size_t{0}, total, [&](std::size_t s) {
            const auto issues = check_series(closes_[s], params_);
            if (!issues.empty())
                result_.symbols[s].error = issues.front().message;
        });
        std::vector<std::size_t> order;
        for (std::size_t s = 0; s < total; ++s) {
            if (result_.symbols[s].error.empty()) {
                order.push_back(s);
            } else {
                ++done_;
            }
            // The kernels count bars in 32 bits; the CPU has no such limit.
            if (closes_[s].size() > static_cast<std::size_t>(INT32_MAX))
                throw BackendError("a series of more than 2^31 bars is too long for the GPU");
        }
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return closes_[a].size() > closes_[b].size();
        });
        return order;
    }

    void start(std::size_t slot, const ChunkLayout& layout) {
        ChunkSlot& s = executor_.slot(slot);
        const Clock::time_point started = Clock::now();
        pack(layout, closes_, s.input_staging(layout.packed_bars));
        timings_.pack_seconds += seconds_since(started);
        s.enqueue(layout, options_.keep_series);
        pending_[slot] = &layout;
    }

    void finish(std::size_t slot) {
        const ChunkLayout& layout = *pending_[slot];
        pending_[slot] = nullptr;
        Clock::time_point started = Clock::now();
        const ChunkOutputs out =
            executor_.slot(slot).finish(layout, options_.keep_series, timings_);
        timings_.wait_seconds += seconds_since(started);
        started = Clock::now();
        unpack(layout, out, options_.keep_series, closes_, result_);
        timings_.unpack_seconds += seconds_since(started);
        done_ += layout.symbols.size();
        if (options_.progress)
            options_.progress(done_, closes_.size());
    }

    std::span<const std::span<const double>> closes_;
    const AtcParams& params_;
    const BatchOptions& options_;
    ChunkExecutor& executor_;
    RunTimings& timings_;
    std::vector<const ChunkLayout*> pending_;  // per slot: the chunk in flight
    BatchResult result_;
    std::size_t done_ = 0;
};

}  // namespace

std::int64_t running_offsets(const std::int32_t* counts, std::int32_t n, std::int64_t* offsets) {
    std::int64_t sum = 0;
    for (std::int32_t j = 0; j < n; ++j) {
        offsets[j] = sum;
        sum += counts[j];
    }
    offsets[n] = sum;
    return sum;
}

BatchResult run_request(std::span<const std::span<const double>> closes, const AtcParams& params,
                        const BatchOptions& options, ChunkExecutor& executor, RunTimings* timings) {
    const auto param_issues = check_params(params);
    if (!param_issues.empty())
        throw InvalidInput(param_issues.front().key, param_issues.front().message);
    RunTimings local;
    RunTimings& t = timings ? *timings : local;
    const Clock::time_point started = Clock::now();
    try {
        BatchResult result = Runner(closes, params, options, executor, t).run();
        t.total_seconds += seconds_since(started);
        return result;
    } catch (...) {
        executor.abandon();
        throw;
    }
}

}  // namespace atc::gpu::host
