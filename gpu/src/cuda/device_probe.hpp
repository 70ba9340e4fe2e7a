// SPDX-License-Identifier: GPL-3.0-or-later
// Which devices this build can run on: the architectures it was compiled for
// (CMAKE_CUDA_ARCHITECTURES) set the lowest compute capability.
#pragma once

#include "atc/system/gpu_report.hpp"

namespace atc::gpu {

// Compute capability as major * 10 + minor (9.0 -> 90).
int compute_capability(const system::GpuDevice& device);
// The lowest compute capability this build's kernels run on.
int minimum_compute_capability();
bool device_usable(const system::GpuDevice& device);

}  // namespace atc::gpu
