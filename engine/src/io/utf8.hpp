// SPDX-License-Identifier: GPL-3.0-or-later
// The little UTF-8 knowledge the text readers share.
#pragma once

#include <cstddef>
#include <string_view>

namespace atc::detail {

// Editors on Windows like to start files with a byte-order mark; it is not content.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Length of the valid UTF-8 sequence starting at s[i] (a byte >= 0x80), or 0 if
// it is invalid: a bad lead byte, truncated, overlong, a surrogate or beyond
// U+10FFFF.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

}  // namespace atc::detail
