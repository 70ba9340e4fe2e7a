#include "scan_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <string_view>

#include "atc/scan_ranking.hpp"

namespace atc::cli {

namespace {

constexpr std::size_t kColumns = 6;
constexpr std::array<std::string_view, kColumns> kHeader = {"rank",       "symbol", "signal",
                                                            "last close", "bars",   "last entry"};
// Numbers are right-aligned so their digits line up; text is left-aligned.
constexpr std::array<bool, kColumns> kRightAligned = {true, false, true, true, true, false};

using Cells = std::array<std::string, kColumns>;

// Display width in terminal columns: UTF-8 continuation bytes take no column,
// so symbols such as "NESTLÉ" do not push the following columns out of line.
std::size_t display_width(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

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

void append_table(std::string& out, const std::vector<Cells>& rows) {
    std::array<std::size_t, kColumns> width{};
    for (std::size_t c = 0; c < kColumns; ++c) {
        width[c] = kHeader[c].size();
    }
    for (const Cells& r : rows) {
        for (std::size_t c = 0; c < kColumns; ++c) {
            width[c] = std::max(width[c], display_width(r[c]));
        }
    }
    const auto append_row = [&](const auto& cells) {
        std::string line = " ";
        for (std::size_t c = 0; c < kColumns; ++c) {
            const std::string_view cell = cells[c];
            const std::size_t pad = width[c] - display_width(cell);
            line += ' ';
            if (kRightAligned[c]) {
                line.append(pad, ' ');
            }
            line += cell;
            // The last column gets no trailing padding.
            if (!kRightAligned[c] && c + 1 < kColumns) {
                line.append(pad, ' ');
            }
            if (c + 1 < kColumns) {
                line += ' ';
            }
        }
        out += line;
        out += '\n';
    };
    append_row(kHeader);
    for (const Cells& r : rows) {
        append_row(r);
    }
}

std::string count_text(std::size_t shown, std::size_t total) {
    std::string s = std::to_string(total) + (total == 1 ? " symbol" : " symbols");
    if (shown != total) {
        s += ", " + std::to_string(shown) + " shown";
    }
    return s;
}

void append_section(std::string& out, std::string_view title, const ScanReportTable& table) {
    std::vector<Cells> cells;
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
        append_table(out, cells);
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
