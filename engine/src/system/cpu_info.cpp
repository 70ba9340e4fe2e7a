// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/system/cpu_info.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <thread>
#include <utility>

#include "pipeline/simd.hpp"
#include "system/proc_text.hpp"

namespace atc::system {
namespace {

std::optional<unsigned> number(std::string_view text) {
    unsigned v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size())
        return std::nullopt;
    return v;
}

// The processor entries of /proc/cpuinfo: blocks separated by blank lines.
std::vector<std::string_view> processor_blocks(std::string_view text) {
    std::vector<std::string_view> blocks;
    while (!text.empty()) {
        const auto end = text.find("\n\n");
        const std::string_view block = text.substr(0, end);
        if (detail::field_value(block, "processor"))
            blocks.push_back(block);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 2);
    }
    return blocks;
}

// What the CPU and the OS support, as cpuid reports it (libgcc checks that the
// OS saves the AVX/AVX-512 registers, so a listed level is usable).
std::pair<SimdLevel, std::vector<std::string>> cpu_simd() {
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    std::vector<std::string> features;
    const auto has = [&features](bool supported, const char* name) {
        if (supported)
            features.emplace_back(name);
        return supported;
    };
    const bool sse42 = has(__builtin_cpu_supports("sse4.2"), "sse4.2");
    has(__builtin_cpu_supports("avx"), "avx");
    const bool avx2 = has(__builtin_cpu_supports("avx2"), "avx2");
    has(__builtin_cpu_supports("fma"), "fma");
    const bool avx512 = has(__builtin_cpu_supports("avx512f"), "avx512f");
    const SimdLevel level = avx512  ? SimdLevel::Avx512
                            : avx2  ? SimdLevel::Avx2
                            : sse42 ? SimdLevel::Sse42
                                    : SimdLevel::Sse2;
    return {level, std::move(features)};
#else
    return {SimdLevel::None, {}};
#endif
}

}  // namespace

SimdLevel engine_kernel_simd() {
    // The engine's own dispatch decides; this only names its choice.
#if defined(__x86_64__)
    switch (atc::detail::simd::active_level()) {
        case atc::detail::simd::Level::Avx512:
            return SimdLevel::Avx512;  // the scans' symbol groups; the rest AVX2
        case atc::detail::simd::Level::Avx2:
            return SimdLevel::Avx2;
        case atc::detail::simd::Level::Baseline:
            break;
    }
    return SimdLevel::Sse2;
#else
    return SimdLevel::None;
#endif
}

std::string_view simd_level_name(SimdLevel level) {
    switch (level) {
        case SimdLevel::Sse2:
            return "SSE2";
        case SimdLevel::Sse42:
            return "SSE4.2";
        case SimdLevel::Avx2:
            return "AVX2";
        case SimdLevel::Avx512:
            return "AVX-512";
        case SimdLevel::None:
            break;
    }
    return "none";
}

std::string kernel_simd_description(SimdLevel kernel_simd) {
    if (kernel_simd == SimdLevel::Avx512)
        return "AVX-512 for scans, AVX2 for single symbols";
    return std::string(simd_level_name(kernel_simd));
}

CpuinfoTopology parse_cpuinfo(std::string_view text) {
    CpuinfoTopology topology;
    if (const auto model = detail::field_value(text, "model name"))
        topology.model = std::string(*model);
    else if (const auto arm_model = detail::field_value(text, "Model"))
        topology.model = std::string(*arm_model);

    const std::vector<std::string_view> blocks = processor_blocks(text);
    topology.processors = static_cast<unsigned>(blocks.size());

    // Hyper-threads share a core: a core is a distinct (package, core) pair.
    std::set<std::pair<unsigned, unsigned>> cores;
    std::set<unsigned> packages;
    bool every_block_has_ids = !blocks.empty();
    std::optional<unsigned> cores_per_package;
    for (const std::string_view block : blocks) {
        const auto package = detail::field_value(block, "physical id");
        const auto core = detail::field_value(block, "core id");
        const auto package_number = package ? number(*package) : std::nullopt;
        const auto core_number = core ? number(*core) : std::nullopt;
        if (package_number)
            packages.insert(*package_number);
        if (package_number && core_number)
            cores.emplace(*package_number, *core_number);
        else
            every_block_has_ids = false;
        if (const auto count = detail::field_value(block, "cpu cores"))
            cores_per_package = number(*count);
    }
    if (every_block_has_ids) {
        topology.physical_cores = static_cast<unsigned>(cores.size());
        topology.physical_cores_source = "cpuinfo";
    } else if (cores_per_package && *cores_per_package > 0) {
        const auto package_count = std::max<std::size_t>(packages.size(), 1);
        topology.physical_cores = *cores_per_package * static_cast<unsigned>(package_count);
        topology.physical_cores_source = "cpuinfo cpu cores";
    }
    return topology;
}

CpuInfo detect_cpu() {
    CpuInfo cpu;
    const CpuinfoTopology topology = parse_cpuinfo(detail::read_proc_text("/proc/cpuinfo"));
    cpu.model = topology.model.empty() ? "unknown CPU" : topology.model;
    cpu.logical_cores = std::max(1U, std::thread::hardware_concurrency());
    // A topology that claims more cores than there are CPUs (offline CPUs,
    // an odd hypervisor) is not believed.
    if (topology.physical_cores > 0 && topology.physical_cores <= cpu.logical_cores) {
        cpu.physical_cores = topology.physical_cores;
        cpu.physical_cores_source = topology.physical_cores_source;
    } else {
        cpu.physical_cores = cpu.logical_cores;
        cpu.physical_cores_source = "assumed equal to logical";
    }
    auto [level, features] = cpu_simd();
    cpu.simd = level;
    cpu.simd_features = std::move(features);
    cpu.kernel_simd = engine_kernel_simd();
    return cpu;
}

}  // namespace atc::system
