// SPDX-License-Identifier: GPL-3.0-or-later
// How a scan is presented: symbols split by the sign of their latest Average
// signal into a LONG and a SHORT table (FLAT for exactly 0), each ranked by the
// strength of the signal. One ranking for every output of a scan (the text of
// `atc scan`, the scan reports), so they always list symbols in the same order.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "atc/result.hpp"

namespace atc {

struct ScanRanking {
    // Indices into the input, strongest first.
    std::vector<std::size_t> longs;   // Average > 0
    std::vector<std::size_t> shorts;  // Average < 0
    std::vector<std::size_t> flats;   // Average == 0 (or NaN, which the engine never produces)
};

// `averages[i]` is the latest Average of symbol `names[i]` (same length). Each
// table is ranked by |Average| descending, ties by name.
ScanRanking rank_scan(std::span<const double> averages, std::span<const std::string> names);

// How many of a ranked table's entries a report lists: those with
// |Average| >= min_signal, at most `top`.
std::size_t shown_in_table(std::span<const std::size_t> table, std::span<const double> averages,
                           double min_signal, std::optional<std::size_t> top);

// "long", "short", "flat": a trend or an entry's direction as every scan output
// and the symbol report's JSON write it.
const char* direction_name(Direction direction);

// Bars from the last entry marker to the last bar (0: the entry is the last
// bar); none without a marker.
std::optional<std::size_t> bars_since_entry(const ScanRow& row);

// The plain price change from the close at the last entry to the last close,
// in percent (+12.5: the price rose 12.5 %, whichever way the entry pointed);
// NaN without a marker.
double change_since_entry_percent(const ScanRow& row);

// The family with the largest Layer-2 equity W_t at the last bar (equal ones:
// the first in MaType order); none where every equity is NaN.
std::optional<MaType> strongest_family(const ScanRow& row);

// A symbol's last entry marker in words, as every scan output writes it:
// "long @ 1998-08-03 (bar 1820)", "short @ bar 57" (no label), "-" (none).
// `label` is the date or other label of the marker's bar.
std::string entry_text(const std::optional<EntryMarker>& marker, std::string_view label);

}  // namespace atc
