#include "report/symbol_report.hpp"

#include <stdexcept>

#include "report/symbol_report_writers.hpp"

namespace atc::ui {

void draw_report_charts(SymbolReport& report, ReportFormat format) {
    if (!report.data)
        throw std::logic_error("a symbol report needs data");
    if (format == ReportFormat::Pdf) {
        ChartView print = report.view;
        print.theme = lightTheme();  // paper is white
        report.chart_picture = record_charts(report.data, print, kPdfChartSize);
        report.chart_picture_size = kPdfChartSize;
    } else if (format == ReportFormat::Png) {
        report.chart_image = render_charts(report.data, report.view, report.png_size);
    }
}

QByteArray render_symbol_report(const SymbolReport& report, ReportFormat format,
                                const ReportProgress& progress) {
    if (!report.data || !report.data->result)
        throw std::logic_error("a symbol report needs data");
    report_progress(progress, 0.0);
    QByteArray bytes;
    switch (format) {
        case ReportFormat::Pdf:
            bytes = symbol_report_pdf(report, progress);
            break;
        case ReportFormat::Csv:
            bytes = symbol_report_csv(report);
            break;
        case ReportFormat::Json:
            bytes = symbol_report_json(report);
            break;
        case ReportFormat::Png:
            bytes = symbol_report_png(report);
            break;
    }
    report_progress(progress, 1.0);
    return bytes;
}

void write_symbol_report(const SymbolReport& report, ReportFormat format,
                         const std::filesystem::path& file, const ReportProgress& progress) {
    write_report_file(file, render_symbol_report(report, format, progress));
}

}  // namespace atc::ui
