#include "report/symbol_report.hpp"

#include <stdexcept>

#include "report/symbol_report_writers.hpp"

namespace atc::ui {

void drawReportCharts(SymbolReport& report, ReportFormat format) {
    if (!report.data)
        throw std::logic_error("a symbol report needs data");
    if (format == ReportFormat::Pdf) {
        ChartView print = report.view;
        print.theme = lightTheme();  // paper is white
        report.chart_picture = recordCharts(report.data, print, kPdfChartSize);
        report.chart_picture_size = kPdfChartSize;
    } else if (format == ReportFormat::Png) {
        report.chart_image = renderCharts(report.data, report.view, report.png_size);
    }
}

QByteArray renderSymbolReport(const SymbolReport& report, ReportFormat format,
                              const ReportProgress& progress) {
    if (!report.data || !report.data->result)
        throw std::logic_error("a symbol report needs data");
    reportProgress(progress, 0.0);
    QByteArray bytes;
    switch (format) {
        case ReportFormat::Pdf:
            bytes = symbolReportPdf(report, progress);
            break;
        case ReportFormat::Csv:
            bytes = symbolReportCsv(report);
            break;
        case ReportFormat::Json:
            bytes = symbolReportJson(report);
            break;
        case ReportFormat::Png:
            bytes = symbolReportPng(report);
            break;
    }
    reportProgress(progress, 1.0);
    return bytes;
}

void writeSymbolReport(const SymbolReport& report, ReportFormat format,
                       const std::filesystem::path& file, const ReportProgress& progress) {
    writeReportFile(file, renderSymbolReport(report, format, progress));
}

}  // namespace atc::ui
