#include "scan_report.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
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

void append_section(std::string& out, std::string_view title, const std::vector<ReportRow>& rows,
                    const ReportOptions& options) {
    std::vector<Cells> cells;
    for (const ReportRow& r : rows) {
        // Rows are ranked by |signal|, so every later row is weaker still.
        if (std::fabs(r.row.average) < options.min_signal ||
            (options.top && cells.size() >= *options.top)) {
            break;
        }
        cells.push_back({std::to_string(cells.size() + 1), r.symbol, format_signal(r.row.average),
                         format_price(r.row.last_close), std::to_string(r.row.bars),
                         describe_entry(r)});
    }
    out += title;
    out += " (" + count_text(cells.size(), rows.size()) + ")\n";
    if (cells.empty()) {
        out += "  (none)\n";
    } else {
        append_table(out, cells);
    }
}

}  // namespace

std::string describe_entry(const ReportRow& row) {
    return entry_text(row.row.last_marker, row.marker_label);
}

std::string format_scan_report(std::vector<ReportRow> rows, const ReportOptions& options,
                               const ReportTotals& totals) {
    // The one ranking of every scan output (atc/scan_ranking.hpp).
    std::vector<double> averages;
    std::vector<std::string> names;
    for (const ReportRow& r : rows) {
        averages.push_back(r.row.average);
        names.push_back(r.symbol);
    }
    const ScanRanking ranking = rank_scan(averages, names);
    const auto pick = [&rows](const std::vector<std::size_t>& table) {
        std::vector<ReportRow> picked;
        for (const std::size_t i : table) {
            picked.push_back(std::move(rows[i]));
        }
        return picked;
    };
    const std::vector<ReportRow> longs = pick(ranking.longs);
    const std::vector<ReportRow> shorts = pick(ranking.shorts);
    const std::vector<ReportRow> flats = pick(ranking.flats);

    std::string out;
    append_section(out, "LONG", longs, options);
    out += '\n';
    append_section(out, "SHORT", shorts, options);

    // Flat symbols have no rank, but a scan should account for every symbol it read.
    // With --min-signal above 0 they are filtered out like any weak signal.
    if (!flats.empty() && options.min_signal <= 0.0) {
        const std::size_t shown = options.top ? std::min(*options.top, flats.size()) : flats.size();
        out += "\nFLAT (" + count_text(shown, flats.size()) + "): ";
        for (std::size_t i = 0; i < shown; ++i) {
            if (i > 0) {
                out += ", ";
            }
            out += flats[i].symbol;
        }
        out += '\n';
    }

    const std::size_t computed = longs.size() + shorts.size() + flats.size();
    std::array<char, 200> totals_line{};
    std::snprintf(totals_line.data(), totals_line.size(),
                  "\n%zu symbols scanned: %zu long, %zu short, %zu flat, %zu failed; %.3f s",
                  computed + totals.failed, longs.size(), shorts.size(), flats.size(),
                  totals.failed, totals.elapsed_seconds);
    out += totals_line.data();
    if (totals.from_cache > 0) {
        out += " (" + std::to_string(totals.from_cache) + " from the result cache)";
    }
    out += '\n';
    return out;
}

}  // namespace atc::cli
