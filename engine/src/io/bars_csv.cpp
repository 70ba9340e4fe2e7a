// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/bars_csv.hpp"

#include <array>
#include <cstdio>

#include "io/time_parse.hpp"

namespace atc {
namespace {

// 17 significant digits round-trip every double (IEEE 754 binary64).
void append_value(std::string& out, const std::vector<double>& column, std::size_t bar) {
    if (column.empty())
        return;
    std::array<char, 32> text{};
    const int n = std::snprintf(text.data(), text.size(), "%.17g", column[bar]);
    out.append(text.data(), static_cast<std::size_t>(n));
}

}  // namespace

std::string format_bar_time(std::int64_t time_ms) {
    return detail::format_utc(time_ms, false);
}

std::string format_bars_csv(const PriceSeries& bars) {
    std::string out = "time,open,high,low,close,volume\n";
    // About 90 bytes a row with every column at full precision.
    out.reserve(out.size() + bars.close.size() * 96);
    for (std::size_t bar = 0; bar < bars.close.size(); ++bar) {
        if (!bars.time_ms.empty())
            out += format_bar_time(bars.time_ms[bar]);
        for (const std::vector<double>* column :
             {&bars.open, &bars.high, &bars.low, &bars.close, &bars.volume}) {
            out += ',';
            append_value(out, *column, bar);
        }
        out += '\n';
    }
    return out;
}

}  // namespace atc
