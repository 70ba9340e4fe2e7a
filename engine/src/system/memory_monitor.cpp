// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/system/memory_monitor.hpp"

#include <algorithm>

#include "atc/system/process_memory.hpp"

namespace atc::system {

MemoryMonitor::MemoryMonitor(MemoryMonitorOptions options)
    : options_(std::move(options)),
      logical_cores_(std::max(1U, std::thread::hardware_concurrency())),
      start_(std::chrono::steady_clock::now()) {
    options_.interval = std::max(options_.interval, std::chrono::milliseconds(1));
    options_.history_capacity = std::max<std::size_t>(options_.history_capacity, 1);
    // The CPU share of the first sample is measured from here.
    last_cpu_seconds_ = process_cpu_seconds();
    sample_now();
    thread_ = std::thread([this] { run(); });
}

MemoryMonitor::~MemoryMonitor() {
    stop();
}

void MemoryMonitor::stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

bool MemoryMonitor::running() const {
    const std::lock_guard lock(mutex_);
    return !stopping_;
}

void MemoryMonitor::run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, options_.interval, [this] { return stopping_; })) {
        lock.unlock();
        sample_now();
        lock.lock();
    }
}

MemorySample MemoryMonitor::sample_now() {
    // One sample at a time (the thread and a caller may both ask), in order;
    // reading /proc and the gauge happens outside mutex_, so status() never
    // waits for the file system.
    const std::lock_guard sampling(sampling_mutex_);
    const ProcessMemory memory = read_process_memory();
    const double cpu_seconds = process_cpu_seconds();
    const double now =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const std::uint64_t engine_bytes = options_.engine_bytes ? options_.engine_bytes() : 0;

    const std::lock_guard lock(mutex_);
    MemorySample sample;
    sample.seconds = now;
    sample.rss_bytes = memory.rss_bytes;
    sample.engine_bytes = engine_bytes;
    const double wall = now - last_seconds_;
    if (samples_taken_ > 0 && wall > 0.0) {
        sample.cpu_cores = std::max(0.0, cpu_seconds - last_cpu_seconds_) / wall;
        sample.cpu_fraction = std::min(1.0, sample.cpu_cores / logical_cores_);
    }
    last_seconds_ = now;
    last_cpu_seconds_ = cpu_seconds;
    peak_rss_bytes_ = std::max({peak_rss_bytes_, memory.peak_rss_bytes, memory.rss_bytes});
    ++samples_taken_;
    history_.push_back(sample);
    while (history_.size() > options_.history_capacity)
        history_.pop_front();
    return sample;
}

MemoryStatus MemoryMonitor::status() const {
    const std::lock_guard lock(mutex_);
    MemoryStatus status;
    status.current = history_.back();  // never empty: the constructor samples once
    status.peak_rss_bytes = peak_rss_bytes_;
    status.budget_bytes = options_.budget_bytes;
    status.over_budget =
        options_.budget_bytes > 0 && status.current.rss_bytes > options_.budget_bytes;
    status.samples_taken = samples_taken_;
    return status;
}

std::vector<MemorySample> MemoryMonitor::history() const {
    const std::lock_guard lock(mutex_);
    return {history_.begin(), history_.end()};
}

void MemoryMonitor::set_budget_bytes(std::uint64_t bytes) {
    const std::lock_guard lock(mutex_);
    options_.budget_bytes = bytes;
}

std::uint64_t MemoryMonitor::budget_bytes() const {
    const std::lock_guard lock(mutex_);
    return options_.budget_bytes;
}

}  // namespace atc::system
