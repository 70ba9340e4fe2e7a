#include "atc/params_json.hpp"
#include "atc/scan_ranking.hpp"
#include "atc/scan_report_formats.hpp"
#include "atc/version.hpp"

namespace atc {
namespace {

void write_table(JsonWriter& json, const ScanReportTable& table) {
    json.key(table.name).begin_object();
    json.key("total").integer(table.total);
    json.key("rows").begin_array();
    for (std::size_t k = 0; k < table.shown.size(); ++k) {
        const ScanReportRow& r = *table.shown[k];
        json.begin_object();
        write_scan_row_members_json(json, k + 1, r);
        json.key("last_entry");
        if (r.row.last_marker) {
            json.begin_object();
            json.key("direction").string(direction_name(r.row.last_marker->direction));
            json.key("bar").integer(r.row.last_marker->bar);
            json.key("label").string(r.marker_label);
            json.key("average").number(r.row.last_marker->average);
            write_since_entry_members_json(json, r.row);
            json.end_object();
        } else {
            json.null();
        }
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

}  // namespace

void write_scan_filter_json(JsonWriter& json, const ScanFilter& filter) {
    json.begin_object();
    json.key("min_signal").number(filter.min_signal);
    json.key("top");
    if (filter.top)
        json.integer(*filter.top);
    else
        json.null();
    json.end_object();
}

void write_scan_row_members_json(JsonWriter& json, std::size_t rank, const ScanReportRow& row) {
    json.key("rank").integer(rank);
    json.key("symbol").string(row.symbol);
    json.key("average").number(row.row.average);
    json.key("trend").string(direction_name(row.row.trend));
    json.key("last_close").number(row.row.last_close);
    json.key("bars").integer(row.row.bars);
    json.key("strongest_family");
    if (const std::optional<MaType> family = strongest_family(row.row)) {
        json.begin_object();
        json.key("type").string(family_name(*family));
        json.key("equity").number(row.row.family_equity[static_cast<std::size_t>(*family)]);
        json.end_object();
    } else {
        json.null();
    }
}

void write_since_entry_members_json(JsonWriter& json, const ScanRow& row) {
    json.key("bars_since").integer(bars_since_entry(row).value_or(0));
    json.key("close").number(row.entry_close);
    json.key("change_pct").number(change_since_entry_percent(row));
}

std::string format_scan_report_json(const ScanReport& report) {
    const RankedScanReport ranked = rank_scan_report(report);
    JsonWriter json;
    json.begin_object();
    json.key("report").string("atc-scan-report");
    json.key("format_version").integer(1);
    json.key("scanned_at").string(scanned_at_text(report));
    json.key("source").string(describe_source(report.source));
    if (!report.timeframe.empty())
        json.key("timeframe").string(report.timeframe);
    json.key("atc_studio_version").string(release_version());
    json.key("engine_version").string(kEngineVersion);
    json.key("parameters").raw(params_to_json(report.params));
    json.key("filter");
    write_scan_filter_json(json, report.filter);
    json.key("totals").begin_object();
    json.key("scanned").integer(report.rows.size() + report.failures.size());
    json.key("long").integer(ranked.longs.total);
    json.key("short").integer(ranked.shorts.total);
    json.key("flat").integer(ranked.flats.total);
    json.key("failed").integer(report.failures.size());
    json.end_object();
    write_table(json, ranked.longs);
    write_table(json, ranked.shorts);
    write_table(json, ranked.flats);
    json.end_object();
    return json.finish();
}

}  // namespace atc
