// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/performance_figures.hpp"

#include <QObject>
#include <cmath>

#include "core/number_format.hpp"
#include "report/report_text.hpp"

namespace atc::ui {
namespace {

QString ratioText(double v) {
    return std::isfinite(v) ? groupedNumber(v, 2) : QObject::tr("—");
}

QString fractionText(double v) {
    return std::isfinite(v) ? signedPercent(100.0 * v, 1) : QObject::tr("—");
}

// +1 above zero, −1 below, 0 at zero or undefined.
int toneOf(double v) {
    return std::isfinite(v) ? (v > 0.0) - (v < 0.0) : 0;
}

}  // namespace

std::vector<PerformanceFigureRow> performanceFigureRows(const PerformanceFigures& f) {
    const QString none = QObject::tr("—");
    // A drawdown is a loss whenever there is one.
    const auto drawdown_tone = [](double d) { return d > 0.0 ? -1 : 0; };
    return {
        {QObject::tr("Total return"), fractionText(f.total_return),
         fractionText(f.buy_and_hold_return), toneOf(f.total_return), toneOf(f.buy_and_hold_return),
         true},
        {QObject::tr("CAGR"), fractionText(f.cagr), fractionText(f.buy_and_hold_cagr),
         toneOf(f.cagr), toneOf(f.buy_and_hold_cagr)},
        {QObject::tr("Sharpe"), ratioText(f.sharpe), ratioText(f.buy_and_hold_sharpe),
         toneOf(f.sharpe), toneOf(f.buy_and_hold_sharpe)},
        {QObject::tr("Sortino"), ratioText(f.sortino), none, toneOf(f.sortino), 0},
        {QObject::tr("Max drawdown"), fractionText(-f.max_drawdown),
         fractionText(-f.buy_and_hold_max_drawdown), drawdown_tone(f.max_drawdown),
         drawdown_tone(f.buy_and_hold_max_drawdown)},
        {QObject::tr("Time in market"), percentText(f.time_in_market, 1), QStringLiteral("100 %")},
        {QObject::tr("Trades"), groupedCount(f.trades), none},
        {QObject::tr("Win rate"), percentText(f.win_rate, 1), none},
        {QObject::tr("Average win / loss"),
         fractionText(f.avg_win) + QStringLiteral(" / ") + fractionText(f.avg_loss), none},
        {QObject::tr("Longest trade"), QObject::tr("%1 bars").arg(f.longest_trade), none},
    };
}

QString positionModeText(PositionMode mode) {
    return mode == PositionMode::LongOnly
               ? QObject::tr("long above the long threshold, flat otherwise")
               : QObject::tr("long above the long threshold, short below the short one");
}

QString holdingText(const PerformanceOptions& options) {
    const double bps = options.cost_bps;
    return QObject::tr(
               "Held from each close to the next as the bar before says: %1; costs %2 bp "
               "per unit of position change.")
        .arg(positionModeText(options.mode), groupedNumber(bps, bps == std::floor(bps) ? 0 : 2));
}

QString inSampleText() {
    return QObject::tr(
        "In-sample: the parameters were not chosen on other data, and past "
        "returns say little about future ones.");
}

}  // namespace atc::ui
