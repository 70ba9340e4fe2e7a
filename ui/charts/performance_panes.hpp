// SPDX-License-Identifier: GPL-3.0-or-later
// The Performance tab's plots, chart panes like the stack's (pane_base.hpp):
// the same bar-index x axis, time grid, crosshair, value scale and legend, so
// that they follow the charts' visible bars and read like them.
//   StrategyEquityPane: the signal's equity and buy-and-hold's, both from 1
//     where the Average starts, on a log scale (they can end a hundredfold apart).
//   UnderwaterPane: how far the signal's equity is below its last peak, in
//     percent, shaded.
// Both draw a PerformanceCurves: compute_performance's series (ATC_SPEC "Signal
// performance") for one SymbolData, computed off the GUI thread (a million
// bars take longer than a frame).
#pragma once

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "atc/performance.hpp"
#include "charts/pane_base.hpp"
#include "charts/time_axis.hpp"

namespace atc::ui {

class AreaFillItem;
class StateLineItem;

struct PerformanceCurves {
    std::shared_ptr<const SymbolData> data;  // the bars, result and parameters measured
    PerformanceOptions options;
    // compute_performance's answer; nullopt when the Average is never defined.
    std::optional<Performance> performance;
    // Per bar: the equity over its peak so far, 1 − drawdown (NaN before t0),
    // so that a percent scale based at 1 reads "−12 %".
    std::vector<double> underwater;
    // The bars' calendar for the time axis, built with the rest off the GUI thread.
    TimeScale time_scale;
};

// The curves of `data` held as `options` say. Any thread.
std::shared_ptr<const PerformanceCurves> computePerformanceCurves(
    std::shared_ptr<const SymbolData> data, const PerformanceOptions& options);

// What both panes share: the curves they draw (setCurves, not setSymbol).
class PerformancePane : public ChartPane {
    Q_OBJECT

public:
    using ChartPane::ChartPane;
    // nullptr or curves without a performance: an empty pane.
    void setCurves(std::shared_ptr<const PerformanceCurves> curves);
    const std::shared_ptr<const PerformanceCurves>& curves() const { return curves_; }

protected:
    // The performance drawn, or null.
    const Performance* performance() const;
    virtual void bindCurves() = 0;

private:
    std::shared_ptr<const PerformanceCurves> curves_;
};

class StrategyEquityPane : public PerformancePane {
    Q_OBJECT

public:
    explicit StrategyEquityPane(QWidget* parent = nullptr);
    const StateLineItem& signalItem() const { return *signal_; }
    const StateLineItem& buyAndHoldItem() const { return *hold_; }

protected:
    void bindCurves() override;
    std::optional<std::pair<double, double>> dataRange(std::size_t first,
                                                       std::size_t last) const override;
    std::vector<LegendLine> legendLines(std::size_t bar) const override;
    QString formatLevel(double y) const override;
    void applyContentTheme(const Theme& theme) override;

private:
    StateLineItem* hold_ = nullptr;
    StateLineItem* signal_ = nullptr;
};

class UnderwaterPane : public PerformancePane {
    Q_OBJECT

public:
    explicit UnderwaterPane(QWidget* parent = nullptr);
    const StateLineItem& lineItem() const { return *line_; }

protected:
    void bindCurves() override;
    std::optional<std::pair<double, double>> dataRange(std::size_t first,
                                                       std::size_t last) const override;
    std::vector<LegendLine> legendLines(std::size_t bar) const override;
    QString formatLevel(double y) const override;
    QString formatDelta(double delta) const override;
    std::optional<double> percentBase(std::size_t) const override { return 1.0; }
    void applyContentTheme(const Theme& theme) override;

private:
    AreaFillItem* fill_ = nullptr;
    StateLineItem* line_ = nullptr;
};

}  // namespace atc::ui
