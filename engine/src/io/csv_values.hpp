// SPDX-License-Identifier: GPL-3.0-or-later
// The numeric fields of a price CSV: parsing and the messages for bad values.
// fast_float (with std::from_chars for range errors) reads the decimal text
// exactly and ignores the locale; a leading '+' is allowed. How the file
// writes numbers (a decimal comma, grouping separators) is the file's NumberStyle, decided once by
// the dialect detector; a volume may end in K, M or B.
#pragma once

#include <string>
#include <string_view>

#include "io/csv_result.hpp"

namespace atc::detail {

// How a file writes its numbers. Grouping separators are the other one of
// '.' and ',' (and spaces with a decimal comma), accepted only where they
// group digits by three: "3,315.24", "16.769,12", "1 234,5".
struct NumberStyle {
    char decimal = '.';
};

// `text` in double quotes, for messages.
std::string quote(std::string_view text);

// One close price (finite, greater than 0) from an untrimmed field. These
// messages ("close is ...") predate the other columns and are kept word for
// word: users and scripts know them.
CsvResult<double> parse_close(std::string_view raw, NumberStyle style = {});

enum class ValueRule {
    Price,   // finite, greater than 0 (open, high, low)
    Volume,  // finite, 0 or more; may end in K, M or B (thousands, millions, billions)
};

// One value of the optional column `name` from a trimmed field; its problem
// reads "column "NAME": "TEXT" is not a number".
CsvResult<double> parse_column_value(std::string_view text, ValueRule rule, const std::string& name,
                                     NumberStyle style = {});

// True when `text` has a comma between digits: what a decimal comma (or a
// grouping comma) looks like. For the dialect detector.
bool has_comma_between_digits(std::string_view text);

}  // namespace atc::detail
