// SPDX-License-Identifier: GPL-3.0-or-later
// Reading the small text files of /proc, and the "Key:  value" lines they hold.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace atc::system::detail {

// The whole file; empty if it cannot be read. (/proc files report size 0, so
// they are read to the end rather than by their size.)
std::string read_proc_text(const char* path);

// The value after "key:" on the first line whose name before the colon is
// exactly `key`, without surrounding blanks; nullopt if there is none.
std::optional<std::string_view> field_value(std::string_view text, std::string_view key);

// A "12345 kB" value of /proc/meminfo or /proc/self/status, in bytes.
std::optional<std::uint64_t> kib_value_bytes(std::string_view text, std::string_view key);

}  // namespace atc::system::detail
