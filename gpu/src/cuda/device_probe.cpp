// SPDX-License-Identifier: GPL-3.0-or-later
// probe(): the GpuReport from the CUDA runtime, with the honest reason when
// nothing can run. Only queries; no context is created.
#include "cuda/device_probe.hpp"

#include <string>

#include <cuda_runtime_api.h>

#include "atc/gpu/gpu_backend.hpp"
#include "cuda/cuda_error.hpp"

#ifndef ATC_CUDA_MIN_CC
#error "ATC_CUDA_MIN_CC (the lowest architecture built, e.g. 90) comes from gpu/CMakeLists.txt"
#endif

namespace atc::gpu {
namespace {

// 12040 -> "12.4": CUDA versions are 1000 * major + 10 * minor.
std::string cuda_version(int v) {
    return std::to_string(v / 1000) + "." + std::to_string(v % 1000 / 10);
}

std::string capability_text(int cc) {
    return std::to_string(cc / 10) + "." + std::to_string(cc % 10);
}

}  // namespace

int compute_capability(const system::GpuDevice& device) {
    return device.compute_capability_major * 10 + device.compute_capability_minor;
}

int minimum_compute_capability() {
    return ATC_CUDA_MIN_CC;
}

bool device_usable(const system::GpuDevice& device) {
    return compute_capability(device) >= minimum_compute_capability();
}

bool built_with_cuda() {
    return true;
}

system::GpuReport probe() {
    system::GpuReport report;
    int driver = 0;
    int runtime = 0;
    // Both succeed without a driver (the driver version is then 0).
    cudaDriverGetVersion(&driver);
    cudaRuntimeGetVersion(&runtime);
    int count = 0;
    const cudaError_t status = cudaGetDeviceCount(&count);
    cudaGetLastError();  // a failed query must not linger as the "last error"
    if (status == cudaErrorInsufficientDriver) {
        report.reason = driver == 0 ? "no NVIDIA driver (cudaErrorInsufficientDriver)"
                                    : "the NVIDIA driver (CUDA " + cuda_version(driver) +
                                          ") is older than this build's CUDA runtime " +
                                          cuda_version(runtime) + " (cudaErrorInsufficientDriver)";
        return report;
    }
    if (status == cudaErrorNoDevice || (status == cudaSuccess && count == 0)) {
        report.reason = "no CUDA device found (cudaErrorNoDevice)";
        return report;
    }
    if (status != cudaSuccess) {
        report.reason = "the CUDA runtime found no usable device: " + describe(status);
        return report;
    }
    std::string too_old;
    for (int d = 0; d < count; ++d) {
        cudaDeviceProp prop{};
        if (const cudaError_t e = cudaGetDeviceProperties(&prop, d); e != cudaSuccess) {
            cudaGetLastError();
            too_old += (too_old.empty() ? "" : "; ") + std::string("device ") + std::to_string(d) +
                       ": " + describe(e);
            continue;
        }
        system::GpuDevice device;
        device.index = d;
        device.name = prop.name;
        device.memory_bytes = prop.totalGlobalMem;
        device.compute_capability_major = prop.major;
        device.compute_capability_minor = prop.minor;
        device.driver_version = cuda_version(driver);
        device.runtime_version = cuda_version(runtime);
        if (device_usable(device)) {
            report.available = true;
        } else {
            too_old += (too_old.empty() ? "" : ", ") + device.name + " " +
                       capability_text(compute_capability(device));
        }
        report.devices.push_back(std::move(device));
    }
    if (!report.available) {
        report.reason = "no CUDA device with compute capability " +
                        capability_text(minimum_compute_capability()) +
                        " or newer, which this build's kernels need (found: " + too_old + ")";
    }
    return report;
}

}  // namespace atc::gpu
