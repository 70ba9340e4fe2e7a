// SPDX-License-Identifier: GPL-3.0-or-later
// One batch request on a chunk executor: compute_batch's contract (the same
// validation, errors, order, progress and cancellation) with the work done in
// chunks on the device. The symbols are validated, sorted longest first and cut
// into chunks; each chunk is packed into a slot's staging buffer and started,
// and while the device works on it the host finishes the other slot's chunk
// and unpacks its outputs into the SymbolScans.
#pragma once

#include <span>

#include "atc/batch.hpp"
#include "atc/params.hpp"
#include "host/chunk_executor.hpp"

namespace atc::gpu::host {

// Throws InvalidInput for invalid parameters; whatever the executor throws
// (GpuError) after calling its abandon().
BatchResult run_request(std::span<const std::span<const double>> closes, const AtcParams& params,
                        const BatchOptions& options, ChunkExecutor& executor,
                        RunTimings* timings = nullptr);

}  // namespace atc::gpu::host
