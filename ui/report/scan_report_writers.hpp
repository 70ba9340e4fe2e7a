// SPDX-License-Identifier: GPL-3.0-or-later
// The one writer of the scan report that draws, and so lives in the app: the
// PDF (the CSV and JSON are the engine's, atc/scan_report_formats.hpp);
// callers use renderScanReport() (scan_report.hpp).
#pragma once

#include <QByteArray>

#include "atc/scan_report.hpp"
#include "report/report_format.hpp"

namespace atc::ui {

QByteArray scanReportPdf(const ScanReport& report, const RankedScanReport& ranked,
                         const ReportProgress& progress);

}  // namespace atc::ui
