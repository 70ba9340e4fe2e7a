// SPDX-License-Identifier: GPL-3.0-or-later
// The build without nvcc: no devices, no backend, and the reason says so.
#include "atc/gpu/gpu_backend.hpp"

namespace atc::gpu {

bool built_with_cuda() {
    return false;
}

system::GpuReport probe() {
    return system::gpu_report_without_backend();
}

std::shared_ptr<BatchBackend> make_backend(const system::GpuReport&, const GpuBackendOptions&) {
    return nullptr;
}

CostModel cost_model_for(const system::GpuReport&) {
    return {};
}

}  // namespace atc::gpu
