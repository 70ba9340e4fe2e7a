// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csv_dialect.hpp"

#include <array>

#include "io/csv_tokenizer.hpp"

namespace atc::detail {

namespace {

// Fields per line when split at `delimiter`, or 0 when the lines disagree,
// a line's quoting breaks, or a line is a single field.
std::size_t consistent_field_count(const std::vector<std::string_view>& lines, char delimiter) {
    std::vector<RawField> fields;
    std::size_t count = 0;
    for (const std::string_view line : lines) {
        if (!split_fields(line, delimiter, fields) || fields.size() < 2)
            return 0;
        if (count != 0 && fields.size() != count)
            return 0;
        count = fields.size();
    }
    return count;
}

char first_delimiter_of(std::string_view line) {
    bool in_quotes = false;
    for (const char c : line) {
        if (c == '"')
            in_quotes = !in_quotes;
        if (!in_quotes && (c == ',' || c == ';' || c == '\t'))
            return c;
    }
    return ',';
}

}  // namespace

char detect_delimiter(const std::vector<std::string_view>& lines) {
    if (lines.empty())
        return ',';
    constexpr std::array<char, 3> kByPreference = {'\t', ';', ','};
    for (const char delimiter : kByPreference) {
        if (consistent_field_count(lines, delimiter) != 0)
            return delimiter;
    }
    return first_delimiter_of(lines.front());
}

NumberStyle detect_number_style(const std::vector<std::string>& values, char delimiter,
                                char& thousands) {
    NumberStyle style;
    thousands = 0;
    bool comma = false;
    bool point = false;
    for (const std::string& v : values) {
        comma = comma || has_comma_between_digits(v);
        point = point || v.find('.') != std::string_view::npos;
    }
    if (comma && delimiter != ',') {
        style.decimal = ',';
        if (point)
            thousands = '.';
    } else if (comma) {
        thousands = ',';  // a comma inside a field of a comma file: a quoted "3,315.24"
    }
    return style;
}

}  // namespace atc::detail
