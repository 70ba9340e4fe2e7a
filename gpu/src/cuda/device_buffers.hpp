// SPDX-License-Identifier: GPL-3.0-or-later
// Owning handles for device memory, pinned host memory, streams and events.
// Buffers only grow (reserve), so a backend that serves many requests stops
// allocating once it has seen its largest chunk. Every allocation failure is
// a GpuError; releasing never throws.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include <cuda_runtime_api.h>

namespace atc::gpu {

void* device_allocate(std::size_t bytes, const char* what);
void device_free(void* p) noexcept;
void* pinned_allocate(std::size_t bytes, const char* what);
void pinned_free(void* p) noexcept;

// Device (kPinned false) or page-locked host (kPinned true) memory for `count` Ts.
template <class T, bool kPinned>
class Buffer {
public:
    Buffer() = default;
    ~Buffer() { release(); }
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;

    // At least `count` elements; the old contents are not kept. Grows by at
    // least a quarter, so that slowly growing chunks do not reallocate each time.
    T* reserve(std::size_t count, const char* what) {
        if (count <= capacity_)
            return data_;
        release();
        const std::size_t grown = std::max(count, capacity_ + capacity_ / 4);
        void* p = kPinned ? pinned_allocate(grown * sizeof(T), what)
                          : device_allocate(grown * sizeof(T), what);
        data_ = static_cast<T*>(p);
        capacity_ = grown;
        return data_;
    }

    void release() noexcept {
        if (data_) {
            if constexpr (kPinned) {
                pinned_free(data_);
            } else {
                device_free(data_);
            }
        }
        data_ = nullptr;
        capacity_ = 0;
    }

    T* data() const { return data_; }
    std::size_t capacity() const { return capacity_; }
    std::uint64_t bytes() const { return capacity_ * sizeof(T); }

private:
    T* data_ = nullptr;
    std::size_t capacity_ = 0;
};

template <class T>
using DeviceBuffer = Buffer<T, false>;
template <class T>
using PinnedBuffer = Buffer<T, true>;

// A non-blocking stream (it does not wait for the legacy default stream).
class Stream {
public:
    Stream();
    ~Stream();
    Stream(const Stream&) = delete;
    Stream& operator=(const Stream&) = delete;
    cudaStream_t get() const { return stream_; }

private:
    cudaStream_t stream_ = nullptr;
};

// An event with timing, for cudaEventElapsedTime.
class Event {
public:
    Event();
    ~Event();
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;
    cudaEvent_t get() const { return event_; }

private:
    cudaEvent_t event_ = nullptr;
};

// Seconds between two recorded, completed events.
double elapsed_seconds(const Event& from, const Event& to);

}  // namespace atc::gpu
