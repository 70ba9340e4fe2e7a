// Pieces for writing JSON text by hand: numbers that read back exactly and
// escaped strings. Shared by the parameter files and the reports, so every
// JSON the programs write formats a double the same way.
#pragma once

#include <string>
#include <string_view>

namespace atc {

// The shortest text that reads back to exactly `v` (std::to_chars guarantees
// the round trip), with ".0" kept on whole numbers so they read as numbers with
// a fraction (1.0, not 1). JSON has no NaN or infinity: those are written as null.
std::string json_number(double v);
void append_json_number(std::string& out, double v);

// `text` (UTF-8) as a JSON string literal: quotes, backslashes and control
// characters escaped, everything else kept as it is.
std::string json_string(std::string_view text);
void append_json_string(std::string& out, std::string_view text);

}  // namespace atc
