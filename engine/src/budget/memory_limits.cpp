// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/memory_limits.hpp"

#include <cstdio>

#include "atc/result.hpp"
#include "atc/scan_budget.hpp"
#include "atc/system/available_memory.hpp"
#include "budget/marker_estimate.hpp"

namespace atc {
namespace {

// Per bar of an AtcResult: each of the 54 members keeps its MA and equity
// (doubles) and its crossing state (one byte), or with only the drawn series
// kept, each family's base member its MA and state; each family its Layer-1
// signal and Layer-2 equity; then the Average.
constexpr std::uint64_t kMemberBytesPerBar = 2 * sizeof(double) + sizeof(std::int8_t);
constexpr std::uint64_t kBaseMemberBytesPerBar = sizeof(double) + sizeof(std::int8_t);
constexpr std::uint64_t kFamilyBytesPerBar = 2 * sizeof(double);

std::uint64_t result_bytes_per_bar(KeptSeries kept) {
    const std::uint64_t members =
        kept.members ? kMembersPerFamily * kMemberBytesPerBar : kBaseMemberBytesPerBar;
    return kFamilyCount * (members + kFamilyBytesPerBar) + sizeof(double);
}

}  // namespace

std::uint64_t usable_memory_bytes(std::uint64_t available_bytes) {
    return available_bytes / 4 * 3;
}

std::string format_bytes(std::uint64_t bytes) {
    constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024)
        return std::to_string(bytes) + " bytes";
    double value = static_cast<double>(bytes) / 1024.0;
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < std::size(kUnits)) {
        value /= 1024.0;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", value, kUnits[unit]);
    return text;
}

std::string format_count(std::uint64_t count) {
    std::string digits = std::to_string(count);
    for (std::size_t i = digits.size(); i > 3; i -= 3)
        digits.insert(i - 3, 1, ',');
    return digits;
}

std::optional<std::string> memory_shortfall(std::string_view what, std::uint64_t needed_bytes) {
    if (needed_bytes < kMemoryCheckFromBytes)
        return std::nullopt;
    const std::uint64_t available = system::available_memory_bytes();
    if (available == 0)
        return std::nullopt;  // unknown: refusing would stop work that may well fit
    const std::uint64_t usable = usable_memory_bytes(available);
    if (needed_bytes <= usable)
        return std::nullopt;
    return std::string(what) + " needs " + format_bytes(needed_bytes) + " of memory; " +
           format_bytes(available) + " is available, of which one task may use " +
           format_bytes(usable);
}

std::uint64_t estimate_result_bytes(std::size_t bars, KeptSeries kept) {
    const std::uint64_t result = sizeof(AtcResult) + result_bytes_per_bar(kept) * bars +
                                 (bars / detail::kBarsPerMarker + 1) * sizeof(EntryMarker);
    return result + estimate_worker_scratch_bytes(bars);
}

}  // namespace atc
