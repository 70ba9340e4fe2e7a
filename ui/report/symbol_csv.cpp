// The symbol report as CSV: the table of `atc compute` (the engine's own
// formatter, so the numbers are the same to the last bit) with the bar's time
// after "bar" and the entry marker at the end.
#include "atc/signal_csv.hpp"
#include "report/report_facts.hpp"
#include "report/symbol_report_writers.hpp"

namespace atc::ui {

QByteArray symbolReportCsv(const SymbolReport& report) {
    // One text per bar, empty where the data has no time: the column is always
    // there, so every report CSV has the same layout.
    const std::vector<std::string> dates = barTimes(report.data->bars);
    SignalCsvExtras extras;
    extras.dates = dates;
    extras.markers = true;
    return QByteArray::fromStdString(format_signal_csv(*report.data->result, extras));
}

}  // namespace atc::ui
