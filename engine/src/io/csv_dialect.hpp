// SPDX-License-Identifier: GPL-3.0-or-later
// How a price file writes its table: the delimiter, and how its numbers are
// written. Decided from the first lines, by consistency, never from the file
// name.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv_values.hpp"

namespace atc::detail {

// How many non-blank lines the detector looks at.
inline constexpr std::size_t kDialectSampleLines = 50;

// The delimiter that splits every one of `lines` into the same number of
// fields, at least two. TAB and ';' go before ',' when several do (neither
// appears inside a number; a comma may be a decimal comma). When none does,
// the first ',', ';' or TAB outside quotes on the first line (',' if there is
// none: a single column), so that the row that breaks the pattern is named.
char detect_delimiter(const std::vector<std::string_view>& lines);

// The numbers' style from sample values of the price and volume columns: a
// decimal comma when the delimiter is not ',' and a value has a comma between
// digits. `thousands` is set to the grouping separator seen, or 0.
NumberStyle detect_number_style(const std::vector<std::string>& values, char delimiter,
                                char& thousands);

}  // namespace atc::detail
