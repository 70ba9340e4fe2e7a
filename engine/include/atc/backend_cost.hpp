// The router's cost model: how long a batch would take on the CPU and on the
// GPU, from its size alone, so that `auto` picks the faster one. The CPU rate
// is measured (docs/PERFORMANCE.md); the GPU figures are estimates until
// gpu/bench/atc-gpu-bench has run on a device (docs/PERFORMANCE.md, "CUDA
// backend"): replace them with its numbers then. Every constant is named here
// with where it comes from.
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
// (docs/PERFORMANCE.md). Per worker thread, conservatively:
inline constexpr double kCpuBarsPerSecondPerThread = 7.5e6;

// Estimated, not measured: the kernels issue about 1,600 float64 instructions
// per symbol-bar (54 MAs, 54 crossing states and equities, Layer 1, Layer 2,
// the Average; no fused multiply-add, see gpu/README.md); an H100 SXM issues
// 1.7e13 of them per second, so its floor is about 1.0e10 symbol-bars per
// second (docs/PERFORMANCE.md, "CUDA backend"). Each thread walks its bars one
// after another, so we assume a fifth of that floor until atc-gpu-bench says
// otherwise. The CUDA backend scales it by the device's multiprocessors and
// float64 rate (cost_model_for).
inline constexpr double kGpuBarsPerSecond = 2.0e9;

// Host <-> device copies over PCIe from pinned memory: ~25 GB/s on PCIe 4.0 x16,
// ~50 GB/s on 5.0; 20 GB/s assumes the slower host.
inline constexpr double kPcieBytesPerSecond = 20.0e9;

// Host-side staging: the prices are packed into pinned memory before the copy
// and the kept series unpacked into the result's vectors after it (memcpy on
// the host, a few GB/s on a small machine).
inline constexpr double kHostCopyBytesPerSecond = 4.0e9;

// Fixed cost of one request on a warmed-up GPU: about a dozen kernel launches,
// eight copies and three synchronisations per chunk at 5-20 us each.
inline constexpr double kGpuRequestSeconds = 1.0e-3;

// First use in a process: creating the CUDA context and loading the kernels
// (0.1-0.5 s on datacenter GPUs). The router counts it while the GPU backend
// says it has not warmed up (BatchBackend::warmed_up).
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
    double pcie_bytes_per_second = kPcieBytesPerSecond;
    double host_copy_bytes_per_second = kHostCopyBytesPerSecond;
    double gpu_request_seconds = kGpuRequestSeconds;
    double gpu_startup_seconds = kGpuStartupSeconds;

    // bars / (rate per thread x threads).
    double cpu_seconds(const Workload& work, unsigned threads) const;
    // Start-up (when not warm) + request overhead + copies over PCIe + host
    // staging + kernels.
    double gpu_seconds(const Workload& work, bool warmed_up) const;
    // Bytes each way over PCIe, summed.
    static double transfer_bytes(const Workload& work);
};

}  // namespace atc
