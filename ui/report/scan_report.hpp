// The scan report: the scanner's LONG and SHORT tables (ranked as `atc scan`
// ranks them, atc/scan_ranking.hpp) with the parameters and the time of the
// scan, as PDF, CSV or JSON. Built from plain rows so that any scanner (the
// command line, the window's scanner dock) can hand over what it found.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "atc/params.hpp"
#include "atc/result.hpp"
#include "report/report_format.hpp"

namespace atc::ui {

struct ScanReportRow {
    std::string symbol;  // UTF-8
    ScanRow row;         // the latest Average, trend, bars and last entry marker
    // Date (or other label) of row.last_marker's bar; empty when unknown.
    std::string marker_label;
    double last_close = 0.0;
};

struct ScanReportData {
    std::vector<ScanReportRow> rows;  // in any order
    AtcParams params;
    QDateTime scanned_at = QDateTime::currentDateTimeUtc();
    QString source;  // what was scanned ("database /path/x.sqlite", "folder ./data")
    // The tables list |Average| >= min_signal only, at most `top` rows each.
    double min_signal = 0.0;
    std::optional<std::size_t> top;
    std::size_t failed = 0;  // symbols that could not be scanned (listed nowhere else)
};

// The report's bytes; PDF needs a QGuiApplication. Throws std::invalid_argument
// for ReportFormat::Png (a scan has no chart).
QByteArray render_scan_report(const ScanReportData& data, ReportFormat format,
                              const ReportProgress& progress = {});

// render_scan_report() written atomically: after an error (thrown) nothing is
// left at `file` and an existing file keeps its content.
void write_scan_report(const ScanReportData& data, ReportFormat format,
                       const std::filesystem::path& file, const ReportProgress& progress = {});

}  // namespace atc::ui
