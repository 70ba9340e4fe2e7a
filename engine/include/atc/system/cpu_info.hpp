// SPDX-License-Identifier: GPL-3.0-or-later
// The CPU as the engine sees it: model, cores and vector instructions.
// Read from /proc/cpuinfo and the CPU itself (cpuid, via the compiler's
// __builtin_cpu_supports); fields that cannot be known say so.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace atc::system {

// Vector instruction levels, each including the ones below it. Sse2 is the
// x86-64 baseline; None means a CPU that is not x86-64.
enum class SimdLevel { None, Sse2, Sse42, Avx2, Avx512 };

// "none", "SSE2", "SSE4.2", "AVX2", "AVX-512".
std::string_view simd_level_name(SimdLevel level);

// CpuInfo::kernel_simd in words for people: its name, except that the
// AVX-512 kernels run only a scan's groups of symbols (everything else, a
// chart's symbol too, runs AVX2 there): "AVX-512 for scans, AVX2 for single
// symbols".
std::string kernel_simd_description(SimdLevel kernel_simd);

struct CpuInfo {
    std::string model;            // "AMD EPYC 7763 64-Core Processor"; "unknown CPU" if not given
    unsigned logical_cores = 0;   // std::thread::hardware_concurrency(), at least 1
    unsigned physical_cores = 0;  // see physical_cores_source; at least 1
    // How physical_cores was found: "cpuinfo" (distinct physical id / core id
    // pairs), "cpuinfo cpu cores" ("cpu cores" x packages, when the pairs are
    // missing) or "assumed equal to logical" (no topology in /proc/cpuinfo).
    std::string physical_cores_source;
    // The widest level the CPU and the operating system support.
    SimdLevel simd = SimdLevel::None;
    // The supported ones of: sse4.2, avx, avx2, fma, avx512f (cpuid names).
    std::vector<std::string> simd_features;
    // The widest level the engine's kernels run at: its run-time dispatch
    // (engine/src/pipeline/simd.hpp) picks the AVX-512 build (a scan's
    // symbol groups only), the AVX2 build or the SSE2 baseline.
    SimdLevel kernel_simd = SimdLevel::None;
};

// What /proc/cpuinfo says, parsed from its text (testable with any text).
struct CpuinfoTopology {
    std::string model;                  // empty if no "model name" (x86) or "Model" (ARM) line
    unsigned processors = 0;            // "processor" entries
    unsigned physical_cores = 0;        // 0 when the text does not tell
    std::string physical_cores_source;  // "cpuinfo", "cpuinfo cpu cores" or empty
};
CpuinfoTopology parse_cpuinfo(std::string_view text);

// This machine's CPU.
CpuInfo detect_cpu();
// CpuInfo::kernel_simd alone, without reading /proc/cpuinfo.
SimdLevel engine_kernel_simd();

}  // namespace atc::system
