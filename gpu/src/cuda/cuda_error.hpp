// SPDX-License-Identifier: GPL-3.0-or-later
// Every CUDA runtime call of the backend goes through check(): a failure
// becomes a GpuError (a BackendError, so the router answers the request on
// the CPU) whose message names the call's purpose and the CUDA error.
#pragma once

#include <string>

#include <cuda_runtime_api.h>

#include "atc/backend.hpp"

namespace atc::gpu {

class GpuError : public BackendError {
public:
    GpuError(cudaError_t code, const std::string& doing);
    cudaError_t code() const { return code_; }

private:
    cudaError_t code_;
};

// "cudaErrorMemoryAllocation: out of memory".
std::string describe(cudaError_t code);

// Throws GpuError("CUDA error while <doing>: <describe(status)>") unless
// status is cudaSuccess.
void check(cudaError_t status, const char* doing);

}  // namespace atc::gpu
