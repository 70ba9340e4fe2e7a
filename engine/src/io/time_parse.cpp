#include "io/time_parse.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace atc::detail {

namespace {

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

IsoTime failed(std::string problem = {}) {
    IsoTime t;
    t.problem = std::move(problem);
    return t;
}

}  // namespace

bool is_leap_year(std::int64_t year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(std::int64_t year, unsigned month) {
    static constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                       31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year))
        return 29;
    return kDays[month - 1];
}

// Eras of 400 years (146097 days) make the leap-year rule periodic; within an
// era, counting years from March puts the leap day at the end of the year.
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
    const std::int64_t y = month <= 2 ? year - 1 : year;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;                          // [0, 399]
    const std::int64_t mp = month > 2 ? month - 3 : month + 9;       // March = 0
    const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;           // [0, 365]
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    CivilDate date;
    date.day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
    date.month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
    date.year = yoe + era * 400 + (date.month <= 2 ? 1 : 0);
    return date;
}

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

IsoTime parse_iso8601(std::string_view text) {
    unsigned year = 0;
    unsigned month = 0;
    unsigned day = 0;
    if (!has_date_prefix(text))
        return failed();
    read_digits(text, 0, 4, year);
    read_digits(text, 5, 2, month);
    read_digits(text, 8, 2, day);
    if (month < 1 || month > 12)
        return failed("there is no month " + two_digits(month));
    const unsigned month_days = days_in_month(year, month);
    if (day < 1 || day > month_days) {
        std::string problem = std::string(kMonthNames[month - 1]) + " " + std::to_string(year) +
                              " has " + std::to_string(month_days) + " days";
        return failed(std::move(problem));
    }
    IsoTime t;
    t.ms = days_from_civil(year, month, day) * kMsPerDay;
    if (text.size() == 10) {
        t.ok = true;
        return t;
    }

    // Time of day: HH:MM, then optional :SS and .fraction.
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    if (!is_time_separator(text[10]) || !read_digits(text, 11, 2, hour) || text.size() < 16 ||
        text[13] != ':' || !read_digits(text, 14, 2, minute)) {
        return failed();
    }
    std::size_t pos = 16;
    if (pos < text.size() && text[pos] == ':') {
        if (!read_digits(text, pos + 1, 2, second))
            return failed();
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
                return failed();
            for (std::size_t i = pos - start; i < 3; ++i)
                ms *= 10;
            t.ms += ms;
        }
    }
    if (hour > 23)
        return failed("hour " + two_digits(hour) + " is out of range (00-23)");
    if (minute > 59)
        return failed("minute " + two_digits(minute) + " is out of range (00-59)");
    if (second > 59)
        return failed("second " + two_digits(second) + " is out of range (00-59)");
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
                return failed();
            pos += 3;
            if (pos < text.size() && text[pos] == ':')
                ++pos;
            if (!read_digits(text, pos, 2, off_minute))
                return failed();
            pos += 2;
            if (off_hour > 23 || off_minute > 59) {
                return failed("the offset " + std::string(1, zone) + two_digits(off_hour) + ":" +
                              two_digits(off_minute) + " is out of range");
            }
            const std::int64_t offset_ms =
                (std::int64_t{off_hour} * 60 + off_minute) * 60 * kMsPerSecond;
            // 10:00+02:00 is two hours ahead of UTC, so UTC is 08:00.
            t.ms += zone == '+' ? -offset_ms : offset_ms;
        }
        if (pos != text.size())
            return failed();
    }
    t.ok = true;
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
    // Floor division, so times before 1970 land on the right day.
    std::int64_t days = ms / kMsPerDay;
    std::int64_t rest = ms % kMsPerDay;
    if (rest < 0) {
        rest += kMsPerDay;
        --days;
    }
    const CivilDate date = civil_from_days(days);
    std::array<char, 48> buf{};
    const auto year = static_cast<long long>(date.year);
    int n = 0;
    if (date_only) {
        n = std::snprintf(buf.data(), buf.size(), "%04lld-%02u-%02u", year, date.month, date.day);
    } else {
        const auto h = static_cast<unsigned>(rest / 3'600'000);
        const auto m = static_cast<unsigned>(rest / 60'000 % 60);
        const auto s = static_cast<unsigned>(rest / 1000 % 60);
        const auto milli = static_cast<unsigned>(rest % 1000);
        if (milli == 0) {
            n = std::snprintf(buf.data(), buf.size(), "%04lld-%02u-%02uT%02u:%02u:%02uZ", year,
                              date.month, date.day, h, m, s);
        } else {
            n = std::snprintf(buf.data(), buf.size(), "%04lld-%02u-%02uT%02u:%02u:%02u.%03uZ", year,
                              date.month, date.day, h, m, s, milli);
        }
    }
    return std::string(buf.data(), n > 0 ? static_cast<std::size_t>(n) : 0);
}

}  // namespace atc::detail
