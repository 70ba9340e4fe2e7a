// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/performance_panes.hpp"

#include <QColor>
#include <cmath>
#include <limits>

#include "charts/area_fill_item.hpp"
#include "charts/chart_format.hpp"
#include "charts/state_line_item.hpp"
#include "charts/value_ticks.hpp"
#include "core/number_format.hpp"

namespace atc::ui {
namespace {

std::pair<double, double> emptyRange() {
    return {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
}

// The legend's "×1.84": equity as a multiple of what was put in.
QString equityMultiple(double equity) {
    return QStringLiteral("×") + formatEquity(equity);
}

// The underwater curve's value (1 − drawdown) as the percent below the peak.
QString underwaterPercent(double ratio) {
    return std::isfinite(ratio) ? signedPercent(percentFrom(ratio, 1.0), 2)
                                : formatEquity(std::nan(""));
}

}  // namespace

std::shared_ptr<const PerformanceCurves> computePerformanceCurves(
    std::shared_ptr<const SymbolData> data, const PerformanceOptions& options) {
    auto curves = std::make_shared<PerformanceCurves>();
    curves->options = options;
    if (data && data->result) {
        curves->performance =
            compute_performance(data->bars.close, data->bars.time_ms, data->result->average,
                                data->params.long_threshold, data->params.short_threshold, options);
    }
    if (curves->performance) {
        const std::vector<double>& drawdown = curves->performance->drawdown;
        curves->underwater.resize(drawdown.size());
        for (std::size_t i = 0; i < drawdown.size(); ++i)
            curves->underwater[i] = 1.0 - drawdown[i];  // NaN stays NaN
    }
    if (data)
        curves->time_scale = TimeScale(data->bars);  // data is kept by curves->data
    curves->data = std::move(data);
    return curves;
}

void PerformancePane::setCurves(std::shared_ptr<const PerformanceCurves> curves) {
    curves_ = std::move(curves);
    // Bound before the data is set: setSymbol() draws the legend from them.
    bindCurves();
    ChartPane::setSymbol(curves_ ? curves_->data : nullptr);
}

const Performance* PerformancePane::performance() const {
    return curves_ && curves_->performance ? &*curves_->performance : nullptr;
}

StrategyEquityPane::StrategyEquityPane(QWidget* parent) : PerformancePane(parent) {
    // Buy-and-hold first, so that the signal's line is drawn over it.
    hold_ = new StateLineItem(chart(), xAxis(), yAxis());
    hold_->setLineWidth(1.2);
    addOverlay(hold_);
    signal_ = new StateLineItem(chart(), xAxis(), yAxis());
    signal_->setLineWidth(1.8);
    addOverlay(signal_);
    setPriceScale(PriceScale::Log);
}

void StrategyEquityPane::bindCurves() {
    if (const Performance* perf = performance()) {
        hold_->setSeries(curves(), perf->buy_and_hold_equity);
        signal_->setSeries(curves(), perf->equity);
    } else {
        hold_->clear();
        signal_->clear();
    }
}

std::optional<std::pair<double, double>> StrategyEquityPane::dataRange(std::size_t first,
                                                                       std::size_t last) const {
    if (!performance())
        return std::nullopt;
    std::pair<double, double> r = emptyRange();
    hold_->widenRange(r, first, last);
    signal_->widenRange(r, first, last);
    if (!(r.first <= r.second))
        return std::nullopt;
    return r;
}

std::vector<LegendLine> StrategyEquityPane::legendLines(std::size_t bar) const {
    LegendLine line;
    line.push_back({tr("Equity"), {}, theme().text, {}, true});
    const Performance* perf = performance();
    if (!perf) {
        line.push_back(
            {tr("The Average is not defined on these bars: nothing to measure."), {}, {}, {}});
        return {line};
    }
    const double signal = perf->equity[bar];
    const double hold = perf->buy_and_hold_equity[bar];
    // The better of the two at this bar in the gain colour, the worse in the loss one.
    const auto tone = [&](double mine, double other) {
        if (!std::isfinite(mine) || !std::isfinite(other) || mine == other)
            return QColor();
        return mine > other ? theme().bull : theme().bear;
    };
    line.push_back({tr("Signal"), equityMultiple(signal), signal_->colorOf(0), tone(signal, hold)});
    line.push_back({tr("Buy & hold"), equityMultiple(hold), hold_->colorOf(0), tone(hold, signal)});
    line.push_back({tr("log scale"), {}, {}, {}});
    return {line};
}

QString StrategyEquityPane::formatLevel(double y) const {
    return equityMultiple(y);
}

void StrategyEquityPane::applyContentTheme(const Theme& theme) {
    // The signal in the Average's colour (it is the Average held), buy-and-hold
    // in the close line's (it is the price from t0).
    signal_->setColor(theme.average);
    hold_->setColor(theme.price);
}

UnderwaterPane::UnderwaterPane(QWidget* parent) : PerformancePane(parent) {
    fill_ = new AreaFillItem(chart(), xAxis(), yAxis());
    addOverlay(fill_);
    line_ = new StateLineItem(chart(), xAxis(), yAxis());
    line_->setLineWidth(1.2);
    addOverlay(line_);
    // Labels in percent below the peak: the values are equity over peak, based at 1.
    setPriceScale(PriceScale::Percent);
}

void UnderwaterPane::bindCurves() {
    if (performance()) {
        line_->setSeries(curves(), curves()->underwater);
        fill_->setSeries(curves(), curves()->underwater, 1.0);
    } else {
        line_->clear();
        fill_->clear();
    }
}

std::optional<std::pair<double, double>> UnderwaterPane::dataRange(std::size_t first,
                                                                   std::size_t last) const {
    if (!performance())
        return std::nullopt;
    // 0 % (the peak) always in view, at the top.
    std::pair<double, double> r{1.0, 1.0};
    line_->widenRange(r, first, last);
    return r;
}

std::vector<LegendLine> UnderwaterPane::legendLines(std::size_t bar) const {
    LegendLine line;
    line.push_back({tr("Drawdown"), {}, theme().text, {}, true});
    const Performance* perf = performance();
    if (!perf)
        return {line};
    const double ratio = curves()->underwater[bar];
    line.push_back({tr("below the peak"), underwaterPercent(ratio), line_->colorOf(0),
                    std::isfinite(ratio) && ratio < 1.0 ? theme().bear : QColor()});
    line.push_back(
        {tr("max"), signedPercent(-100.0 * perf->figures.max_drawdown, 2), {}, theme().bear});
    return {line};
}

QString UnderwaterPane::formatLevel(double y) const {
    return underwaterPercent(y);
}

QString UnderwaterPane::formatDelta(double delta) const {
    // A difference of two ratios to the peak: percentage points of it.
    return signedPercent(100.0 * delta, 2);
}

void UnderwaterPane::applyContentTheme(const Theme& theme) {
    line_->setColor(theme.bear);
    QColor fill = theme.bear;
    fill.setAlphaF(0.25f);
    fill_->setColor(fill);
}

}  // namespace atc::ui
