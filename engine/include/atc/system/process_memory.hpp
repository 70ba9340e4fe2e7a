// One reading of this process's own memory and CPU time, without a thread
// (MemoryMonitor samples these on its own thread).
#pragma once

#include <cstdint>
#include <string_view>

namespace atc::system {

struct ProcessMemory {
    std::uint64_t rss_bytes = 0;       // VmRSS: resident now
    std::uint64_t peak_rss_bytes = 0;  // VmHWM: the most ever resident (kernel-tracked)
};

// Parses the text of /proc/<pid>/status (VmRSS and VmHWM lines, in kB).
ProcessMemory parse_process_status(std::string_view text);
// This process's; zeros where /proc/self/status cannot be read.
ProcessMemory read_process_memory();

// User + system CPU time of the whole process so far, in seconds (getrusage).
double process_cpu_seconds();

}  // namespace atc::system
