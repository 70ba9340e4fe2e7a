// SPDX-License-Identifier: GPL-3.0-or-later
// What the GPU side of the machine offers the engine, in one shape for every
// build. A build without the CUDA backend says so honestly; the CUDA backend
// (gpu/, another issue) fills the same report from the driver and hands its
// probe to detect_hardware (hardware.hpp), so the engine never depends on it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace atc::system {

struct GpuDevice {
    int index = 0;  // the backend's device number
    std::string name;
    std::uint64_t memory_bytes = 0;  // total device memory
    int compute_capability_major = 0;
    int compute_capability_minor = 0;
    std::string driver_version;   // e.g. "12.4"; empty if unknown
    std::string runtime_version;  // e.g. "12.2"; empty if unknown
};

struct GpuReport {
    // True when the GPU backend is built and at least one device can run it.
    bool available = false;
    // Why not, when !available: "built without the CUDA backend", "no CUDA
    // device found", the driver's own error text. Empty when available.
    std::string reason;
    std::vector<GpuDevice> devices;  // every device found, usable or not
};

// Fills a GpuReport; called on the caller's thread, may take a moment.
using GpuProbe = std::function<GpuReport()>;

// The report of a build without the CUDA backend: not available, reason
// "built without the CUDA backend", no devices.
GpuReport gpu_report_without_backend();

}  // namespace atc::system
