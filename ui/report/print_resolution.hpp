// SPDX-License-Identifier: GPL-3.0-or-later
// The report's charts at the page's resolution: a symbol zoomed out to a
// million bars is drawn from about two points per pixel column, not from every
// bar (which made a PDF of hundreds of megabytes and minutes of Qt Charts
// geometry). The report draws through the window's ChartStack, so the
// reduction is a smaller SymbolData the stack draws as it is:
//
// - the visible bars are cut into `columns` columns, each of two halves; each
//   half becomes one pseudo-bar (its time is the half's first bar's);
// - a line (close, every moving average, signal and equity) keeps per column
//   its minimum and its maximum in time order, so no spike disappears and the
//   line runs through the column's exact extremes;
// - candles become one OHLC aggregate per half column (first open, highest
//   high, lowest low, last close);
// - entry markers thin to one per column, the newest kept;
// - the last visible bar stays a pseudo-bar of its own with its exact values
//   (the legends show it).
//
// Data with no more bars in view than two per column is left as it is.
#pragma once

#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "atc/store/drawing_store.hpp"
#include "core/symbol_data.hpp"

namespace atc::ui {

struct PrintData {
    std::shared_ptr<const SymbolData> data;
    MemberSet members;                // the members given, reduced as `data`
    std::pair<double, double> range;  // the view's edges in `data`'s bars
};

// `data` and `members` (those of some of its families, as the views draw them)
// as seen over bars [left, right] (the view's edges, which may reach past the
// data), reduced for `columns` pixel columns; `candles`: the price is drawn as
// candles (their close is each half's last, not the envelope).
PrintData printResolution(const std::shared_ptr<const SymbolData>& data, const MemberSet& members,
                          std::pair<double, double> range, int columns, bool candles);

// The drawings of a view whose bars printResolution() reduced, from the
// view's edges `from` (in the data's bars) to `to` (in its pseudo-bars): those
// anchored to bar indices (bars without times) move onto the pseudo-bars, to
// the nearest (half a pixel column); time anchors stay (pseudo-bars keep times).
std::vector<store::Drawing> drawingsOnPrintBars(std::vector<store::Drawing> drawings,
                                                std::pair<double, double> from,
                                                std::pair<double, double> to);

// Per column of the `columns` equal columns of values[first..last]: its
// minimum and maximum in the order they occur (both, even when equal), NaN
// where the column has no finite value. 2 * columns values.
std::vector<double> columnEnvelope(std::span<const double> values, std::size_t first,
                                   std::size_t last, std::size_t columns);

}  // namespace atc::ui
