// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/time_column.hpp"

#include <utility>

#include "io/csv_values.hpp"

namespace atc::detail {

namespace {

constexpr std::string_view kIsoExpected = "(expected YYYY-MM-DD or ISO-8601 date-time)";
constexpr std::string_view kUnixExpected =
    "(expected whole seconds, milliseconds or microseconds since 1970-01-01 UTC)";
constexpr std::string_view kKnownTimes =
    "this reader knows dates as YYYY-MM-DD, YYYY.MM.DD, YYYYMMDD, DD.MM.YYYY, MM/DD/YYYY or "
    "DD/MM/YYYY, each optionally followed by a time of day, and Unix times in seconds, "
    "milliseconds or microseconds";

std::string expected_text(const TimeFormat& format) {
    if (format.epoch)
        return std::string(kUnixExpected);
    if (format.date == DateShape::Iso)
        return std::string(kIsoExpected);
    return "(expected " + std::string(date_shape_name(format.date)) + " like the first row)";
}

std::int64_t per_millisecond(EpochUnit unit) {
    return unit == EpochUnit::Microseconds ? 1000 : 1;
}

std::int64_t to_ms(std::int64_t value, EpochUnit unit) {
    switch (unit) {
        case EpochUnit::Seconds:
            return value <= kMaxTimeMs / kMsPerSecond ? value * kMsPerSecond : kMaxTimeMs + 1;
        case EpochUnit::Milliseconds:
            return value;
        case EpochUnit::Microseconds:
            return value / per_millisecond(unit);
    }
    return value;
}

}  // namespace

TimeColumn::TimeColumn(std::size_t index, std::string name, TimeFormat format,
                       std::optional<std::size_t> time_of_day, std::string time_of_day_name,
                       const LocalZone& zone)
    : index_(index),
      name_(std::move(name)),
      format_(format),
      time_of_day_(time_of_day),
      time_of_day_name_(std::move(time_of_day_name)),
      zone_(&zone) {}

TimeKind TimeColumn::kind() const {
    if (format_.epoch) {
        switch (format_.unit) {
            case EpochUnit::Seconds:
                return TimeKind::EpochSeconds;
            case EpochUnit::Milliseconds:
                return TimeKind::EpochMilliseconds;
            case EpochUnit::Microseconds:
                return TimeKind::EpochMicroseconds;
        }
    }
    return any_time_of_day_ ? TimeKind::DateTime : TimeKind::Date;
}

std::string TimeColumn::description() const {
    if (format_.epoch) {
        constexpr std::string_view kShort[] = {"epoch s", "epoch ms", "epoch µs"};
        return std::string(kShort[static_cast<int>(format_.unit)]);
    }
    std::string text(date_shape_name(format_.date));
    if (time_of_day_)
        text += " + time of day";
    else if (any_time_of_day_)
        text += any_offset_ ? " with time and UTC offset" : " with time";
    return text;
}

std::string TimeColumn::about(std::string_view text) const {
    return "column \"" + name_ + "\": " + quote(text);
}

CsvResult<std::int64_t> TimeColumn::read(std::string_view text, std::string_view time_of_day,
                                         std::size_t line) {
    if (line_of_first_ == 0)
        line_of_first_ = line;
    if (text.empty()) {
        return CsvProblem{"column \"" + name_ + "\": the field is empty " + expected_text(format_),
                          0, name_};
    }
    return format_.epoch ? read_epoch(text, line) : read_text(text, time_of_day);
}

bool TimeColumn::read_date_only(std::string_view text, std::size_t line, std::int64_t& ms) {
    if (format_.epoch || time_of_day_)
        return false;
    std::int64_t date = 0;
    if (!detail::read_date_only(text, format_.date, month_, date))
        return false;
    // What read() notes of its first row; a date alone sets no flag, and is
    // midnight UTC in any zone.
    if (line_of_first_ == 0)
        line_of_first_ = line;
    ms = date;
    return true;
}

CsvResult<std::int64_t> TimeColumn::read_epoch(std::string_view text, std::size_t) {
    std::int64_t value = 0;
    if (!parse_unix_digits(text, value))
        return CsvProblem{about(text) + " is not a Unix time " + std::string(kUnixExpected), 0,
                          name_};
    if (value < kUnixSecondsFrom) {
        return CsvProblem{about(text) +
                              " is too small for a Unix time (times before 1973-03-03 are not "
                              "read)",
                          0, name_};
    }
    // The first row fixed the unit; a second unit would shift bars by a
    // factor of 1000 without anyone noticing. A value too large for its own
    // unit is simply too late.
    const EpochUnit unit = epoch_unit_of(value);
    if (unit != format_.unit && to_ms(value, unit) <= kMaxTimeMs) {
        return CsvProblem{about(text) + " is in " + std::string(epoch_unit_name(unit)) +
                              " but the first time (line " + std::to_string(line_of_first_) +
                              ") is in " + std::string(epoch_unit_name(format_.unit)) +
                              "; a file must use one unit",
                          0, name_};
    }
    const std::int64_t ms = to_ms(value, format_.unit);
    if (ms > kMaxTimeMs)
        return CsvProblem{about(text) + " is after the year 9999", 0, name_};
    return ms;
}

CsvResult<std::int64_t> TimeColumn::read_text(std::string_view text, std::string_view time_of_day) {
    auto t = parse_date_time(text, format_.date);
    if (!t) {
        const bool has_time_part = classify_time_text(text).has_time_of_day || text.size() > 10;
        std::string message = about(text) + " is not a " + (has_time_part ? "date-time" : "date");
        if (const std::string& range = t.problem().text; !range.empty())
            message += ": " + range;
        return CsvProblem{message + " " + expected_text(format_), 0, name_};
    }
    if (time_of_day_) {
        auto clock = parse_time_of_day(time_of_day);
        if (!clock || t->has_time) {
            std::string message = "column \"" + time_of_day_name_ + "\": " + quote(time_of_day) +
                                  " is not a time of day";
            if (!clock && !clock.problem().text.empty())
                message += ": " + clock.problem().text;
            return CsvProblem{message + " (expected HH:MM, HH:MM:SS or HHMMSS)", 0,
                              time_of_day_name_};
        }
        t->ms += *clock;
        t->has_time = true;
    }
    any_time_of_day_ = any_time_of_day_ || t->has_time;
    any_offset_ = any_offset_ || t->has_offset;
    // A plain date is a day, not an instant: it stays midnight UTC in any zone.
    if (t->has_time && !t->has_offset)
        return zone_->to_utc(t->ms);
    return t->ms;
}

CsvResult<std::optional<TimeColumn>> choose_time_column(ColumnLayout& layout,
                                                        const std::vector<std::string>& first_row,
                                                        std::size_t line, const LocalZone& zone) {
    std::optional<std::size_t> chosen = layout.time;
    TimeShape shape;
    if (chosen) {
        shape = classify_time_text(first_row[*chosen]);
    } else {
        for (const std::size_t i : layout.time_candidates) {
            shape = classify_time_text(first_row[i]);
            if (shape.kind != TimeShape::Kind::Other) {
                chosen = i;
                break;
            }
        }
        if (!chosen && layout.time_candidates.empty())
            return std::optional<TimeColumn>();
        if (!chosen)
            chosen = layout.time_candidates.front();
    }
    const std::string& name = layout.name(*chosen);
    if (shape.kind == TimeShape::Kind::Other) {
        return CsvProblem{"column \"" + name +
                              "\" cannot be read as time: " + quote(first_row[*chosen]) +
                              " is no date or time we know (" + std::string(kKnownTimes) +
                              "); name the time column with --columns time=N",
                          line, name};
    }
    layout.time = chosen;
    // A date alone next to a time of day in another time-named column: the
    // two together are the time (Date,Time,...; <DATE>,<TIME>).
    if (!layout.time_of_day && shape.kind == TimeShape::Kind::Date && !shape.has_time_of_day) {
        for (const std::size_t i : layout.time_candidates) {
            if (i != *chosen && looks_like_time_of_day(first_row[i])) {
                layout.time_of_day = i;
                break;
            }
        }
    }
    TimeFormat format;
    format.epoch = shape.kind == TimeShape::Kind::Epoch;
    if (format.epoch) {
        std::int64_t first = 0;
        parse_unix_digits(first_row[*chosen], first);
        format.unit = epoch_unit_of(first);
    } else {
        format.date = shape.date;
    }
    const std::string time_of_day_name =
        layout.time_of_day ? layout.name(*layout.time_of_day) : std::string();
    return std::optional<TimeColumn>(
        TimeColumn(*chosen, name, format, layout.time_of_day, time_of_day_name, zone));
}

}  // namespace atc::detail
