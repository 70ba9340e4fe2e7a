// SPDX-License-Identifier: GPL-3.0-or-later
// Dates and times as price files write them, turned into milliseconds since
// the epoch. The text is read by hand and the calendar is std::chrono's
// (year_month_day, sys_days): no locale and no std::get_time, so a file reads
// the same on every machine; and fast enough to run on every row. Time zones
// are time_zone.hpp's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "io/csv_result.hpp"

namespace atc::detail {

constexpr std::int64_t kMsPerSecond = 1000;

// The last millisecond of the year 9999, the latest time we accept.
constexpr std::int64_t kMaxTimeMs = 253'402'300'799'999;

// Unix times are accepted from 1e8 seconds = 1e11 milliseconds on (both are
// 1973-03-03T09:46:40Z). Smaller numbers are bar numbers, years or YYYYMMDD
// dates far more often than times from 1970-1973, so they are not taken as
// time. The unit follows from the magnitude: below 1e11 seconds (1e11 s would
// be the year 5138), then milliseconds up to 1e14 (the year 5138 again), and
// microseconds from there (Binance's spot klines since 2025).
constexpr std::int64_t kUnixSecondsFrom = 100'000'000;
constexpr std::int64_t kUnixMillisecondsFrom = 100'000'000'000;
constexpr std::int64_t kUnixMicrosecondsFrom = 100'000'000'000'000;

enum class EpochUnit { Seconds, Milliseconds, Microseconds };
EpochUnit epoch_unit_of(std::int64_t value);       // value >= kUnixSecondsFrom
std::string_view epoch_unit_name(EpochUnit unit);  // "seconds", "milliseconds", "microseconds"

// How a date is written. The slashed forms need the whole file to tell the day
// from the month (date_order.hpp); SlashEither is "not decided yet".
enum class DateShape {
    Iso,        // 2024-01-02
    DottedYmd,  // 2024.01.02 (MetaTrader)
    Compact,    // 20240102 (Stooq)
    DottedDmy,  // 02.01.2024 (German, Russian, ...)
    SlashDmy,   // 02/01/2024 as 2 January
    SlashMdy,   // 02/01/2024 as February 1
    SlashEither,
};

// "YYYY-MM-DD", "YYYY.MM.DD", "YYYYMMDD", "DD.MM.YYYY", "DD/MM/YYYY",
// "MM/DD/YYYY", "DD/MM/YYYY or MM/DD/YYYY".
std::string_view date_shape_name(DateShape shape);

// What a time column's first value looks like; it decides how the column is read.
struct TimeShape {
    enum class Kind { Other, Epoch, Date } kind = Kind::Other;
    DateShape date = DateShape::Iso;  // Kind::Date
    bool has_time_of_day = false;     // Kind::Date: a time follows the date
};
TimeShape classify_time_text(std::string_view text);

// True for a time of day alone: HH:MM, HH:MM:SS[.fff] or HHMMSS.
bool looks_like_time_of_day(std::string_view text);

// A date (and time) read from text, before any time zone is applied.
struct ReadTime {
    std::int64_t ms = 0;      // milliseconds since the epoch as written (UTC if has_offset)
    bool has_time = false;    // a time of day was written
    bool has_offset = false;  // Z or +HH:MM was written: ms is UTC
};

// Parses DATE[(T|t| )HH:MM[:SS[.f...]][Z|z|(+|-)HH[:]MM]] with the date in
// `shape` (not SlashEither). The problem's text is the specific range problem
// ("there is no month 13"), or empty when the text does not have the shape at
// all; the caller words it.
CsvResult<ReadTime> parse_date_time(std::string_view text, DateShape shape);

constexpr std::int64_t kMsPerDay = 86'400'000;

// The month of the last date read_date_only read: the rows of one month
// come together, and skip the calendar's arithmetic.
struct MonthMemo {
    unsigned year = 0, month = 0;
    unsigned days = 0;          // in that month; 0: nothing read yet
    std::int64_t first_ms = 0;  // midnight UTC of its first day
};

// The milliseconds of a date alone in `shape` (not SlashEither) that
// parse_date_time reads without a problem, the same, into `ms`: the fast
// path of the rows whose time is a plain date. False for any other text,
// which parse_date_time then words. (Not an optional: GCC builds a returned
// optional<int64_t> in memory with a byte store and reads it back with a
// wider load, which stalled every row.)
bool read_date_only(std::string_view text, DateShape shape, MonthMemo& memo, std::int64_t& ms);

// Parses a time of day (HH:MM, HH:MM:SS[.fff], HHMMSS or HHMM) into
// milliseconds since midnight; the problem as for parse_date_time.
CsvResult<std::int64_t> parse_time_of_day(std::string_view text);

// Parses an unsigned decimal integer of up to 18 digits (no sign, no spaces).
bool parse_unix_digits(std::string_view text, std::int64_t& value);

// The first two numbers of a slashed date ("03/04/2024" gives 3 and 4).
std::optional<std::pair<unsigned, unsigned>> slash_date_parts(std::string_view text);

// "YYYY-MM-DD" (date_only) or "YYYY-MM-DDTHH:MM:SSZ", with ".mmm" before the Z
// when the milliseconds are not zero. For messages.
std::string format_utc(std::int64_t ms, bool date_only);

}  // namespace atc::detail
