// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/bar_checks.hpp"

#include <limits>
#include <string>

namespace atc::detail {

namespace {

struct Count {
    std::size_t bars = 0;
    std::size_t first_line = 0;

    void add(std::size_t line) {
        if (bars++ == 0 || line < first_line)
            first_line = line;
    }
};

std::string bars(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " bar has" : " bars have");
}

}  // namespace

void warn_about_inconsistent_bars(PriceSeries& s, const std::vector<std::size_t>& lines) {
    const bool has_high = !s.high.empty();
    const bool has_low = !s.low.empty();
    if (!has_high && !has_low)
        return;
    Count high_below_low;
    Count outside_range;
    for (std::size_t i = 0; i < s.close.size(); ++i) {
        const double hi = has_high ? s.high[i] : std::numeric_limits<double>::infinity();
        const double lo = has_low ? s.low[i] : -std::numeric_limits<double>::infinity();
        const auto outside = [lo, hi](double v) { return v < lo || v > hi; };
        if (hi < lo) {
            high_below_low.add(lines[i]);
        } else if (outside(s.close[i]) || (!s.open.empty() && outside(s.open[i]))) {
            outside_range.add(lines[i]);
        }
    }
    if (high_below_low.bars > 0) {
        s.warnings.push_back(bars(high_below_low.bars) + " a high below the low (first at line " +
                             std::to_string(high_below_low.first_line) +
                             "); they were kept as they are");
    }
    if (outside_range.bars > 0) {
        const char* what = s.open.empty() ? " a close" : " an open or close";
        s.warnings.push_back(
            bars(outside_range.bars) + what + " outside the low-high range (first at line " +
            std::to_string(outside_range.first_line) + "); they were kept as they are");
    }
}

}  // namespace atc::detail
