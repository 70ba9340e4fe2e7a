// SPDX-License-Identifier: GPL-3.0-or-later
// Which column of a price file is what: from the header's names through one
// table of aliases, from the known layouts of headerless files, or as the
// user says (--columns).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atc/price_import.hpp"
#include "io/csv_result.hpp"

namespace atc::detail {

// A header name reduced for matching: lower case (ASCII), without spaces,
// tabs, underscores, dots and the <> of MetaTrader and Stooq, so "Adj Close",
// "adj_close", "<CLOSE>" and "Vol." match "adjclose", "close" and "vol".
std::string normalize_column_name(std::string_view name);

// Two columns named for one role, kept until --columns may have settled it.
struct DuplicateRole {
    ColumnRole role;
    CsvProblem problem;
};

struct ColumnLayout {
    std::vector<std::string> names;  // as written; "column N" (1-based) where there is none
    std::optional<std::size_t> time, time_of_day;  // decided with the first row (time_column.hpp)
    std::optional<std::size_t> open, high, low, close, volume, ticker;
    std::optional<std::size_t> label;  // the first date/time/.../bar/index/year column
    // Columns whose name says they may hold the time (date, time, datetime,
    // timestamp, open_time, Datum, ...; an unnamed first column), in order.
    std::vector<std::size_t> time_candidates;
    std::optional<DuplicateRole> duplicate;

    std::size_t field_count() const { return names.size(); }
    const std::string& name(std::size_t i) const { return names[i]; }
};

// "column 3" for the 0-based index 2.
std::string numbered_column_name(std::size_t index);

// The roles that the header's names give; two columns for one role are kept
// in `duplicate` (require_close refuses them).
CsvResult<ColumnLayout> layout_from_names(std::vector<std::string> names, std::size_t line);

// The user's --columns, applied over what was detected: each choice takes
// its column (dropping whatever role the column had) and its role (dropping
// the column that had it). Refuses a column beyond the file's.
CsvResult<> apply_column_choices(ColumnLayout& layout, const std::vector<ColumnChoice>& choices);

// What every layout needs: one column per role and a close. Refused, naming
// the columns found and how a close is named, when it has none.
CsvResult<> check_roles(const ColumnLayout& layout, std::size_t line);

// The columns the reader uses, in role order, for ImportDetection.
std::vector<DetectedColumn> detected_columns(const ColumnLayout& layout);

}  // namespace atc::detail
