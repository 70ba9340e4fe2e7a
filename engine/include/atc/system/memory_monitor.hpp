// SPDX-License-Identifier: GPL-3.0-or-later
// Watches the process's resident memory and CPU use on a background thread,
// for the status panel: the current figure, the peak, a bounded history and
// an optional budget. No Qt; the owner polls status()/history() (e.g. from a
// QTimer) and destroying the monitor stops its thread promptly.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace atc::system {

struct MemorySample {
    double seconds = 0.0;         // since the monitor was created
    std::uint64_t rss_bytes = 0;  // resident memory of the process
    // Process CPU time over wall time since the previous sample: 1.0 is one
    // core busy the whole time, 2.0 two cores. 0 for the first sample.
    double cpu_cores = 0.0;
    // cpu_cores divided by the logical cores: the share of the whole machine, 0..1.
    double cpu_fraction = 0.0;
    // The engine_bytes gauge (MemoryMonitorOptions) at that moment; 0 without one.
    std::uint64_t engine_bytes = 0;
};

struct MemoryMonitorOptions {
    std::chrono::milliseconds interval{500};  // between samples; at least 1 ms
    std::size_t history_capacity = 600;       // samples kept, oldest dropped first; at least 1
    std::uint64_t budget_bytes = 0;           // 0: no budget
    // Optional, called on the monitor thread at every sample: bytes the engine
    // itself holds (e.g. a WorkspaceGauge's bytes() plus the result cache's
    // memory_bytes). Must be thread-safe and quick.
    std::function<std::uint64_t()> engine_bytes;
};

struct MemoryStatus {
    MemorySample current;  // the latest sample
    // The most the process ever had resident: the kernel's high-water mark
    // (which catches spikes between samples) or the largest sample, whichever
    // is larger; never below current.rss_bytes.
    std::uint64_t peak_rss_bytes = 0;
    std::uint64_t budget_bytes = 0;   // 0: none
    bool over_budget = false;         // budget set and current.rss_bytes above it
    std::uint64_t samples_taken = 0;  // since creation, including ones dropped from the history
};

class MemoryMonitor {
public:
    // Takes the first sample at once, then one every interval on its thread.
    explicit MemoryMonitor(MemoryMonitorOptions options = {});
    ~MemoryMonitor();  // stop()
    MemoryMonitor(const MemoryMonitor&) = delete;
    MemoryMonitor& operator=(const MemoryMonitor&) = delete;

    // Wakes the thread and joins it: returns within one sample's work, not an
    // interval. Idempotent; the figures stay readable afterwards.
    void stop();
    bool running() const;

    // Takes a sample now (on the caller's thread), adds it to the history and returns it.
    MemorySample sample_now();

    MemoryStatus status() const;
    std::vector<MemorySample> history() const;  // oldest first

    void set_budget_bytes(std::uint64_t bytes);  // 0 removes the budget
    std::uint64_t budget_bytes() const;

private:
    void run();

    MemoryMonitorOptions options_;
    unsigned logical_cores_;
    std::chrono::steady_clock::time_point start_;

    std::mutex sampling_mutex_;  // held for a whole sample_now()
    mutable std::mutex mutex_;   // guards everything below
    std::condition_variable wake_;
    bool stopping_ = false;
    std::deque<MemorySample> history_;
    std::uint64_t peak_rss_bytes_ = 0;
    std::uint64_t samples_taken_ = 0;
    double last_cpu_seconds_ = 0.0;
    double last_seconds_ = 0.0;

    std::thread thread_;  // last: starts after everything above is set up
};

}  // namespace atc::system
