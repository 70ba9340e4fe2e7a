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

// `s` without leading and trailing spaces and tabs. Inline: it runs on
// every field the reader uses.
inline std::string_view trim(std::string_view s) {
    while (!s.empty() && is_blank_char(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_blank_char(s.back()))
        s.remove_suffix(1);
    return s;
}

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

// The fast path of split_fields for the lines nearly every price file has: no
// quote, no carriage return, only ASCII text (no NUL), at most
// kMaxCsvLineBytes long. Splits such a line in one pass, eight bytes at a
// time, and returns true; returns false (with `fields` unspecified) for any
// other line, which the general path reads and, if need be, refuses.
bool split_plain_fields(std::string_view line, char delimiter, std::vector<RawField>& fields);

// The field's value: unquoted fields trimmed, quoted ones unescaped.
std::string decode(const RawField& field);

// A quoted field's value, unescaped into `out` (whose capacity is reused).
void unquote_into(std::string_view quoted, std::string& out);

// The text to read a value from without copying: unquoted fields are trimmed
// in place; quoted ones are decoded into `scratch` and a view of it returned.
inline std::string_view field_value(const RawField& field, std::string& scratch) {
    if (!field.quoted)
        return trim(field.text);
    unquote_into(field.text, scratch);
    return scratch;
}

// Splits the text into physical lines, tracking 1-based line numbers.
class LineReader {
public:
    explicit LineReader(std::string_view text) : text_(text) {}

    // Next non-blank line with its CR stripped; nullopt at the end.
    std::optional<std::string_view> next();

    // Number of the line last returned by next().
    std::size_t line_number() const { return line_number_; }
    // How many bytes of the text the lines returned so far (and the blank
    // lines among them) cover.
    std::size_t position() const { return pos_; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_number_ = 0;
};

}  // namespace atc::detail
