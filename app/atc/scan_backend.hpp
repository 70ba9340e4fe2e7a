// The compute backend of `atc scan`: the router (the CPU, or the GPU where one
// is usable; --backend cpu|gpu|auto) and a record of what ran, for --json.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>

#include "atc/backend_router.hpp"
#include "atc/batch.hpp"
#include "atc/cache/cached_compute.hpp"
#include "atc/system/backend_choice.hpp"

namespace atc::cli {

class ScanBackend {
public:
    explicit ScanBackend(system::BackendRequest request);

    // Why the request cannot be served (gpu asked for, none usable), checked
    // before anything is read; nullopt when it can.
    std::optional<std::string> refusal() const;

    // compute_batch, routed (each call may pick another backend by its size).
    BatchResult compute(std::span<const std::span<const double>> closes, const AtcParams& params,
                        const BatchOptions& options);
    // The same for the result cache's misses.
    cache::BatchComputeFn batch_function();

    // What ran and why: the decision for the largest computed request; after a
    // GPU failure the CPU, with the failure in the reason; when nothing needed
    // computing (all from the result cache), says so.
    system::BackendChoice report() const;

private:
    void record(const RoutedBatch& routed, std::uint64_t bars);

    system::BackendRequest request_;
    std::unique_ptr<BackendRouter> router_;
    mutable std::mutex mutex_;
    std::optional<system::BackendChoice> largest_;  // the decision for the most bars
    std::uint64_t largest_bars_ = 0;
    std::string fallback_;  // the GPU's failure, if any
};

}  // namespace atc::cli
