// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/system/available_memory.hpp"

#include <atomic>
#include <charconv>
#include <limits>

#include "atc/system/hardware.hpp"
#include "system/proc_text.hpp"

namespace atc::system {
namespace {

// No override: the largest value, which no test would ever set.
constexpr std::uint64_t kNoOverride = std::numeric_limits<std::uint64_t>::max();
std::atomic<std::uint64_t> g_override{kNoOverride};

std::optional<std::uint64_t> parse_count(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.remove_suffix(1);
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

}  // namespace

std::optional<std::uint64_t> cgroup_room_bytes(std::string_view memory_max,
                                               std::string_view memory_current) {
    const auto limit = parse_count(memory_max);  // "max\n" (no limit) does not parse
    const auto used = parse_count(memory_current);
    if (!limit || !used)
        return std::nullopt;
    return *limit > *used ? *limit - *used : 0;
}

std::uint64_t available_memory_bytes() {
    if (const std::uint64_t forced = g_override.load(); forced != kNoOverride)
        return forced;
    std::uint64_t available = detect_ram().available_bytes;
    // MemAvailable is the whole machine's; a container's limit kills the
    // process long before the machine runs out.
    const auto room = cgroup_room_bytes(detail::read_proc_text("/sys/fs/cgroup/memory.max"),
                                        detail::read_proc_text("/sys/fs/cgroup/memory.current"));
    // A container at its limit leaves nothing: 1 byte, since 0 means "unknown".
    if (room && (available == 0 || *room < available))
        available = *room > 0 ? *room : 1;
    return available;
}

AvailableMemoryOverride::AvailableMemoryOverride(std::uint64_t bytes) {
    g_override.store(bytes == kNoOverride ? kNoOverride - 1 : bytes);
}

AvailableMemoryOverride::~AvailableMemoryOverride() {
    g_override.store(kNoOverride);
}

}  // namespace atc::system
