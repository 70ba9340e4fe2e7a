// SPDX-License-Identifier: GPL-3.0-or-later
// The symbol report as JSON: the parameters (in the engine's params.json
// format), where the data comes from, the latest values, the entry markers, the
// statistics, the signal's performance and every per-bar output, numbers exact
// to the last bit.
#include <QTimeZone>

#include "atc/json_document.hpp"
#include "atc/params_json.hpp"
#include "atc/performance_json.hpp"
#include "atc/scan_ranking.hpp"
#include "atc/version.hpp"
#include "report/report_facts.hpp"
#include "report/strategy_stats.hpp"
#include "report/symbol_report_writers.hpp"

namespace atc::ui {
namespace {

Json provenanceJson(const SymbolReport& report, const std::vector<std::string>& times) {
    Json data = {{"bars", report.data->barCount()},
                 {"first", times.empty() ? std::string() : times.front()},
                 {"last", times.empty() ? std::string() : times.back()},
                 // The timeframe of the bars here, and the data's own they were made from.
                 {"timeframe", shownTimeframe(*report.data, report.info)},
                 {"source_timeframe", ownTimeframe(*report.data, report.info)}};
    if (report.info) {
        const store::SymbolMeta& meta = report.info->meta;
        data["kind"] = store::symbol_kind_name(meta.kind);
        data["source"] = meta.source;
        data["provenance"] = meta.provenance;
        data["imported_at"] =
            QDateTime::fromMSecsSinceEpoch(report.info->imported_at_ms, QTimeZone::utc())
                .toString(Qt::ISODate)
                .toStdString();
    }
    return data;
}

Json latestJson(const SymbolReport& report, const std::vector<std::string>& times) {
    const AtcResult& r = *report.data->result;
    const std::size_t last = r.bars - 1;
    Json families = Json::array();
    for (const LatestFamily& f : latestFamilies(r)) {
        Json members = Json::array();
        for (const LatestMember& m : f.members) {
            members.push_back({{"length", m.length},
                               {"offset", m.offset},
                               {"state", static_cast<int>(m.state)},
                               {"equity", m.equity}});
        }
        families.push_back({{"family", family_name(f.type)},
                            {"base_length", f.base_length},
                            {"signal", f.signal},
                            {"trend", direction_name(f.trend)},
                            {"weight", f.weight},
                            {"weight_share", f.share},
                            {"members", std::move(members)}});
    }
    return {{"bar", last},
            {"time", times[last]},
            {"close", report.data->bars.close[last]},
            // The last bar's bucket reaches past the data: its values will still change.
            {"forming", report.data->last_forming},
            {"average", r.average[last]},
            {"trend", direction_name(r.row.trend)},
            {"families", std::move(families)}};
}

Json markersJson(const SymbolReport& report, const std::vector<std::string>& times,
                 const StrategyStats& stats) {
    Json markers = Json::array();
    for (const MarkerTrade& t : stats.trades) {
        markers.push_back({{"bar", t.entry_bar},
                           {"time", times[t.entry_bar]},
                           {"direction", direction_name(t.direction)},
                           {"close", t.entry_close},
                           {"average", report.data->result->average[t.entry_bar]},
                           {"exit_bar", t.exit_bar},
                           {"move", t.move},
                           {"hit", t.hit},
                           {"open", t.open}});
    }
    return markers;
}

Json statisticsJson(const StrategyStats& stats) {
    Json final_equity = Json::object();
    for (MaType t : kAllFamilies)
        final_equity[std::string(family_name(t))] = stats.final_equity[static_cast<std::size_t>(t)];
    return {{"trades", stats.trades.size()}, {"long_trades", stats.longs},
            {"short_trades", stats.shorts},  {"hits", stats.hits},
            {"hit_rate", stats.hit_rate},    {"final_layer2_equity", std::move(final_equity)}};
}

// ATC_SPEC "Signal performance": the figures of the Average held as a
// position, and buy-and-hold's; null when the Average is never defined.
Json performanceJson(const SymbolReport& report) {
    const SymbolData& d = *report.data;
    const auto perf =
        compute_performance(d.bars.close, d.bars.time_ms, d.result->average,
                            d.params.long_threshold, d.params.short_threshold, report.performance);
    return perf ? performance_json(perf->figures, report.performance) : Json(nullptr);
}

// The columns of `atc compute`, under the same names, plus time and close,
// each built and written on its own: together they are most of the document.
void writeSeries(JsonObjectText& document, const SymbolReport& report,
                 const std::vector<std::string>& times) {
    const AtcResult& r = *report.data->result;
    JsonObjectText series = document.object_member("series");
    series.member("time", times);
    series.member("close", report.data->bars.close);
    for (MaType t : kAllFamilies)
        series.member(std::string(family_name(t)) + "_Signal", r.family(t).signal);
    for (MaType t : kAllFamilies)
        series.member(std::string(family_name(t)) + "_S", r.family(t).weight_equity);
    series.member("Average_Signal", r.average);
    series.close();
}

}  // namespace

QByteArray symbolReportJson(const SymbolReport& report) {
    const std::vector<std::string> times = barTimes(report.data->bars);
    const StrategyStats stats = strategyStats(report.data->bars.close, *report.data->result);
    std::string text;
    JsonObjectText document(text);
    document.member("report", "atc-symbol-report");
    document.member("format_version", 1);
    document.member("symbol", report.data->name.toStdString());
    document.member("generated_at", report.generated.toUTC().toString(Qt::ISODate).toStdString());
    document.member("atc_studio_version", release_version());
    document.member("engine_version", kEngineVersion);
    document.member("data", provenanceJson(report, times));
    document.member("parameters", params_json_object(report.data->params));
    document.member("latest", latestJson(report, times));
    document.member("markers", markersJson(report, times, stats));
    document.member("statistics", statisticsJson(stats));
    document.member("performance", performanceJson(report));
    writeSeries(document, report, times);
    document.close();
    text += '\n';
    return QByteArray::fromStdString(text);
}

}  // namespace atc::ui
