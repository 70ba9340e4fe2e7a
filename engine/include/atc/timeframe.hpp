// SPDX-License-Identifier: GPL-3.0-or-later
// Timeframes: the spacing of a series of bars ("1d", "4h", "15m", "1M"), read
// from the times themselves or typed by the user, and the standard ones a
// trader switches between. resample.hpp turns a series into a coarser one.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace atc {

// Milliseconds in a second, a minute, an hour and a day (a UTC day: Unix time
// has no leap seconds). One definition for every file that counts in them.
inline constexpr std::int64_t kSecondMs = 1'000;
inline constexpr std::int64_t kMinuteMs = 60 * kSecondMs;
inline constexpr std::int64_t kHourMs = 60 * kMinuteMs;
inline constexpr std::int64_t kDayMs = 24 * kHourMs;

// "1d", "1w", "1M", "4h", "15m", "30s" from the typical spacing of the bars
// (the median gap, so weekends and holidays do not matter); "" without times.
std::string infer_timeframe(std::span<const std::int64_t> time_ms);

enum class TimeUnit { Second, Minute, Hour, Day, Week, Month };

// A count of one unit. Canonical: seconds, minutes and hours that make a whole
// larger unit are written in it ("60m" is 1h, "24h" is 1d); weeks and months
// are never folded into days, as their buckets start on Mondays and on the
// first of the month rather than at multiples since the epoch.
struct Timeframe {
    TimeUnit unit = TimeUnit::Day;
    std::int64_t count = 1;

    // "4h", "1d", "1M" (m for minutes, M for months, as on TradingView).
    std::string name() const;
    // Length in milliseconds; a month counts as 30 days (for ordering only).
    std::int64_t nominal_ms() const;
    // Fixed length in milliseconds: every unit but months.
    bool fixed_length() const { return unit != TimeUnit::Month; }
    // Days, weeks and months: the buckets a session time zone applies to.
    bool daily_or_coarser() const;

    friend bool operator==(const Timeframe&, const Timeframe&) = default;
};

// The timeframe a trader typed: a count and a unit ("4h", "90m", "3d", "1w",
// "1M"), TradingView's shorthands ("D", "W", "M", "240" for minutes) and
// upper-case "H"/"D"/"W". Surrounding spaces are ignored. nullopt for anything
// else, for a zero count and for counts beyond ten years.
std::optional<Timeframe> parse_timeframe(std::string_view text);

// The same, or std::invalid_argument naming the text and what is accepted.
Timeframe require_timeframe(std::string_view text);

// 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 1w 1M, finest first.
const std::vector<Timeframe>& standard_timeframes();

}  // namespace atc
