// SPDX-License-Identifier: GPL-3.0-or-later
// The scan report's file formats that need no drawing: CSV and JSON. The
// command line (`atc scan --report`) and the app's scanner (Export…) both
// write these; the PDF is drawn with Qt in the app (ui/report/scan_pdf.cpp).
#pragma once

#include <cstddef>
#include <string>

#include "atc/json_document.hpp"
#include "atc/scan_report.hpp"

namespace atc {

// One line per listed symbol, LONG then SHORT then FLAT, in rank order, with
// the scan's time on every line so that the files of many scans can be
// appended into one sheet. (The parameters are in the JSON and PDF reports; a
// CSV has no place for them.)
std::string format_scan_report_csv(const ScanReport& report);

// When, what and with which parameters was scanned, the totals, and the LONG,
// SHORT and FLAT tables in rank order.
std::string format_scan_report_json(const ScanReport& report);

// The filter as both scan JSONs (this report, `atc scan --json`) write it:
// {"min_signal": 0.2, "top": 10}, "top" null without a limit.
Json scan_filter_json(const ScanFilter& filter);

// The members both scan JSONs open a row with: "rank", "symbol", "average",
// "trend", "last_close", "bars", "strongest_family" ({"type": "KAMA",
// "equity": its Layer-2 equity at the last bar}, or null), added to `object`.
// (Each writes the last entry its own way: `atc scan --json` an unknown label
// as null, this report as "".)
void add_scan_row_members(Json& object, std::size_t rank, const ScanReportRow& row);

// The members both scan JSONs end a row's "last_entry" object with (only
// written where there is an entry): "bars_since" (bars from the entry to the
// last bar), "close" (the close at the entry) and "change_pct" (the plain
// price change from there to the last close, in percent), added to `object`.
void add_since_entry_members(Json& object, const ScanRow& row);

}  // namespace atc
