// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a price series from CSV, as exported by brokers, exchanges, data
// vendors and spreadsheets. The layout is detected from the content
// (price_import.hpp says how, and gives the detection and the options); what
// is detected is read strictly: a value that does not fit is refused with the
// file, line, column and problem named, nothing is repaired. The few things
// that are fixed up (rows out of time order, exact repeats, "null" holiday
// rows) are reported as warnings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "atc/label_column.hpp"

namespace atc {

// A problem in a CSV file. what() reads "FILE:LINE: problem" (or "FILE: problem"
// when no line applies); the parts are kept for dialogs. problem() is a whole
// sentence that already names the column when one is at fault, so showing
// problem() alone loses nothing.
class CsvError : public std::runtime_error {
public:
    CsvError(std::string source, std::size_t line, std::string problem);
    CsvError(std::string source, std::size_t line, std::string column, std::string problem);
    const std::string& source() const { return source_; }
    std::size_t line() const { return line_; }  // 1-based; 0 when the whole file is at fault
    // Header name of the column at fault, as written in the file; empty when the
    // problem is not about one column (quoting, field count, binary data, ...).
    const std::string& column() const { return column_; }
    const std::string& problem() const { return problem_; }

private:
    std::string source_;
    std::size_t line_;
    std::string column_;
    std::string problem_;
};

// What the time column held. The numbers are stored in databases: never
// renumber, only append.
enum class TimeKind : int {
    None = 0,               // no time column (or one that is not ISO-8601 / epoch)
    Date = 1,               // YYYY-MM-DD on every row: midnight UTC of that day
    DateTime = 2,           // ISO-8601 date-times (some rows may be plain dates)
    EpochSeconds = 3,       // whole seconds since 1970-01-01T00:00:00Z
    EpochMilliseconds = 4,  // whole milliseconds since 1970-01-01T00:00:00Z
    EpochMicroseconds = 5,  // whole microseconds (Binance spot klines since 2025)
};

// "none", "date", "datetime", "epoch_s", "epoch_ms", "epoch_us".
std::string_view time_kind_name(TimeKind kind);

// True for the kinds whose times carry a time of day (date-times and Unix
// times); false for plain dates and no time.
bool has_time_of_day(TimeKind kind);

// One series of bars in time order. Every per-bar vector is either empty (the
// file has no such column) or holds exactly close.size() values.
struct PriceSeries {
    std::vector<double> close;  // strictly positive, finite
    LabelColumn labels;  // text of the label column per bar (date, time, bar, ...); empty if none
    std::string label_column;  // header of that column, as written; empty if none

    std::vector<std::int64_t> time_ms;  // UTC milliseconds since the epoch; empty if no time
    TimeKind time_kind = TimeKind::None;
    std::string time_column;  // header of the time column, as written ("column N" without a
                              // header); empty if none

    std::vector<double> open, high, low;  // strictly positive, finite
    std::vector<double> volume;           // 0 or more, finite

    // Things the user should know that did not stop the import, one sentence
    // each (rows sorted into time order, rows skipped, inconsistent bars).
    // Empty for a clean file.
    std::vector<std::string> warnings;
};

// The longest line a price file may have. A row of prices is a few dozen
// bytes and even a wide vendor export stays far below this; a longer line
// means the file is not a price table (a minified JSON, a log, a file with
// old Mac CR-only line ends), and refusing it early keeps the error useful.
inline constexpr std::size_t kMaxCsvLineBytes = 1u << 20;

// Parses price text into one series, detecting its layout as
// import_price_text() does with default options (price_import.hpp: encoding,
// delimiter, header rows, column names and known headerless layouts, decimal
// comma and grouping, the time formats, time order). What stays the same for
// every layout:
//
// Lines: CRLF or LF line ends; blank lines are skipped (they still count for
// line numbers). RFC 4180 quoting; a quoted field may not span lines, so an
// unclosed quote is reported on its own line. A line longer than
// kMaxCsvLineBytes is refused naming its line and length, as is a carriage
// return inside a line (CR-only line ends). Text that is not UTF-8 or UTF-16
// (a NUL byte, an invalid sequence), or has no data rows, is refused as a
// whole: CsvError line 0. Every row has as many fields as the header.
//
// Columns: "close" is required ("Adj Close" is not it); "open", "high", "low"
// and "volume" are read when present; two columns for one of them are an
// error. Other columns are ignored. Labels: the first column named date,
// time, datetime, timestamp, bar, index or year supplies `labels`, its raw
// text per bar (a fractional year is a label, not a time).
//
// Time: the first time-named column whose first value is a date or a Unix
// time is the time column; one that is present but cannot be read is an
// error naming it and its value, never a series without times. Dates and
// times are range-checked (month 1-12, day within the month, leap years,
// hour < 24, minutes and seconds < 60), Unix times must keep the first row's
// unit, and nothing after the year 9999 is read.
//
// Order: rows out of time order are sorted by time (stable; every per-bar
// vector moves together) with a warning giving how many rows were earlier than
// the row before them and the first such line. A row that repeats an earlier
// one exactly is dropped with a warning; two rows with the same time and
// different values are an error naming both lines and the time.
//
// Values: close, open, high and low must be finite numbers greater than 0,
// volume a finite number of 0 or more; an empty field is an error. A bar whose
// high is below its low, or whose open or close lies outside [low, high], is
// kept and counted in a warning (vendors ship such bars).
//
// `source` names the text in error messages (usually the file path). Errors
// about one value read "SOURCE:LINE: column "NAME": "VALUE" is not ..." with
// column() set; errors about close keep the form "close is ...". A file of
// several tickers (a Stooq bulk file) is refused here: import_price_text()
// reads it as one series per ticker.
PriceSeries parse_price_csv(std::string_view text, std::string_view source);

// Reads and parses a file; CsvError names the path if it cannot be read. A
// file whose text and parsed bars would not fit in the available memory
// (memory_limits.hpp: about three times the file's size) is refused before it
// is read, with the memory it needs and the memory there is (line 0).
PriceSeries read_price_csv(const std::filesystem::path& file);

}  // namespace atc
