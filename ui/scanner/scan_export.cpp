#include "scanner/scan_export.hpp"

#include "core/engine_service.hpp"

namespace atc::ui {

ScanReportData scan_report_data(const ScanOutcome& outcome, double min_signal) {
    ScanReportData data;
    data.params = outcome.params;
    data.min_signal = min_signal;
    data.source = QStringLiteral("ATC Studio scanner");
    for (std::size_t i = 0; i < outcome.results.size(); ++i) {
        const auto& result = outcome.results[i];
        if (!result || !result->ok()) {
            ++data.failed;
            continue;
        }
        const auto name = static_cast<qsizetype>(i);
        data.rows.push_back({outcome.names[name].toStdString(), result->row,
                             outcome.marker_labels.value(name).toStdString(),
                             outcome.last_close[i]});
    }
    return data;
}

}  // namespace atc::ui
