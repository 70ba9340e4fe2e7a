// SPDX-License-Identifier: GPL-3.0-or-later
// One reading of this process's own memory and CPU time, without a thread
// (MemoryMonitor samples these on its own thread).
#pragma once

#include <cstdint>
#include <optional>
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

// The start time in /proc/<pid>/stat's text (its 22nd field: clock ticks
// after boot); nullopt where the text has none.
std::optional<std::uint64_t> parse_start_ticks(std::string_view stat_text);
// How long this process has been running, in milliseconds, from its start
// (exec, before the program's own code) at the clock tick's resolution
// (usually 10 ms); nullopt where /proc/self/stat cannot be read.
std::optional<double> process_age_ms();

}  // namespace atc::system
