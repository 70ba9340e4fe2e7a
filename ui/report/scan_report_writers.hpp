// The writer of each format of the scan report (one file each) and the ranked
// tables they all print; callers use render_scan_report() (scan_report.hpp).
#pragma once

#include <QByteArray>
#include <cstddef>
#include <vector>

#include "report/report_format.hpp"
#include "report/scan_report.hpp"

namespace atc::ui {

// One table of the report: its rows strongest first, cut to min_signal and top.
struct ScanTable {
    const char* name = "";  // "long", "short", "flat"
    std::vector<const ScanReportRow*> shown;
    std::size_t total = 0;  // before the cut
};

struct RankedScanReport {
    ScanTable longs;
    ScanTable shorts;
    ScanTable flats;
};

// The ranking of `atc scan` (atc/scan_ranking.hpp) applied to the report's rows.
RankedScanReport rank_scan_report(const ScanReportData& data);

QByteArray scan_report_pdf(const ScanReportData& data, const RankedScanReport& ranked,
                           const ReportProgress& progress);
QByteArray scan_report_csv(const ScanReportData& data, const RankedScanReport& ranked);
QByteArray scan_report_json(const ScanReportData& data, const RankedScanReport& ranked);

}  // namespace atc::ui
