// The numeric fields of a price CSV: parsing and the messages for bad values.
// std::from_chars reads the decimal text exactly and ignores the locale; a
// leading '+' is allowed, a decimal comma is refused with a hint.
#pragma once

#include <string>
#include <string_view>

#include "io/csv_result.hpp"

namespace atc::detail {

// `text` in double quotes, for messages.
std::string quote(std::string_view text);

// One close price (finite, greater than 0) from an untrimmed field. These
// messages ("close is ...") predate the other columns and are kept word for
// word: users and scripts know them.
CsvResult<double> parse_close(std::string_view raw);

enum class ValueRule {
    Price,   // finite, greater than 0 (open, high, low)
    Volume,  // finite, 0 or more
};

// One value of the optional column `name` from a trimmed field; its problem
// reads "column "NAME": "TEXT" is not a number".
CsvResult<double> parse_column_value(std::string_view text, ValueRule rule,
                                     const std::string& name);

}  // namespace atc::detail
