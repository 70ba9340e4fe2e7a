// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/backend_router.hpp"

#include <cstdio>
#include <utility>

#include "atc/system/cpu_info.hpp"

namespace atc {
namespace {

// "12 ms", "1.3 s": estimates are rough, two significant digits are plenty.
std::string format_seconds(double seconds) {
    char text[32];
    if (seconds < 1.0) {
        std::snprintf(text, sizeof text, "%.3g ms", seconds * 1e3);
    } else {
        std::snprintf(text, sizeof text, "%.3g s", seconds);
    }
    return text;
}

std::string describe(const Workload& work) {
    return std::to_string(work.symbols) + (work.symbols == 1 ? " symbol, " : " symbols, ") +
           std::to_string(work.bars) + " bars" + (work.keep_series ? ", series kept" : "");
}

void log_to_stderr(const std::string& message) {
    std::fprintf(stderr, "atc: %s\n", message.c_str());
}

}  // namespace

BackendRouter::BackendRouter(std::shared_ptr<BatchBackend> cpu, std::shared_ptr<BatchBackend> gpu,
                             system::GpuReport gpu_report, CostModel model)
    : cpu_(std::move(cpu)),
      gpu_(std::move(gpu)),
      gpu_report_(std::move(gpu_report)),
      model_(model),
      cpu_threads_(system::cpu_backend_threads()),
      kernel_simd_(system::engine_kernel_simd()),
      log_(log_to_stderr) {
    if (!cpu_)
        throw std::invalid_argument("BackendRouter needs a CPU backend");
    if (!gpu_ && gpu_report_.available) {
        // A report cannot promise what was not handed in.
        gpu_report_.available = false;
        gpu_report_.reason = "no GPU backend was handed to the router";
    }
}

void BackendRouter::set_request(system::BackendRequest request) {
    request_.store(request);
}

system::BackendRequest BackendRouter::request() const {
    return request_.load();
}

void BackendRouter::set_log(Log log) {
    const std::lock_guard lock(mutex_);
    log_ = std::move(log);
}

std::string BackendRouter::gpu_failure() const {
    const std::lock_guard lock(mutex_);
    return gpu_failure_;
}

RouteDecision BackendRouter::decide(const Workload& work) const {
    return decide(request(), work);
}

RouteDecision BackendRouter::decide(system::BackendRequest request, const Workload& work) const {
    RouteDecision decision;
    decision.choice = system::choose_backend(request, gpu_report_, cpu_threads_, kernel_simd_);
    if (request != system::BackendRequest::Auto || decision.choice.kind != system::BackendKind::Gpu)
        return decision;

    // auto with a usable GPU: the cost model decides, unless the GPU already
    // failed in this session (a lost device fails every request again).
    const system::BackendChoice cpu = system::choose_backend(
        system::BackendRequest::Cpu, gpu_report_, cpu_threads_, kernel_simd_);
    if (const std::string failure = gpu_failure(); !failure.empty()) {
        decision.choice = cpu;
        decision.choice.reason = "auto: the GPU failed earlier in this session (" + failure + ")";
        return decision;
    }
    decision.cpu_seconds = model_.cpu_seconds(work, cpu_threads_);
    decision.gpu_seconds = model_.gpu_seconds(work, gpu_->warmed_up());
    const std::string estimates = format_seconds(decision.gpu_seconds) + " on the GPU, " +
                                  format_seconds(decision.cpu_seconds) + " on the CPU for " +
                                  describe(work);
    if (decision.gpu_seconds < decision.cpu_seconds) {
        decision.choice.reason = "auto: estimated " + estimates;
    } else {
        decision.choice = cpu;
        decision.choice.reason =
            "auto: estimated " + estimates + " (the GPU's start-up and copies outweigh its speed)";
    }
    return decision;
}

RouteDecision BackendRouter::decide_chart() const {
    RouteDecision decision;
    decision.choice = system::choose_backend(system::BackendRequest::Cpu, gpu_report_, cpu_threads_,
                                             kernel_simd_);
    decision.choice.reason =
        "charts need every moving average, state and equity, which the CPU pipeline computes; "
        "the GPU backend computes scans";
    return decision;
}

std::string BackendRouter::auto_summary() const {
    const RouteDecision none = decide(system::BackendRequest::Auto, Workload{});
    if (!gpu_)
        return none.choice.reason;
    if (const std::string failure = gpu_failure(); !failure.empty())
        return none.choice.reason;
    // The smallest scan of 2,000-bar symbols (a power of two of them) that the
    // cost model sends to the GPU.
    auto break_even = [&](bool warm) -> std::string {
        for (std::size_t symbols = 1; symbols <= (1u << 24); symbols *= 2) {
            Workload w;
            w.symbols = symbols;
            w.bars = symbols * 2000ull;
            if (model_.gpu_seconds(w, warm) < model_.cpu_seconds(w, cpu_threads_))
                return "from about " + std::to_string(symbols) + " symbols x 2,000 bars";
        }
        return "never";
    };
    return "auto: " + gpu_->description() +
           " where the cost model estimates it faster: " + break_even(false) +
           " in a fresh process, " + break_even(true) + " once it is warmed up; the CPU below";
}

system::HardwareReport BackendRouter::hardware_report() const {
    system::HardwareReport report = system::detect_hardware([this] { return gpu_report_; });
    // What the setting can run on (with a usable GPU, auto may use it); the
    // cost model's choice per size is in scan_routes.
    report.backend = system::choose_backend(request(), gpu_report_, cpu_threads_, kernel_simd_);
    if (request() == system::BackendRequest::Auto)
        report.backend.reason = auto_summary();
    for (const std::size_t symbols : {std::size_t{500}, std::size_t{10000}}) {
        constexpr std::uint64_t kBars = 2000;
        Workload work;
        work.symbols = symbols;
        work.bars = symbols * kBars;
        report.scan_routes.push_back({symbols, kBars, decide(work).choice});
    }
    return report;
}

RoutedBatch BackendRouter::compute(std::span<const std::span<const double>> closes,
                                   const AtcParams& params, const BatchOptions& options) {
    return compute(request(), closes, params, options);
}

RoutedBatch BackendRouter::compute(system::BackendRequest request,
                                   std::span<const std::span<const double>> closes,
                                   const AtcParams& params, const BatchOptions& options) {
    return compute(decide(request, workload_of(closes, options.keep_series)), closes, params,
                   options);
}

RoutedBatch BackendRouter::compute(const RouteDecision& decision,
                                   std::span<const std::span<const double>> closes,
                                   const AtcParams& params, const BatchOptions& options) {
    if (!decision.choice.usable)
        throw BackendUnavailable(decision.choice.reason);
    if (decision.choice.kind == system::BackendKind::Gpu && !gpu_)
        throw BackendUnavailable("the GPU backend is not available: " + gpu_report_.reason);
    RoutedBatch routed;
    routed.decision = decision;
    routed.ran = decision.choice.kind;
    if (decision.choice.kind == system::BackendKind::Cpu) {
        routed.result = cpu_->compute(closes, params, options);
        return routed;
    }
    try {
        routed.result = gpu_->compute(closes, params, options);
        return routed;
    } catch (const BackendError& e) {
        routed.fallback = e.what();
    }
    // The GPU's partial work is dropped: the CPU answers the whole request,
    // so the result never mixes backends.
    Log log;
    {
        const std::lock_guard lock(mutex_);
        gpu_failure_ = routed.fallback;
        log = log_;
    }
    if (log)
        log("the GPU backend failed, computing on the CPU instead: " + routed.fallback);
    routed.ran = system::BackendKind::Cpu;
    routed.result = cpu_->compute(closes, params, options);
    return routed;
}

std::function<BatchResult(std::span<const std::span<const double>>, const AtcParams&,
                          const BatchOptions&)>
BackendRouter::batch_function(std::function<void(const RoutedBatch&)> on_routed) {
    return [this, on_routed = std::move(on_routed)](std::span<const std::span<const double>> closes,
                                                    const AtcParams& params,
                                                    const BatchOptions& options) {
        RoutedBatch routed = compute(closes, params, options);
        if (on_routed)
            on_routed(routed);
        return std::move(routed.result);
    };
}

std::unique_ptr<BackendRouter> make_cpu_router(std::string why) {
    system::GpuReport no_gpu;
    no_gpu.reason = std::move(why);
    return std::make_unique<BackendRouter>(std::make_shared<CpuBackend>(), nullptr,
                                           std::move(no_gpu));
}

}  // namespace atc
