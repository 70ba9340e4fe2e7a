// SPDX-License-Identifier: GPL-3.0-or-later
// Writing stored bars back out as CSV (`atc export`): one plain shape that any
// spreadsheet, pandas or ATC Studio itself reads, with nothing lost on the way.
#pragma once

#include <cstdint>
#include <string>

#include "atc/price_csv.hpp"

namespace atc {

// The header is exactly "time,open,high,low,close,volume". Time is ISO 8601 in
// UTC ("2024-01-05T00:00:00Z", ".123" before the Z when there are
// milliseconds); values are written with 17 significant digits, so reading them
// back gives the same doubles. A column the source did not have (no open, no
// volume, no time) is left empty on every row, never filled in.
std::string format_bars_csv(const PriceSeries& bars);

// One bar's time as the export writes it: "2024-01-05T00:00:00Z" (".123"
// before the Z when there are milliseconds). The import preview shows times
// this way, so what it promises is what `atc export` gives back.
std::string format_bar_time(std::int64_t time_ms);

}  // namespace atc
