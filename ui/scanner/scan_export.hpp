// SPDX-License-Identifier: GPL-3.0-or-later
// The scanner's export: the scan on display as the scan report (PDF, CSV or
// JSON, chosen by the file's extension), written on a worker thread so the
// window keeps working during a long PDF.
#pragma once

#include "report/scan_report.hpp"

namespace atc::ui {

struct ScanOutcome;

// The report's content: every symbol the scan computed, with the scan's
// parameters, the current minimum signal and the symbols that failed.
ScanReport scanReportData(const ScanOutcome& outcome, double min_signal);

}  // namespace atc::ui
