// SPDX-License-Identifier: GPL-3.0-or-later
// Everything the hardware/performance panel and `atc hw` show: the CPU, the
// RAM, the GPUs and the backend `auto` would run. Nothing is cached: call it
// again for fresh figures (RAM available changes). No global state; the GPU
// probe is passed in, so a build with the CUDA backend hands in its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "atc/system/backend_choice.hpp"
#include "atc/system/cpu_info.hpp"
#include "atc/system/gpu_report.hpp"

namespace atc::system {

struct RamInfo {
    std::uint64_t total_bytes = 0;      // MemTotal; 0 if unknown
    std::uint64_t available_bytes = 0;  // MemAvailable (what can be allocated without swapping)
    // True when the kernel has no MemAvailable and it was estimated as
    // MemFree + Buffers + Cached.
    bool available_estimated = false;
};

// Parses the text of /proc/meminfo ("MemTotal:  24684092 kB" lines).
RamInfo parse_meminfo(std::string_view text);
// This machine's RAM (zeros where /proc/meminfo cannot be read).
RamInfo detect_ram();

// What the backend setting chooses for a scan of a given size.
struct ScanRoute {
    std::size_t symbols = 0;
    std::uint64_t bars_per_symbol = 0;
    BackendChoice choice;
};

struct HardwareReport {
    CpuInfo cpu;
    RamInfo ram;
    GpuReport gpu;
    BackendChoice backend;  // what a request for `auto` runs on, and why
    // The choice for typical scans (BackendRouter::hardware_report fills it:
    // 500 and 10,000 symbols of 2,000 bars); empty without a router.
    std::vector<ScanRoute> scan_routes;
};

// Detects the CPU and RAM, runs `gpu_probe` (empty: gpu_report_without_backend)
// and chooses the backend for `auto`.
HardwareReport detect_hardware(const GpuProbe& gpu_probe = {});

}  // namespace atc::system
