// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/system/hardware.hpp"

#include "system/proc_text.hpp"

namespace atc::system {

RamInfo parse_meminfo(std::string_view text) {
    RamInfo ram;
    ram.total_bytes = detail::kib_value_bytes(text, "MemTotal").value_or(0);
    if (const auto available = detail::kib_value_bytes(text, "MemAvailable")) {
        ram.available_bytes = *available;
    } else {
        // Kernels before 3.14 have no MemAvailable; this is what free(1) did then.
        ram.available_bytes = detail::kib_value_bytes(text, "MemFree").value_or(0) +
                              detail::kib_value_bytes(text, "Buffers").value_or(0) +
                              detail::kib_value_bytes(text, "Cached").value_or(0);
        ram.available_estimated = true;
    }
    return ram;
}

RamInfo detect_ram() {
    return parse_meminfo(detail::read_proc_text("/proc/meminfo"));
}

HardwareReport detect_hardware(const GpuProbe& gpu_probe) {
    HardwareReport report;
    report.cpu = detect_cpu();
    report.ram = detect_ram();
    report.gpu = gpu_probe ? gpu_probe() : gpu_report_without_backend();
    report.backend = choose_backend(BackendRequest::Auto, report.gpu, cpu_backend_threads(),
                                    report.cpu.kernel_simd);
    return report;
}

}  // namespace atc::system
