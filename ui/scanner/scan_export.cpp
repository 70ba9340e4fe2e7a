// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/scan_export.hpp"

#include "core/engine_service.hpp"

namespace atc::ui {

ScanReport scanReportData(const ScanOutcome& outcome, double min_signal) {
    ScanReport report;
    report.params = outcome.params;
    report.filter.min_signal = min_signal;
    // The scanner always scans the app's own database.
    report.source.kind = "ATC Studio scanner";
    report.elapsed_seconds = outcome.elapsed_ms / 1000.0;
    report.from_cache = outcome.compute.from_cache;
    report.timeframe = outcome.timeframe.toStdString();  // "" for each symbol's own bars
    for (std::size_t i = 0; i < outcome.results.size(); ++i) {
        const auto& result = outcome.results[i];
        const auto name = static_cast<qsizetype>(i);
        const std::string symbol = outcome.names[name].toStdString();
        if (!result || !result->ok()) {
            // From the database: the symbol is its origin.
            report.failures.push_back({symbol, symbol, outcome.errors.value(name).toStdString()});
            continue;
        }
        report.rows.push_back(
            {symbol, result->row, outcome.marker_labels.value(name).toStdString()});
    }
    return report;
}

}  // namespace atc::ui
