// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/scan_report.hpp"

#include <stdexcept>

#include "atc/scan_report_formats.hpp"
#include "report/scan_report_writers.hpp"

namespace atc::ui {

QByteArray renderScanReport(const ScanReport& report, ReportFormat format,
                            const ReportProgress& progress) {
    reportProgress(progress, 0.0);
    QByteArray bytes;
    switch (format) {
        case ReportFormat::Pdf:
            bytes = scanReportPdf(report, rank_scan_report(report), progress);
            break;
        case ReportFormat::Csv:
            bytes = QByteArray::fromStdString(format_scan_report_csv(report));
            break;
        case ReportFormat::Json:
            bytes = QByteArray::fromStdString(format_scan_report_json(report));
            break;
        case ReportFormat::Png:
            throw std::invalid_argument("a scan report is a PDF, CSV or JSON file, not PNG");
    }
    reportProgress(progress, 1.0);
    return bytes;
}

void writeScanReport(const ScanReport& report, ReportFormat format,
                     const std::filesystem::path& file, const ReportProgress& progress) {
    writeReportFile(file, renderScanReport(report, format, progress));
}

}  // namespace atc::ui
