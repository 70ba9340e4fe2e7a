// SPDX-License-Identifier: GPL-3.0-or-later
// One interface for every way of computing a batch: the oneTBB runner here,
// the CUDA backend in gpu/. A backend takes exactly compute_batch's inputs and
// gives exactly its outputs (BatchResult, same order, same per-symbol errors),
// so callers and the router (backend_router.hpp) never care which one ran.
#pragma once

#include <span>
#include <stdexcept>
#include <string>

#include "atc/batch.hpp"
#include "atc/params.hpp"
#include "atc/system/backend_choice.hpp"

namespace atc {

// A backend could not compute a request for a reason of its own (a CUDA error,
// device memory, a lost device), not because of the input. The router answers
// such a request on the CPU instead. Invalid input is InvalidInput, as from
// compute_batch, and is never retried elsewhere.
class BackendError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class BatchBackend {
public:
    BatchBackend() = default;
    virtual ~BatchBackend() = default;
    BatchBackend(const BatchBackend&) = delete;
    BatchBackend& operator=(const BatchBackend&) = delete;

    virtual system::BackendKind kind() const = 0;
    // For people: "cpu (oneTBB, 2 threads, AVX2 kernels)", "gpu (NVIDIA H100 ...)".
    virtual std::string description() const = 0;

    // compute_batch's contract: InvalidInput for bad parameters, per-symbol
    // errors for bad series, progress and cancellation as BatchOptions says.
    // Throws BackendError when the backend itself fails. Safe to call from
    // several threads (a backend serialises internally where it must).
    virtual BatchResult compute(std::span<const std::span<const double>> closes,
                                const AtcParams& params, const BatchOptions& options) = 0;

    // False until the backend has paid its one-time start-up (a GPU's context
    // and module loading, a fraction of a second); the router's cost model
    // counts that start-up for the first request.
    virtual bool warmed_up() const { return true; }
};

// The oneTBB batch runner (compute_batch) as a backend.
class CpuBackend final : public BatchBackend {
public:
    system::BackendKind kind() const override { return system::BackendKind::Cpu; }
    std::string description() const override;
    BatchResult compute(std::span<const std::span<const double>> closes, const AtcParams& params,
                        const BatchOptions& options) override;
};

}  // namespace atc
