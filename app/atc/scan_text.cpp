// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <string_view>

#include "atc/scan_ranking.hpp"
#include "text_table.hpp"

namespace atc::cli {

namespace {

constexpr std::array<TextColumn, 6> kColumns = {{{"rank", true},
                                                 {"symbol", false},
                                                 {"signal", true},
                                                 {"last close", true},
                                                 {"bars", true},
                                                 {"last entry", false}}};

std::string format_signal(double v) {
    std::array<char, 32> buf{};
    const int n = std::snprintf(buf.data(), buf.size(), "%+.3f", v);
    return std::string(buf.data(), static_cast<std::size_t>(std::max(n, 0)));
}

// Shortest text that reads back as the same double: prices appear as in the file.
std::string format_price(double v) {
    std::array<char, 32> buf{};
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return std::string(buf.data(), res.ptr);
}

std::string count_text(std::size_t shown, std::size_t total) {
    std::string s = std::to_string(total) + (total == 1 ? " symbol" : " symbols");
    if (shown != total) {
        s += ", " + std::to_string(shown) + " shown";
    }
    return s;
}

void append_section(std::string& out, std::string_view title, const ScanReportTable& table) {
    std::vector<std::vector<std::string>> cells;
    for (const ScanReportRow* r : table.shown) {
        cells.push_back({std::to_string(cells.size() + 1), r->symbol, format_signal(r->row.average),
                         format_price(r->row.last_close), std::to_string(r->row.bars),
                         entry_text(r->row.last_marker, r->marker_label)});
    }
    out += title;
    out += " (" + count_text(cells.size(), table.total) + ")\n";
    if (cells.empty()) {
        out += "  (none)\n";
    } else {
        out += text_table(kColumns, cells);
    }
}

}  // namespace

std::string format_scan_text(const ScanReport& report) {
    // The one ranking and cut of every scan output (atc/scan_report.hpp).
    const RankedScanReport ranked = rank_scan_report(report);

    std::string out;
    append_section(out, "LONG", ranked.longs);
    out += '\n';
    append_section(out, "SHORT", ranked.shorts);

    // Flat symbols have no rank, but a scan should account for every symbol it
    // read. With --min-signal above 0 the cut leaves none of them, as it does
    // any weak signal.
    if (!ranked.flats.shown.empty()) {
        out += "\nFLAT (" + count_text(ranked.flats.shown.size(), ranked.flats.total) + "): ";
        for (std::size_t i = 0; i < ranked.flats.shown.size(); ++i) {
            if (i > 0) {
                out += ", ";
            }
            out += ranked.flats.shown[i]->symbol;
        }
        out += '\n';
    }

    const std::size_t failed = report.failures.size();
    // "at 4h" only for a scan at a chosen timeframe.
    const std::string at = report.timeframe.empty() ? "" : " at " + report.timeframe;
    std::array<char, 300> totals_line{};
    std::snprintf(totals_line.data(), totals_line.size(),
                  "\n%zu symbols scanned%s: %zu long, %zu short, %zu flat, %zu failed; %.3f s",
                  report.rows.size() + failed, at.c_str(), ranked.longs.total, ranked.shorts.total,
                  ranked.flats.total, failed, report.elapsed_seconds);
    out += totals_line.data();
    if (report.from_cache > 0) {
        out += " (" + std::to_string(report.from_cache) + " from the result cache)";
    }
    out += '\n';
    return out;
}

}  // namespace atc::cli
