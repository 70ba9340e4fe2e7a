// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/scan_report.hpp"

#include <span>

#include "atc/scan_ranking.hpp"
#include "io/time_parse.hpp"

namespace atc {
namespace {

ScanReportTable make_table(const char* name, std::span<const std::size_t> ranked,
                           const ScanReport& report, std::span<const double> averages) {
    ScanReportTable table;
    table.name = name;
    table.total = ranked.size();
    const std::size_t shown =
        shown_in_table(ranked, averages, report.filter.min_signal, report.filter.top);
    for (std::size_t k = 0; k < shown; ++k)
        table.shown.push_back(&report.rows[ranked[k]]);
    return table;
}

}  // namespace

std::string describe_source(const ScannedSource& source) {
    return source.location.empty() ? source.kind : source.kind + " " + source.location;
}

std::string scanned_at_text(const ScanReport& report) {
    // Whole seconds: a report is not read to the millisecond.
    const auto seconds = std::chrono::floor<std::chrono::seconds>(report.scanned_at);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(seconds.time_since_epoch());
    return detail::format_utc(ms.count(), /*date_only=*/false);
}

RankedScanReport rank_scan_report(const ScanReport& report) {
    std::vector<double> averages;
    std::vector<std::string> names;
    for (const ScanReportRow& r : report.rows) {
        averages.push_back(r.row.average);
        names.push_back(r.symbol);
    }
    const ScanRanking ranking = rank_scan(averages, names);
    return {make_table("long", ranking.longs, report, averages),
            make_table("short", ranking.shorts, report, averages),
            make_table("flat", ranking.flats, report, averages)};
}

}  // namespace atc
