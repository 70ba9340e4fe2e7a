// SPDX-License-Identifier: GPL-3.0-or-later
// Measuring helpers: wall time, medians, the process's peak memory, the machine.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace atc::bench {

using Clock = std::chrono::steady_clock;

inline double milliseconds_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values);

// User + system CPU time of the whole process so far, in milliseconds. Next to
// wall time it shows whether a slow run was slow or only waited for a core
// (the benchmark machine may be shared).
double process_cpu_ms();

// VmHWM of /proc/self/status (peak resident set) in MiB; 0 where unavailable.
double peak_rss_mib();

// lscpu's "Model name" (from /proc/cpuinfo) and the number of logical CPUs.
std::string cpu_model();
unsigned logical_cpus();

}  // namespace atc::bench
