// SPDX-License-Identifier: GPL-3.0-or-later
// The bytes held by the batch workers' scratch buffers, live: compute_batch
// adds what a worker's buffers grew by after each symbol and takes it all back
// when it returns (the buffers die with the batch). Exact for those buffers
// (vector capacities); the outputs a batch returns are not scratch and are not
// counted. Share one gauge between batches to see the engine's total.
#pragma once

#include <atomic>
#include <cstdint>

namespace atc {

class WorkspaceGauge {
public:
    // With a parent, every change is passed on to it too (a scan's own gauge
    // inside the application's).
    explicit WorkspaceGauge(WorkspaceGauge* parent = nullptr) : parent_(parent) {}
    WorkspaceGauge(const WorkspaceGauge&) = delete;
    WorkspaceGauge& operator=(const WorkspaceGauge&) = delete;

    std::uint64_t bytes() const { return bytes_.load(std::memory_order_relaxed); }
    // The most held at once since creation (or since reset_peak()).
    std::uint64_t peak_bytes() const { return peak_.load(std::memory_order_relaxed); }
    void reset_peak() { peak_.store(bytes(), std::memory_order_relaxed); }

    // For the engine: buffers grew by `bytes`, or were freed.
    void grow(std::uint64_t bytes) {
        const std::uint64_t now = bytes_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
        std::uint64_t peak = peak_.load(std::memory_order_relaxed);
        while (now > peak && !peak_.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
        }
        if (parent_)
            parent_->grow(bytes);
    }
    void release(std::uint64_t bytes) {
        bytes_.fetch_sub(bytes, std::memory_order_relaxed);
        if (parent_)
            parent_->release(bytes);
    }

private:
    WorkspaceGauge* parent_;
    std::atomic<std::uint64_t> bytes_{0};
    std::atomic<std::uint64_t> peak_{0};
};

}  // namespace atc
