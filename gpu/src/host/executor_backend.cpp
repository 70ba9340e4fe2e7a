// SPDX-License-Identifier: GPL-3.0-or-later
#include "host/executor_backend.hpp"

#include "host/request_runner.hpp"

namespace atc::gpu::host {

ExecutorBackend::ExecutorBackend(std::unique_ptr<ChunkExecutor> executor, std::string description)
    : executor_(std::move(executor)), description_(std::move(description)) {}

BatchResult ExecutorBackend::compute(std::span<const std::span<const double>> closes,
                                     const AtcParams& params, const BatchOptions& options) {
    return compute_timed(closes, params, options, nullptr);
}

BatchResult ExecutorBackend::compute_timed(std::span<const std::span<const double>> closes,
                                           const AtcParams& params, const BatchOptions& options,
                                           RunTimings* timings) {
    const std::lock_guard lock(mutex_);
    return run_request(closes, params, options, *executor_, timings);
}

}  // namespace atc::gpu::host
