// SPDX-License-Identifier: GPL-3.0-or-later
// Work of absurd size is refused before it allocates, with a message that
// says how much memory it would need and how much there is, instead of
// ending in the kernel's out-of-memory killer half-way through. The check
// costs a read of /proc/meminfo, so it is only made for work that could
// matter (kMemoryCheckFromBytes and up); everything smaller always runs.
//
// Where it is applied: compute_symbol (the result of one symbol, as much of it
// as is kept),
// compute_batch (each symbol's scan buffers), read_price_csv (the file and
// its parsed bars). Scans of many symbols are chunked to the available
// memory instead (`atc scan`, scan_budget.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "atc/result.hpp"
#include "atc/validation.hpp"

namespace atc {

// Below this estimate nothing is checked: 64 MiB is about 60,000 bars of a
// full result, far above any real series, and at most a rounding error of
// any machine's memory.
inline constexpr std::uint64_t kMemoryCheckFromBytes = 64ull << 20;

// One task may take 3/4 of the available memory: the rest is left for the
// program around it (the GUI and the charts that draw a result, the
// database's page cache) and for other programs.
std::uint64_t usable_memory_bytes(std::uint64_t available_bytes);

// "812 bytes", "12.0 KiB", "640.0 MiB", "9.6 GiB".
std::string format_bytes(std::uint64_t bytes);
// "10,000,000".
std::string format_count(std::uint64_t count);

// Empty when `needed_bytes` fits (or is below kMemoryCheckFromBytes, or the
// available memory is unknown); otherwise a sentence starting with `what`:
// "a full result for 10,000,000 bars needs 9.6 GiB of memory; 2.0 GiB is
// available, of which one task may use 1.5 GiB". Reads
// system::available_memory_bytes() (which tests can override).
std::optional<std::string> memory_shortfall(std::string_view what, std::uint64_t needed_bytes);

// What compute_symbol holds for `bars` bars keeping `kept`: the AtcResult
// (everything: 54 MAs with their states and equities, 12 family series, the
// Average, markers; drawn: the six base MAs and states instead of the 54) and
// the thread's scratch buffers. About 1.3 KB a bar for everything, 430 bytes for
// the drawn series.
std::uint64_t estimate_result_bytes(std::size_t bars, KeptSeries kept);

// Thrown by compute_symbol for a series whose result would not fit.
// key() is "close" (the series is what is too long), so callers that show
// InvalidInput with the symbol's name need nothing new.
class InsufficientMemory : public InvalidInput {
public:
    InsufficientMemory(const std::string& message, std::uint64_t needed_bytes)
        : InvalidInput("close", message), needed_bytes_(needed_bytes) {}
    std::uint64_t needed_bytes() const { return needed_bytes_; }

private:
    std::uint64_t needed_bytes_;
};

}  // namespace atc
