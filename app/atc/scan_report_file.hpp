// SPDX-License-Identifier: GPL-3.0-or-later
// `atc scan --report FILE`: the scan's LONG and SHORT tables with the
// parameters and the time of the scan, as a PDF, CSV or JSON file (by the
// file's extension), written atomically.
//
// Each program links one definition of prepare_scan_report():
//   atc-report-render  scan_report_file.cpp: checks FILE, writes the report
//   atc                report_handover.cpp: draws nothing itself, so the whole
//                      scan runs in the report renderer (execv) instead
//   atc without the UI reports_unavailable.cpp: says the reports are missing
#pragma once

#include <functional>
#include <span>
#include <string>

#include "atc/scan_report.hpp"

namespace atc::cli {

// Writes the finished scan's report. Throws (FileWriteError, ...) on
// failure; the file is then left as it was.
using ScanReportWriter = std::function<void(const ScanReport&)>;

// Called with the other options, before anything is scanned; `scan_args` are
// the scan's command line (after "scan"), for a program that hands the scan
// over. UsageError when the extension names no scan report format (or this
// atc has no reports).
ScanReportWriter prepare_scan_report(const std::string& file,
                                     std::span<const std::string> scan_args);

}  // namespace atc::cli
