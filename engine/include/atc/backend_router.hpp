// SPDX-License-Identifier: GPL-3.0-or-later
// Chooses the backend for each batch request and runs it there: the CPU
// (oneTBB) always, the GPU when one was handed in. The user's setting is
// cpu, gpu or auto (system::BackendRequest); auto compares the cost model's
// estimates (backend_cost.hpp) for the request's size. A GPU that fails
// during a request (BackendError) never costs a result: the request is
// computed again on the CPU and the reason logged and returned. No global
// state: the app and `atc` each build one router (gpu/: atc::gpu::make_router).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <stdexcept>
#include <string>

#include "atc/backend.hpp"
#include "atc/backend_cost.hpp"
#include "atc/system/backend_choice.hpp"
#include "atc/system/gpu_report.hpp"
#include "atc/system/hardware.hpp"

namespace atc {

// The request cannot be served as asked: gpu was requested and no GPU backend
// is usable. what() is BackendChoice::reason. Nothing was computed.
class BackendUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct RouteDecision {
    // What runs and why; usable == false when the request cannot be served.
    system::BackendChoice choice;
    // The cost model's estimates for this request, in seconds; 0 where the
    // choice did not need them (cpu or gpu asked for, or no GPU).
    double cpu_seconds = 0.0;
    double gpu_seconds = 0.0;
};

struct RoutedBatch {
    BatchResult result;
    RouteDecision decision;  // the choice made before running
    // The backend whose numbers are in `result`: the decision's, or the CPU
    // after a GPU failure.
    system::BackendKind ran = system::BackendKind::Cpu;
    // Why the GPU's attempt was given up for the CPU; empty when it was not.
    std::string fallback;
};

class BackendRouter {
public:
    using Log = std::function<void(const std::string&)>;

    // `cpu` must not be null; `gpu` may be (no GPU backend in this build or
    // no usable device; `gpu_report` then says why). The report is what the
    // GPU's probe found; a null `gpu` makes it unavailable whatever it says.
    BackendRouter(std::shared_ptr<BatchBackend> cpu, std::shared_ptr<BatchBackend> gpu,
                  system::GpuReport gpu_report, CostModel model = {});

    // The setting (the app's "Compute on" choice, `--backend`); auto by default.
    void set_request(system::BackendRequest request);
    system::BackendRequest request() const;

    // Where messages about fallbacks go; by default to stderr ("atc: ...").
    // Called on the computing thread.
    void set_log(Log log);

    RouteDecision decide(const Workload& work) const;  // with the current setting
    RouteDecision decide(system::BackendRequest request, const Workload& work) const;

    // A chart's full result (every moving average, crossing state and equity)
    // is produced by the CPU pipeline alone: the GPU backend computes scans.
    // The CPU, with that reason, whatever the setting.
    RouteDecision decide_chart() const;

    // Decides, then computes. Throws BackendUnavailable when the decision is
    // not usable, InvalidInput for invalid parameters (as compute_batch).
    RoutedBatch compute(std::span<const std::span<const double>> closes, const AtcParams& params,
                        const BatchOptions& options = {});
    RoutedBatch compute(system::BackendRequest request,
                        std::span<const std::span<const double>> closes, const AtcParams& params,
                        const BatchOptions& options = {});
    // Computes as `decision` (from decide()) says, with the same fallback:
    // a scan decides once for all its chunks. Throws BackendUnavailable when
    // the decision is not usable.
    RoutedBatch compute(const RouteDecision& decision,
                        std::span<const std::span<const double>> closes, const AtcParams& params,
                        const BatchOptions& options = {});

    // compute() in the shape of compute_batch, e.g. for cache::CachedCompute;
    // `on_routed` (optional) sees each request's decision and fallback.
    std::function<BatchResult(std::span<const std::span<const double>>, const AtcParams&,
                              const BatchOptions&)>
    batch_function(std::function<void(const RoutedBatch&)> on_routed = {});

    // What auto does on this machine, for `atc hw` and a hardware panel:
    // "auto: no usable GPU (...)", or with a GPU the request size from which
    // the cost model prefers it (cold and once warmed up).
    std::string auto_summary() const;

    // This machine as `atc hw` and the hardware panel show it: CPU, RAM, this
    // router's GPU report, the current setting with auto_summary() as its
    // reason, and the choices for a 500- and a 10,000-symbol scan of 2,000 bars.
    system::HardwareReport hardware_report() const;

    const system::GpuReport& gpu_report() const { return gpu_report_; }
    const CostModel& cost_model() const { return model_; }
    bool has_gpu() const { return gpu_ != nullptr; }
    // The message of the last GPU failure in this router's life; empty if none.
    std::string gpu_failure() const;

private:
    std::shared_ptr<BatchBackend> cpu_;
    std::shared_ptr<BatchBackend> gpu_;
    system::GpuReport gpu_report_;
    CostModel model_;
    unsigned cpu_threads_;
    system::SimdLevel kernel_simd_;
    std::atomic<system::BackendRequest> request_{system::BackendRequest::Auto};

    mutable std::mutex mutex_;  // guards the two below
    Log log_;
    std::string gpu_failure_;
};

// A router with the CPU alone, for work that never goes to a GPU (a chart's
// full result) or a program that must not probe one; `why` is the GPU
// report's reason ("charts compute on the CPU").
std::unique_ptr<BackendRouter> make_cpu_router(std::string why);

}  // namespace atc
