// The scan report as JSON: when, what and with which parameters was scanned,
// the totals, and the LONG, SHORT and FLAT tables in rank order.
#include "atc/json_writer.hpp"
#include "atc/params_json.hpp"
#include "atc/version.hpp"
#include "report/report_facts.hpp"
#include "report/scan_report_writers.hpp"

namespace atc::ui {
namespace {

void write_table(JsonWriter& json, const ScanTable& table) {
    json.key(table.name).begin_object();
    json.key("total").integer(table.total);
    json.key("rows").begin_array();
    for (std::size_t k = 0; k < table.shown.size(); ++k) {
        const ScanReportRow& r = *table.shown[k];
        json.begin_object();
        json.key("rank").integer(k + 1);
        json.key("symbol").string(r.symbol);
        json.key("average").number(r.row.average);
        json.key("trend").string(direction_word(r.row.trend));
        json.key("last_close").number(r.last_close);
        json.key("bars").integer(r.row.bars);
        json.key("last_entry");
        if (r.row.last_marker) {
            json.begin_object();
            json.key("direction").string(direction_word(r.row.last_marker->direction));
            json.key("bar").integer(r.row.last_marker->bar);
            json.key("label").string(r.marker_label);
            json.key("average").number(r.row.last_marker->average);
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

QByteArray scan_report_json(const ScanReportData& data, const RankedScanReport& ranked) {
    JsonWriter json;
    json.begin_object();
    json.key("report").string("atc-scan-report");
    json.key("format_version").integer(1);
    json.key("scanned_at").string(data.scanned_at.toUTC().toString(Qt::ISODate).toStdString());
    json.key("source").string(data.source.toStdString());
    json.key("engine_version").string(kEngineVersion);
    json.key("parameters").raw(params_to_json(data.params));
    json.key("filter").begin_object();
    json.key("min_signal").number(data.min_signal);
    json.key("top");
    if (data.top)
        json.integer(*data.top);
    else
        json.null();
    json.end_object();
    json.key("totals").begin_object();
    json.key("scanned").integer(data.rows.size() + data.failed);
    json.key("long").integer(ranked.longs.total);
    json.key("short").integer(ranked.shorts.total);
    json.key("flat").integer(ranked.flats.total);
    json.key("failed").integer(data.failed);
    json.end_object();
    write_table(json, ranked.longs);
    write_table(json, ranked.shorts);
    write_table(json, ranked.flats);
    json.end_object();
    return QByteArray::fromStdString(json.finish());
}

}  // namespace atc::ui
