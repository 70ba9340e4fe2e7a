// SPDX-License-Identifier: GPL-3.0-or-later
#include "cuda/device_buffers.hpp"

#include <string>

#include "cuda/cuda_error.hpp"

namespace atc::gpu {

void* device_allocate(std::size_t bytes, const char* what) {
    void* p = nullptr;
    check(cudaMalloc(&p, bytes),
          ("allocating " + std::to_string(bytes >> 20) + " MiB of device memory for " + what)
              .c_str());
    return p;
}

void device_free(void* p) noexcept {
    cudaFree(p);
}

void* pinned_allocate(std::size_t bytes, const char* what) {
    void* p = nullptr;
    check(cudaMallocHost(&p, bytes),
          ("allocating " + std::to_string(bytes >> 20) + " MiB of pinned host memory for " + what)
              .c_str());
    return p;
}

void pinned_free(void* p) noexcept {
    cudaFreeHost(p);
}

Stream::Stream() {
    check(cudaStreamCreateWithFlags(&stream_, cudaStreamNonBlocking), "creating a stream");
}

Stream::~Stream() {
    cudaStreamDestroy(stream_);
}

Event::Event() {
    check(cudaEventCreate(&event_), "creating an event");
}

Event::~Event() {
    cudaEventDestroy(event_);
}

double elapsed_seconds(const Event& from, const Event& to) {
    float ms = 0.0f;
    check(cudaEventElapsedTime(&ms, from.get(), to.get()), "reading an event timer");
    return static_cast<double>(ms) * 1e-3;
}

}  // namespace atc::gpu
