// Dates and times as price files write them, turned into UTC milliseconds since
// the epoch. Hand-written on purpose: no locale, no time zone database, no
// std::get_time, so a file reads the same on every machine; and fast enough to
// run on every row.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace atc::detail {

constexpr std::int64_t kMsPerSecond = 1000;
constexpr std::int64_t kMsPerDay = 86'400'000;

// The last millisecond of the year 9999, the latest time we accept.
constexpr std::int64_t kMaxTimeMs = 253'402'300'799'999;

// Unix times are accepted from 1e8 seconds = 1e11 milliseconds on (both are
// 1973-03-03T09:46:40Z). Smaller numbers are bar numbers, years or YYYYMMDD
// dates far more often than times from 1970-1973, so they are not taken as
// time; below kUnixMillisecondsFrom a value is seconds (1e11 s would be the
// year 5138), from it on milliseconds.
constexpr std::int64_t kUnixSecondsFrom = 100'000'000;
constexpr std::int64_t kUnixMillisecondsFrom = 100'000'000'000;

bool is_leap_year(std::int64_t year);
unsigned days_in_month(std::int64_t year, unsigned month);

// Days since 1970-01-01 of a date in the proleptic Gregorian calendar (Howard
// Hinnant's days_from_civil); valid for any year, no range check.
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);

struct CivilDate {
    std::int64_t year = 1970;
    unsigned month = 1;
    unsigned day = 1;
};
CivilDate civil_from_days(std::int64_t days);

// How a time column's first value looks; it decides how the column is read.
enum class TimeShape {
    Other,       // neither of the two below: the column is not read as time
    UnixDigits,  // only digits, at least kUnixSecondsFrom
    Iso8601,     // YYYY-MM-DD, alone or followed by 'T'/'t'/' ' and a digit
};
TimeShape classify_time_text(std::string_view text);

// Parses YYYY-MM-DD[(T|t| )HH:MM[:SS[.f...]][Z|z|(+|-)HH[:]MM]] in full. On
// success `problem` is empty; on failure it holds the specific range problem
// ("there is no month 13") or is empty when the text does not have the shape at
// all, and ok is false.
struct IsoTime {
    bool ok = false;
    bool has_time = false;  // a time of day was written (not a plain date)
    std::int64_t ms = 0;    // UTC; no offset means UTC
    std::string problem;
};
IsoTime parse_iso8601(std::string_view text);

// Parses an unsigned decimal integer of up to 18 digits (no sign, no spaces).
bool parse_unix_digits(std::string_view text, std::int64_t& value);

// "YYYY-MM-DD" (date_only) or "YYYY-MM-DDTHH:MM:SSZ", with ".mmm" before the Z
// when the milliseconds are not zero. For messages.
std::string format_utc(std::int64_t ms, bool date_only);

}  // namespace atc::detail
