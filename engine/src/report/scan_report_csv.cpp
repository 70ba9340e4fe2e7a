// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/scan_ranking.hpp"
#include "atc/scan_report_formats.hpp"
#include "atc/signal_csv.hpp"

namespace atc {

std::string format_scan_report_csv(const ScanReport& report) {
    const RankedScanReport ranked = rank_scan_report(report);
    const std::string scanned_at = scanned_at_text(report);
    // A scan at a chosen timeframe says so on every line too, in a last column
    // that a scan at the data's own timeframes does not have.
    const bool timeframe = !report.timeframe.empty();
    // The columns added later (since the entry, the strongest family) come
    // after scanned_at, so that sheets reading the first ones by position
    // still find them.
    std::string out =
        "table,rank,symbol,average,trend,last_close,bars,entry_direction,entry_bar,entry_label,"
        "scanned_at,bars_since_entry,entry_close,change_since_entry_pct,strongest_family,"
        "strongest_family_equity";
    out += timeframe ? ",timeframe\n" : "\n";
    for (const ScanReportTable* table : {&ranked.longs, &ranked.shorts, &ranked.flats}) {
        for (std::size_t k = 0; k < table->shown.size(); ++k) {
            const ScanReportRow& r = *table->shown[k];
            out += table->name;
            out += ',' + std::to_string(k + 1) + ',';
            append_csv_text(out, r.symbol);
            out += ',';
            append_csv_number(out, r.row.average);
            out += ',';
            out += direction_name(r.row.trend);
            out += ',';
            append_csv_number(out, r.row.last_close);
            out += ',' + std::to_string(r.row.bars) + ',';
            if (r.row.last_marker) {
                out += direction_name(r.row.last_marker->direction);
                out += ',' + std::to_string(r.row.last_marker->bar) + ',';
                append_csv_text(out, r.marker_label);
            } else {
                out += ",,";
            }
            out += ',' + scanned_at + ',';
            if (const std::optional<std::size_t> since = bars_since_entry(r.row))
                out += std::to_string(*since);
            out += ',';
            append_csv_number(out, r.row.entry_close);
            out += ',';
            append_csv_number(out, change_since_entry_percent(r.row));
            out += ',';
            if (const std::optional<MaType> family = strongest_family(r.row)) {
                out += family_name(*family);
                out += ',';
                append_csv_number(out, r.row.family_equity[static_cast<std::size_t>(*family)]);
            } else {
                out += ',';
            }
            if (timeframe) {
                out += ',';
                append_csv_text(out, report.timeframe);
            }
            out += '\n';
        }
    }
    return out;
}

}  // namespace atc
