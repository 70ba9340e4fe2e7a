// SPDX-License-Identifier: GPL-3.0-or-later
#include "memory_rehearsal.hpp"

#include <cstdint>
#include <cstdlib>

#include "cli.hpp"

namespace atc::cli {

std::unique_ptr<system::AvailableMemoryOverride> rehearse_available_memory() {
    const char* value = std::getenv(kAvailableMemoryVariable);
    if (value == nullptr)
        return nullptr;
    const double mb = parse_non_negative_double(kAvailableMemoryVariable, value);
    // Above 0, and below what a uint64 holds in bytes (the limit of the others).
    if (mb <= 0.0 || mb >= 1.7e13) {
        throw UsageError(std::string("invalid value for ") + kAvailableMemoryVariable + ": '" +
                         value + "' (expected a number of MB above 0)");
    }
    const auto bytes = static_cast<std::uint64_t>(mb * 1024.0 * 1024.0);
    return std::make_unique<system::AvailableMemoryOverride>(bytes);
}

}  // namespace atc::cli
