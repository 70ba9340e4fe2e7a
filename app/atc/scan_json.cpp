// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan_json.hpp"

#include <string_view>

#include "atc/json_document.hpp"
#include "atc/params_json.hpp"
#include "atc/scan_ranking.hpp"
#include "atc/scan_report_formats.hpp"

namespace atc::cli {
namespace {

Json row_json(std::string_view table, std::size_t rank, const ScanReportRow& r) {
    Json row = {{"table", table}};
    add_scan_row_members(row, rank, r);
    Json entry = nullptr;
    if (r.row.last_marker) {
        const EntryMarker& m = *r.row.last_marker;
        entry = {{"bar", m.bar},
                 {"label", r.marker_label.empty() ? Json(nullptr) : Json(r.marker_label)},
                 {"direction", direction_name(m.direction)},
                 {"average", m.average}};
        add_since_entry_members(entry, r.row);
    }
    row["last_entry"] = std::move(entry);
    return row;
}

void add_rows_and_totals(Json& doc, const ScanReport& report) {
    // The ranking and the filters of the text report, so both list the same rows.
    const RankedScanReport ranked = rank_scan_report(report);
    Json rows = Json::array();
    for (const ScanReportTable* table : {&ranked.longs, &ranked.shorts, &ranked.flats}) {
        for (std::size_t i = 0; i < table->shown.size(); ++i)
            rows.push_back(row_json(table->name, i + 1, *table->shown[i]));
    }
    doc["rows"] = std::move(rows);
    doc["totals"] = {{"symbols", report.rows.size() + report.failures.size()},
                     {"computed", report.rows.size()},
                     {"long", ranked.longs.total},
                     {"short", ranked.shorts.total},
                     {"flat", ranked.flats.total},
                     {"failed", report.failures.size()}};
}

Json backend_json(const ScanExecution& execution) {
    return {{"requested", system::backend_request_name(execution.backend_request)},
            {"ran", system::backend_kind_name(execution.backend.kind)},
            {"description", execution.backend.description},
            {"reason", execution.backend.reason}};
}

Json memory_json(const ScanMemoryReport& memory) {
    return {{"budget_bytes", memory.budget_bytes ? Json(*memory.budget_bytes) : Json(nullptr)},
            {"chunks", memory.chunks},
            {"estimated_peak_bytes", memory.estimated_peak_bytes},
            {"within_budget", memory.within_budget},
            {"peak_rss_bytes", memory.peak_rss_bytes}};
}

}  // namespace

std::string format_scan_json(const ScanReport& report, const ScanExecution& execution) {
    Json doc = {{"params", params_json_object(report.params)},
                {"source", {{"kind", report.source.kind}, {"path", report.source.location}}}};
    if (!report.timeframe.empty())
        doc["timeframe"] = report.timeframe;
    doc["backend"] = backend_json(execution);
    doc["filters"] = scan_filter_json(report.filter);
    add_rows_and_totals(doc, report);
    Json errors = Json::array();
    for (const ScanFailure& f : report.failures)
        errors.push_back({{"symbol", f.symbol}, {"source", f.origin}, {"error", f.error}});
    doc["errors"] = std::move(errors);
    doc["elapsed_seconds"] = report.elapsed_seconds;
    doc["from_cache"] = report.from_cache;
    doc["memory"] = memory_json(execution.memory);
    return json_text(doc);
}

}  // namespace atc::cli
