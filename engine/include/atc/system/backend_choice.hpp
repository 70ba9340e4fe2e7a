// SPDX-License-Identifier: GPL-3.0-or-later
// Which compute backend runs a request and why: the user asks for cpu, gpu or
// auto; the choice depends on what the machine offers (GpuReport). The CPU
// backend is the oneTBB batch runner with its run-time SIMD dispatch.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "atc/system/cpu_info.hpp"
#include "atc/system/gpu_report.hpp"

namespace atc::system {

enum class BackendRequest { Cpu, Gpu, Auto };
enum class BackendKind { Cpu, Gpu };

// "cpu", "gpu", "auto" (exactly, lower case); nullopt for anything else.
std::optional<BackendRequest> parse_backend_request(std::string_view text);
std::string_view backend_request_name(BackendRequest request);  // "cpu", "gpu", "auto"
std::string_view backend_kind_name(BackendKind kind);           // "cpu", "gpu"

struct BackendChoice {
    // False when the request cannot be served (gpu asked for, none usable);
    // `reason` then says why and nothing should run.
    bool usable = true;
    BackendKind kind = BackendKind::Cpu;
    // "cpu (oneTBB, 2 threads, AVX2 kernels)"; for an unusable request, the
    // backend that was asked for ("gpu").
    std::string description;
    // Why this backend: "requested", "auto: no usable GPU (built without the
    // CUDA backend)", or for an unusable request "the GPU backend is not
    // available: built without the CUDA backend".
    std::string reason;
    unsigned threads = 0;  // CPU worker threads of the CPU backend (0 for the GPU)
};

// "cpu (oneTBB, N threads, AVX2 kernels)" / "... SSE2 kernels".
std::string cpu_backend_description(unsigned threads, SimdLevel kernel_simd);

// The backend for `request`: cpu always runs on the CPU; gpu runs on the GPU
// when gpu.available, else is unusable; auto takes the GPU when available,
// else the CPU. `cpu_threads` and `kernel_simd` describe the CPU backend.
BackendChoice choose_backend(BackendRequest request, const GpuReport& gpu, unsigned cpu_threads,
                             SimdLevel kernel_simd);

// The oneTBB arena's worker count: how many threads the CPU backend uses.
unsigned cpu_backend_threads();

}  // namespace atc::system
