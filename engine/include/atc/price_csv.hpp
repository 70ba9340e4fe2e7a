// Reading a price series from CSV, as exported by brokers, data vendors and
// spreadsheets. Strict: a file that is not clearly a price table is refused with
// the file, line and problem named; nothing is guessed or repaired.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace atc {

// A problem in a CSV file. what() reads "FILE:LINE: problem" (or "FILE: problem"
// when no line applies); the parts are kept for dialogs.
class CsvError : public std::runtime_error {
public:
    CsvError(std::string source, std::size_t line, std::string problem);
    const std::string& source() const { return source_; }
    std::size_t line() const { return line_; }  // 1-based; 0 when the whole file is at fault
    const std::string& problem() const { return problem_; }

private:
    std::string source_;
    std::size_t line_;
    std::string problem_;
};

struct PriceSeries {
    std::vector<double> close;  // strictly positive, finite, file order
    std::vector<std::string>
        labels;  // text of the time column per bar (date, time, bar, ...); empty if none
    std::string label_column;  // header of that column, as written; empty if none
};

// Parses CSV text. The first non-empty line is the header and must contain a
// column named "close" (any case, surrounding spaces ignored). The delimiter is
// the first of ',', ';', TAB found in the header. Accepts a UTF-8 BOM, CRLF or LF
// line ends, RFC 4180 quoting, and skips blank lines (they still count for line
// numbers). A quoted field may not span lines, so an unclosed quote is reported
// on its own line. The first column named date, time, datetime, timestamp, bar or
// index (any case) supplies the labels. `source` names the text in error messages
// (usually the file path). Text that is not UTF-8 (a NUL byte or invalid
// sequence), or has no data rows, is refused as a whole: CsvError line 0.
PriceSeries parse_price_csv(std::string_view text, std::string_view source);

// Reads and parses a file; CsvError names the path if it cannot be read.
PriceSeries read_price_csv(const std::filesystem::path& file);

}  // namespace atc
