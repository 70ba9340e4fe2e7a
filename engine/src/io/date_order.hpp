// SPDX-License-Identifier: GPL-3.0-or-later
// Whether 03/04/2024 is 3 April or March 4: decided by the whole file, since
// one date cannot tell. A first number above 12 can only be a day (DD/MM), a
// second number above 12 only a day too (MM/DD). A file that never shows
// either is refused, naming both readings and the option that settles it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "atc/price_import.hpp"
#include "io/csv_result.hpp"
#include "io/time_parse.hpp"

namespace atc::detail {

struct TimeText {
    std::string text;
    std::size_t line = 0;
};

// SlashDmy or SlashMdy for the slashed dates `values` of the column `column`,
// or as `option` says when it is not Auto.
CsvResult<DateShape> decide_date_order(const std::vector<TimeText>& values, DateOrder option,
                                       const std::string& column);

}  // namespace atc::detail
