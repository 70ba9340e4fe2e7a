// The symbol report as JSON: the parameters (in the engine's params.json
// format), where the data comes from, the latest values, the entry markers, the
// statistics, the signal's performance and every per-bar output, numbers exact
// to the last bit.
#include <QTimeZone>

#include "atc/json_writer.hpp"
#include "atc/params_json.hpp"
#include "atc/performance_json.hpp"
#include "atc/scan_ranking.hpp"
#include "atc/version.hpp"
#include "report/report_facts.hpp"
#include "report/strategy_stats.hpp"
#include "report/symbol_report_writers.hpp"

namespace atc::ui {
namespace {

void writeProvenance(JsonWriter& json, const SymbolReport& report,
                     const std::vector<std::string>& times) {
    json.key("data").begin_object();
    json.key("bars").integer(report.data->barCount());
    json.key("first").string(times.empty() ? std::string_view() : std::string_view(times.front()));
    json.key("last").string(times.empty() ? std::string_view() : std::string_view(times.back()));
    // The timeframe of the bars here, and the data's own they were made from.
    json.key("timeframe").string(shownTimeframe(*report.data, report.info));
    json.key("source_timeframe").string(ownTimeframe(*report.data, report.info));
    if (report.info) {
        const store::SymbolMeta& meta = report.info->meta;
        json.key("kind").string(store::symbol_kind_name(meta.kind));
        json.key("source").string(meta.source);
        json.key("provenance").string(meta.provenance);
        json.key("imported_at")
            .string(QDateTime::fromMSecsSinceEpoch(report.info->imported_at_ms, QTimeZone::utc())
                        .toString(Qt::ISODate)
                        .toStdString());
    }
    json.end_object();
}

void writeLatest(JsonWriter& json, const SymbolReport& report,
                 const std::vector<std::string>& times) {
    const AtcResult& r = *report.data->result;
    const std::size_t last = r.bars - 1;
    json.key("latest").begin_object();
    json.key("bar").integer(last);
    json.key("time").string(times[last]);
    json.key("close").number(report.data->bars.close[last]);
    // The last bar's bucket reaches past the data: its values will still change.
    json.key("forming").boolean(report.data->last_forming);
    json.key("average").number(r.average[last]);
    json.key("trend").string(direction_name(r.row.trend));
    json.key("families").begin_array();
    for (const LatestFamily& f : latestFamilies(r)) {
        json.begin_object();
        json.key("family").string(family_name(f.type));
        json.key("base_length").signed_integer(f.base_length);
        json.key("signal").number(f.signal);
        json.key("trend").string(direction_name(f.trend));
        json.key("weight").number(f.weight);
        json.key("weight_share").number(f.share);
        json.key("members").begin_array();
        for (const LatestMember& m : f.members) {
            json.begin_object();
            json.key("length").signed_integer(m.length);
            json.key("offset").signed_integer(m.offset);
            json.key("state").signed_integer(m.state);
            json.key("equity").number(m.equity);
            json.end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

void writeMarkers(JsonWriter& json, const SymbolReport& report,
                  const std::vector<std::string>& times, const StrategyStats& stats) {
    json.key("markers").begin_array();
    for (const MarkerTrade& t : stats.trades) {
        json.begin_object();
        json.key("bar").integer(t.entry_bar);
        json.key("time").string(times[t.entry_bar]);
        json.key("direction").string(direction_name(t.direction));
        json.key("close").number(t.entry_close);
        json.key("average").number(report.data->result->average[t.entry_bar]);
        json.key("exit_bar").integer(t.exit_bar);
        json.key("move").number(t.move);
        json.key("hit").boolean(t.hit);
        json.key("open").boolean(t.open);
        json.end_object();
    }
    json.end_array();

    json.key("statistics").begin_object();
    json.key("trades").integer(stats.trades.size());
    json.key("long_trades").integer(stats.longs);
    json.key("short_trades").integer(stats.shorts);
    json.key("hits").integer(stats.hits);
    json.key("hit_rate").number(stats.hit_rate);
    json.key("final_layer2_equity").begin_object();
    for (MaType t : kAllFamilies) {
        json.key(family_name(t)).number(stats.final_equity[static_cast<std::size_t>(t)]);
    }
    json.end_object();
    json.end_object();
}

// ATC_SPEC "Signal performance": the figures of the Average held as a
// position, and buy-and-hold's; null when the Average is never defined.
void writePerformance(JsonWriter& json, const SymbolReport& report) {
    const SymbolData& d = *report.data;
    const auto perf =
        compute_performance(d.bars.close, d.bars.time_ms, d.result->average,
                            d.params.long_threshold, d.params.short_threshold, report.performance);
    json.key("performance");
    if (!perf) {
        json.null();
        return;
    }
    write_performance_json(json, perf->figures, report.performance);
}

// The columns of `atc compute`, under the same names, plus time and close.
void writeSeries(JsonWriter& json, const SymbolReport& report,
                 const std::vector<std::string>& times) {
    const AtcResult& r = *report.data->result;
    json.key("series").begin_object();
    json.key("time").string_array(times);
    json.key("close").number_array(report.data->bars.close);
    for (MaType t : kAllFamilies) {
        json.key(std::string(family_name(t)) + "_Signal").number_array(r.family(t).signal);
    }
    for (MaType t : kAllFamilies) {
        json.key(std::string(family_name(t)) + "_S").number_array(r.family(t).weight_equity);
    }
    json.key("Average_Signal").number_array(r.average);
    json.end_object();
}

}  // namespace

QByteArray symbolReportJson(const SymbolReport& report) {
    const std::vector<std::string> times = barTimes(report.data->bars);
    const StrategyStats stats = strategyStats(report.data->bars.close, *report.data->result);
    JsonWriter json;
    json.begin_object();
    json.key("report").string("atc-symbol-report");
    json.key("format_version").integer(1);
    json.key("symbol").string(report.data->name.toStdString());
    json.key("generated_at").string(report.generated.toUTC().toString(Qt::ISODate).toStdString());
    json.key("atc_studio_version").string(release_version());
    json.key("engine_version").string(kEngineVersion);
    writeProvenance(json, report, times);
    json.key("parameters").raw(params_to_json(report.data->params));
    writeLatest(json, report, times);
    writeMarkers(json, report, times, stats);
    writePerformance(json, report);
    writeSeries(json, report, times);
    json.end_object();
    return QByteArray::fromStdString(json.finish());
}

}  // namespace atc::ui
