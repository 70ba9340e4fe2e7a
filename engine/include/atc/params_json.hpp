// SPDX-License-Identifier: GPL-3.0-or-later
// ATC parameters as JSON: one member per row of the parameter table
// (param_table.hpp): the keys of the golden params.json files (ema_len ...
// kama_len, ema_w ... kama_w, robustness, La, De, cutout, long_threshold,
// short_threshold, strategy_mode) plus "profile" ("reference" | "pine"). Missing
// keys keep their defaults; unknown keys, wrong types and out-of-range values are
// errors naming the key.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "atc/json_document.hpp"
#include "atc/params.hpp"

namespace atc {

class ParamsError : public std::runtime_error {
public:
    ParamsError(std::string source, std::string key, const std::string& message);
    const std::string& source() const { return source_; }
    const std::string& key() const { return key_; }  // empty for syntax errors

private:
    std::string source_;
    std::string key_;
};

// Parses a JSON object. `source` names the text in messages (a file path).
// Syntax errors read "SOURCE:LINE:COLUMN: problem" with an empty key(); a bad
// member (unknown or duplicate key, wrong type, 28.5 for a length) reads the
// same at the key's position with key() set. After parsing, the values are
// checked with check_params (validation.hpp); the first problem is thrown as
// ParamsError with its key and allowed range ("SOURCE: message").
// "robustness" and "profile" values are matched ignoring case.
AtcParams parse_params_json(std::string_view text, std::string_view source);

// The largest parameters file read_params_json accepts; all keys written out
// take about 500 bytes, so a larger file is the wrong file.
inline constexpr std::uint64_t kMaxParamsFileBytes = 1u << 20;
// Reads and parses a file; one larger than kMaxParamsFileBytes is refused
// before it is read.
AtcParams read_params_json(const std::filesystem::path& file);

// Every key, in the golden files' order, as a pretty-printed JSON object that
// parse_params_json reads back to an equal AtcParams. Doubles are written as a
// text that reads back to the same bits (0.1, not 0.10000000000000001; see
// json_document.hpp), whole ones with ".0"; a non-finite value (JSON cannot hold it) is written as
// null, which parse_params_json then refuses naming the key.
std::string params_to_json(const AtcParams& params);
// The same as a JSON value, for documents that hold the parameters (reports).
Json params_json_object(const AtcParams& params);

}  // namespace atc
