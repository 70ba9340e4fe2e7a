// SPDX-License-Identifier: GPL-3.0-or-later
// The syntax layer of the price CSV reader: binary-content check, lines,
// delimiter and fields. It knows nothing about prices or column names.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv_result.hpp"

namespace atc::detail {

inline bool is_blank_char(char c) {
    return c == ' ' || c == '\t';
}

// `s` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view s);

// A problem (line 0) unless `text` is UTF-8 without NUL bytes, so that a
// spreadsheet or zip file gets "not a text file" instead of a confusing
// complaint about its "header". `text` must not start with the BOM any more.
CsvResult<> check_is_text(std::string_view text);

// One field of a record: its text as it appears in the line (quotes included)
// and whether it was quoted. Decoding is deferred to the few fields we use.
struct RawField {
    std::string_view text;
    bool quoted = false;
};

// Splits one line into `fields` (RFC 4180 quoting; spaces around a quoted field
// are tolerated). The problem for broken quoting has no line: the caller's.
CsvResult<> split_fields(std::string_view line, char delimiter, std::vector<RawField>& fields);

// The field's value: unquoted fields trimmed, quoted ones unescaped.
std::string decode(const RawField& field);

// The text to read a value from without copying: unquoted fields are trimmed
// in place; quoted ones are decoded into `scratch` and a view of it returned.
std::string_view field_value(const RawField& field, std::string& scratch);

// Splits the text into physical lines, tracking 1-based line numbers.
class LineReader {
public:
    explicit LineReader(std::string_view text) : text_(text) {}

    // Next non-blank line with its CR stripped; nullopt at the end.
    std::optional<std::string_view> next();

    // Number of the line last returned by next().
    std::size_t line_number() const { return line_number_; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_number_ = 0;
};

}  // namespace atc::detail
