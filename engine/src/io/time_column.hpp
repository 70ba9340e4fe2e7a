// SPDX-License-Identifier: GPL-3.0-or-later
// The time of each bar: which column holds it (and the time of day, when a
// file splits them), how it is written, and reading it row by row into UTC
// milliseconds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atc/price_csv.hpp"
#include "io/column_roles.hpp"
#include "io/csv_result.hpp"
#include "io/time_parse.hpp"
#include "io/time_zone.hpp"

namespace atc::detail {

// How a time column is written, decided from its first value (and, for
// slashed dates, from all of them: date_order.hpp).
struct TimeFormat {
    bool epoch = false;
    EpochUnit unit = EpochUnit::Seconds;  // epoch
    DateShape date = DateShape::Iso;      // text dates
};

class TimeColumn {
public:
    TimeColumn(std::size_t index, std::string name, TimeFormat format,
               std::optional<std::size_t> time_of_day, std::string time_of_day_name,
               const LocalZone& zone);

    std::size_t index() const { return index_; }
    const std::optional<std::size_t>& time_of_day_index() const { return time_of_day_; }
    const std::string& name() const { return name_; }
    const TimeFormat& format() const { return format_; }
    // Slashed dates are DD/MM or MM/DD as the whole file decides (date_order.hpp).
    void set_date_shape(DateShape shape) { format_.date = shape; }

    TimeKind kind() const;
    // "epoch ms", "YYYY.MM.DD + HH:MM:SS", "YYYY-MM-DD HH:MM:SS±HH:MM", ...
    std::string description() const;

    // One row's time in UTC ms from the time column's text and, when the file
    // has one, the time-of-day column's. The problem's text names the column;
    // the caller places it on the line.
    CsvResult<std::int64_t> read(std::string_view text, std::string_view time_of_day,
                                 std::size_t line);
    // read()'s fast path for a column of dates alone (no time of day column,
    // no Unix times): the time of a valid date, as read() gives it; false
    // (nothing changed) for anything else, which read() then reads.
    bool read_date_only(std::string_view text, std::size_t line, std::int64_t& ms);

private:
    std::string about(std::string_view text) const;
    CsvResult<std::int64_t> read_epoch(std::string_view text, std::size_t line);
    CsvResult<std::int64_t> read_text(std::string_view text, std::string_view time_of_day);

    std::size_t index_;
    std::string name_;
    TimeFormat format_;
    std::optional<std::size_t> time_of_day_;
    std::string time_of_day_name_;
    const LocalZone* zone_;  // outlives the column (the reader owns both)
    bool any_time_of_day_ = false;
    bool any_offset_ = false;
    std::size_t line_of_first_ = 0;
    MonthMemo month_;  // read_date_only's
};

// The time column of `layout`, chosen with the first data row: the user's, or
// the first candidate whose value is a date or a Unix time; a candidate that
// holds a time of day next to a date-only column becomes its time of day.
// nullopt when the file has no time-named column; refused when it has one
// and none reads as a time (naming the column and the value) -- a series
// without dates is never returned for a file that has them.
CsvResult<std::optional<TimeColumn>> choose_time_column(ColumnLayout& layout,
                                                        const std::vector<std::string>& first_row,
                                                        std::size_t line, const LocalZone& zone);

}  // namespace atc::detail
