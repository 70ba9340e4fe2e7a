// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/timeframe.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
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

// The gap at position count / 2 of all the gaps in order (the upper median), by
// sorting a copy of them: for bars whose gaps take many values.
std::int64_t median_gap_sorted(std::span<const std::int64_t> time_ms) {
    std::vector<std::int64_t> gaps;
    gaps.reserve(time_ms.size() - 1);
    for (std::size_t i = 1; i < time_ms.size(); ++i)
        gaps.push_back(time_ms[i] - time_ms[i - 1]);
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2),
                     gaps.end());
    return gaps[gaps.size() / 2];
}

// The same median without the copy. Bars almost always share a handful of gaps
// (the step, and longer ones over nights, weekends and holidays), so the gaps
// are counted by value, run by run, in one pass over the times; this is most
// of what resampling a million bars costs otherwise. Bars with more distinct
// gaps than the table holds are sorted instead.
std::int64_t median_gap(std::span<const std::int64_t> time_ms) {
    struct Tally {
        std::int64_t gap;
        std::size_t count;
    };
    constexpr std::size_t kMaxDistinct = 32;
    std::array<Tally, kMaxDistinct> tallies;
    std::size_t distinct = 0;
    const auto add = [&](std::int64_t gap, std::size_t count) {
        for (std::size_t k = 0; k < distinct; ++k) {
            if (tallies[k].gap == gap) {
                tallies[k].count += count;
                return true;
            }
        }
        if (distinct == kMaxDistinct)
            return false;
        tallies[distinct++] = {gap, count};
        return true;
    };
    std::int64_t run_gap = time_ms[1] - time_ms[0];
    std::size_t run = 0;
    for (std::size_t i = 1; i < time_ms.size(); ++i) {
        const std::int64_t gap = time_ms[i] - time_ms[i - 1];
        if (gap == run_gap) {
            ++run;
            continue;
        }
        if (!add(run_gap, run))
            return median_gap_sorted(time_ms);
        run_gap = gap;
        run = 1;
    }
    if (!add(run_gap, run))
        return median_gap_sorted(time_ms);
    std::sort(tallies.begin(), tallies.begin() + static_cast<std::ptrdiff_t>(distinct),
              [](const Tally& a, const Tally& b) { return a.gap < b.gap; });
    const std::size_t median_index = (time_ms.size() - 1) / 2;
    std::size_t up_to = 0;  // how many gaps are at most tallies[k].gap
    for (std::size_t k = 0;; ++k) {
        up_to += tallies[k].count;
        if (median_index < up_to)
            return tallies[k].gap;
    }
}

}  // namespace

std::string infer_timeframe(std::span<const std::int64_t> time_ms) {
    if (time_ms.size() < 2)
        return "";
    const std::int64_t median = median_gap(time_ms);
    if (median <= 0)
        return "";
    // Month-end data has gaps of 28..31 days; call it monthly.
    if (median >= 28LL * 86'400'000 && median <= 31LL * 86'400'000)
        return "1M";
    return format_gap(median);
}

}  // namespace atc

namespace atc {

namespace {

// Ten years of seconds: far beyond any chart, small enough that no length overflows.
constexpr std::int64_t kMaxCount = 10LL * 366 * 86'400;

std::int64_t unit_ms(TimeUnit unit) {
    switch (unit) {
        case TimeUnit::Second:
            return kSecondMs;
        case TimeUnit::Minute:
            return kMinuteMs;
        case TimeUnit::Hour:
            return kHourMs;
        case TimeUnit::Day:
            return kDayMs;
        case TimeUnit::Week:
            return 7 * kDayMs;
        case TimeUnit::Month:
            return 30 * kDayMs;
    }
    return kDayMs;
}

char unit_suffix(TimeUnit unit) {
    switch (unit) {
        case TimeUnit::Second:
            return 's';
        case TimeUnit::Minute:
            return 'm';
        case TimeUnit::Hour:
            return 'h';
        case TimeUnit::Day:
            return 'd';
        case TimeUnit::Week:
            return 'w';
        case TimeUnit::Month:
            return 'M';
    }
    return 'd';
}

std::optional<TimeUnit> unit_of(std::string_view suffix) {
    if (suffix.empty())
        return TimeUnit::Minute;  // TradingView: "240" is four hours
    if (suffix == "s" || suffix == "S")
        return TimeUnit::Second;
    if (suffix == "m" || suffix == "min")
        return TimeUnit::Minute;
    if (suffix == "h" || suffix == "H")
        return TimeUnit::Hour;
    if (suffix == "d" || suffix == "D")
        return TimeUnit::Day;
    if (suffix == "w" || suffix == "W")
        return TimeUnit::Week;
    if (suffix == "M" || suffix == "mo")
        return TimeUnit::Month;
    return std::nullopt;
}

// 90s stays 90s, 120m becomes 2h, 48h becomes 2d.
Timeframe canonical(Timeframe tf) {
    const auto fold = [&tf](TimeUnit from, TimeUnit to, std::int64_t per) {
        if (tf.unit == from && tf.count % per == 0) {
            tf.unit = to;
            tf.count /= per;
        }
    };
    fold(TimeUnit::Second, TimeUnit::Minute, 60);
    fold(TimeUnit::Minute, TimeUnit::Hour, 60);
    fold(TimeUnit::Hour, TimeUnit::Day, 24);
    return tf;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

}  // namespace

std::string Timeframe::name() const {
    return std::to_string(count) + unit_suffix(unit);
}

std::int64_t Timeframe::nominal_ms() const {
    return count * unit_ms(unit);
}

bool Timeframe::daily_or_coarser() const {
    return unit == TimeUnit::Day || unit == TimeUnit::Week || unit == TimeUnit::Month;
}

std::optional<Timeframe> parse_timeframe(std::string_view text) {
    text = trimmed(text);
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
        ++digits;
    const std::string_view suffix = text.substr(digits);
    std::int64_t count = 1;  // "D", "W", "M" alone
    if (digits > 0) {
        if (digits > 9)
            return std::nullopt;
        count = std::stoll(std::string(text.substr(0, digits)));
    } else if (suffix.empty()) {
        return std::nullopt;
    }
    const std::optional<TimeUnit> unit = unit_of(suffix);
    if (!unit || count <= 0 || count * unit_ms(*unit) > kMaxCount * kSecondMs)
        return std::nullopt;
    return canonical(Timeframe{*unit, count});
}

Timeframe require_timeframe(std::string_view text) {
    if (const std::optional<Timeframe> tf = parse_timeframe(text))
        return *tf;
    throw std::invalid_argument("\"" + std::string(text) +
                                "\" is not a timeframe (write a count and a unit: 15m, 4h, 1d, "
                                "1w, 1M; m is minutes, M is months)");
}

const std::vector<Timeframe>& standard_timeframes() {
    static const std::vector<Timeframe> kStandard = [] {
        std::vector<Timeframe> out;
        for (const char* name : {"1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h",
                                 "12h", "1d", "1w", "1M"})
            out.push_back(*parse_timeframe(name));
        return out;
    }();
    return kStandard;
}

}  // namespace atc
