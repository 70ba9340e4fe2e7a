// SPDX-License-Identifier: GPL-3.0-or-later
// Compare: another symbol's closes laid on the main chart's bars, so the price
// pane can draw it as one more line (PricePane's compare lines). Computed off
// the GUI thread by CompareLoader; immutable once made.
#pragma once

#include <QMetaType>
#include <QString>
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "atc/price_csv.hpp"
#include "core/symbol_data.hpp"

namespace atc::ui {

struct CompareSeries {
    QString name;
    // closes[i]: the compared symbol's close at the main chart's bar i (NaN
    // where it has none yet), as many as the main chart has bars.
    std::vector<double> closes;
    // Matched by time; false when either series has no times: then bar by bar
    // from the last one (note says so).
    bool by_time = true;
    QString note;
    // The main chart's bars it was laid on: symbol, timeframe and bar count.
    QString main_name;
    QString main_timeframe;

    // Laid on these bars (a new result of the same bars fits; another symbol,
    // timeframe or new bars do not).
    bool fits(const SymbolData& main) const {
        return main.name == main_name && main.timeframe == main_timeframe &&
               main.barCount() == closes.size();
    }
};

// For each main bar, the other series' last close at or before the bar's
// time; NaN before its first bar. Without times on either side, the two are
// laid end to end from their last bars. `by_time` says which was done.
std::vector<double> alignedCloses(const PriceSeries& main, const PriceSeries& other, bool& by_time);

// Where the compare line is pinned to the main price: the first bar from
// `first` to `last` where both closes are known, and the factor that puts the
// compared close there on the main close (main / compared). nullopt when none.
struct CompareBase {
    std::size_t bar = 0;
    double scale = 1.0;
};
std::optional<CompareBase> compareBase(std::span<const double> main_close,
                                       std::span<const double> compared, std::size_t first,
                                       std::size_t last);

}  // namespace atc::ui

// The loader's signals carry it from its worker, the chart stack's slot takes it.
Q_DECLARE_METATYPE(std::shared_ptr<const atc::ui::CompareSeries>)
