// SPDX-License-Identifier: GPL-3.0-or-later
// The router's GPU cost constants (engine/include/atc/backend_cost.hpp)
// measured on the device at hand, and what `auto` then chooses: the last part
// of atc-gpu-bench's output, from which backend_cost.hpp's figures were taken.
#pragma once

#include <cstddef>
#include <vector>

#include "atc/batch.hpp"
#include "atc/system/gpu_report.hpp"
#include "ceilings.hpp"
#include "host/executor_backend.hpp"

namespace atc::gpu::bench {

// One benchmark case's medians, in seconds.
struct CaseTiming {
    std::size_t symbols = 0;
    std::size_t bars = 0;  // per symbol
    double cpu_seconds = 0.0;
    double gpu_seconds = 0.0;        // end to end
    double kernel_seconds = 0.0;     // device events around the kernels
    double host_copy_seconds = 0.0;  // packing and unpacking on the host
    // Device requests it took: with more than one, the chunks' kernels overlap
    // and their summed kernel time reads too high, so calibration skips it.
    std::size_t chunks = 1;
};

// Seconds of the first request in the process (a tiny one): the CUDA
// context, the kernels' loading and the request itself.
double time_first_request(host::ExecutorBackend& gpu);

// Measures the fixed cost of a request (a tiny one, end to end) and prints the
// constants: start-up (the first request's time beyond the fixed cost), request overhead,
// kernel rate (the largest case), copy rates (the ceilings' pinned upload and
// the host staging), the CPU rate per thread, then the router's decision for
// 500 and 10,000 symbols x 2,000 bars with the model so measured.
void print_calibration(host::ExecutorBackend& gpu, const system::GpuReport& report,
                       const Ceilings& ceilings, const std::vector<CaseTiming>& cases,
                       double first_request_seconds, const BatchOptions& options);

}  // namespace atc::gpu::bench
