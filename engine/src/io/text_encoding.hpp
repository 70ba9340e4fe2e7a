// SPDX-License-Identifier: GPL-3.0-or-later
// The first step of reading a price file: its bytes as UTF-8 text. Spreadsheet
// and MetaTrader exports on Windows are often UTF-16; everything after this
// step reads UTF-8 only.
#pragma once

#include <string>
#include <string_view>

#include "io/csv_result.hpp"

namespace atc::detail {

struct DecodedText {
    std::string encoding;    // "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", "UTF-16BE", ...
    std::string converted;   // the UTF-8 text when it had to be converted
    std::string_view as_is;  // otherwise: the input without its byte-order mark
    bool was_converted = false;

    // The UTF-8 text (a view, so the common UTF-8 file is never copied).
    std::string_view text() const { return was_converted ? converted : as_is; }
};

// Recognises UTF-8 (with or without a BOM) and UTF-16 (LE or BE, with a BOM,
// or without one when the first bytes alternate NUL and ASCII) and converts
// UTF-16 to UTF-8 with iconv. `bytes` must outlive the result. UTF-16 that is
// not valid is refused; whether the UTF-8 is text (check_is_text) is left to
// the reader, which checks each line as it splits it.
CsvResult<DecodedText> decode_text(std::string_view bytes);

}  // namespace atc::detail
