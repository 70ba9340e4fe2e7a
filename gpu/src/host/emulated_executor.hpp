// SPDX-License-Identifier: GPL-3.0-or-later
// The kernels' code run on the host: every kernel's grid is walked in order
// and its per-thread functions (device/*.cuh) are called exactly as the
// kernel calls them, with Layer 1's barriers as the boundaries between loops.
// Slow and only for tests: with it the whole GPU backend (constants, chunking,
// packing, the kernels' arithmetic and indexing, markers, unpacking) is
// checked against the CPU backend on machines without a GPU.
#pragma once

#include <array>
#include <memory>
#include <vector>

#include "host/chunk_executor.hpp"

namespace atc::gpu::host {

class EmulatedExecutor final : public ChunkExecutor {
public:
    // `limits` decide the chunking (small ones give many chunks); two slots,
    // like the CUDA executor.
    explicit EmulatedExecutor(ChunkLimits limits = {});
    ~EmulatedExecutor() override;

    void begin_request(const RequestConst& request) override;
    ChunkLimits limits(bool keep_series) override;
    std::size_t slot_count() const override { return slots_.size(); }
    ChunkSlot& slot(std::size_t index) override;
    void abandon() noexcept override {}

private:
    class Slot;
    ChunkLimits limits_;
    RequestConst request_;
    std::array<std::unique_ptr<Slot>, 2> slots_;
};

}  // namespace atc::gpu::host
