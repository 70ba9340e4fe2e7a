// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/date_order.hpp"

#include "io/csv_values.hpp"

namespace atc::detail {

namespace {

// "2024-04-03" for the date part of `text` read as `shape`; "" when it is no date so.
std::string reading(std::string_view text, DateShape shape) {
    auto date = parse_date_time(text.substr(0, text.find(' ')), shape);
    return date ? format_utc(date->ms, true) : std::string();
}

}  // namespace

CsvResult<DateShape> decide_date_order(const std::vector<TimeText>& values, DateOrder option,
                                       const std::string& column) {
    if (option == DateOrder::DayMonthYear)
        return DateShape::SlashDmy;
    if (option == DateOrder::MonthDayYear)
        return DateShape::SlashMdy;
    const TimeText* day_first = nullptr;    // a value that only reads DD/MM
    const TimeText* month_first = nullptr;  // a value that only reads MM/DD
    for (const TimeText& value : values) {
        const auto parts = slash_date_parts(value.text);
        if (!parts)
            continue;
        if (!day_first && parts->first > 12)
            day_first = &value;
        if (!month_first && parts->second > 12)
            month_first = &value;
    }
    const std::string about = "column \"" + column + "\": ";
    const std::string settle = "; say which with --date-order dmy or --date-order mdy";
    if (day_first && month_first) {
        return CsvProblem{about + quote(day_first->text) + " (line " +
                              std::to_string(day_first->line) + ") only reads as DD/MM/YYYY but " +
                              quote(month_first->text) + " (line " +
                              std::to_string(month_first->line) +
                              ") only as MM/DD/YYYY: the dates mix two orders" + settle,
                          month_first->line, column};
    }
    if (day_first)
        return DateShape::SlashDmy;
    if (month_first)
        return DateShape::SlashMdy;
    const TimeText& first = values.front();
    return CsvProblem{
        about + "no date in the file tells the day from the month: " + quote(first.text) + " is " +
            reading(first.text, DateShape::SlashDmy) + " read as DD/MM/YYYY and " +
            reading(first.text, DateShape::SlashMdy) + " read as MM/DD/YYYY" + settle,
        first.line, column};
}

}  // namespace atc::detail
