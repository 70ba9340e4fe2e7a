// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the data rows of a price file, one at a time, into bars, checking
// every value as it is read so that a problem names its line. What the rows
// mean (the columns, the time, the numbers' style) is decided before.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atc/price_csv.hpp"
#include "atc/price_import.hpp"
#include "io/column_roles.hpp"
#include "io/csv_result.hpp"
#include "io/csv_tokenizer.hpp"
#include "io/csv_values.hpp"
#include "io/plain_row.hpp"
#include "io/time_column.hpp"

namespace atc::detail {

// The bars of one file in file order; with a ticker column, each bar's ticker.
struct FileRows {
    PriceSeries bars;
    std::vector<std::size_t> lines;        // each bar's file line, for messages after sorting
    std::vector<std::uint32_t> ticker_of;  // index into `tickers`, one per bar; empty without
    std::vector<std::string> tickers;      // in order of first appearance
    SkippedRows null_rows{"the prices are all \"null\" (a holiday placeholder)"};
};

class RowReader {
public:
    RowReader(const ColumnLayout& layout, char delimiter, NumberStyle style,
              std::optional<TimeColumn> time, std::size_t expected_rows);
    // columns_ points into rows_.
    RowReader(const RowReader&) = delete;
    RowReader& operator=(const RowReader&) = delete;

    // Adds the bar of `line`, line number `n` of the file. A line that is not
    // text (a NUL, invalid UTF-8) is refused with a problem whose line number
    // is not the file's: the caller checks the whole text for binary data
    // when a read fails (read_prices), and that problem is the one shown.
    // `text_end`: the end of the text that `line` is part of (bytes up to it
    // may be read); nullptr when that is the line's end.
    CsvResult<> read(std::string_view line, std::size_t n, const char* text_end = nullptr);

    const std::optional<TimeColumn>& time() const { return time_; }
    FileRows& rows() { return rows_; }

private:
    struct ValueColumn {
        std::size_t index = 0;
        std::vector<double>* values = nullptr;
        ValueRule rule = ValueRule::Price;
    };

    static PlainRowPlan plain_plan(const ColumnLayout& layout, char delimiter, NumberStyle style,
                                   const std::optional<TimeColumn>& time);
    bool add_plain_row(std::size_t n);
    CsvResult<> split_general(std::string_view line, std::size_t n);
    bool is_null_row() const;
    void add_label(std::string_view label);
    void add_ticker(std::string_view ticker);

    const ColumnLayout& layout_;
    char delimiter_;
    NumberStyle style_;
    std::optional<TimeColumn> time_;
    std::size_t expected_rows_;
    FileRows rows_;
    std::vector<ValueColumn> columns_;  // open, high, low, volume: those the file has
    PlainRowPlan plain_;                // the fast path; numbers: close, then columns_
    PlainRow plain_row_;
    std::vector<RawField> fields_;
    std::string scratch_;
    std::string time_of_day_scratch_;
    std::uint32_t last_ticker_ = 0;  // index of the last row's ticker
};

// What no price row holds, checked before its fields are: a line longer than
// kMaxCsvLineBytes, or a carriage return inside it (CR-only line ends).
CsvResult<> check_line_shape(std::string_view line, std::size_t number);

}  // namespace atc::detail
