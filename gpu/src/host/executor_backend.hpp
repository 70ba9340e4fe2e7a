// SPDX-License-Identifier: GPL-3.0-or-later
// A BatchBackend that runs its requests on a chunk executor: the CUDA backend
// (with the CUDA executor) and, in the tests, the emulated GPU backend. One
// request at a time: the executor's slots and buffers are shared.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "atc/backend.hpp"
#include "host/chunk_executor.hpp"

namespace atc::gpu::host {

class ExecutorBackend final : public BatchBackend {
public:
    ExecutorBackend(std::unique_ptr<ChunkExecutor> executor, std::string description);

    system::BackendKind kind() const override { return system::BackendKind::Gpu; }
    std::string description() const override { return description_; }
    BatchResult compute(std::span<const std::span<const double>> closes, const AtcParams& params,
                        const BatchOptions& options) override;
    bool warmed_up() const override { return executor_->warmed_up(); }

    // compute() that also says where the time went (atc-gpu-bench).
    BatchResult compute_timed(std::span<const std::span<const double>> closes,
                              const AtcParams& params, const BatchOptions& options,
                              RunTimings* timings);

private:
    std::mutex mutex_;
    std::unique_ptr<ChunkExecutor> executor_;
    std::string description_;
};

}  // namespace atc::gpu::host
