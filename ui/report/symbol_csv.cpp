// SPDX-License-Identifier: GPL-3.0-or-later
// The symbol report as CSV: the table of `atc compute` (the engine's own
// formatter, so the numbers are the same to the last bit) with the bar's time
// after "bar", the entry marker, and the signal held as a position (its
// position and equity) at the end.
#include "atc/performance.hpp"
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
    // The signal held as a position, as the JSON's "performance" counts it.
    const SymbolData& d = *report.data;
    const auto perf =
        compute_performance(d.bars.close, d.bars.time_ms, d.result->average,
                            d.params.long_threshold, d.params.short_threshold, report.performance);
    if (perf) {
        extras.position = perf->position;
        extras.strategy_equity = perf->equity;
    }
    return QByteArray::fromStdString(format_signal_csv(*d.result, extras));
}

}  // namespace atc::ui
