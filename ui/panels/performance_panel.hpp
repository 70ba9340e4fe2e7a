// SPDX-License-Identifier: GPL-3.0-or-later
// The Performance tab (bottom dock, next to Families): how the Average signal
// of the symbol, timeframe and parameters on screen would have done held as a
// position (ATC_SPEC "Signal performance"), beside buy-and-hold. On the left
// the position mode and the cost, and the figures as the PDF report writes
// them (report/performance_figures.hpp); on the right the two equity curves
// and the underwater curve (charts/performance_panes.hpp), on the charts' time
// axis: they show the bars the charts show and share their crosshair, and a
// pan, zoom or reset here moves the charts (and so every pane) too.
//
// The figures are computed on a worker thread: compute_performance allocates
// and fills five series as long as the bars, which at a million bars takes
// longer than a frame. The newest request wins; older answers are dropped.
#pragma once

#include <QThreadPool>
#include <QWidget>
#include <array>
#include <atomic>
#include <cstdint>
#include <memory>

#include "atc/performance.hpp"
#include "charts/view_range.hpp"
#include "core/symbol_data.hpp"
#include "theme/theme.hpp"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSplitter;
class QTableWidget;

namespace atc::ui {

struct PerformanceCurves;
class PerformancePane;
class StrategyEquityPane;
class UnderwaterPane;

class PerformancePanel : public QWidget {
    Q_OBJECT

public:
    // The most a cost can be: 10 % per unit of position change is already absurd.
    static constexpr double kMaxCostBps = 1000.0;

    explicit PerformancePanel(QWidget* parent = nullptr);
    ~PerformancePanel() override;  // waits for a computation under way

    // The symbol on screen (a new result, symbol or timeframe): measured anew.
    void setData(std::shared_ptr<const SymbolData> shown);
    // Sets the controls (as the trader would); a change is measured at once.
    void setOptions(const PerformanceOptions& options);
    PerformanceOptions options() const;
    void setTheme(const Theme& theme);

    // What is drawn and written now: null before the first answer.
    std::shared_ptr<const PerformanceCurves> curves() const { return curves_; }
    QComboBox* modeBox() const { return mode_; }
    QDoubleSpinBox* costBox() const { return cost_; }
    QTableWidget* figuresTable() const { return table_; }
    StrategyEquityPane* equityPane() const { return equity_; }
    UnderwaterPane* underwaterPane() const { return underwater_; }

public slots:
    // The charts' visible bars (ChartStack::visibleRangeChanged).
    void showRange(double first, double last);
    // The charts' crosshair bar (-1: none).
    void setCrosshairBar(int bar);

signals:
    // The mode or the cost changed: the app's reports use the same.
    void optionsChanged(const atc::PerformanceOptions& options);
    // New curves are drawn (tests wait for it).
    void curvesShown();
    // A gesture on the plots, for the charts to apply (they own the range).
    void rangeRequested(double first, double last);
    void resetRequested();
    void crosshairMoved(int bar);

private:
    void buildControls();
    void connectPane(PerformancePane* pane);
    void recompute();
    void showCurves(std::shared_ptr<const PerformanceCurves> curves);
    void fillFigures();
    void applyRange();
    void syncValueAxisWidths();
    void updateTicks();
    std::size_t barCount() const;
    // The equity pane, then the underwater one.
    std::array<PerformancePane*, 2> panes() const;

    QComboBox* mode_ = nullptr;
    QDoubleSpinBox* cost_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* notice_ = nullptr;
    QSplitter* plots_ = nullptr;
    StrategyEquityPane* equity_ = nullptr;
    UnderwaterPane* underwater_ = nullptr;
    Theme theme_;
    std::shared_ptr<const SymbolData> data_;
    std::shared_ptr<const PerformanceCurves> curves_;
    ViewRange range_;
    int crosshair_bar_ = -1;
    bool in_layout_ = false;
    // The newest request; a worker whose request is older drops its answer.
    std::shared_ptr<std::atomic<std::uint64_t>> latest_ =
        std::make_shared<std::atomic<std::uint64_t>>(0);
    QThreadPool pool_;
};

}  // namespace atc::ui
