// Reading a price series from CSV, as exported by brokers, data vendors and
// spreadsheets. Strict: a file that is not clearly a price table is refused with
// the file, line and problem named; nothing is guessed or repaired. The few
// things that are fixed up (rows out of time order) are reported as warnings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

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
};

// "none", "date", "datetime", "epoch_s", "epoch_ms".
std::string_view time_kind_name(TimeKind kind);

// One series of bars in time order. Every per-bar vector is either empty (the
// file has no such column) or holds exactly close.size() values.
struct PriceSeries {
    std::vector<double> close;  // strictly positive, finite
    std::vector<std::string>
        labels;  // text of the label column per bar (date, time, bar, ...); empty if none
    std::string label_column;  // header of that column, as written; empty if none

    std::vector<std::int64_t> time_ms;  // UTC milliseconds since the epoch; empty if no time
    TimeKind time_kind = TimeKind::None;
    std::string time_column;  // header of the time column, as written; empty if none

    std::vector<double> open, high, low;  // strictly positive, finite
    std::vector<double> volume;           // 0 or more, finite

    // Things the user should know that did not stop the import, one sentence
    // each (rows sorted into time order, inconsistent bars, an unreadable time
    // column). Empty for a clean file.
    std::vector<std::string> warnings;
};

// The longest line a price file may have. A row of prices is a few dozen
// bytes and even a wide vendor export stays far below this; a longer line
// means the file is not a price table (a minified JSON, a log, a file with
// old Mac CR-only line ends), and refusing it early keeps the error useful.
inline constexpr std::size_t kMaxCsvLineBytes = 1u << 20;

// Parses CSV text.
//
// Shape: the first non-empty line is the header. The delimiter is the first of
// ',', ';', TAB found in it. A UTF-8 BOM, CRLF or LF line ends and RFC 4180
// quoting are accepted; blank lines are skipped (they still count for line
// numbers). A quoted field may not span lines, so an unclosed quote is reported
// on its own line. Text that is not UTF-8 (a NUL byte or invalid sequence), or
// has no data rows, is refused as a whole: CsvError line 0.
//
// Columns are found by name, ignoring case, spaces and underscores ("Adj Close"
// and "adj_close" are the same name): "close" is required ("Adj Close" is not
// it); "open", "high", "low" and "volume" are read when present. Two columns of
// the same name are an error. Other columns are ignored.
//
// Labels: the first column named date, time, datetime, timestamp, bar, index or
// year supplies `labels`, its raw text per bar (a fractional year is a label,
// not a time).
//
// Time: the first column named date, time, datetime or timestamp whose first
// value looks like a time is the time column; its first value decides the kind
// for the whole file:
//   - digits only: Unix time; below 1e11 it is seconds (1e11 s is the year
//     5138), from 1e11 on milliseconds (1e11 ms is 1973-03-03). Every row must
//     then be on the same side of 1e11, so a file never mixes the two.
//   - YYYY-MM-DD, optionally followed by 'T' or a space and HH:MM, HH:MM:SS or
//     HH:MM:SS.fff (more fraction digits are read and dropped below the
//     millisecond), optionally followed by 'Z' or an offset +HH:MM / -HH:MM
//     (also +HHMM). A time without an offset is taken as UTC. Plain dates are
//     midnight UTC.
// If a time-named column exists but its first value is neither (e.g.
// "Jan 2, 2024", "02.01.2024", "09:30"), the bars have no time: time_ms stays
// empty and a warning says why. Dates and times are range-checked (month 1-12,
// day within the month, leap years, hour < 24, minutes and seconds < 60).
//
// Order: rows out of time order are sorted by time (stable; every per-bar
// vector moves together) with a warning giving how many rows were earlier than
// the row before them and the first such line. Two rows with the same time are
// an error naming both lines and the time.
//
// Values: close, open, high and low must be finite numbers greater than 0,
// volume a finite number of 0 or more; an empty field is an error, as is a
// decimal comma. A bar whose high is below its low, or whose open or close lies
// outside [low, high], is kept and counted in a warning (vendors ship such
// bars).
//
// Lines: one longer than kMaxCsvLineBytes is refused naming its line and
// length, as is a carriage return inside a line (CR-only line ends).
//
// `source` names the text in error messages (usually the file path). Errors
// about one value read "SOURCE:LINE: column "NAME": "VALUE" is not ..." with
// column() set; errors about close keep the form "close is ...".
PriceSeries parse_price_csv(std::string_view text, std::string_view source);

// Reads and parses a file; CsvError names the path if it cannot be read. A
// file whose text and parsed bars would not fit in the available memory
// (memory_limits.hpp: about three times the file's size) is refused before it
// is read, with the memory it needs and the memory there is (line 0).
PriceSeries read_price_csv(const std::filesystem::path& file);

}  // namespace atc
