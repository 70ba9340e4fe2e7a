// SPDX-License-Identifier: GPL-3.0-or-later
// The row reader's fast path for the rows nearly every price file has: plain
// fields (no quotes, no padding around numbers, ASCII only) whose numbers are
// [-]DIGITS[.DIGITS] (short_decimal.hpp). Such a row is read in one pass: each
// number is converted while its end is searched for, instead of splitting
// the line first and reading every field again. Any other row, and any value
// that the row reader would refuse, makes read() return false, and the row
// reader reads that row by its general path, which words the problem: this
// path only ever accepts what the general one accepts, with the same values.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "io/column_roles.hpp"
#include "io/csv_values.hpp"

namespace atc::detail {

// What PlainRowPlan::read finds in one row.
struct PlainRow {
    static constexpr std::size_t kMaxNumbers = 5;  // close, open, high, low, volume
    std::array<double, kMaxNumbers> numbers{};     // in the order of the plan's NumberColumns
    std::string_view time, time_of_day, label;     // trimmed
};

class PlainRowPlan {
public:
    struct NumberColumn {
        std::size_t index = 0;
        ValueRule rule = ValueRule::Price;
    };

    // The plan for a file's rows: `numbers` are the numeric columns read
    // (at most PlainRow::kMaxNumbers). Disabled (enabled() false) for what
    // the fast path leaves to the general one: a ticker column, grouping of
    // digits, a delimiter that can be part of a number.
    PlainRowPlan(const ColumnLayout& layout, std::span<const NumberColumn> numbers,
                 std::optional<std::size_t> time, std::optional<std::size_t> time_of_day,
                 char delimiter, NumberStyle style);

    bool enabled() const { return !fields_.empty(); }

    // Reads `line` (without its line end) into `row` when it is plain and
    // every number is one its column accepts; false otherwise, `row`
    // unspecified. The bytes from the line up to `readable_end` (the end of
    // the text it is a line of) may be read, eight at a time.
    bool read(std::string_view line, const char* readable_end, PlainRow& row) const;

private:
    enum class Kind : std::uint8_t { Skip, Number, Text };
    struct Field {
        Kind kind = Kind::Skip;
        std::uint8_t slot = 0;  // Number: index into PlainRow::numbers
        bool volume = false;    // Number: 0 is allowed (prices must be above 0)
        bool time = false;      // Text: the uses of its trimmed text
        bool time_of_day = false;
        bool label = false;

        // A Text field's trimmed text, to each use the column has.
        void keep_text(std::string_view text, PlainRow& row) const {
            if (time)
                row.time = text;
            if (time_of_day)
                row.time_of_day = text;
            if (label)
                row.label = text;
        }
    };

    bool read_short_line(std::string_view line, PlainRow& row) const;

    std::vector<Field> fields_;  // one per column; empty when disabled
    char delimiter_;
    char point_;
};

}  // namespace atc::detail
