// SPDX-License-Identifier: GPL-3.0-or-later
// A seeded universe of hundreds of plausible daily OHLCV series for
// exercising the scanner and the benchmarks. Clearly not market data — the
// symbols are named GEN-0001, GEN-0002, ... and say so in their provenance.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "atc/price_csv.hpp"

namespace atc {

struct UniverseSpec {
    std::size_t symbols = 500;
    std::size_t bars = 2000;
    std::uint64_t seed = 20261125;
    // Date of the last bar (UTC midnight, ms since epoch); earlier bars step back
    // one business day (Monday to Friday) at a time. Fixed, so that a universe
    // is the same whenever it is generated.
    std::int64_t last_day_ms = 1'767'139'200'000;  // 2025-12-31
};

struct GeneratedSymbol {
    std::string name;  // "GEN-0001"
    PriceSeries bars;  // time_ms (TimeKind::Date), OHLC on a 0.01 tick grid, volume
};

// Symbol k depends only on (seed, k): the same spec always gives bit-identical
// series, on any machine, and a longer universe extends a shorter one.
std::vector<GeneratedSymbol> generate_universe(const UniverseSpec& spec);

// The provenance sentence stored with every generated symbol.
std::string generated_provenance(const UniverseSpec& spec);

}  // namespace atc
