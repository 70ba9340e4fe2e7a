#include "io/time_parse.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace atc::detail {

namespace {

namespace chrono = std::chrono;

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

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

bool has_date_prefix(std::string_view text) {
    unsigned ignored = 0;
    return text.size() >= 10 && read_digits(text, 0, 4, ignored) && text[4] == '-' &&
           read_digits(text, 5, 2, ignored) && text[7] == '-' && read_digits(text, 8, 2, ignored);
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

// Text that is not YYYY-MM-DD[...] at all: no specific problem to name.
CsvProblem not_iso8601() {
    return CsvProblem();
}

}  // namespace

TimeShape classify_time_text(std::string_view text) {
    if (has_date_prefix(text)) {
        if (text.size() == 10 ||
            (text.size() > 11 && is_time_separator(text[10]) && is_digit(text[11]))) {
            return TimeShape::Iso8601;
        }
        return TimeShape::Other;
    }
    std::int64_t value = 0;
    if (parse_unix_digits(text, value) && value >= kUnixSecondsFrom)
        return TimeShape::UnixDigits;
    return TimeShape::Other;
}

CsvResult<IsoTime> parse_iso8601(std::string_view text) {
    unsigned year = 0;
    unsigned month = 0;
    unsigned day = 0;
    if (!has_date_prefix(text))
        return not_iso8601();
    read_digits(text, 0, 4, year);
    read_digits(text, 5, 2, month);
    read_digits(text, 8, 2, day);
    // Four digits and two make a valid chrono::year and a representable
    // chrono::day; ok() then checks the month and the day within it (leap
    // years of the proleptic Gregorian calendar included).
    const chrono::year_month_day date{chrono::year{static_cast<int>(year)}, chrono::month{month},
                                      chrono::day{day}};
    if (!date.month().ok())
        return CsvProblem{"there is no month " + two_digits(month)};
    if (!date.ok()) {
        const auto month_days =
            static_cast<unsigned>((date.year() / date.month() / chrono::last).day());
        return CsvProblem{std::string(kMonthNames[month - 1]) + " " + std::to_string(year) +
                          " has " + std::to_string(month_days) + " days"};
    }
    IsoTime t;
    t.ms = chrono::milliseconds{chrono::sys_days{date}.time_since_epoch()}.count();
    if (text.size() == 10)
        return t;

    // Time of day: HH:MM, then optional :SS and .fraction.
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    if (!is_time_separator(text[10]) || !read_digits(text, 11, 2, hour) || text.size() < 16 ||
        text[13] != ':' || !read_digits(text, 14, 2, minute)) {
        return not_iso8601();
    }
    std::size_t pos = 16;
    if (pos < text.size() && text[pos] == ':') {
        if (!read_digits(text, pos + 1, 2, second))
            return not_iso8601();
        pos += 3;
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            const std::size_t start = pos;
            unsigned ms = 0;
            while (pos < text.size() && is_digit(text[pos])) {
                // Digits below the millisecond are read and dropped (truncated,
                // so a time never rolls over into the next second).
                if (pos - start < 3)
                    ms = ms * 10 + static_cast<unsigned>(text[pos] - '0');
                ++pos;
            }
            if (pos == start)
                return not_iso8601();
            for (std::size_t i = pos - start; i < 3; ++i)
                ms *= 10;
            t.ms += ms;
        }
    }
    if (hour > 23)
        return CsvProblem{"hour " + two_digits(hour) + " is out of range (00-23)"};
    if (minute > 59)
        return CsvProblem{"minute " + two_digits(minute) + " is out of range (00-59)"};
    if (second > 59)
        return CsvProblem{"second " + two_digits(second) + " is out of range (00-59)"};
    t.ms += ((std::int64_t{hour} * 60 + minute) * 60 + second) * kMsPerSecond;

    // Zone: nothing (UTC), Z, or an offset east (+) or west (-) of UTC.
    if (pos < text.size()) {
        const char zone = text[pos];
        if (zone == 'Z' || zone == 'z') {
            ++pos;
        } else if (zone == '+' || zone == '-') {
            unsigned off_hour = 0;
            unsigned off_minute = 0;
            if (!read_digits(text, pos + 1, 2, off_hour))
                return not_iso8601();
            pos += 3;
            if (pos < text.size() && text[pos] == ':')
                ++pos;
            if (!read_digits(text, pos, 2, off_minute))
                return not_iso8601();
            pos += 2;
            if (off_hour > 23 || off_minute > 59) {
                return CsvProblem{"the offset " + std::string(1, zone) + two_digits(off_hour) +
                                  ":" + two_digits(off_minute) + " is out of range"};
            }
            const std::int64_t offset_ms =
                (std::int64_t{off_hour} * 60 + off_minute) * 60 * kMsPerSecond;
            // 10:00+02:00 is two hours ahead of UTC, so UTC is 08:00.
            t.ms += zone == '+' ? -offset_ms : offset_ms;
        }
        if (pos != text.size())
            return not_iso8601();
    }
    t.has_time = true;
    return t;
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
