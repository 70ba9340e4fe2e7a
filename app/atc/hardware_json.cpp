#include "hardware_json.hpp"

#include "atc/json_writer.hpp"
#include "atc/version.hpp"

namespace atc::cli {
namespace {

void write_cpu(JsonWriter& json, const system::CpuInfo& cpu) {
    json.key("cpu").begin_object();
    json.key("model").string(cpu.model);
    json.key("logical_cores").integer(cpu.logical_cores);
    json.key("physical_cores").integer(cpu.physical_cores);
    json.key("physical_cores_source").string(cpu.physical_cores_source);
    json.key("simd").string(system::simd_level_name(cpu.simd));
    json.key("simd_features").begin_array();
    for (const std::string& feature : cpu.simd_features)
        json.string(feature);
    json.end_array();
    json.key("kernel_simd").string(system::simd_level_name(cpu.kernel_simd));
    json.end_object();
}

void write_memory(JsonWriter& json, const system::RamInfo& ram,
                  const system::ProcessMemory& process) {
    json.key("memory").begin_object();
    json.key("total_bytes").integer(ram.total_bytes);
    json.key("available_bytes").integer(ram.available_bytes);
    json.key("available_estimated").boolean(ram.available_estimated);
    json.key("process_rss_bytes").integer(process.rss_bytes);
    json.key("process_peak_rss_bytes").integer(process.peak_rss_bytes);
    json.end_object();
}

void write_gpu(JsonWriter& json, const system::GpuReport& gpu) {
    json.key("gpu").begin_object();
    json.key("available").boolean(gpu.available);
    json.key("reason").string(gpu.reason);
    json.key("devices").begin_array();
    for (const system::GpuDevice& device : gpu.devices) {
        json.begin_object();
        json.key("index").integer(static_cast<std::uint64_t>(device.index));
        json.key("name").string(device.name);
        json.key("memory_bytes").integer(device.memory_bytes);
        json.key("compute_capability")
            .string(std::to_string(device.compute_capability_major) + "." +
                    std::to_string(device.compute_capability_minor));
        json.key("driver_version").string(device.driver_version);
        json.key("runtime_version").string(device.runtime_version);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

void write_backend(JsonWriter& json, const system::BackendChoice& backend) {
    json.key("backend").begin_object();
    json.key("name").string(system::backend_kind_name(backend.kind));
    json.key("description").string(backend.description);
    json.key("threads").integer(backend.threads);
    json.key("reason").string(backend.reason);
    json.end_object();
}

// What the setting chooses for typical scans: [{"symbols": 500,
// "bars_per_symbol": 2000, "backend": "cpu", "reason": "..."}, ...].
void write_scan_routes(JsonWriter& json, const std::vector<system::ScanRoute>& routes) {
    json.key("scan_routes").begin_array();
    for (const system::ScanRoute& route : routes) {
        json.begin_object();
        json.key("symbols").integer(static_cast<std::uint64_t>(route.symbols));
        json.key("bars_per_symbol").integer(route.bars_per_symbol);
        json.key("backend").string(system::backend_kind_name(route.choice.kind));
        json.key("reason").string(route.choice.reason);
        json.end_object();
    }
    json.end_array();
}

}  // namespace

std::string hardware_json(const system::HardwareReport& report,
                          const system::ProcessMemory& process) {
    JsonWriter json;
    json.begin_object();
    json.key("engine_version").string(kEngineVersion);
    write_cpu(json, report.cpu);
    write_memory(json, report.ram, process);
    write_gpu(json, report.gpu);
    write_backend(json, report.backend);
    write_scan_routes(json, report.scan_routes);
    json.end_object();
    return json.finish();
}

}  // namespace atc::cli
