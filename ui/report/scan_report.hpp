// SPDX-License-Identifier: GPL-3.0-or-later
// The scan report: the scanner's LONG and SHORT tables (ranked as `atc scan`
// ranks them, atc/scan_ranking.hpp) with the parameters and the time of the
// scan, as PDF, CSV or JSON. Built from the engine's scan model
// (atc/scan_report.hpp) so that any scanner (the command line, the window's
// scanner dock) can hand over what it found.
#pragma once

#include <QByteArray>
#include <filesystem>

#include "atc/scan_report.hpp"
#include "report/report_format.hpp"

namespace atc::ui {

// The report's bytes: the PDF drawn here (it needs a QGuiApplication), the
// CSV and JSON the engine's (atc/scan_report_formats.hpp). Throws
// std::invalid_argument for ReportFormat::Png (a scan has no chart).
QByteArray renderScanReport(const ScanReport& report, ReportFormat format,
                            const ReportProgress& progress = {});

// renderScanReport() written atomically: after an error (thrown) nothing is
// left at `file` and an existing file keeps its content.
void writeScanReport(const ScanReport& report, ReportFormat format,
                     const std::filesystem::path& file, const ReportProgress& progress = {});

}  // namespace atc::ui
