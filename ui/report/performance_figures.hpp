// SPDX-License-Identifier: GPL-3.0-or-later
// The words and numbers of the signal's performance figures (ATC_SPEC "Signal
// performance") as the PDF report's Performance page and the app's Performance
// tab both show them: one table, the signal beside buy-and-hold, written once.
#pragma once

#include <QString>
#include <vector>

#include "atc/performance.hpp"

namespace atc::ui {

// One row of the figures table. The tones say which way a value reads (the
// tab colours it): +1 a gain, −1 a loss, 0 neither (a count, a share of time,
// no value).
struct PerformanceFigureRow {
    QString label;
    QString signal;
    QString buy_and_hold;
    int signal_tone = 0;
    int buy_and_hold_tone = 0;
    bool headline = false;  // the row a reader looks at first (total return)
};

// Total return, CAGR, Sharpe, Sortino, max drawdown, time in market, trades,
// win rate, average win / loss, longest trade; "—" where a figure is not
// defined (NaN: no bar times, no spread) or has no buy-and-hold counterpart.
std::vector<PerformanceFigureRow> performanceFigureRows(const PerformanceFigures& figures);

// "long above the long threshold, short below the short one" (or "…, flat
// otherwise" for long only): how the mode holds the position, in words.
QString positionModeText(PositionMode mode);
// "Held from each close to the next as the bar before says: …; costs 5 bp per
// unit of position change.": how the figures were made, in one sentence.
QString holdingText(const PerformanceOptions& options);
// The warning every figure of one symbol's own history deserves.
QString inSampleText();

}  // namespace atc::ui
