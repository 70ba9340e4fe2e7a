// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/system/backend_choice.hpp"

#include <algorithm>

#include <tbb/task_arena.h>

namespace atc::system {

std::optional<BackendRequest> parse_backend_request(std::string_view text) {
    if (text == "cpu")
        return BackendRequest::Cpu;
    if (text == "gpu")
        return BackendRequest::Gpu;
    if (text == "auto")
        return BackendRequest::Auto;
    return std::nullopt;
}

std::string_view backend_request_name(BackendRequest request) {
    switch (request) {
        case BackendRequest::Cpu:
            return "cpu";
        case BackendRequest::Gpu:
            return "gpu";
        case BackendRequest::Auto:
            break;
    }
    return "auto";
}

std::string_view backend_kind_name(BackendKind kind) {
    return kind == BackendKind::Gpu ? "gpu" : "cpu";
}

std::string cpu_backend_description(unsigned threads, SimdLevel kernel_simd) {
    return "cpu (oneTBB, " + std::to_string(threads) + (threads == 1 ? " thread, " : " threads, ") +
           (kernel_simd == SimdLevel::Avx512 ? std::string("AVX-512 and AVX2")
                                             : std::string(simd_level_name(kernel_simd))) +
           " kernels)";
}

unsigned cpu_backend_threads() {
    return static_cast<unsigned>(std::max(1, tbb::this_task_arena::max_concurrency()));
}

BackendChoice choose_backend(BackendRequest request, const GpuReport& gpu, unsigned cpu_threads,
                             SimdLevel kernel_simd) {
    BackendChoice cpu;
    cpu.kind = BackendKind::Cpu;
    cpu.description = cpu_backend_description(cpu_threads, kernel_simd);
    cpu.threads = cpu_threads;

    BackendChoice gpu_choice;
    gpu_choice.kind = BackendKind::Gpu;
    gpu_choice.description = "gpu";
    if (gpu.available && !gpu.devices.empty())
        gpu_choice.description += " (" + gpu.devices.front().name + ")";

    switch (request) {
        case BackendRequest::Cpu:
            cpu.reason = "requested";
            return cpu;
        case BackendRequest::Gpu:
            if (gpu.available) {
                gpu_choice.reason = "requested";
            } else {
                gpu_choice.usable = false;
                gpu_choice.reason = "the GPU backend is not available: " + gpu.reason;
            }
            return gpu_choice;
        case BackendRequest::Auto:
            break;
    }
    if (gpu.available) {
        gpu_choice.reason = "auto: a usable GPU was found";
        return gpu_choice;
    }
    cpu.reason = "auto: no usable GPU (" + gpu.reason + ")";
    return cpu;
}

}  // namespace atc::system
