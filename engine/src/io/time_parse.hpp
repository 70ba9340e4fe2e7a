// Dates and times as price files write them, turned into UTC milliseconds since
// the epoch. The text is read by hand and the calendar is std::chrono's
// (year_month_day, sys_days): no locale, no time zone database, no
// std::get_time, so a file reads the same on every machine; and fast enough to
// run on every row.
#pragma once

#include <cstdint>
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
// time; below kUnixMillisecondsFrom a value is seconds (1e11 s would be the
// year 5138), from it on milliseconds.
constexpr std::int64_t kUnixSecondsFrom = 100'000'000;
constexpr std::int64_t kUnixMillisecondsFrom = 100'000'000'000;

// How a time column's first value looks; it decides how the column is read.
enum class TimeShape {
    Other,       // neither of the two below: the column is not read as time
    UnixDigits,  // only digits, at least kUnixSecondsFrom
    Iso8601,     // YYYY-MM-DD, alone or followed by 'T'/'t'/' ' and a digit
};
TimeShape classify_time_text(std::string_view text);

// Parses YYYY-MM-DD[(T|t| )HH:MM[:SS[.f...]][Z|z|(+|-)HH[:]MM]] in full. The
// problem's text is the specific range problem ("there is no month 13"), or
// empty when the text does not have the shape at all; the caller words it.
struct IsoTime {
    bool has_time = false;  // a time of day was written (not a plain date)
    std::int64_t ms = 0;    // UTC; no offset means UTC
};
CsvResult<IsoTime> parse_iso8601(std::string_view text);

// Parses an unsigned decimal integer of up to 18 digits (no sign, no spaces).
bool parse_unix_digits(std::string_view text, std::int64_t& value);

// "YYYY-MM-DD" (date_only) or "YYYY-MM-DDTHH:MM:SSZ", with ".mmm" before the Z
// when the milliseconds are not zero. For messages.
std::string format_utc(std::int64_t ms, bool date_only);

}  // namespace atc::detail
