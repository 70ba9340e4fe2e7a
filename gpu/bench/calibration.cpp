// SPDX-License-Identifier: GPL-3.0-or-later
#include "calibration.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iterator>
#include <memory>

#include "atc/backend.hpp"
#include "atc/backend_cost.hpp"
#include "atc/backend_router.hpp"
#include "atc/system/backend_choice.hpp"
#include "universe.hpp"

namespace atc::gpu::bench {
namespace {

// The router must own its GPU backend; the benchmark's stays in use, so the
// router gets a non-owning handle to it.
std::shared_ptr<BatchBackend> borrowed(BatchBackend& backend) {
    return {std::shared_ptr<BatchBackend>(), &backend};
}

// Seconds of one request of 32 symbols x 64 bars: too small for its kernels
// or copies to matter, so what every request costs on top of its work.
double time_tiny_request(host::ExecutorBackend& gpu, const BatchOptions& options) {
    const atc::bench::Universe tiny(32, 64);
    const auto start = std::chrono::steady_clock::now();
    gpu.compute(tiny.series(), AtcParams{}, options);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double request_overhead_seconds(host::ExecutorBackend& gpu, const BatchOptions& options) {
    std::vector<double> seconds;
    for (int run = 0; run < 31; ++run)
        seconds.push_back(time_tiny_request(gpu, options));
    std::nth_element(seconds.begin(), seconds.begin() + 15, seconds.end());
    return seconds[15];
}

void print_decision(const BackendRouter& router, std::size_t symbols, std::size_t bars) {
    Workload work;
    work.symbols = symbols;
    work.bars = static_cast<std::uint64_t>(symbols) * bars;
    const RouteDecision d = router.decide(system::BackendRequest::Auto, work);
    std::printf("  auto, %zu x %zu: %s (%s)\n", symbols, bars,
                std::string(system::backend_kind_name(d.choice.kind)).c_str(),
                d.choice.reason.c_str());
}

// What the end-to-end times leave after the kernels and the copies, as a
// fixed cost per request plus a cost per symbol (least squares over the cases).
void fit_fixed_costs(CostModel& model, const std::vector<CaseTiming>& cases) {
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const CaseTiming& c : cases) {
        Workload work;
        work.symbols = c.symbols;
        work.bars = static_cast<std::uint64_t>(c.symbols) * c.bars;
        const double bytes = CostModel::transfer_bytes(work);
        const double rest = c.gpu_seconds - c.kernel_seconds - bytes / model.pcie_bytes_per_second -
                            bytes / model.host_copy_bytes_per_second;
        const auto x = static_cast<double>(c.symbols);
        n += 1;
        sx += x;
        sy += rest;
        sxx += x * x;
        sxy += x * rest;
    }
    const double spread = n * sxx - sx * sx;
    if (n < 2 || spread <= 0)
        return;  // the defaults stay
    model.gpu_host_seconds_per_symbol = std::max(0.0, (n * sxy - sx * sy) / spread);
    model.gpu_request_seconds = std::max(0.0, (sy - model.gpu_host_seconds_per_symbol * sx) / n);
}

}  // namespace

double time_first_request(host::ExecutorBackend& gpu) {
    return time_tiny_request(gpu, BatchOptions{});
}

void print_calibration(host::ExecutorBackend& gpu, const system::GpuReport& report,
                       const Ceilings& ceilings, const std::vector<CaseTiming>& all_cases,
                       double first_request_seconds, const BatchOptions& options) {
    std::vector<CaseTiming> cases;
    std::copy_if(all_cases.begin(), all_cases.end(), std::back_inserter(cases),
                 [](const CaseTiming& c) { return c.chunks == 1; });
    if (cases.empty()) {
        std::printf("\nno single-chunk case: nothing to calibrate the cost model on\n");
        return;
    }
    auto bars_of = [](const CaseTiming& c) { return static_cast<double>(c.symbols * c.bars); };
    auto kernel_rate = [&](const CaseTiming& c) { return bars_of(c) / c.kernel_seconds; };
    // The best kernel rate is the full device's; the smallest case
    // is the floor of serial steps; the largest is the CPU's fairest figure.
    const CaseTiming& fastest = *std::max_element(
        cases.begin(), cases.end(),
        [&](const CaseTiming& a, const CaseTiming& b) { return kernel_rate(a) < kernel_rate(b); });
    const CaseTiming& smallest = *std::min_element(
        cases.begin(), cases.end(),
        [&](const CaseTiming& a, const CaseTiming& b) { return bars_of(a) < bars_of(b); });
    const CaseTiming& largest = *std::max_element(
        cases.begin(), cases.end(),
        [&](const CaseTiming& a, const CaseTiming& b) { return bars_of(a) < bars_of(b); });
    const double bars = bars_of(largest);
    const unsigned threads = system::cpu_backend_threads();

    CostModel measured;
    measured.gpu_bars_per_second = kernel_rate(fastest);
    measured.gpu_seconds_per_bar_step =
        smallest.kernel_seconds / static_cast<double>(smallest.bars);
    measured.pcie_bytes_per_second = ceilings.upload_bytes_per_second;
    // Packing reads and writes the prices: 8 bytes a bar each way.
    measured.host_copy_bytes_per_second = largest.host_copy_seconds > 0.0
                                              ? bars * 8.0 / largest.host_copy_seconds
                                              : measured.host_copy_bytes_per_second;
    fit_fixed_costs(measured, cases);
    const double tiny_request_seconds = request_overhead_seconds(gpu, options);
    measured.gpu_startup_seconds = std::max(0.0, first_request_seconds - tiny_request_seconds);
    measured.cpu_bars_per_second_per_thread = bars / largest.cpu_seconds / threads;

    std::printf("\ncost model measured here (backend_cost.hpp):\n");
    std::printf("  kGpuBarsPerSecond        %.3g  (kernels, %zux%zu)\n",
                measured.gpu_bars_per_second, fastest.symbols, fastest.bars);
    std::printf("  kGpuSecondsPerBarStep    %.3g  (kernels, %zux%zu)\n",
                measured.gpu_seconds_per_bar_step, smallest.symbols, smallest.bars);
    std::printf("  kPcieBytesPerSecond      %.3g  (pinned upload)\n",
                measured.pcie_bytes_per_second);
    std::printf("  kHostCopyBytesPerSecond  %.3g  (packing + unpacking)\n",
                measured.host_copy_bytes_per_second);
    std::printf("  kGpuRequestSeconds       %.3g  (fitted; a 32 x 64 request takes %.3g)\n",
                measured.gpu_request_seconds, tiny_request_seconds);
    std::printf("  kGpuHostSecondsPerSymbol %.3g  (fitted)\n",
                measured.gpu_host_seconds_per_symbol);
    std::printf("  kGpuStartupSeconds       %.3g  (the process's first request, beyond that)\n",
                measured.gpu_startup_seconds);
    std::printf("  CPU bars/s per thread    %.3g  (%u threads, %zux%zu)\n",
                measured.cpu_bars_per_second_per_thread, threads, largest.symbols, largest.bars);

    const BackendRouter router(std::make_shared<CpuBackend>(), borrowed(gpu), report, measured);
    std::printf("%s\n", router.auto_summary().c_str());
    print_decision(router, 500, 2000);
    print_decision(router, 10000, 2000);
}

}  // namespace atc::gpu::bench
