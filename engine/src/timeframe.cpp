#include "atc/timeframe.hpp"

#include <algorithm>
#include <vector>

namespace atc {

namespace {

// Largest unit that divides the gap exactly: "1d" rather than "24h".
std::string format_gap(std::int64_t gap_ms) {
    struct Unit {
        std::int64_t ms;
        const char* suffix;
    };
    constexpr Unit kUnits[] = {
        {7LL * 86'400'000, "w"}, {86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1'000, "s"}};
    for (const Unit& u : kUnits) {
        if (gap_ms % u.ms == 0)
            return std::to_string(gap_ms / u.ms) + u.suffix;
    }
    return std::to_string(gap_ms) + "ms";
}

}  // namespace

std::string infer_timeframe(std::span<const std::int64_t> time_ms) {
    if (time_ms.size() < 2)
        return "";
    std::vector<std::int64_t> gaps;
    gaps.reserve(time_ms.size() - 1);
    for (std::size_t i = 1; i < time_ms.size(); ++i)
        gaps.push_back(time_ms[i] - time_ms[i - 1]);
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2),
                     gaps.end());
    const std::int64_t median = gaps[gaps.size() / 2];
    if (median <= 0)
        return "";
    // Month-end data has gaps of 28..31 days; call it monthly.
    if (median >= 28LL * 86'400'000 && median <= 31LL * 86'400'000)
        return "1M";
    return format_gap(median);
}

}  // namespace atc
