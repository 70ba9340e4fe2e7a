// SPDX-License-Identifier: GPL-3.0-or-later
// Syntax of a JSON document that must be one object: its top-level members in
// file order, each with the byte offset of its key for error messages. The
// meaning of the keys is the caller's job (params_json.cpp).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "io/utf8.hpp"

namespace atc::detail {

struct Position {
    std::size_t line = 1;
    std::size_t column = 1;
};

// Line and column (in characters, not bytes) of a byte offset; a leading BOM is
// not counted. Linear in `offset`: call it for messages only.
Position position_of(std::string_view text, std::size_t offset);

// "SOURCE:LINE:COLUMN: what".
std::string located(const std::string& source, Position p, const std::string& what);

struct JsonValue {
    enum class Kind { Number, String, Bool, Null, Array, Object };
    Kind kind = Kind::Null;
    double number = 0.0;
    std::string_view number_text;  // as written, for messages; points into the parsed text
    std::string text;              // decoded string
    bool boolean = false;
    // Arrays and objects keep no content: no caller accepts them as values, but
    // they are parsed so the caller can name the key instead of a syntax error.
};

// "a number", "a string", "true/false", "null", "an array", "an object".
std::string_view kind_name(JsonValue::Kind kind);

struct Member {
    std::string key;
    std::size_t offset = 0;  // of the key's opening quote, in bytes
    JsonValue value;
};

// A syntax error; what() reads "SOURCE:LINE:COLUMN: problem".
class JsonSyntaxError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Parses `text` (a UTF-8 BOM is skipped) as exactly one JSON object and returns
// its members in file order; duplicates are kept for the caller to judge.
// `object_name` completes "expected '{' at the start of ..." (e.g. "the
// parameters object"). Numbers follow JSON's grammar exactly and are converted
// with from_chars (exact, no locale). Throws JsonSyntaxError; the returned
// number_text views point into `text`.
std::vector<Member> parse_json_object(std::string_view text, const std::string& source,
                                      std::string_view object_name);

}  // namespace atc::detail
