// SPDX-License-Identifier: GPL-3.0-or-later
// atc-gpu-bench: the CUDA backend against the CPU backend in one run, on the
// same seeded universes as atc-bench. Per case: the CPU's median, the GPU's
// median end to end, and where the GPU's time goes (device events: uploads,
// kernels, downloads, the marker pass; host clock: packing, unpacking), and
// whether the two backends' results are identical. docs/PERFORMANCE.md
// ("CUDA backend") says how to read it.
//
//   atc-gpu-bench                       500x2000, 5000x2000, 10000x2000, 10000x5000
//   atc-gpu-bench --runs 21 --keep      more runs; keep_series (13 series back)
//   atc-gpu-bench --case 5000x2000      one case (SYMBOLSxBARS, any size)
//
// Last, it measures the router's GPU cost constants on this device
// (backend_cost.hpp: start-up, fixed cost per request, kernel rate, copy
// rates) and prints what `auto` then chooses for 500 and 10,000 symbols.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "atc/backend.hpp"
#include "atc/backend_router.hpp"
#include "atc/batch.hpp"
#include "atc/gpu/gpu_backend.hpp"
#include "calibration.hpp"
#include "ceilings.hpp"
#include "host/executor_backend.hpp"
#include "universe.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Case {
    std::size_t symbols;
    std::size_t bars;
};

struct Options {
    std::vector<Case> cases{{500, 2000}, {5000, 2000}, {10000, 2000}, {10000, 5000}};
    int runs = 11;
    bool keep_series = false;
};

[[noreturn]] void usage(const char* problem) {
    std::fprintf(stderr,
                 "atc-gpu-bench: %s\nusage: atc-gpu-bench [--runs N] [--keep] "
                 "[--case SYMBOLSxBARS]...\n",
                 problem);
    std::exit(2);
}

Options parse(int argc, char** argv) {
    Options options;
    bool own_cases = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--keep") {
            options.keep_series = true;
        } else if (arg == "--runs" && i + 1 < argc) {
            options.runs = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--case" && i + 1 < argc) {
            const std::string spec = argv[++i];
            const std::size_t x = spec.find('x');
            if (x == std::string::npos)
                usage("--case wants SYMBOLSxBARS, e.g. 5000x2000");
            if (!own_cases)
                options.cases.clear();
            own_cases = true;
            options.cases.push_back(
                {std::stoul(spec.substr(0, x)), std::stoul(spec.substr(x + 1))});
        } else {
            usage(("unknown argument " + arg).c_str());
        }
    }
    return options;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Rows, markers and (with keep_series) every series, bit for bit.
std::string compare(const atc::BatchResult& gpu, const atc::BatchResult& cpu) {
    auto same = [](const std::vector<double>& a, const std::vector<double>& b) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!(a[i] == b[i] || (a[i] != a[i] && b[i] != b[i])))
                return false;
        }
        return true;
    };
    for (std::size_t s = 0; s < cpu.symbols.size(); ++s) {
        const atc::SymbolScan& g = gpu.symbols[s];
        const atc::SymbolScan& c = cpu.symbols[s];
        bool ok = g.ok() == c.ok() && g.row.average == c.row.average &&
                  g.row.trend == c.row.trend && g.markers.size() == c.markers.size() &&
                  same(g.average, c.average);
        for (std::size_t t = 0; ok && t < atc::kFamilyCount; ++t) {
            ok = same(g.layer1_signals[t], c.layer1_signals[t]) &&
                 same(g.layer2_equities[t], c.layer2_equities[t]);
        }
        for (std::size_t m = 0; ok && m < c.markers.size(); ++m)
            ok = g.markers[m].bar == c.markers[m].bar &&
                 g.markers[m].average == c.markers[m].average;
        if (!ok)
            return "DIFFERS at symbol " + std::to_string(s);
    }
    return "identical";
}

int run(const Options& options) {
    const atc::system::GpuReport report = atc::gpu::probe();
    if (!report.available) {
        std::fprintf(stderr, "atc-gpu-bench: no usable GPU: %s\n", report.reason.c_str());
        return 2;
    }
    std::shared_ptr<atc::BatchBackend> backend = atc::gpu::make_backend(report);
    auto* gpu = dynamic_cast<atc::gpu::host::ExecutorBackend*>(backend.get());
    atc::CpuBackend cpu;
    // The process's first request creates the CUDA context and loads the
    // kernels: timed on a tiny request, before anything else touches the device.
    const double first_request_seconds = atc::gpu::bench::time_first_request(*gpu);
    std::printf("GPU: %s\nCPU: %s\nruns: %d (medians), keep_series: %s\n",
                gpu->description().c_str(), cpu.description().c_str(), options.runs,
                options.keep_series ? "true" : "false");
    const atc::gpu::bench::Ceilings ceilings = atc::gpu::bench::measure_ceilings();
    std::printf(
        "ceilings: device memory %.0f GB/s (copy, read + write), float64 %.2f Tops/s "
        "(no FMA), upload %.1f GB/s (pinned)\n\n",
        ceilings.device_bytes_per_second * 1e-9, ceilings.fp64_ops_per_second * 1e-12,
        ceilings.upload_bytes_per_second * 1e-9);

    atc::BatchOptions batch;
    batch.keep_series = options.keep_series;
    const atc::AtcParams params;
    std::vector<atc::gpu::bench::CaseTiming> measured;
    std::printf("%-12s %9s %9s %9s %9s %9s %9s %9s %9s %8s %10s  %s\n", "case", "cpu ms", "gpu ms",
                "kernel", "upload", "download", "markers", "pack", "unpack", "speedup",
                "gpu Gbar/s", "check");
    for (const Case& c : options.cases) {
        const atc::bench::Universe universe(c.symbols, c.bars);
        const auto closes = universe.series();

        // The first GPU request pays the context and the module loading.
        atc::gpu::host::RunTimings first;
        const Clock::time_point started = Clock::now();
        const atc::BatchResult gpu_result = gpu->compute_timed(closes, params, batch, &first);
        const double first_seconds = seconds_since(started);
        const atc::BatchResult cpu_result = cpu.compute(closes, params, batch);
        const std::string check = compare(gpu_result, cpu_result);

        std::vector<double> cpu_s, gpu_s, kernel, upload, download, markers, pack, unpack;
        for (int r = 0; r < options.runs; ++r) {
            Clock::time_point t = Clock::now();
            cpu.compute(closes, params, batch);
            cpu_s.push_back(seconds_since(t));
            atc::gpu::host::RunTimings timings;
            t = Clock::now();
            gpu->compute_timed(closes, params, batch, &timings);
            gpu_s.push_back(seconds_since(t));
            kernel.push_back(timings.kernel_seconds);
            upload.push_back(timings.upload_seconds);
            download.push_back(timings.download_seconds);
            markers.push_back(timings.marker_seconds);
            pack.push_back(timings.pack_seconds);
            unpack.push_back(timings.unpack_seconds);
        }
        const double bars = static_cast<double>(c.symbols * c.bars);
        const std::string name = std::to_string(c.symbols) + "x" + std::to_string(c.bars);
        std::printf("%-12s %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %7.1fx %10.2f  %s\n",
                    name.c_str(), 1e3 * median(cpu_s), 1e3 * median(gpu_s), 1e3 * median(kernel),
                    1e3 * median(upload), 1e3 * median(download), 1e3 * median(markers),
                    1e3 * median(pack), 1e3 * median(unpack), median(cpu_s) / median(gpu_s),
                    bars / median(kernel) * 1e-9, check.c_str());
        std::printf("%-12s first request %.1f ms (kernels %.2f ms, %zu chunks)\n", "",
                    1e3 * first_seconds, 1e3 * first.kernel_seconds, first.chunks);
        measured.push_back({c.symbols, c.bars, median(cpu_s), median(gpu_s), median(kernel),
                            median(pack) + median(unpack), first.chunks});
    }
    atc::gpu::bench::print_calibration(*gpu, report, ceilings, measured, first_request_seconds,
                                       batch);
    return 0;
}
}  // namespace

int main(int argc, char** argv) {
    const Options options = parse(argc, argv);
    try {
        return run(options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "atc-gpu-bench: %s\n", e.what());
        return 1;
    }
}
