// SPDX-License-Identifier: GPL-3.0-or-later
// Puts a parsed series into time order: rows out of order are sorted (with a
// warning), a row that repeats an earlier one exactly is dropped (counted),
// two rows at the same time with different values are an error.
#pragma once

#include <cstddef>
#include <vector>

#include "atc/price_csv.hpp"
#include "atc/price_import.hpp"
#include "io/csv_result.hpp"

namespace atc::detail {

// `series.time_ms` is filled (one value per bar) and `lines` holds each bar's
// line number in the file, both in file order. Sorts every per-bar vector of
// `series` (and `lines`) by time, stably, adding a warning that counts the rows
// earlier than the row before them and names the first one. Drops the later
// of two rows with the same time and the same values, counting them in
// `repeats`; refuses two rows with the same time and different values, naming
// both lines and the time, at the later of the two lines.
CsvResult<> put_in_time_order(PriceSeries& series, std::vector<std::size_t>& lines,
                              SkippedRows& repeats);

}  // namespace atc::detail
