// SPDX-License-Identifier: GPL-3.0-or-later
// The chunk executor on a CUDA device: two slots, each with its own stream,
// device buffers and pinned staging buffers, so that one chunk's copies and
// kernels run while the host packs the next chunk and unpacks the previous
// one. The request's constants (the families' member constants, the growth
// multipliers) are uploaded once per request and shared by both slots.
#pragma once

#include <array>
#include <atomic>
#include <memory>

#include "cuda/device_buffers.hpp"
#include "host/chunk_executor.hpp"

namespace atc::gpu {

class CudaExecutor final : public host::ChunkExecutor {
public:
    // `device`: the CUDA device number; `max_chunk_bytes` caps a chunk's
    // device memory (0: no cap beyond the free memory). Creates nothing on
    // the device yet.
    CudaExecutor(int device, std::uint64_t max_chunk_bytes);
    ~CudaExecutor() override;

    void begin_request(const host::RequestConst& request) override;
    host::ChunkLimits limits(bool keep_series) override;
    void reserve(std::span<const host::ChunkLayout> chunks, bool keep_series) override;
    std::size_t slot_count() const override { return slots_.size(); }
    host::ChunkSlot& slot(std::size_t index) override;
    void abandon() noexcept override;
    bool warmed_up() const override { return warm_.load(); }

    // For the slots: the request's constants on the host and on the device.
    const host::RequestConst& request() const { return *request_; }
    const device::FamilyConst* device_families() const { return families_.data(); }
    const double* device_growth() const { return growth_.data(); }

private:
    class Slot;

    int device_;
    std::uint64_t max_chunk_bytes_;
    std::atomic<bool> warm_{false};
    const host::RequestConst* request_ = nullptr;
    DeviceBuffer<device::FamilyConst> families_;
    DeviceBuffer<double> growth_;
    std::array<std::unique_ptr<Slot>, 2> slots_;  // created with the context
};

}  // namespace atc::gpu
