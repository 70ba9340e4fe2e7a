// SPDX-License-Identifier: GPL-3.0-or-later
// What ATC Studio remembers between sessions and how it is kept in QSettings
// (~/.config/atc-studio/atc-studio.ini). The one place that knows the keys and
// their formats: the main window fills a SessionState from its widgets when it
// closes and applies the one read back when it opens.
//
// Reading never fails. Each value that is missing, damaged, or names what no
// longer exists (a family, a symbol's range that is not a range) takes its
// default on its own, so one bad value costs only itself. The layouts are Qt's
// own blobs, which Qt checks when the window applies them.
//
// Keys, format version 2 (a file without session/version is version 1 and has
// only the first six):
//   window/geometry     QMainWindow::saveGeometry: the window's place and size
//   window/state        QMainWindow::saveState: each dock's area, size, tab and
//                       visibility, and the toolbar's place
//   view/theme          "dark" or "light"
//   view/candles        true or false
//   view/price_scale    "linear", "log" or "percent" (another word reads as linear)
//   session/symbol      the symbol on screen
//   session/params      the parameters, as params.json
//   session/version     2
//   view/hidden_ma      the families whose MA the price pane hides, by name ("EMA")
//   view/equity         "families" (the six Layer-2 curves) or the family whose
//                       nine member equities the equity pane shows
//   view/calibration    "off" or the family the calibration pane shows
//   view/ranges         array, most recent symbol first, at most
//                       SymbolRanges::kCapacity entries: symbol, first, last
//                       (the x of the visible range's edges, in bars)
//   view/collapsed_panes  the chart panes the trader collapsed, by name
//                       ("signals", "equity"; ChartStack::paneNames)
//   view/compare        the symbols compared over the price pane, in the order
//                       added; kept whatever symbol is shown, as on TradingView
//   view/timeframes     map, symbol to the timeframe its chart shows ("4h"),
//                       for symbols not shown at their data's own; a value
//                       that is not a timeframe is dropped
//   performance/mode    the Performance tab's position mode: "long_short" or
//                       "long_only" (position_mode_name; another word reads
//                       as long_short); the app's reports use it too
//   performance/cost_bps  its cost in basis points (a number from 0 to 1,000;
//                       anything else reads as 0)
//   scanner/timeframe   the scanner's timeframe ("" for each symbol's own)
//   scanner/ties        how the scanner ranks equal strengths (tieBreakKey:
//                       "bars_since_entry", ...); another word reads as the default
//   scanner/long_header, scanner/short_header
//                       QHeaderView::saveState of the LONG and SHORT tables:
//                       which columns show, their order, widths and the sort
//   scanner/columns     how many columns the tables had then: Qt applies a
//                       state saved for other columns, so the window does not
#pragma once

#include <QByteArray>
#include <QHash>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

#include "atc/params.hpp"
#include "atc/performance.hpp"
#include "charts/symbol_ranges.hpp"
#include "charts/value_scale.hpp"
#include "scanner/scan_tie_break.hpp"
#include "theme/theme.hpp"

namespace atc::ui {

// Written with the session, so that a later change of a key's format can tell
// the files of this one from older ones.
inline constexpr int kSessionVersion = 2;

// The chart toolbar's choices.
struct ChartViewState {
    bool candles = false;
    PriceScale price_scale = PriceScale::Linear;
    std::array<bool, kFamilyCount> ma_visible{true, true, true, true, true, true};
    std::optional<MaType> equity_family;       // none: the six Layer-2 curves
    std::optional<MaType> calibration_family;  // none: the calibration pane is hidden
};

struct SessionState {
    QByteArray window_geometry;  // empty: none saved
    QByteArray window_state;
    ThemeKind theme = ThemeKind::Dark;
    std::optional<AtcParams> params;  // none: the defaults
    QString symbol;                   // empty: none saved
    ChartViewState chart;
    SymbolRanges ranges;
    QStringList collapsed_panes;         // known pane names only
    QHash<QString, QString> timeframes;  // symbol -> its chart's timeframe (canonical)
    QStringList compared;                // View → Compare…, for every symbol
    PerformanceOptions performance;      // the Performance tab's mode and cost
    QString scanner_timeframe;           // empty: each symbol's own
    ScanTieBreak scanner_ties = ScanTieBreak::BarsSinceEntry;
    QByteArray scanner_long_header;  // empty: none saved
    QByteArray scanner_short_header;
    int scanner_columns = 0;
};

// Non-const: QSettings reads arrays through beginReadArray.
SessionState readSession(QSettings& settings);
void writeSession(QSettings& settings, const SessionState& session);

}  // namespace atc::ui
