#include "report/scan_report.hpp"

#include <stdexcept>

#include "atc/scan_ranking.hpp"
#include "report/scan_report_writers.hpp"

namespace atc::ui {
namespace {

ScanTable make_table(const char* name, const std::vector<std::size_t>& ranked,
                     const ScanReportData& data, const std::vector<double>& averages) {
    ScanTable table;
    table.name = name;
    table.total = ranked.size();
    const std::size_t shown = shown_in_table(ranked, averages, data.min_signal, data.top);
    for (std::size_t k = 0; k < shown; ++k)
        table.shown.push_back(&data.rows[ranked[k]]);
    return table;
}

}  // namespace

RankedScanReport rank_scan_report(const ScanReportData& data) {
    std::vector<double> averages;
    std::vector<std::string> names;
    for (const ScanReportRow& r : data.rows) {
        averages.push_back(r.row.average);
        names.push_back(r.symbol);
    }
    const ScanRanking ranking = rank_scan(averages, names);
    return {make_table("long", ranking.longs, data, averages),
            make_table("short", ranking.shorts, data, averages),
            make_table("flat", ranking.flats, data, averages)};
}

QByteArray render_scan_report(const ScanReportData& data, ReportFormat format,
                              const ReportProgress& progress) {
    report_progress(progress, 0.0);
    const RankedScanReport ranked = rank_scan_report(data);
    QByteArray bytes;
    switch (format) {
        case ReportFormat::Pdf:
            bytes = scan_report_pdf(data, ranked, progress);
            break;
        case ReportFormat::Csv:
            bytes = scan_report_csv(data, ranked);
            break;
        case ReportFormat::Json:
            bytes = scan_report_json(data, ranked);
            break;
        case ReportFormat::Png:
            throw std::invalid_argument("a scan report is a PDF, CSV or JSON file, not PNG");
    }
    report_progress(progress, 1.0);
    return bytes;
}

void write_scan_report(const ScanReportData& data, ReportFormat format,
                       const std::filesystem::path& file, const ReportProgress& progress) {
    write_report_file(file, render_scan_report(data, format, progress));
}

}  // namespace atc::ui
