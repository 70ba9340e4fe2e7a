// SPDX-License-Identifier: GPL-3.0-or-later
// Hardware detection: the /proc parsers on fixed texts (with and without
// topology), the live figures against what /proc and std::thread say, the
// honest "no CUDA" report and the backend choice.
#include <QtTest>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <utility>

#include "atc/system/backend_choice.hpp"
#include "atc/system/hardware.hpp"

using namespace atc::system;

namespace {

std::string read_text(const char* path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Two cores with two hyper-threads each, as Intel machines write it.
const char* const kHyperThreaded =
    "processor\t: 0\nmodel name\t: Intel(R) Core(TM) i7 Test CPU\nphysical id\t: 0\n"
    "core id\t\t: 0\ncpu cores\t: 2\nflags\t\t: fpu sse4_2 avx2\n\n"
    "processor\t: 1\nmodel name\t: Intel(R) Core(TM) i7 Test CPU\nphysical id\t: 0\n"
    "core id\t\t: 1\ncpu cores\t: 2\n\n"
    "processor\t: 2\nmodel name\t: Intel(R) Core(TM) i7 Test CPU\nphysical id\t: 0\n"
    "core id\t\t: 0\ncpu cores\t: 2\n\n"
    "processor\t: 3\nmodel name\t: Intel(R) Core(TM) i7 Test CPU\nphysical id\t: 0\n"
    "core id\t\t: 1\ncpu cores\t: 2\n\n";

// The same core id on two packages is two cores.
const char* const kTwoPackages =
    "processor\t: 0\nmodel name\t: Xeon\nphysical id\t: 0\ncore id\t\t: 0\n\n"
    "processor\t: 1\nmodel name\t: Xeon\nphysical id\t: 1\ncore id\t\t: 0\n\n";

// Some hypervisors give "cpu cores" but no core ids.
const char* const kCoresOnly =
    "processor\t: 0\nmodel name\t: Virtual CPU\ncpu cores\t: 3\n\n"
    "processor\t: 1\nmodel name\t: Virtual CPU\ncpu cores\t: 3\n\n"
    "processor\t: 2\nmodel name\t: Virtual CPU\ncpu cores\t: 3\n\n";

// ARM: no model name per processor, no topology.
const char* const kArm =
    "processor\t: 0\nBogoMIPS\t: 48.00\nFeatures\t: fp asimd\n\n"
    "processor\t: 1\nBogoMIPS\t: 48.00\nFeatures\t: fp asimd\n\n"
    "Hardware\t: BCM2835\nModel\t\t: Raspberry Pi 4 Model B Rev 1.4\n";

}  // namespace

class TestHardware : public QObject {
    Q_OBJECT

private slots:
    void parsesTopology() {
        const CpuinfoTopology ht = parse_cpuinfo(kHyperThreaded);
        QCOMPARE(ht.model, std::string("Intel(R) Core(TM) i7 Test CPU"));
        QCOMPARE(ht.processors, 4U);
        QCOMPARE(ht.physical_cores, 2U);
        QCOMPARE(ht.physical_cores_source, std::string("cpuinfo"));

        const CpuinfoTopology two = parse_cpuinfo(kTwoPackages);
        QCOMPARE(two.physical_cores, 2U);

        const CpuinfoTopology cores_only = parse_cpuinfo(kCoresOnly);
        QCOMPARE(cores_only.processors, 3U);
        QCOMPARE(cores_only.physical_cores, 3U);
        QCOMPARE(cores_only.physical_cores_source, std::string("cpuinfo cpu cores"));

        const CpuinfoTopology arm = parse_cpuinfo(kArm);
        QCOMPARE(arm.model, std::string("Raspberry Pi 4 Model B Rev 1.4"));
        QCOMPARE(arm.processors, 2U);
        QCOMPARE(arm.physical_cores, 0U);  // unknown: detect_cpu falls back to logical
        QVERIFY(arm.physical_cores_source.empty());

        const CpuinfoTopology empty = parse_cpuinfo("");
        QCOMPARE(empty.processors, 0U);
        QCOMPARE(empty.physical_cores, 0U);
        QVERIFY(empty.model.empty());
    }

    void parsesMeminfo() {
        const RamInfo ram = parse_meminfo(
            "MemTotal:       24684092 kB\nMemFree:        22436176 kB\n"
            "MemAvailable:   23138088 kB\nBuffers:           11568 kB\n");
        QCOMPARE(ram.total_bytes, std::uint64_t{24684092} * 1024);
        QCOMPARE(ram.available_bytes, std::uint64_t{23138088} * 1024);
        QVERIFY(!ram.available_estimated);

        // An old kernel without MemAvailable: free + buffers + cache.
        const RamInfo old = parse_meminfo(
            "MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 20 kB\nCached: 300 kB\n"
            "SwapCached: 7 kB\n");
        QCOMPARE(old.available_bytes, std::uint64_t{420} * 1024);
        QVERIFY(old.available_estimated);

        QCOMPARE(parse_meminfo("").total_bytes, std::uint64_t{0});
    }

    void cpuMatchesProcAndStdThread() {
        const CpuInfo cpu = detect_cpu();
        QCOMPARE(cpu.logical_cores, std::max(1U, std::thread::hardware_concurrency()));
        QVERIFY(cpu.physical_cores >= 1);
        QVERIFY(cpu.physical_cores <= cpu.logical_cores);
        QVERIFY(!cpu.model.empty());
        QVERIFY(!cpu.physical_cores_source.empty());

        // Counted here independently: distinct (physical id, core id) pairs.
        std::istringstream in(read_text("/proc/cpuinfo"));
        std::string line;
        std::string model;
        std::string package;
        std::set<std::pair<std::string, std::string>> cores;
        std::string flags;
        while (std::getline(in, line)) {
            const auto colon = line.find(':');
            if (colon == std::string::npos)
                continue;
            std::string key = line.substr(0, colon);
            key.erase(key.find_last_not_of(" \t") + 1);
            std::string value = colon + 2 <= line.size() ? line.substr(colon + 2) : "";
            if (key == "model name" && model.empty())
                model = value;
            else if (key == "physical id")
                package = value;
            else if (key == "core id")
                cores.emplace(package, value);
            else if (key == "flags" && flags.empty())
                flags = " " + value + " ";
        }
        if (!model.empty())
            QCOMPARE(cpu.model, model);
        if (cpu.physical_cores_source == "cpuinfo")
            QCOMPARE(static_cast<std::size_t>(cpu.physical_cores), cores.size());

#if defined(__x86_64__)
        QVERIFY(cpu.simd >= SimdLevel::Sse2);
        const auto listed = [&cpu](const char* name) {
            return std::find(cpu.simd_features.begin(), cpu.simd_features.end(), name) !=
                   cpu.simd_features.end();
        };
        // What the kernel saw in cpuid agrees with the compiler's check.
        if (!flags.empty()) {
            QCOMPARE(listed("avx2"), flags.find(" avx2 ") != std::string::npos);
            QCOMPARE(listed("sse4.2"), flags.find(" sse4_2 ") != std::string::npos);
            QCOMPARE(listed("avx512f"), flags.find(" avx512f ") != std::string::npos);
        }
        QCOMPARE(cpu.simd >= SimdLevel::Avx2, listed("avx2"));
        QCOMPARE(cpu.simd == SimdLevel::Avx512, listed("avx512f"));
        // The engine's dispatch runs AVX2 kernels exactly where the CPU has
        // AVX2, and AVX-512 ones (the scans' symbol groups) only where it has
        // AVX-512F and DQ too: there always, unless the build leaves them out
        // (clang, -O0: pipeline/simd.hpp).
        if (!listed("avx2")) {
            QCOMPARE(cpu.kernel_simd, SimdLevel::Sse2);
        } else if (!listed("avx512f") ||
                   (!flags.empty() && flags.find(" avx512dq ") == std::string::npos)) {
            QCOMPARE(cpu.kernel_simd, SimdLevel::Avx2);
        } else {
            QVERIFY(cpu.kernel_simd == SimdLevel::Avx512 || cpu.kernel_simd == SimdLevel::Avx2);
#if defined(__GNUC__) && !defined(__clang__) && defined(__OPTIMIZE__) && \
    !defined(__OPTIMIZE_SIZE__) && !defined(ATC_SANITIZED)
            if (!flags.empty() && flags.find(" avx512dq ") != std::string::npos)
                QCOMPARE(cpu.kernel_simd, SimdLevel::Avx512);
#endif
        }
        QCOMPARE(engine_kernel_simd(), cpu.kernel_simd);
#endif
    }

    void ramMatchesMeminfo() {
        const RamInfo ram = detect_ram();
        const RamInfo again = parse_meminfo(read_text("/proc/meminfo"));
        QVERIFY(ram.total_bytes > 0);
        QCOMPARE(ram.total_bytes, again.total_bytes);  // MemTotal does not change
        QVERIFY(ram.available_bytes > 0);
        QVERIFY(ram.available_bytes <= ram.total_bytes);
    }

    void noCudaIsReportedHonestly() {
        const GpuReport gpu = gpu_report_without_backend();
        QVERIFY(!gpu.available);
        QCOMPARE(gpu.reason, std::string("built without the CUDA backend"));
        QVERIFY(gpu.devices.empty());

        const HardwareReport report = detect_hardware();
        QVERIFY(!report.gpu.available);
        QCOMPARE(report.gpu.reason, gpu.reason);
        QCOMPARE(report.backend.kind, BackendKind::Cpu);
        QVERIFY(report.backend.usable);
        QCOMPARE(report.backend.threads, cpu_backend_threads());
        QCOMPARE(report.backend.description,
                 cpu_backend_description(cpu_backend_threads(), report.cpu.kernel_simd));
        QVERIFY2(report.backend.reason.find("built without the CUDA backend") != std::string::npos,
                 report.backend.reason.c_str());
    }

    void gpuProbeIsPassedThrough() {
        // What the CUDA backend will hand in.
        const GpuProbe probe = [] {
            GpuReport r;
            r.available = true;
            r.devices.push_back({0, "Test GPU", std::uint64_t{8} << 30, 8, 6, "12.4", "12.2"});
            return r;
        };
        const HardwareReport report = detect_hardware(probe);
        QVERIFY(report.gpu.available);
        QCOMPARE(report.gpu.devices.size(), std::size_t{1});
        QCOMPARE(report.gpu.devices[0].compute_capability_minor, 6);
        QCOMPARE(report.backend.kind, BackendKind::Gpu);
        QVERIFY(report.backend.description.find("Test GPU") != std::string::npos);
    }

    void choosesBackends() {
        const GpuReport none = gpu_report_without_backend();
        const BackendChoice cpu = choose_backend(BackendRequest::Cpu, none, 4, SimdLevel::Avx2);
        QVERIFY(cpu.usable);
        QCOMPARE(cpu.kind, BackendKind::Cpu);
        QCOMPARE(cpu.description, std::string("cpu (oneTBB, 4 threads, AVX2 kernels)"));
        // AVX-512 runs a scan's symbol groups only; the rest is AVX2.
        QCOMPARE(choose_backend(BackendRequest::Cpu, none, 2, SimdLevel::Avx512).description,
                 std::string("cpu (oneTBB, 2 threads, AVX-512 and AVX2 kernels)"));
        QCOMPARE(kernel_simd_description(SimdLevel::Avx512),
                 std::string("AVX-512 for scans, AVX2 for single symbols"));
        QCOMPARE(kernel_simd_description(SimdLevel::Avx2), std::string("AVX2"));
        QCOMPARE(cpu.reason, std::string("requested"));
        QCOMPARE(cpu.threads, 4U);

        const BackendChoice gpu = choose_backend(BackendRequest::Gpu, none, 4, SimdLevel::Avx2);
        QVERIFY(!gpu.usable);
        QCOMPARE(gpu.kind, BackendKind::Gpu);
        QCOMPARE(gpu.reason,
                 std::string("the GPU backend is not available: built without the CUDA backend"));

        const BackendChoice automatic =
            choose_backend(BackendRequest::Auto, none, 1, SimdLevel::Sse2);
        QVERIFY(automatic.usable);
        QCOMPARE(automatic.kind, BackendKind::Cpu);
        QCOMPARE(automatic.description, std::string("cpu (oneTBB, 1 thread, SSE2 kernels)"));
        QCOMPARE(automatic.reason,
                 std::string("auto: no usable GPU (built without the CUDA backend)"));

        QCOMPARE(parse_backend_request("cpu"), std::optional(BackendRequest::Cpu));
        QCOMPARE(parse_backend_request("gpu"), std::optional(BackendRequest::Gpu));
        QCOMPARE(parse_backend_request("auto"), std::optional(BackendRequest::Auto));
        QVERIFY(!parse_backend_request("GPU"));
        QVERIFY(!parse_backend_request(""));
        QCOMPARE(backend_request_name(BackendRequest::Auto), std::string_view("auto"));
        QCOMPARE(simd_level_name(SimdLevel::Avx512), std::string_view("AVX-512"));
    }
};

QTEST_APPLESS_MAIN(TestHardware)
#include "test_hardware.moc"
