// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/params_json.hpp"
#include "atc/scan_ranking.hpp"
#include "atc/scan_report_formats.hpp"
#include "atc/version.hpp"

namespace atc {
namespace {

Json table_json(const ScanReportTable& table) {
    Json rows = Json::array();
    for (std::size_t k = 0; k < table.shown.size(); ++k) {
        const ScanReportRow& r = *table.shown[k];
        Json row = Json::object();
        add_scan_row_members(row, k + 1, r);
        Json entry = nullptr;
        if (r.row.last_marker) {
            entry = {{"direction", direction_name(r.row.last_marker->direction)},
                     {"bar", r.row.last_marker->bar},
                     {"label", r.marker_label},
                     {"average", r.row.last_marker->average}};
            add_since_entry_members(entry, r.row);
        }
        row["last_entry"] = std::move(entry);
        rows.push_back(std::move(row));
    }
    return {{"total", table.total}, {"rows", std::move(rows)}};
}

}  // namespace

Json scan_filter_json(const ScanFilter& filter) {
    return {{"min_signal", filter.min_signal},
            {"top", filter.top ? Json(*filter.top) : Json(nullptr)}};
}

void add_scan_row_members(Json& object, std::size_t rank, const ScanReportRow& row) {
    object["rank"] = rank;
    object["symbol"] = row.symbol;
    object["average"] = row.row.average;
    object["trend"] = direction_name(row.row.trend);
    object["last_close"] = row.row.last_close;
    object["bars"] = row.row.bars;
    Json strongest = nullptr;
    if (const std::optional<MaType> family = strongest_family(row.row)) {
        strongest = {{"type", family_name(*family)},
                     {"equity", row.row.family_equity[static_cast<std::size_t>(*family)]}};
    }
    object["strongest_family"] = std::move(strongest);
}

void add_since_entry_members(Json& object, const ScanRow& row) {
    object["bars_since"] = bars_since_entry(row).value_or(0);
    object["close"] = row.entry_close;
    object["change_pct"] = change_since_entry_percent(row);
}

std::string format_scan_report_json(const ScanReport& report) {
    const RankedScanReport ranked = rank_scan_report(report);
    Json doc = {{"report", "atc-scan-report"},
                {"format_version", 1},
                {"scanned_at", scanned_at_text(report)},
                {"source", describe_source(report.source)}};
    if (!report.timeframe.empty())
        doc["timeframe"] = report.timeframe;
    doc["atc_studio_version"] = release_version();
    doc["engine_version"] = kEngineVersion;
    doc["parameters"] = params_json_object(report.params);
    doc["filter"] = scan_filter_json(report.filter);
    doc["totals"] = {{"scanned", report.rows.size() + report.failures.size()},
                     {"long", ranked.longs.total},
                     {"short", ranked.shorts.total},
                     {"flat", ranked.flats.total},
                     {"failed", report.failures.size()}};
    for (const ScanReportTable* table : {&ranked.longs, &ranked.shorts, &ranked.flats})
        doc[table->name] = table_json(*table);
    return json_text(doc);
}

}  // namespace atc
