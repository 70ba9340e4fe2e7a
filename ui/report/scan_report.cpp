#include "report/scan_report.hpp"

#include <stdexcept>

#include "atc/scan_report_formats.hpp"
#include "report/scan_report_writers.hpp"

namespace atc::ui {

QByteArray render_scan_report(const ScanReport& report, ReportFormat format,
                              const ReportProgress& progress) {
    report_progress(progress, 0.0);
    QByteArray bytes;
    switch (format) {
        case ReportFormat::Pdf:
            bytes = scan_report_pdf(report, rank_scan_report(report), progress);
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
    report_progress(progress, 1.0);
    return bytes;
}

void write_scan_report(const ScanReport& report, ReportFormat format,
                       const std::filesystem::path& file, const ReportProgress& progress) {
    write_report_file(file, render_scan_report(report, format, progress));
}

}  // namespace atc::ui
