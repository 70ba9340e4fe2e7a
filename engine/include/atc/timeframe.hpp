// The timeframe of a series of bars, from the times themselves: shown in the
// watchlist and `atc list`, reported by the import detector.
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace atc {

// "1d", "1w", "1M", "4h", "15m", "30s" from the typical spacing of the bars
// (the median gap, so weekends and holidays do not matter); "" without times.
std::string infer_timeframe(std::span<const std::int64_t> time_ms);

}  // namespace atc
