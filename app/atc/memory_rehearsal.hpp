// SPDX-License-Identifier: GPL-3.0-or-later
// ATC_AVAILABLE_MEMORY_MB: lets `atc` act as if the machine had only that much
// memory available, so the refusals and the chunking that protect a small
// machine can be rehearsed (and tested) on a large one.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "atc/system/available_memory.hpp"

namespace atc::cli {

inline constexpr const char* kAvailableMemoryVariable = "ATC_AVAILABLE_MEMORY_MB";

// The override the variable asks for, held for the program's run; null when
// the variable is unset. Throws UsageError for a value that is not a number of
// MB above 0.
std::unique_ptr<system::AvailableMemoryOverride> rehearse_available_memory();

}  // namespace atc::cli
