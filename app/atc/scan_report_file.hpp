// `atc scan --report FILE`: the scan's LONG and SHORT tables with the
// parameters and the time of the scan, as a PDF, CSV or JSON file (by the
// file's extension), written atomically.
#pragma once

#include <string>

#include "atc/scan_report.hpp"

namespace atc::cli {

// Checked with the other options, before anything is scanned: UsageError when
// the extension names no scan report format (or this atc has no reports).
void check_scan_report_file(const std::string& file);

// Throws (FileWriteError, ...) on failure; `file` is then left as it was.
void write_scan_report_file(const std::string& file, const ScanReport& report);

}  // namespace atc::cli
