// SPDX-License-Identifier: GPL-3.0-or-later
// The router's cost model: how long a batch would take on the CPU and on the
// GPU, from its size alone, so that `auto` picks the faster one. The CPU rate
// and the GPU figures are measured (docs/PERFORMANCE.md; the GPU's by
// gpu/bench/atc-gpu-bench on an H100, which prints them for any device). Every
// constant is named here with where it comes from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace atc {

// The size of a request, as far as cost goes.
struct Workload {
    std::size_t symbols = 0;
    std::uint64_t bars = 0;    // summed over all symbols ("symbol-bars")
    bool keep_series = false;  // BatchOptions::keep_series: 13 series per symbol come back
};

Workload workload_of(std::span<const std::span<const double>> closes, bool keep_series);

// Measured: the oneTBB engine computes 15-16 million bars per second on the
// 2-core dev machine (scan 500 x 2,000 in 66 ms), 8.5 million on one thread
// (docs/PERFORMANCE.md); the H100 machine's 16 cores gave 5.9 million per
// thread. Per worker thread, conservatively:
inline constexpr double kCpuBarsPerSecondPerThread = 7.5e6;

// The GPU constants below were measured by atc-gpu-bench on an NVIDIA H100
// 80GB HBM3 (132 multiprocessors, driver 580.159, CUDA 13.0, a 16-core host
// on PCIe 5.0) on 2026-12-05; the run is in docs/measurements/h100-2026-12-05.txt
// and docs/PERFORMANCE.md ("CUDA backend on an H100"). cost_model_for scales
// the rate to other devices by their multiprocessors and float64 rate.

// Kernel throughput once the device is full: 10,000 x 2,000 bars in 19.6 ms
// of kernels, 5,000 x 2,000 in 10.5 ms (about 1.0e9 symbol-bars per second;
// a tenth of the float64 issue rate: each thread's recursion is serial, and
// at two blocks per multiprocessor little of its latency is hidden).
inline constexpr double kGpuBarsPerSecond = 1.0e9;

// The kernels' floor for any request: every thread walks its symbol's bars one
// after another, so a request that does not fill the device still takes its
// length times the time of one step. 500 x 2,000 bars (one wave of blocks)
// took 3.56 ms of kernels: 1.78 us per bar.
inline constexpr double kGpuSecondsPerBarStep = 1.78e-6;

// Host -> device copies from pinned memory: 55 GB/s measured (PCIe 5.0 x16).
inline constexpr double kPcieBytesPerSecond = 55.0e9;

// Host-side staging, the prices packed into pinned memory and the outputs
// unpacked: 160 MB (10,000 x 2,000 prices) in 4.6 ms, 34 GB/s on 16 cores.
inline constexpr double kHostCopyBytesPerSecond = 34.0e9;

// Fixed cost of one request on a warmed-up GPU (launches, copies, the marker
// round trip, synchronisation), and the host's work per symbol (checking each
// series, sorting by length, the results' vectors): fitted to the end-to-end
// times of 500, 5,000 and 10,000 symbols (5.7, 18.4 and 34.5 ms) after the
// kernels and copies above; a tiny request (32 x 64 bars) took 0.2 ms.
inline constexpr double kGpuRequestSeconds = 1.3e-3;
inline constexpr double kGpuHostSecondsPerSymbol = 0.6e-6;

// First use in a process: creating the CUDA context and loading the kernels.
// Not measured here (the run that would have timed it lost its machine);
// 0.1-0.5 s on datacenter GPUs, 0.3 s assumed. The router counts it while the
// GPU backend says it has not warmed up (BatchBackend::warmed_up).
inline constexpr double kGpuStartupSeconds = 0.3;

// Bytes per symbol-bar that cross PCIe: the prices in; with keep_series the six
// Layer-1 signals, six Layer-2 equities and the Average out (13 doubles).
inline constexpr double kBytesInPerBar = 8.0;
inline constexpr double kBytesOutPerKeptBar = 13.0 * 8.0;
// Per symbol: offsets and lengths in; the last Average, the marker count and
// (on average, a guess) a few 16-byte markers out.
inline constexpr double kBytesPerSymbol = 16.0 + 12.0 + 4.0 * 16.0;

struct CostModel {
    double cpu_bars_per_second_per_thread = kCpuBarsPerSecondPerThread;
    double gpu_bars_per_second = kGpuBarsPerSecond;
    double gpu_seconds_per_bar_step = kGpuSecondsPerBarStep;
    double pcie_bytes_per_second = kPcieBytesPerSecond;
    double host_copy_bytes_per_second = kHostCopyBytesPerSecond;
    double gpu_request_seconds = kGpuRequestSeconds;
    double gpu_host_seconds_per_symbol = kGpuHostSecondsPerSymbol;
    double gpu_startup_seconds = kGpuStartupSeconds;

    // bars / (rate per thread x threads).
    double cpu_seconds(const Workload& work, unsigned threads) const;
    // Start-up (when not warm) + request overhead + host work per symbol +
    // copies over PCIe + host staging + kernels (the larger of the throughput
    // term and the floor of the mean series' length in serial steps).
    double gpu_seconds(const Workload& work, bool warmed_up) const;
    // Bytes each way over PCIe, summed.
    static double transfer_bytes(const Workload& work);
};

}  // namespace atc
