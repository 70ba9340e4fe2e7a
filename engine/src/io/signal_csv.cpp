// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/signal_csv.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace atc {

namespace {

void append_index(std::string& out, std::size_t v) {
    std::array<char, 24> buf{};
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    out.append(buf.data(), res.ptr);
}

void require_bars(std::size_t size, std::size_t bars, std::string_view what) {
    if (size != bars) {
        throw std::logic_error("engine returned " + std::to_string(size) + " values of " +
                               std::string(what) + " for " + std::to_string(bars) + " bars");
    }
}

// The marker text of every bar ("" where there is none).
std::vector<std::string_view> marker_column(const AtcResult& result) {
    std::vector<std::string_view> column(result.bars);
    for (const EntryMarker& m : result.markers) {
        if (m.bar >= result.bars) {
            throw std::logic_error("entry marker at bar " + std::to_string(m.bar) + " of " +
                                   std::to_string(result.bars) + " bars");
        }
        column[m.bar] = m.direction == Direction::Long    ? "long"
                        : m.direction == Direction::Short ? "short"
                                                          : "";
    }
    return column;
}

}  // namespace

// %.17g, the format of the golden files; to_chars gives the same digits without
// the locale dependence and per-call overhead of snprintf.
void append_csv_number(std::string& out, double v) {
    if (std::isnan(v)) {
        return;  // empty field: not defined yet
    }
    std::array<char, 32> buf{};
    const auto res =
        std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::general, 17);
    out.append(buf.data(), res.ptr);
}

// RFC 4180: a label from a price file may itself hold the delimiter or quotes
// ("Jan 2, 2024"); dates and the numbers never need it.
void append_csv_text(std::string& out, std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
}

std::string format_signal_csv(const AtcResult& result, const SignalCsvExtras& extras) {
    const std::size_t bars = result.bars;
    const bool dated = !extras.dates.empty();
    if (dated) {
        require_bars(extras.dates.size(), bars, "dates");
    }
    // Collected up front so that a malformed result is refused before any output.
    std::vector<const std::vector<double>*> columns;
    std::string out = dated ? "bar,date" : "bar";
    // The column order is fixed by kAllFamilies, not by how results are stored.
    for (const MaType t : kAllFamilies) {
        const std::string name(family_name(t));
        require_bars(result.family(t).signal.size(), bars, name + "_Signal");
        columns.push_back(&result.family(t).signal);
        out += ',' + name + "_Signal";
    }
    for (const MaType t : kAllFamilies) {
        const std::string name(family_name(t));
        require_bars(result.family(t).weight_equity.size(), bars, name + "_S");
        columns.push_back(&result.family(t).weight_equity);
        out += ',' + name + "_S";
    }
    require_bars(result.average.size(), bars, "Average_Signal");
    columns.push_back(&result.average);
    out += ",Average_Signal";
    const std::vector<std::string_view> markers =
        extras.markers ? marker_column(result) : std::vector<std::string_view>();
    out += extras.markers ? ",marker" : "";
    const bool performance = !extras.position.empty() || !extras.strategy_equity.empty();
    if (performance) {
        require_bars(extras.position.size(), bars, "position");
        require_bars(extras.strategy_equity.size(), bars, "strategy_equity");
        out += ",position,strategy_equity";
    }
    out += '\n';

    // About 14 fields of up to ~24 characters per row.
    out.reserve(out.size() + bars * 14 * 20);
    for (std::size_t i = 0; i < bars; ++i) {
        append_index(out, i);
        if (dated) {
            out += ',';
            append_csv_text(out, extras.dates[i]);
        }
        for (const std::vector<double>* column : columns) {
            out += ',';
            append_csv_number(out, (*column)[i]);
        }
        if (extras.markers) {
            out += ',';
            out += markers[i];
        }
        if (performance) {
            out += ',';
            out += std::to_string(extras.position[i]);
            out += ',';
            append_csv_number(out, extras.strategy_equity[i]);
        }
        out += '\n';
    }
    return out;
}

}  // namespace atc
