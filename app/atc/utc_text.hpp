// SPDX-License-Identifier: GPL-3.0-or-later
// Times as the command line prints and reads them: UTC, ISO 8601.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace atc::cli {

// A UTC time (ms since the epoch) in strftime's `format`.
std::string utc_text(std::int64_t time_ms, const char* format);

// "2024-01-31", "2024-01-31T12:00", "2024-01-31T12:00:00" or with a trailing
// "Z", read as UTC; nullopt for anything else (including days that do not exist).
std::optional<std::int64_t> parse_utc_time(std::string_view text);

}  // namespace atc::cli
