// SPDX-License-Identifier: GPL-3.0-or-later
// make_router: the same in every build; what differs (probe, make_backend,
// cost_model_for) lives in cuda/ or without_cuda.cpp.
#include "atc/gpu/gpu_backend.hpp"

namespace atc::gpu {

std::unique_ptr<BackendRouter> make_router(system::BackendRequest request) {
    system::GpuReport report = probe();
    std::shared_ptr<BatchBackend> gpu;
    try {
        gpu = make_backend(report);
    } catch (const BackendError& e) {
        // A device that is there but cannot be used: reported, never fatal.
        report.available = false;
        report.reason = e.what();
    }
    auto router = std::make_unique<BackendRouter>(std::make_shared<CpuBackend>(), std::move(gpu),
                                                  report, cost_model_for(report));
    router->set_request(request);
    return router;
}

}  // namespace atc::gpu
