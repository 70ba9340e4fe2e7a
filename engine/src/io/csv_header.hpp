// The meaning of a price CSV's header line: which column is close, which are
// open/high/low/volume, which labels the bars and which may hold their time.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv_result.hpp"

namespace atc::detail {

// A header name reduced for matching: ASCII lower case without spaces, tabs and
// underscores, so "Adj Close", "adj_close" and "ADJCLOSE" are one name.
std::string normalize_column_name(std::string_view name);

struct HeaderLayout {
    char delimiter = ',';
    std::vector<std::string> names;  // as written (decoded, trimmed)
    std::size_t close_index = 0;
    std::optional<std::size_t> open_index, high_index, low_index, volume_index;
    std::optional<std::size_t> label_index;  // the first date/time/.../bar/index/year column
    // Columns named date, time, datetime or timestamp, in header order; the
    // first whose first value looks like a time becomes the time column.
    std::vector<std::size_t> time_candidates;

    std::size_t field_count() const { return names.size(); }
};

// Reads the header line, line number `line_number` of the file. Refuses broken
// quoting, a missing close column and two columns that would both be close (or
// open, high, low, volume).
CsvResult<HeaderLayout> read_header(std::string_view line, std::size_t line_number);

}  // namespace atc::detail
