// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/backend.hpp"

#include "atc/system/cpu_info.hpp"

namespace atc {

std::string CpuBackend::description() const {
    return system::cpu_backend_description(system::cpu_backend_threads(),
                                           system::engine_kernel_simd());
}

BatchResult CpuBackend::compute(std::span<const std::span<const double>> closes,
                                const AtcParams& params, const BatchOptions& options) {
    return compute_batch(closes, params, options);
}

}  // namespace atc
