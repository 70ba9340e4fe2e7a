// SPDX-License-Identifier: GPL-3.0-or-later
// The wall clock as the store records it (import times, the last full check).
#pragma once

#include <chrono>
#include <cstdint>

namespace atc::store::detail {

// Milliseconds since the Unix epoch, UTC.
inline std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace atc::store::detail
