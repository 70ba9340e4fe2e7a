// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/system/process_memory.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <charconv>
#include <ctime>

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

std::optional<std::uint64_t> parse_start_ticks(std::string_view stat_text) {
    // The command name (field 2) is in parentheses and may hold spaces and
    // parentheses itself: the fields are counted after the last ')', where
    // field 3 begins.
    const std::size_t name_end = stat_text.rfind(')');
    if (name_end == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = stat_text.substr(name_end + 1);
    for (int field = 3; field <= 22; ++field) {
        const std::size_t begin = rest.find_first_not_of(' ');
        if (begin == std::string_view::npos)
            return std::nullopt;
        rest.remove_prefix(begin);
        const std::size_t end = std::min(rest.find(' '), rest.size());
        if (field == 22) {
            std::uint64_t ticks = 0;
            const auto [ptr, error] = std::from_chars(rest.data(), rest.data() + end, ticks);
            if (error != std::errc() || ptr != rest.data() + end)
                return std::nullopt;
            return ticks;
        }
        rest.remove_prefix(end);
    }
    return std::nullopt;
}

std::optional<double> process_age_ms() {
    const std::optional<std::uint64_t> start =
        parse_start_ticks(detail::read_proc_text("/proc/self/stat"));
    const long ticks_per_second = ::sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!start || ticks_per_second <= 0 || ::clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return std::nullopt;
    const double now_ms =
        static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
    return now_ms - static_cast<double>(*start) * 1000.0 / static_cast<double>(ticks_per_second);
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
