#include "signal_csv.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace atc::cli {

namespace {

// %.17g, the format of the golden files; to_chars gives the same digits without
// the locale dependence and per-call overhead of snprintf.
void append_number(std::string& out, double v) {
    if (std::isnan(v)) {
        return;  // empty field: not defined yet
    }
    std::array<char, 32> buf{};
    const auto res =
        std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::general, 17);
    out.append(buf.data(), res.ptr);
}

void append_index(std::string& out, std::size_t v) {
    std::array<char, 24> buf{};
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    out.append(buf.data(), res.ptr);
}

void require_bars(const std::vector<double>& series, std::size_t bars, std::string_view what) {
    if (series.size() != bars) {
        throw std::logic_error("engine returned " + std::to_string(series.size()) + " values of " +
                               std::string(what) + " for " + std::to_string(bars) + " bars");
    }
}

}  // namespace

std::string format_signal_csv(const AtcResult& result) {
    const std::size_t bars = result.bars;
    // Collected up front so that a malformed result is refused before any output.
    std::vector<const std::vector<double>*> columns;
    std::string out = "bar";
    // The column order is fixed by kAllFamilies, not by how results are stored.
    for (const MaType t : kAllFamilies) {
        const std::string name(family_name(t));
        require_bars(result.family(t).signal, bars, name + "_Signal");
        columns.push_back(&result.family(t).signal);
        out += ',' + name + "_Signal";
    }
    for (const MaType t : kAllFamilies) {
        const std::string name(family_name(t));
        require_bars(result.family(t).weight_equity, bars, name + "_S");
        columns.push_back(&result.family(t).weight_equity);
        out += ',' + name + "_S";
    }
    require_bars(result.average, bars, "Average_Signal");
    columns.push_back(&result.average);
    out += ",Average_Signal\n";

    // About 14 fields of up to ~24 characters per row.
    out.reserve(out.size() + bars * 14 * 20);
    for (std::size_t i = 0; i < bars; ++i) {
        append_index(out, i);
        for (const std::vector<double>* column : columns) {
            out += ',';
            append_number(out, (*column)[i]);
        }
        out += '\n';
    }
    return out;
}

}  // namespace atc::cli
