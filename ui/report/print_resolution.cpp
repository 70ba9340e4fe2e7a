// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/print_resolution.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <type_traits>

namespace atc::ui {
namespace {

// Column c of `columns` over bars [first, first + n) starts at bar
// first + c * n / columns: equal widths, rounded down, the last ending at n.
std::vector<std::size_t> columnStarts(std::size_t first, std::size_t n, std::size_t columns) {
    std::vector<std::size_t> starts(columns + 1);
    for (std::size_t c = 0; c <= columns; ++c)
        starts[c] = first + c * n / columns;
    return starts;
}

// The reduced bars [first, last - 1] in `columns` columns of two halves each,
// then the last bar on its own.
class Reducer {
public:
    Reducer(std::size_t first, std::size_t last, std::size_t columns)
        : first_(first), last_(last), columns_(columns) {
        const std::vector<std::size_t> starts = columnStarts(first, last - first, columns);
        for (std::size_t c = 0; c < columns; ++c) {
            halves_.push_back(starts[c]);
            halves_.push_back((starts[c] + starts[c + 1]) / 2);
        }
        halves_.push_back(last);  // the last bar's own pseudo-bar
        halves_.push_back(last + 1);
    }

    std::size_t bars() const { return halves_.size() - 1; }

    std::vector<double> line(const std::vector<double>& values) const {
        if (values.empty())
            return {};
        std::vector<double> out = columnEnvelope(values, first_, last_ - 1, columns_);
        out.push_back(values[last_]);
        return out;
    }

    // f(begin, end) of each half's values.
    template <typename T, typename F>
    auto perHalf(const std::vector<T>& values, F f) const {
        std::vector<std::decay_t<decltype(f(values.begin(), values.end()))>> out;
        if (!values.empty())
            for (std::size_t k = 0; k < bars(); ++k)
                out.push_back(f(values.begin() + static_cast<std::ptrdiff_t>(halves_[k]),
                                values.begin() + static_cast<std::ptrdiff_t>(halves_[k + 1])));
        return out;
    }

    // Each half's first label.
    LabelColumn firstLabels(const LabelColumn& labels) const {
        LabelColumn out;
        if (!labels.empty())
            for (std::size_t k = 0; k < bars(); ++k)
                out.push_back(labels[halves_[k]]);
        return out;
    }

    // "bar N" of each half's first bar: the axis and the legend name the
    // data's bars, not the pseudo-bars, when the data has no times or labels.
    LabelColumn barNames() const {
        LabelColumn out;
        for (std::size_t k = 0; k < bars(); ++k)
            out.push_back("bar " + std::to_string(halves_[k]));
        return out;
    }

    // At most one marker per column, the newest, on the column's second half.
    std::vector<EntryMarker> markers(const std::vector<EntryMarker>& markers) const {
        std::vector<EntryMarker> out;
        for (const EntryMarker& m : markers) {
            if (m.bar < first_ || m.bar > last_)
                continue;
            // The half holding the bar; markers go on a column's second half.
            const auto half = std::upper_bound(halves_.begin(), halves_.end(), m.bar);
            std::size_t k = static_cast<std::size_t>(half - halves_.begin()) - 1;
            if (k + 1 < bars())
                k |= 1;
            EntryMarker thinned = m;
            thinned.bar = k;
            if (!out.empty() && out.back().bar == k)
                out.back() = thinned;  // newest kept
            else
                out.push_back(thinned);
        }
        return out;
    }

private:
    std::size_t first_, last_, columns_;
    std::vector<std::size_t> halves_;  // first bar of each pseudo-bar, then an end
};

// A half's first and last value (Reducer::perHalf).
constexpr auto first_of = [](auto begin, auto) { return *begin; };
constexpr auto last_of = [](auto, auto end) { return *(end - 1); };

PriceSeries reduceBars(const PriceSeries& bars, const Reducer& r, bool candles) {
    PriceSeries out;
    out.label_column = bars.label_column;
    out.labels =
        bars.labels.empty() && bars.time_ms.empty() ? r.barNames() : r.firstLabels(bars.labels);
    out.time_kind = bars.time_kind;
    out.time_column = bars.time_column;
    out.time_ms = r.perHalf(bars.time_ms, first_of);
    out.open = r.perHalf(bars.open, first_of);
    out.high = r.perHalf(bars.high, [](auto a, auto b) { return *std::max_element(a, b); });
    out.low = r.perHalf(bars.low, [](auto a, auto b) { return *std::min_element(a, b); });
    // Candles need their own close (inside their high and low); the close line
    // keeps its extremes.
    out.close = candles ? r.perHalf(bars.close, last_of) : r.line(bars.close);
    out.volume = r.perHalf(bars.volume, [](auto a, auto b) { return std::accumulate(a, b, 0.0); });
    return out;
}

// Each member's series reduced (those a drawn result leaves empty stay
// empty), its last state and equity as they are.
FamilyMembers reduceMembers(const FamilyMembers& members, const Reducer& r) {
    FamilyMembers out;
    for (std::size_t k = 0; k < members.size(); ++k) {
        const MemberSeries& m = members[k];
        out[k] = {m.length,         m.offset,     r.line(m.ma), r.perHalf(m.state, last_of),
                  r.line(m.equity), m.last_state, m.last_equity};
    }
    return out;
}

AtcResult reduceResult(const AtcResult& result, const Reducer& r) {
    AtcResult out;
    out.bars = r.bars();
    out.params = result.params;
    out.kept = result.kept;
    out.row = result.row;
    for (std::size_t f = 0; f < result.families.size(); ++f) {
        const FamilyResult& from = result.families[f];
        FamilyResult& to = out.families[f];
        to.type = from.type;
        to.base_length = from.base_length;
        to.members = reduceMembers(from.members, r);
        to.signal = r.line(from.signal);
        to.weight_equity = r.line(from.weight_equity);
    }
    out.average = r.line(result.average);
    out.markers = r.markers(result.markers);
    return out;
}

}  // namespace

std::vector<double> columnEnvelope(std::span<const double> values, std::size_t first,
                                   std::size_t last, std::size_t columns) {
    const std::vector<std::size_t> starts = columnStarts(first, last - first + 1, columns);
    std::vector<double> out;
    out.reserve(2 * columns);
    for (std::size_t c = 0; c < columns; ++c) {
        std::size_t lo = starts[c + 1], hi = starts[c + 1];  // none yet
        for (std::size_t i = starts[c]; i < starts[c + 1]; ++i) {
            if (!std::isfinite(values[i]))
                continue;
            if (lo == starts[c + 1] || values[i] < values[lo])
                lo = i;
            if (hi == starts[c + 1] || values[i] > values[hi])
                hi = i;
        }
        if (lo == starts[c + 1]) {
            out.insert(out.end(), 2, std::nan(""));
            continue;
        }
        out.push_back(values[std::min(lo, hi)]);
        out.push_back(values[std::max(lo, hi)]);
    }
    return out;
}

PrintData printResolution(const std::shared_ptr<const SymbolData>& data, const MemberSet& members,
                          std::pair<double, double> range, int columns, bool candles) {
    const std::size_t bars = data->barCount();
    const auto [left, right] = range;
    const double a = std::ceil(std::max(0.0, left));
    const double b = std::floor(std::min(static_cast<double>(bars) - 1.0, right));
    const std::size_t n_columns = static_cast<std::size_t>(std::max(columns, 1));
    if (bars == 0 || a > b || b - a + 1.0 <= 2.0 * static_cast<double>(n_columns + 1))
        return {data, members, range};
    const auto first = static_cast<std::size_t>(a);
    const auto last = static_cast<std::size_t>(b);
    const Reducer reducer(first, last, n_columns);

    // Field by field: a copy of the whole SymbolData would copy every bar.
    auto reduced = std::make_shared<SymbolData>();
    reduced->name = data->name;
    reduced->params = data->params;
    reduced->timeframe = data->timeframe;
    reduced->source_timeframe = data->source_timeframe;
    reduced->last_forming = data->last_forming;
    reduced->generation = data->generation;
    reduced->compute_ms = data->compute_ms;
    reduced->compute = data->compute;
    reduced->bars = reduceBars(data->bars, reducer, candles && data->hasOhlc());
    reduced->result = std::make_shared<const AtcResult>(reduceResult(*data->result, reducer));
    MemberSet reduced_members;
    for (std::size_t f = 0; f < kFamilyCount; ++f) {
        if (members[f])
            reduced_members[f] =
                std::make_shared<const FamilyMembers>(reduceMembers(*members[f], reducer));
    }
    // The view's edges in pseudo-bars: bars per pseudo-bar over the reduced span.
    const double scale = (b - a) / static_cast<double>(reducer.bars() - 1);
    return {reduced,
            std::move(reduced_members),
            {(left - a) / scale, static_cast<double>(reducer.bars() - 1) + (right - b) / scale}};
}

std::vector<store::Drawing> drawingsOnPrintBars(std::vector<store::Drawing> drawings,
                                                std::pair<double, double> from,
                                                std::pair<double, double> to) {
    const double span = from.second - from.first;
    if (!(span > 0.0))
        return drawings;
    const double scale = (to.second - to.first) / span;
    for (store::Drawing& d : drawings) {
        if (!d.by_bar)
            continue;
        for (store::DrawingAnchor* a : {&d.start, &d.end})
            a->x = std::llround(to.first + (static_cast<double>(a->x) - from.first) * scale);
    }
    return drawings;
}

}  // namespace atc::ui
