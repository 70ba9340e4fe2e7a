// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/time_parse.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>

#include "io/ascii.hpp"
#include "io/swar.hpp"

namespace atc::detail {

namespace {

namespace chrono = std::chrono;

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// `count` digits at text[pos...]; false if there are fewer.
bool read_digits(std::string_view text, std::size_t pos, std::size_t count, unsigned& value) {
    if (pos + count > text.size())
        return false;
    value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!is_digit(text[i]))
            return false;
        value = value * 10 + static_cast<unsigned>(text[i] - '0');
    }
    return true;
}

// One or two digits at text[pos...], advancing pos.
bool read_one_or_two_digits(std::string_view text, std::size_t& pos, unsigned& value) {
    if (pos >= text.size() || !is_digit(text[pos]))
        return false;
    value = static_cast<unsigned>(text[pos++] - '0');
    if (pos < text.size() && is_digit(text[pos]))
        value = value * 10 + static_cast<unsigned>(text[pos++] - '0');
    return true;
}

bool is_time_separator(char c) {
    return c == 'T' || c == 't' || c == ' ';
}

std::string two_digits(unsigned v) {
    std::string out(2, '0');
    out[0] = static_cast<char>('0' + v / 10 % 10);
    out[1] = static_cast<char>('0' + v % 10);
    return out;
}

// Text that does not have the expected shape at all: no specific problem to name.
CsvProblem wrong_shape() {
    return CsvProblem();
}

struct DateParts {
    unsigned year = 0, month = 0, day = 0;
    std::size_t end = 0;  // where the date ends in the text
};

// YYYY<sep>MM<sep>DD with two-digit month and day. Its digits are checked
// two words at a time ("YYYY-MM-" and "YY-MM-DD"): this runs on every row of
// most price files (and is kept in line where that is read: read_date_only).
[[gnu::always_inline]] inline std::optional<DateParts> year_first(std::string_view text, char sep) {
    if (text.size() < 10 || text[4] != sep || text[7] != sep)
        return std::nullopt;
    constexpr std::uint64_t kHeadSeparators = 0x80ULL << 32 | 0x80ULL << 56;
    constexpr std::uint64_t kTailSeparators = 0x80ULL << 16 | 0x80ULL << 40;
    if (swar::non_digit_bytes(swar::load(text.data())) != kHeadSeparators ||
        swar::non_digit_bytes(swar::load(text.data() + 2)) != kTailSeparators)
        return std::nullopt;
    const auto digit = [text](std::size_t i) { return static_cast<unsigned>(text[i] - '0'); };
    DateParts d;
    d.year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
    d.month = digit(5) * 10 + digit(6);
    d.day = digit(8) * 10 + digit(9);
    d.end = 10;
    return d;
}

// A<sep>B<sep>YYYY with one or two digits for A and B.
std::optional<DateParts> year_last(std::string_view text, char sep, bool day_first) {
    std::size_t pos = 0;
    unsigned a = 0;
    unsigned b = 0;
    DateParts d;
    if (!read_one_or_two_digits(text, pos, a) || pos >= text.size() || text[pos++] != sep ||
        !read_one_or_two_digits(text, pos, b) || pos >= text.size() || text[pos++] != sep ||
        !read_digits(text, pos, 4, d.year)) {
        return std::nullopt;
    }
    d.end = pos + 4;
    d.day = day_first ? a : b;
    d.month = day_first ? b : a;
    return d;
}

std::optional<DateParts> compact(std::string_view text) {
    DateParts d;
    if (text.size() < 8 || !read_digits(text, 0, 4, d.year) || !read_digits(text, 4, 2, d.month) ||
        !read_digits(text, 6, 2, d.day) || (text.size() > 8 && is_digit(text[8]))) {
        return std::nullopt;
    }
    d.end = 8;
    return d;
}

std::optional<DateParts> date_parts(std::string_view text, DateShape shape) {
    switch (shape) {
        case DateShape::Iso:
            return year_first(text, '-');
        case DateShape::DottedYmd:
            return year_first(text, '.');
        case DateShape::Compact:
            return compact(text);
        case DateShape::DottedDmy:
            return year_last(text, '.', true);
        case DateShape::SlashDmy:
        case DateShape::SlashEither:
            return year_last(text, '/', true);
        case DateShape::SlashMdy:
            return year_last(text, '/', false);
    }
    return std::nullopt;
}

std::int64_t midnight_ms(const chrono::year_month_day& date) {
    return chrono::milliseconds{chrono::sys_days{date}.time_since_epoch()}.count();
}

// A date ends the text or is followed by a separator and a digit.
bool ends_date(std::string_view text, std::size_t end) {
    return end == text.size() ||
           (end + 1 < text.size() && is_time_separator(text[end]) && is_digit(text[end + 1]));
}

// HH:MM[:SS[.f...]] at text[pos...]; advances pos.
CsvResult<std::int64_t> clock_at(std::string_view text, std::size_t& pos) {
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    std::int64_t ms = 0;
    if (!read_digits(text, pos, 2, hour) || pos + 5 > text.size() || text[pos + 2] != ':' ||
        !read_digits(text, pos + 3, 2, minute)) {
        return wrong_shape();
    }
    pos += 5;
    if (pos < text.size() && text[pos] == ':') {
        if (!read_digits(text, pos + 1, 2, second))
            return wrong_shape();
        pos += 3;
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            const std::size_t start = pos;
            unsigned fraction = 0;
            while (pos < text.size() && is_digit(text[pos])) {
                // Digits below the millisecond are read and dropped (truncated,
                // so a time never rolls over into the next second).
                if (pos - start < 3)
                    fraction = fraction * 10 + static_cast<unsigned>(text[pos] - '0');
                ++pos;
            }
            if (pos == start)
                return wrong_shape();
            for (std::size_t i = pos - start; i < 3; ++i)
                fraction *= 10;
            ms = fraction;
        }
    }
    if (hour > 23)
        return CsvProblem{"hour " + two_digits(hour) + " is out of range (00-23)"};
    if (minute > 59)
        return CsvProblem{"minute " + two_digits(minute) + " is out of range (00-59)"};
    if (second > 59)
        return CsvProblem{"second " + two_digits(second) + " is out of range (00-59)"};
    return ms + ((std::int64_t{hour} * 60 + minute) * 60 + second) * kMsPerSecond;
}

// Nothing (no offset), Z, or an offset east (+) or west (-) of UTC, ending the
// text. Sets `has_offset` and returns the milliseconds to add to reach UTC.
CsvResult<std::int64_t> zone_at(std::string_view text, std::size_t pos, bool& has_offset) {
    has_offset = false;
    if (pos == text.size())
        return std::int64_t{0};
    std::int64_t to_utc = 0;
    const char zone = text[pos];
    if (zone == 'Z' || zone == 'z') {
        ++pos;
    } else if (zone == '+' || zone == '-') {
        unsigned off_hour = 0;
        unsigned off_minute = 0;
        if (!read_digits(text, pos + 1, 2, off_hour))
            return wrong_shape();
        pos += 3;
        if (pos < text.size() && text[pos] == ':')
            ++pos;
        if (!read_digits(text, pos, 2, off_minute))
            return wrong_shape();
        pos += 2;
        if (off_hour > 23 || off_minute > 59) {
            return CsvProblem{"the offset " + std::string(1, zone) + two_digits(off_hour) + ":" +
                              two_digits(off_minute) + " is out of range"};
        }
        const std::int64_t offset_ms =
            (std::int64_t{off_hour} * 60 + off_minute) * 60 * kMsPerSecond;
        // 10:00+02:00 is two hours ahead of UTC, so UTC is 08:00.
        to_utc = zone == '+' ? -offset_ms : offset_ms;
    } else {
        return wrong_shape();
    }
    if (pos != text.size())
        return wrong_shape();
    has_offset = true;
    return to_utc;
}

}  // namespace

EpochUnit epoch_unit_of(std::int64_t value) {
    if (value < kUnixMillisecondsFrom)
        return EpochUnit::Seconds;
    return value < kUnixMicrosecondsFrom ? EpochUnit::Milliseconds : EpochUnit::Microseconds;
}

std::string_view epoch_unit_name(EpochUnit unit) {
    switch (unit) {
        case EpochUnit::Seconds:
            return "seconds";
        case EpochUnit::Milliseconds:
            return "milliseconds";
        case EpochUnit::Microseconds:
            return "microseconds";
    }
    return "seconds";
}

std::string_view date_shape_name(DateShape shape) {
    switch (shape) {
        case DateShape::Iso:
            return "YYYY-MM-DD";
        case DateShape::DottedYmd:
            return "YYYY.MM.DD";
        case DateShape::Compact:
            return "YYYYMMDD";
        case DateShape::DottedDmy:
            return "DD.MM.YYYY";
        case DateShape::SlashDmy:
            return "DD/MM/YYYY";
        case DateShape::SlashMdy:
            return "MM/DD/YYYY";
        case DateShape::SlashEither:
            return "DD/MM/YYYY or MM/DD/YYYY";
    }
    return "";
}

TimeShape classify_time_text(std::string_view text) {
    TimeShape shape;
    // Eight digits are a YYYYMMDD date, never a Unix time (those start at 1e8).
    std::int64_t value = 0;
    if (parse_unix_digits(text, value) && text.size() != 8) {
        if (value >= kUnixSecondsFrom)
            shape.kind = TimeShape::Kind::Epoch;
        return shape;
    }
    constexpr std::array<DateShape, 5> kShapes = {DateShape::Iso, DateShape::DottedYmd,
                                                  DateShape::Compact, DateShape::DottedDmy,
                                                  DateShape::SlashEither};
    for (const DateShape candidate : kShapes) {
        const auto parts = date_parts(text, candidate);
        if (parts && ends_date(text, parts->end)) {
            shape.kind = TimeShape::Kind::Date;
            shape.date = candidate;
            shape.has_time_of_day = parts->end < text.size();
            return shape;
        }
    }
    return shape;
}

bool looks_like_time_of_day(std::string_view text) {
    std::size_t pos = 0;
    if (clock_at(text, pos) && pos == text.size())
        return true;
    return (text.size() == 6 || text.size() == 4) &&
           text.find_first_not_of("0123456789") == std::string_view::npos;
}

bool read_date_only(std::string_view text, DateShape shape, MonthMemo& memo, std::int64_t& ms) {
    // ISO dates read in line: their parts are then used straight from
    // registers (read back from the memory of a call, the 8-byte load of two
    // 4-byte fields stalled on every row).
    const auto parts = shape == DateShape::Iso ? year_first(text, '-') : date_parts(text, shape);
    if (!parts || parts->end != text.size())
        return false;
    if (parts->year != memo.year || parts->month != memo.month || memo.days == 0) {
        // Four digits always make a valid chrono::year; the month may not be one.
        const chrono::year_month month{chrono::year{static_cast<int>(parts->year)},
                                       chrono::month{parts->month}};
        if (!month.ok())
            return false;
        memo = {parts->year, parts->month, static_cast<unsigned>((month / chrono::last).day()),
                midnight_ms(month / 1)};
    }
    if (parts->day < 1 || parts->day > memo.days)
        return false;
    ms = memo.first_ms + static_cast<std::int64_t>(parts->day - 1) * kMsPerDay;
    return true;
}

CsvResult<ReadTime> parse_date_time(std::string_view text, DateShape shape) {
    const auto parts = date_parts(text, shape);
    if (!parts || !ends_date(text, parts->end))
        return wrong_shape();
    // Four digits and two make a valid chrono::year and a representable
    // chrono::day; ok() then checks the month and the day within it (leap
    // years of the proleptic Gregorian calendar included).
    const chrono::year_month_day date{chrono::year{static_cast<int>(parts->year)},
                                      chrono::month{parts->month}, chrono::day{parts->day}};
    if (!date.month().ok())
        return CsvProblem{"there is no month " + two_digits(parts->month)};
    if (!date.ok()) {
        const auto month_days =
            static_cast<unsigned>((date.year() / date.month() / chrono::last).day());
        return CsvProblem{std::string(kMonthNames[parts->month - 1]) + " " +
                          std::to_string(parts->year) + " has " + std::to_string(month_days) +
                          " days"};
    }
    ReadTime t;
    t.ms = midnight_ms(date);
    if (parts->end == text.size())
        return t;
    std::size_t pos = parts->end + 1;
    auto clock = clock_at(text, pos);
    if (!clock)
        return std::move(clock.problem());
    auto to_utc = zone_at(text, pos, t.has_offset);
    if (!to_utc)
        return std::move(to_utc.problem());
    t.ms += *clock + *to_utc;
    t.has_time = true;
    return t;
}

CsvResult<std::int64_t> parse_time_of_day(std::string_view text) {
    std::size_t pos = 0;
    if (text.size() == 6 || text.size() == 4) {
        // HHMMSS or HHMM, as Stooq writes it: rewritten as HH:MM:SS for one reader.
        unsigned ignored = 0;
        if (read_digits(text, 0, text.size(), ignored)) {
            std::string colons{text.substr(0, 2)};
            colons.append(":").append(text.substr(2, 2));
            if (text.size() == 6)
                colons.append(":").append(text.substr(4, 2));
            return parse_time_of_day(colons);
        }
    }
    auto clock = clock_at(text, pos);
    if (clock && pos != text.size())
        return wrong_shape();
    return clock;
}

bool parse_unix_digits(std::string_view text, std::int64_t& value) {
    if (text.empty() || text.size() > 18)
        return false;
    for (const char c : text) {
        if (!is_digit(c))
            return false;
    }
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

std::optional<std::pair<unsigned, unsigned>> slash_date_parts(std::string_view text) {
    const auto parts = year_last(text, '/', true);
    if (!parts)
        return std::nullopt;
    return std::pair{parts->day, parts->month};
}

std::string format_utc(std::int64_t ms, bool date_only) {
    const chrono::sys_time<chrono::milliseconds> time{chrono::milliseconds{ms}};
    // floor, so that times before 1970 land on the right day.
    const auto midnight = chrono::floor<chrono::days>(time);
    const chrono::year_month_day date{midnight};
    const auto year = static_cast<int>(date.year());
    const auto month = static_cast<unsigned>(date.month());
    const auto day = static_cast<unsigned>(date.day());
    std::array<char, 48> buf{};
    int n = 0;
    if (date_only) {
        n = std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", year, month, day);
    } else {
        const chrono::hh_mm_ss clock{time - midnight};
        const auto h = static_cast<unsigned>(clock.hours().count());
        const auto m = static_cast<unsigned>(clock.minutes().count());
        const auto s = static_cast<unsigned>(clock.seconds().count());
        const auto milli = static_cast<unsigned>(clock.subseconds().count());
        if (milli == 0) {
            n = std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02uT%02u:%02u:%02uZ", year, month,
                              day, h, m, s);
        } else {
            n = std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02uT%02u:%02u:%02u.%03uZ", year,
                              month, day, h, m, s, milli);
        }
    }
    return std::string(buf.data(), n > 0 ? static_cast<std::size_t>(n) : 0);
}

}  // namespace atc::detail
