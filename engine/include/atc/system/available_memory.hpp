// SPDX-License-Identifier: GPL-3.0-or-later
// How much memory this process can still allocate without being killed: the
// figure that limits (memory_limits.hpp) are checked against. Read fresh on
// every call, because it changes as this and other programs allocate.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace atc::system {

// The smaller of the machine's MemAvailable and, inside a container with a
// memory limit (cgroup v2 memory.max), what that limit leaves; 0 when neither
// can be read (the caller then cannot judge and does not refuse). While an
// AvailableMemoryOverride is alive, its figure instead.
std::uint64_t available_memory_bytes();

// What a cgroup v2 limit leaves: memory.max minus memory.current, given the
// two files' text; nullopt for "max" (no limit) or text that is not a number.
std::optional<std::uint64_t> cgroup_room_bytes(std::string_view memory_max,
                                               std::string_view memory_current);

// For tests: makes available_memory_bytes() return `bytes` in every thread
// while the object lives, so a refusal can be tested on any machine without
// allocating what a real refusal would need. Not nestable.
class AvailableMemoryOverride {
public:
    explicit AvailableMemoryOverride(std::uint64_t bytes);
    ~AvailableMemoryOverride();
    AvailableMemoryOverride(const AvailableMemoryOverride&) = delete;
    AvailableMemoryOverride& operator=(const AvailableMemoryOverride&) = delete;
};

}  // namespace atc::system
