#include "scan_backend.hpp"

#include <cstdio>

#include "atc/gpu/gpu_backend.hpp"

namespace atc::cli {

ScanBackend::ScanBackend(system::BackendRequest request)
    : request_(request), router_(gpu::make_router(request)) {
    router_->set_log([](const std::string& message) {
        std::fprintf(stderr, "atc scan: %s\n", message.c_str());
    });
}

std::optional<std::string> ScanBackend::refusal() const {
    const RouteDecision decision = router_->decide(request_, Workload{});
    if (decision.choice.usable)
        return std::nullopt;
    return decision.choice.reason;
}

BatchResult ScanBackend::compute(std::span<const std::span<const double>> closes,
                                 const AtcParams& params, const BatchOptions& options) {
    RoutedBatch routed = router_->compute(request_, closes, params, options);
    record(routed, workload_of(closes, options.keep_series).bars);
    return std::move(routed.result);
}

cache::BatchComputeFn ScanBackend::batch_function() {
    return [this](std::span<const std::span<const double>> closes, const AtcParams& params,
                  const BatchOptions& options) { return compute(closes, params, options); };
}

void ScanBackend::record(const RoutedBatch& routed, std::uint64_t bars) {
    const std::lock_guard lock(mutex_);
    if (!routed.fallback.empty())
        fallback_ = routed.fallback;
    if (!largest_ || bars > largest_bars_) {
        largest_ = routed.decision.choice;
        largest_bars_ = bars;
    }
}

system::BackendChoice ScanBackend::report() const {
    const std::lock_guard lock(mutex_);
    if (!fallback_.empty()) {
        system::BackendChoice cpu = router_->decide(system::BackendRequest::Cpu, Workload{}).choice;
        cpu.reason = (largest_ ? largest_->reason + "; " : std::string()) +
                     "the GPU failed and the CPU computed instead: " + fallback_;
        return cpu;
    }
    if (largest_)
        return *largest_;
    system::BackendChoice none = router_->decide(request_, Workload{}).choice;
    none.reason += "; nothing was computed: every symbol came from the result cache";
    return none;
}

}  // namespace atc::cli
