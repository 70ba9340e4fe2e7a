// SPDX-License-Identifier: GPL-3.0-or-later
// The per-bar signal table of `atc compute`, in the column layout of the golden
// expected.csv files, so the output can be diffed against reference data. The
// signal reports write the same table with a date and a marker column added.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "atc/result.hpp"

namespace atc {

// Optional columns around the engine's own.
struct SignalCsvExtras {
    // Empty: no date column. Otherwise one text per bar, written as a "date"
    // column right after "bar" (quoted where the text needs it).
    std::span<const std::string> dates;
    // Adds a last column "marker": "long" or "short" at the bars of
    // result.markers, empty elsewhere.
    bool markers = false;
    // Both given: two last columns "position" (-1, 0, +1) and "strategy_equity"
    // (empty before it starts): the signal held as a position
    // (atc/performance.hpp), one value per bar each.
    std::span<const std::int8_t> position;
    std::span<const double> strategy_equity;
};

// "bar,EMA_Signal,...,KAMA_Signal,EMA_S,...,KAMA_S,Average_Signal" and one row per
// bar: bar index from 0, numbers as %.17g (exact round trip), empty field for NaN.
// Throws std::logic_error if a series (or extras.dates) does not have one value
// per bar, or a marker lies outside the bars.
std::string format_signal_csv(const AtcResult& result, const SignalCsvExtras& extras = {});

// The table's field formats, for the other CSV files the programs write:
// a number as %.17g (exact round trip), NaN as an empty field; text as it is,
// or quoted (RFC 4180) when it holds a comma, a quote or a line break.
void append_csv_number(std::string& out, double v);
void append_csv_text(std::string& out, std::string_view text);

}  // namespace atc
