// SPDX-License-Identifier: GPL-3.0-or-later
// What the request runner (request_runner.hpp) needs from a device: pipeline
// slots that take a packed chunk, run the kernels on it and hand back its
// outputs. The CUDA executor (cuda/cuda_executor.cpp) does it on a GPU,
// asynchronously, two chunks in flight; the emulated executor
// (emulated_executor.cpp) runs the kernels' code on the host, so that every
// line around the kernels is tested on machines without a GPU.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "device/launch_args.hpp"
#include "host/chunk_plan.hpp"
#include "host/request_const.hpp"

namespace atc::gpu::host {

// Host views of a finished chunk's outputs, valid until its slot is reused.
struct ChunkOutputs {
    const std::int32_t* marker_counts = nullptr;    // [S]
    const double* last_average = nullptr;           // [S]
    const double* last_equities = nullptr;          // [S][6]: W_t at the last bar
    const std::int64_t* marker_offsets = nullptr;   // [S + 1]: the counts' running sum
    const device::DeviceMarker* markers = nullptr;  // [marker_offsets[S]]
    const double* kept = nullptr;                   // [13][packed_bars] with keep_series, else null
};

// Where a request's time went, summed over its chunks. Device phases come from
// device events (the emulation uses the host clock); with two chunks in flight
// the device phases overlap the host's packing and unpacking.
struct RunTimings {
    std::size_t chunks = 0;
    double pack_seconds = 0.0;      // host: prices into the staging buffer
    double upload_seconds = 0.0;    // host -> device copies
    double kernel_seconds = 0.0;    // layout change, Layer 1, Layer 2, Average
    double download_seconds = 0.0;  // device -> host copies of the outputs
    double marker_seconds = 0.0;    // the marker pass: offsets up, kernel, markers down
    double wait_seconds = 0.0;      // host: waiting for a chunk to finish
    double unpack_seconds = 0.0;    // host: outputs into the SymbolScans
    double total_seconds = 0.0;     // the whole request, wall clock
};

class ChunkSlot {
public:
    ChunkSlot() = default;
    virtual ~ChunkSlot() = default;
    ChunkSlot(const ChunkSlot&) = delete;
    ChunkSlot& operator=(const ChunkSlot&) = delete;

    // Host memory for the chunk's packed prices (pinned on a GPU), at least
    // `doubles` long. Only called while the slot is idle.
    virtual double* input_staging(std::int64_t doubles) = 0;
    // Starts the chunk whose prices are in the staging buffer: upload, kernels,
    // outputs back (asynchronous on a GPU).
    virtual void enqueue(const ChunkLayout& layout, bool keep_series) = 0;
    // Waits for the chunk, runs the marker pass and returns the outputs.
    virtual ChunkOutputs finish(const ChunkLayout& layout, bool keep_series,
                                RunTimings& timings) = 0;
};

class ChunkExecutor {
public:
    ChunkExecutor() = default;
    virtual ~ChunkExecutor() = default;
    ChunkExecutor(const ChunkExecutor&) = delete;
    ChunkExecutor& operator=(const ChunkExecutor&) = delete;

    // Makes the request's constants available to every slot.
    virtual void begin_request(const RequestConst& request) = 0;
    // How large one chunk may be.
    virtual ChunkLimits limits(bool keep_series) = 0;
    // The request's chunks, before the first is started: a device allocates
    // its slots' buffers for the largest here, so that nothing is allocated
    // (and nothing waits for an allocation) while chunks are in flight.
    virtual void reserve(std::span<const ChunkLayout> chunks, bool keep_series) {
        (void)chunks;
        (void)keep_series;
    }
    virtual std::size_t slot_count() const = 0;
    virtual ChunkSlot& slot(std::size_t index) = 0;
    // After an error: waits for (or forgets) all work in flight so that the
    // next request starts clean. Never throws.
    virtual void abandon() noexcept = 0;
    // BatchBackend::warmed_up: false until the device's start-up is paid.
    virtual bool warmed_up() const { return true; }
};

// offsets[j] = counts[0] + ... + counts[j-1] for j = 0..n; returns offsets[n].
std::int64_t running_offsets(const std::int32_t* counts, std::int32_t n, std::int64_t* offsets);

}  // namespace atc::gpu::host
