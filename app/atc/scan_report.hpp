// The text report of `atc scan`: a LONG and a SHORT table ranked by the
// strength of the latest Average signal, the flat symbols, and the totals.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "atc/result.hpp"

namespace atc::cli {

// One computed symbol.
struct ReportRow {
    std::string symbol;
    ScanRow row;
    // Time label (date, ...) of the bar of row.last_marker; empty if the file has none.
    std::string marker_label;
};

struct ReportOptions {
    double min_signal = 0.0;         // list only |Average| >= min_signal
    std::optional<std::size_t> top;  // at most this many rows per table
};

struct ReportTotals {
    std::size_t failed = 0;  // files skipped (unreadable or refused by the engine)
    double elapsed_seconds = 0.0;
    std::size_t from_cache = 0;  // symbols answered by the persistent result cache
};

// Rows with Average > 0 go to LONG, < 0 to SHORT, == 0 to the FLAT line; each
// table is ranked by |Average| descending, ties by symbol, and columns aligned.
std::string format_scan_report(std::vector<ReportRow> rows, const ReportOptions& options,
                               const ReportTotals& totals);

// "long @ 1998-08-03 (bar 1820)", "short @ bar 57", or "-" without an entry.
std::string describe_entry(const ReportRow& row);

}  // namespace atc::cli
