#include "atc/system/process_memory.hpp"

#include <sys/resource.h>

#include "system/proc_text.hpp"

namespace atc::system {

ProcessMemory parse_process_status(std::string_view text) {
    ProcessMemory memory;
    memory.rss_bytes = detail::kib_value_bytes(text, "VmRSS").value_or(0);
    memory.peak_rss_bytes = detail::kib_value_bytes(text, "VmHWM").value_or(0);
    return memory;
}

ProcessMemory read_process_memory() {
    return parse_process_status(detail::read_proc_text("/proc/self/status"));
}

double process_cpu_seconds() {
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0.0;
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace atc::system
