// SPDX-License-Identifier: GPL-3.0-or-later
#include "hardware_json.hpp"

#include "atc/json_document.hpp"
#include "atc/version.hpp"

namespace atc::cli {
namespace {

Json cpu_json(const system::CpuInfo& cpu) {
    return {{"model", cpu.model},
            {"logical_cores", cpu.logical_cores},
            {"physical_cores", cpu.physical_cores},
            {"physical_cores_source", cpu.physical_cores_source},
            {"simd", system::simd_level_name(cpu.simd)},
            {"simd_features", cpu.simd_features},
            {"kernel_simd", system::simd_level_name(cpu.kernel_simd)}};
}

Json memory_json(const system::RamInfo& ram, const system::ProcessMemory& process) {
    return {{"total_bytes", ram.total_bytes},
            {"available_bytes", ram.available_bytes},
            {"available_estimated", ram.available_estimated},
            {"process_rss_bytes", process.rss_bytes},
            {"process_peak_rss_bytes", process.peak_rss_bytes}};
}

Json gpu_json(const system::GpuReport& gpu) {
    Json devices = Json::array();
    for (const system::GpuDevice& device : gpu.devices) {
        devices.push_back(
            {{"index", device.index},
             {"name", device.name},
             {"memory_bytes", device.memory_bytes},
             {"compute_capability", std::to_string(device.compute_capability_major) + "." +
                                        std::to_string(device.compute_capability_minor)},
             {"driver_version", device.driver_version},
             {"runtime_version", device.runtime_version}});
    }
    return {{"available", gpu.available}, {"reason", gpu.reason}, {"devices", std::move(devices)}};
}

Json backend_json(const system::BackendChoice& backend) {
    return {{"name", system::backend_kind_name(backend.kind)},
            {"description", backend.description},
            {"threads", backend.threads},
            {"reason", backend.reason}};
}

// What the setting chooses for typical scans: [{"symbols": 500,
// "bars_per_symbol": 2000, "backend": "cpu", "reason": "..."}, ...].
Json scan_routes_json(const std::vector<system::ScanRoute>& routes) {
    Json out = Json::array();
    for (const system::ScanRoute& route : routes) {
        out.push_back({{"symbols", route.symbols},
                       {"bars_per_symbol", route.bars_per_symbol},
                       {"backend", system::backend_kind_name(route.choice.kind)},
                       {"reason", route.choice.reason}});
    }
    return out;
}

}  // namespace

std::string hardware_json(const system::HardwareReport& report,
                          const system::ProcessMemory& process) {
    return json_text({{"engine_version", kEngineVersion},
                      {"cpu", cpu_json(report.cpu)},
                      {"memory", memory_json(report.ram, process)},
                      {"gpu", gpu_json(report.gpu)},
                      {"backend", backend_json(report.backend)},
                      {"scan_routes", scan_routes_json(report.scan_routes)}});
}

}  // namespace atc::cli
