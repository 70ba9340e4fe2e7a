// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/symbol_report.hpp"

#include <stdexcept>

#include "charts/view_range.hpp"
#include "report/print_resolution.hpp"
#include "report/symbol_report_writers.hpp"

namespace atc::ui {

void drawReportCharts(SymbolReport& report, ReportFormat format) {
    if (!report.data)
        throw std::logic_error("a symbol report needs data");
    if (format != ReportFormat::Pdf && format != ReportFormat::Png)
        return;
    const MemberSet members = viewMembers(report.data, report.members, report.view);
    if (format == ReportFormat::Pdf) {
        ChartView print = report.view;
        print.theme = lightTheme();  // paper is white
        const ViewRange reset = initialRange(report.data->barCount());
        const PrintData reduced = printResolution(
            report.data, members, print.range.value_or(std::pair(reset.first, reset.last)),
            kPdfChartSize.width(), print.candles);
        if (reduced.data != report.data) {
            print.drawings = drawingsOnPrintBars(
                std::move(print.drawings), print.range.value_or(std::pair(reset.first, reset.last)),
                reduced.range);
            print.range = reduced.range;
        }
        report.chart_picture = recordCharts(reduced.data, reduced.members, print, kPdfChartSize);
        report.chart_picture_size = kPdfChartSize;
    } else {
        report.chart_image = renderCharts(report.data, members, report.view, report.png_size);
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
