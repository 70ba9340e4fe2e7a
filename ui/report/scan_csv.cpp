// The scan report as CSV: one line per listed symbol, LONG then SHORT then
// FLAT, in rank order, with the scan's time on every line so that the files of
// many scans can be appended into one sheet. (The parameters are in the JSON
// and PDF reports; a CSV has no place for them.)
#include "atc/signal_csv.hpp"
#include "report/report_facts.hpp"
#include "report/scan_report_writers.hpp"

namespace atc::ui {

QByteArray scan_report_csv(const ScanReportData& data, const RankedScanReport& ranked) {
    const std::string scanned_at = data.scanned_at.toUTC().toString(Qt::ISODate).toStdString();
    std::string out =
        "table,rank,symbol,average,trend,last_close,bars,entry_direction,entry_bar,entry_label,"
        "scanned_at\n";
    for (const ScanTable* table : {&ranked.longs, &ranked.shorts, &ranked.flats}) {
        for (std::size_t k = 0; k < table->shown.size(); ++k) {
            const ScanReportRow& r = *table->shown[k];
            out += table->name;
            out += ',' + std::to_string(k + 1) + ',';
            append_csv_text(out, r.symbol);
            out += ',';
            append_csv_number(out, r.row.average);
            out += ',';
            out += direction_word(r.row.trend);
            out += ',';
            append_csv_number(out, r.last_close);
            out += ',' + std::to_string(r.row.bars) + ',';
            if (r.row.last_marker) {
                out += direction_word(r.row.last_marker->direction);
                out += ',' + std::to_string(r.row.last_marker->bar) + ',';
                append_csv_text(out, r.marker_label);
            } else {
                out += ",,";
            }
            out += ',' + scanned_at + '\n';
        }
    }
    return QByteArray::fromStdString(out);
}

}  // namespace atc::ui
