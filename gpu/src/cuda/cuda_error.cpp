// SPDX-License-Identifier: GPL-3.0-or-later
#include "cuda/cuda_error.hpp"

namespace atc::gpu {

std::string describe(cudaError_t code) {
    return std::string(cudaGetErrorName(code)) + ": " + cudaGetErrorString(code);
}

GpuError::GpuError(cudaError_t code, const std::string& doing)
    : BackendError("CUDA error while " + doing + ": " + describe(code)), code_(code) {}

void check(cudaError_t status, const char* doing) {
    if (status != cudaSuccess) {
        // Clear the error where it is not sticky, so that the next request
        // starts clean; a sticky one (a lost context) fails every call anyway.
        cudaGetLastError();
        throw GpuError(status, doing);
    }
}

}  // namespace atc::gpu
