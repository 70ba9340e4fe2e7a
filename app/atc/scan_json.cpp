#include "scan_json.hpp"

#include <string_view>

#include "atc/json_writer.hpp"
#include "atc/params_json.hpp"
#include "atc/scan_ranking.hpp"
#include "atc/scan_report_formats.hpp"

namespace atc::cli {
namespace {

void write_row(JsonWriter& json, std::string_view table, std::size_t rank, const ScanReportRow& r) {
    json.begin_object();
    json.key("table").string(table);
    write_scan_row_members_json(json, rank, r);
    json.key("last_entry");
    if (!r.row.last_marker) {
        json.null();
    } else {
        const EntryMarker& m = *r.row.last_marker;
        json.begin_object();
        json.key("bar").integer(m.bar);
        json.key("label");
        if (r.marker_label.empty())
            json.null();
        else
            json.string(r.marker_label);
        json.key("direction").string(direction_name(m.direction));
        json.key("average").number(m.average);
        write_since_entry_members_json(json, r.row);
        json.end_object();
    }
    json.end_object();
}

void write_rows_and_totals(JsonWriter& json, const ScanReport& report) {
    // The ranking and the filters of the text report, so both list the same rows.
    const RankedScanReport ranked = rank_scan_report(report);
    json.key("rows").begin_array();
    for (const ScanReportTable* table : {&ranked.longs, &ranked.shorts, &ranked.flats}) {
        for (std::size_t i = 0; i < table->shown.size(); ++i)
            write_row(json, table->name, i + 1, *table->shown[i]);
    }
    json.end_array();

    json.key("totals").begin_object();
    json.key("symbols").integer(report.rows.size() + report.failures.size());
    json.key("computed").integer(report.rows.size());
    json.key("long").integer(ranked.longs.total);
    json.key("short").integer(ranked.shorts.total);
    json.key("flat").integer(ranked.flats.total);
    json.key("failed").integer(report.failures.size());
    json.end_object();
}

void write_backend(JsonWriter& json, const ScanExecution& execution) {
    json.key("backend").begin_object();
    json.key("requested").string(system::backend_request_name(execution.backend_request));
    json.key("ran").string(system::backend_kind_name(execution.backend.kind));
    json.key("description").string(execution.backend.description);
    json.key("reason").string(execution.backend.reason);
    json.end_object();
}

void write_memory(JsonWriter& json, const ScanMemoryReport& memory) {
    json.key("memory").begin_object();
    json.key("budget_bytes");
    if (memory.budget_bytes)
        json.integer(*memory.budget_bytes);
    else
        json.null();
    json.key("chunks").integer(memory.chunks);
    json.key("estimated_peak_bytes").integer(memory.estimated_peak_bytes);
    json.key("within_budget").boolean(memory.within_budget);
    json.key("peak_rss_bytes").integer(memory.peak_rss_bytes);
    json.end_object();
}

}  // namespace

std::string format_scan_json(const ScanReport& report, const ScanExecution& execution) {
    JsonWriter json;
    json.begin_object();
    json.key("params").raw(params_to_json(report.params));
    json.key("source").begin_object();
    json.key("kind").string(report.source.kind);
    json.key("path").string(report.source.location);
    json.end_object();
    if (!report.timeframe.empty())
        json.key("timeframe").string(report.timeframe);
    write_backend(json, execution);
    json.key("filters");
    write_scan_filter_json(json, report.filter);
    write_rows_and_totals(json, report);
    json.key("errors").begin_array();
    for (const ScanFailure& f : report.failures) {
        json.begin_object();
        json.key("symbol").string(f.symbol);
        json.key("source").string(f.origin);
        json.key("error").string(f.error);
        json.end_object();
    }
    json.end_array();
    json.key("elapsed_seconds").number(report.elapsed_seconds);
    json.key("from_cache").integer(report.from_cache);
    write_memory(json, execution.memory);
    json.end_object();
    return json.finish();
}

}  // namespace atc::cli
