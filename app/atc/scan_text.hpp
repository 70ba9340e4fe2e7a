// SPDX-License-Identifier: GPL-3.0-or-later
// The text report of `atc scan`: a LONG and a SHORT table ranked by the
// strength of the latest Average signal, the flat symbols, and the totals.
#pragma once

#include <string>

#include "atc/scan_report.hpp"

namespace atc::cli {

// Rows with Average > 0 go to LONG, < 0 to SHORT, == 0 to the FLAT line; each
// table is ranked by |Average| descending, ties by symbol, cut to the report's
// filter, and its columns aligned.
std::string format_scan_text(const ScanReport& report);

}  // namespace atc::cli
