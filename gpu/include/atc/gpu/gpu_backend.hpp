// SPDX-License-Identifier: GPL-3.0-or-later
// The CUDA backend's public face, the same in every build: a build without
// CUDA (no nvcc at build time) answers "built without the CUDA backend" and
// hands out no backend, so the app and `atc` link and behave the same way
// everywhere. See gpu/README.md.
#pragma once

#include <cstdint>
#include <memory>

#include "atc/backend.hpp"
#include "atc/backend_cost.hpp"
#include "atc/backend_router.hpp"
#include "atc/system/backend_choice.hpp"
#include "atc/system/gpu_report.hpp"

namespace atc::gpu {

// True when this build has the CUDA backend.
bool built_with_cuda();

// The GPU side of this machine: every CUDA device (name, memory, compute
// capability, driver and runtime versions) and whether the backend can run,
// or why not ("no NVIDIA driver (cudaErrorInsufficientDriver)", "no CUDA
// device found", "built without the CUDA backend", ...). Fit to hand to
// system::detect_hardware as its GpuProbe. Creates no CUDA context.
system::GpuReport probe();

struct GpuBackendOptions {
    // The most device memory one chunk of a request may take; 0 lets the
    // backend choose from the free memory. Small values cut requests into
    // many chunks (the tests use it to run the two-slot pipeline).
    std::uint64_t max_chunk_bytes = 0;
};

// The CUDA backend on the first usable device of `report`; null when the report
// says no GPU is available. Nothing is created on the device until its first
// request (BatchBackend::warmed_up); a device that fails then throws
// BackendError from compute, and the router answers on the CPU.
std::shared_ptr<BatchBackend> make_backend(const system::GpuReport& report,
                                           const GpuBackendOptions& options = {});

// The cost model with its GPU rate scaled to the report's first usable device
// (its multiprocessors and float64 rate against an H100's); the defaults when
// there is none.
CostModel cost_model_for(const system::GpuReport& report);

// What `atc` and the app use: the CPU backend, the GPU backend where one is
// usable (probe, make_backend) and the cost model for its device, with
// `request` as the initial setting (BackendRouter::set_request changes it
// later, e.g. from the app's settings).
std::unique_ptr<BackendRouter> make_router(
    system::BackendRequest request = system::BackendRequest::Auto);

}  // namespace atc::gpu
