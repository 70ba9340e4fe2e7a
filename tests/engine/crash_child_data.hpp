// SPDX-License-Identifier: GPL-3.0-or-later
// What cache_writer_child writes, so that test_crash_recovery can tell exactly
// what each entry and each symbol must hold after the child was killed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "atc/price_csv.hpp"
#include "direct_moving_averages.hpp"

namespace atc::test {

// The prices of the child's i-th cache entry (and of its symbols).
inline std::vector<double> child_close(unsigned seed, std::size_t i) {
    return random_walk(700, seed * 10'000 + static_cast<unsigned>(i) + 1);
}

// The child saves a symbol every kChildSymbolEvery entries.
inline constexpr std::size_t kChildSymbolEvery = 3;

inline std::string child_symbol_name(unsigned seed, std::size_t i) {
    return "CHILD-" + std::to_string(seed) + "-" + std::to_string(i);
}

inline PriceSeries child_bars(unsigned seed, std::size_t i) {
    PriceSeries bars;
    bars.close = child_close(seed, i);
    for (std::size_t b = 0; b < bars.close.size(); ++b) {
        bars.time_ms.push_back(1'600'000'000'000 + static_cast<std::int64_t>(b) * 86'400'000);
        bars.volume.push_back(static_cast<double>(b * 7 + i));
    }
    bars.time_column = "date";
    bars.time_kind = TimeKind::Date;
    return bars;
}

}  // namespace atc::test
