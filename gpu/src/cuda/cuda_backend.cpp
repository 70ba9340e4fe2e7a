// SPDX-License-Identifier: GPL-3.0-or-later
// make_backend and the cost model for the chosen device.
#include <algorithm>
#include <memory>
#include <string>

#include <cuda_runtime_api.h>

#include "atc/gpu/gpu_backend.hpp"
#include "cuda/cuda_error.hpp"
#include "cuda/cuda_executor.hpp"
#include "cuda/device_probe.hpp"
#include "host/executor_backend.hpp"

namespace atc::gpu {
namespace {

// The device kGpuBarsPerSecond was measured on: an H100 SXM, 132
// multiprocessors, float64 at half the float32 rate.
constexpr double kReferenceMultiprocessors = 132.0;
constexpr double kReferenceSingleToDoubleRatio = 2.0;

const system::GpuDevice* first_usable(const system::GpuReport& report) {
    if (!report.available)
        return nullptr;
    for (const system::GpuDevice& device : report.devices) {
        if (device_usable(device))
            return &device;
    }
    return nullptr;
}

}  // namespace

std::shared_ptr<BatchBackend> make_backend(const system::GpuReport& report,
                                           const GpuBackendOptions& options) {
    const system::GpuDevice* device = first_usable(report);
    if (!device)
        return nullptr;
    return std::make_shared<host::ExecutorBackend>(
        std::make_unique<CudaExecutor>(device->index, options.max_chunk_bytes),
        "gpu (" + device->name + ", CUDA)");
}

CostModel cost_model_for(const system::GpuReport& report) {
    CostModel model;
    const system::GpuDevice* device = first_usable(report);
    if (!device)
        return model;
    int multiprocessors = 0;
    int ratio = 0;
    if (cudaDeviceGetAttribute(&multiprocessors, cudaDevAttrMultiProcessorCount, device->index) !=
            cudaSuccess ||
        cudaDeviceGetAttribute(&ratio, cudaDevAttrSingleToDoublePrecisionPerfRatio,
                               device->index) != cudaSuccess) {
        cudaGetLastError();
        return model;  // the H100 estimate as it is
    }
    // Float64 throughput scales with the multiprocessors and the float64 rate
    // (consumer GPUs run float64 at 1/32 or 1/64 of float32).
    const double scale = (multiprocessors / kReferenceMultiprocessors) *
                         (kReferenceSingleToDoubleRatio / std::max(1, ratio));
    model.gpu_bars_per_second *= std::clamp(scale, 0.01, 4.0);
    return model;
}

}  // namespace atc::gpu
