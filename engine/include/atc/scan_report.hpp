// SPDX-License-Identifier: GPL-3.0-or-later
// What a scan found, as every output of a scan reads it: the text tables and
// the JSON of `atc scan`, the scan reports (CSV and JSON here in
// atc/scan_report_formats.hpp, the PDF in the app), written by the command
// line and by the app's scanner alike. One model, so that the outputs cannot
// disagree on a row, a filter or a total.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "atc/params.hpp"
#include "atc/result.hpp"

namespace atc {

// One computed symbol.
struct ScanReportRow {
    std::string symbol;  // UTF-8
    ScanRow row;         // the latest Average, trend, last close, bars and last entry marker
    // Date (or other label) of row.last_marker's bar; empty when unknown.
    std::string marker_label;
};

// A symbol that could not be scanned, and why.
struct ScanFailure {
    std::string symbol;
    std::string origin;  // the file, or the symbol for the database
    std::string error;
};

// The tables list |Average| >= min_signal only, at most `top` rows each.
struct ScanFilter {
    double min_signal = 0.0;
    std::optional<std::size_t> top;
};

// What was scanned.
struct ScannedSource {
    // "csv-dir" or "database" for `atc scan`; the app's scanner, which always
    // scans the app's own database, names itself ("ATC Studio scanner").
    std::string kind;
    std::string location;  // the folder or database file; empty where there is none
};

struct ScanReport {
    AtcParams params;
    ScannedSource source;
    // The timeframe every symbol was scanned at (timeframe_label: "4h",
    // "1d America/New_York"); empty when each was scanned at its data's own.
    // The outputs name it only when it is set.
    std::string timeframe;
    // When the report was made: the scan has just ended (atc scan) or its
    // results are still on display (the app's Export…).
    std::chrono::system_clock::time_point scanned_at = std::chrono::system_clock::now();
    double elapsed_seconds = 0.0;  // the scan's wall time
    std::size_t from_cache = 0;    // symbols answered by the persistent result cache
    ScanFilter filter;
    std::vector<ScanReportRow> rows;  // every computed symbol, in any order
    std::vector<ScanFailure> failures;
};

// "database /data/atc.sqlite", "csv-dir ./prices"; the kind alone without a location.
std::string describe_source(const ScannedSource& source);

// The report's time in UTC to the second, as the files write it: "2024-05-17T09:30:00Z".
std::string scanned_at_text(const ScanReport& report);

// One table of a scan's outputs: its rows strongest first, cut to the filter.
struct ScanReportTable {
    const char* name = "";                    // "long", "short", "flat"
    std::vector<const ScanReportRow*> shown;  // into ScanReport::rows
    std::size_t total = 0;                    // before the cut
};

struct RankedScanReport {
    ScanReportTable longs;
    ScanReportTable shorts;
    ScanReportTable flats;
};

// The ranking of every scan output (atc/scan_ranking.hpp) applied to the
// report's rows and cut by its filter. The tables point into `report`.
RankedScanReport rank_scan_report(const ScanReport& report);

}  // namespace atc
