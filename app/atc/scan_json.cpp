#include "scan_json.hpp"

#include <span>
#include <string_view>

#include "atc/json_writer.hpp"
#include "atc/params_json.hpp"
#include "atc/scan_ranking.hpp"

namespace atc::cli {
namespace {

std::string_view direction_name(Direction d) {
    return d == Direction::Long ? "long" : d == Direction::Short ? "short" : "flat";
}

void write_row(JsonWriter& json, std::string_view table, std::size_t rank, const ReportRow& r) {
    json.begin_object();
    json.key("table").string(table);
    json.key("rank").integer(rank);
    json.key("symbol").string(r.symbol);
    json.key("average").number(r.row.average);
    json.key("trend").string(direction_name(r.row.trend));
    json.key("last_close").number(r.row.last_close);
    json.key("bars").integer(r.row.bars);
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
        json.end_object();
    }
    json.end_object();
}

void write_rows_and_totals(JsonWriter& json, const ScanJsonInput& input) {
    std::vector<double> averages;
    std::vector<std::string> names;
    for (const ReportRow& r : input.rows) {
        averages.push_back(r.row.average);
        names.push_back(r.symbol);
    }
    // The ranking and the filters of the text report, so both list the same rows.
    const ScanRanking ranking = rank_scan(averages, names);
    const auto table = [&](std::string_view name, std::span<const std::size_t> order) {
        const std::size_t shown =
            shown_in_table(order, averages, input.filters.min_signal, input.filters.top);
        for (std::size_t i = 0; i < shown; ++i)
            write_row(json, name, i + 1, input.rows[order[i]]);
    };
    json.key("rows").begin_array();
    table("long", ranking.longs);
    table("short", ranking.shorts);
    table("flat", ranking.flats);
    json.end_array();

    json.key("totals").begin_object();
    json.key("symbols").integer(input.rows.size() + input.totals.failed);
    json.key("computed").integer(input.rows.size());
    json.key("long").integer(ranking.longs.size());
    json.key("short").integer(ranking.shorts.size());
    json.key("flat").integer(ranking.flats.size());
    json.key("failed").integer(input.totals.failed);
    json.end_object();
}

void write_backend(JsonWriter& json, const ScanJsonInput& input) {
    json.key("backend").begin_object();
    json.key("requested").string(system::backend_request_name(input.backend_request));
    json.key("ran").string(system::backend_kind_name(input.backend.kind));
    json.key("description").string(input.backend.description);
    json.key("reason").string(input.backend.reason);
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

std::string format_scan_json(const ScanJsonInput& input) {
    JsonWriter json;
    json.begin_object();
    json.key("params").raw(params_to_json(input.params));
    json.key("source").begin_object();
    json.key("kind").string(input.source_kind);
    json.key("path").string(input.source_location);
    json.end_object();
    write_backend(json, input);
    json.key("filters").begin_object();
    json.key("min_signal").number(input.filters.min_signal);
    json.key("top");
    if (input.filters.top)
        json.integer(*input.filters.top);
    else
        json.null();
    json.end_object();
    write_rows_and_totals(json, input);
    json.key("errors").begin_array();
    for (const ScanFailure& f : input.failures) {
        json.begin_object();
        json.key("symbol").string(f.symbol);
        json.key("source").string(f.origin);
        json.key("error").string(f.error);
        json.end_object();
    }
    json.end_array();
    json.key("elapsed_seconds").number(input.totals.elapsed_seconds);
    json.key("from_cache").integer(input.totals.from_cache);
    write_memory(json, input.memory);
    json.end_object();
    return json.finish();
}

}  // namespace atc::cli
