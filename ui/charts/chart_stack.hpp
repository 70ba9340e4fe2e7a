// SPDX-License-Identifier: GPL-3.0-or-later
// The chart stack in the middle of the main window: price, calibration (hidden
// by default), signals and equity panes in a vertical splitter, sharing one time
// axis (x = bar index; dates under the bottom pane), one crosshair and one zoom.
//
// Navigation (mouse over a pane; keys when the charts have focus, a click gives it):
//   mouse wheel        zoom around the bar under the cursor (sideways wheel: pan)
//   left drag          pan
//   Shift + left drag  measure: bars, time, value and percent between two points
//                      (also a plain drag once the toolbar's Measure tool is armed);
//                      it stays until Esc, a click or the next measurement
//   Ctrl + left drag   zoom to the dragged bars (rubber band)
//   double-click       reset: the last 500 bars
//   drawings           on the price pane (drawing_layer.hpp): Del deletes the
//                      selected one, Esc cancels, Ctrl+Z / Ctrl+Y undo and redo
//   + / -              zoom in / out around the centre
//   Left / Right       pan by a tenth of the view;  End: scroll to the newest bar
//   Home or 0          reset
// Every change of the visible bars refits the value axes to what is visible.
//
// The calibration view (the nine MAs of one family over the close, coloured by
// state) is a separate pane under the price pane, hidden by default, so that
// price, base MAs and markers stay in view while calibrating.
//
// Over a drawn result (KeptSeries::drawn, what the app computes) the members
// the calibration view and a family's member equities draw are asked for
// when such a view opens (membersWanted; the window has EngineService compute
// them) and drawn when they arrive (setMembers); meanwhile the view says they
// are being computed (ShownMembers).
#pragma once

#include <QColor>
#include <QStringList>
#include <QWidget>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "atc/params.hpp"
#include "atc/result.hpp"
#include "charts/shown_members.hpp"
#include "charts/symbol_ranges.hpp"
#include "charts/time_axis.hpp"
#include "charts/value_scale.hpp"
#include "charts/view_range.hpp"
#include "core/compare_series.hpp"
#include "core/symbol_data.hpp"
#include "theme/theme.hpp"

QT_BEGIN_NAMESPACE
class QChart;
class QSplitter;
QT_END_NAMESPACE

namespace atc::ui {

class CalibrationPane;
class ChartPane;
class DrawingLayer;
class EquityPane;
class PricePane;
class SignalPane;

class ChartStack : public QWidget {
    Q_OBJECT

public:
    explicit ChartStack(QWidget* parent = nullptr);
    ~ChartStack() override;

    // Redraws everything. The same symbol with the same number of bars (a
    // parameter change) keeps the visible range; a symbol whose range is
    // remembered gets it back (clamped to its bars, which may have changed);
    // anything else shows the last bars.
    void setData(std::shared_ptr<const SymbolData> data);
    std::shared_ptr<const SymbolData> data() const { return data_; }
    // The member series the views show now, by family (nullptr for the others
    // and while they are being computed): what an export draws.
    const MemberSet& members() const { return members_.held(); }
    void setTheme(const Theme& theme);
    const Theme& theme() const { return theme_; }

    bool candles() const;       // as requested
    bool candlesDrawn() const;  // requested and the data has OHLC
    bool maVisible(MaType type) const;
    std::optional<MaType> equityFamily() const;
    MaType calibrationFamily() const;
    bool calibrationVisible() const;

    // The hovered bar, -1 when none (the legend then shows the last bar).
    int crosshairBar() const { return crosshair_bar_; }
    // The legends of the visible panes as plain text, one line per legend line.
    QString legendText() const;
    // The label of the measurement shown in any pane ("+12.50 (+3.21 %)\n42 bars, 2 months 3d"),
    // empty when none.
    QString measureText() const;
    bool measureToolArmed() const { return measure_armed_; }
    // The x range shown by every pane (bar index at the left and right edges).
    std::pair<double, double> visibleRange() const { return {range_.first, range_.last}; }
    // The ranges the trader left recent symbols at (the one on screen included,
    // unless it shows the last bars as when opened); the session keeps them.
    const SymbolRanges& rememberedRanges() const { return remembered_; }
    void setRememberedRanges(SymbolRanges ranges) { remembered_ = std::move(ranges); }

    // The trader's drawings on the price pane.
    DrawingLayer* drawingLayer() const;

    QChart* priceChart() const;
    QChart* signalChart() const;
    QChart* equityChart() const;
    QChart* calibrationChart() const;

    // What the overlays draw, for tests: the base-length MA of a family and its states,
    // the entry markers, the family signals, and the calibration family's member
    // MAs and states.
    std::vector<double> plottedMa(MaType type) const;
    // The close line's values, and whether it is drawn (not behind candles).
    std::vector<double> plottedClose() const;
    bool closeLineShown() const;
    std::vector<std::int8_t> plottedMaStates(MaType type) const;
    std::vector<EntryMarker> plottedMarkers() const;
    // A family's signal line in the Signals pane, and its colour.
    std::vector<double> plottedSignal(MaType type) const;
    QColor plottedSignalColor(MaType type) const;
    std::vector<double> plottedCalibrationMa(std::size_t member) const;
    std::vector<std::int8_t> plottedCalibrationStates(std::size_t member) const;
    // A compared symbol's line in the price pane as drawn now (in the main
    // symbol's prices; empty when not drawn), and its colour.
    std::vector<double> plottedCompare(const QString& name) const;
    QColor plottedCompareColor(const QString& name) const;
    // The symbols compared in the price pane, drawn or waiting for their bars.
    QStringList comparedSymbols() const;
    // The date ticks currently under the bottom pane.
    std::vector<TimeTick> timeTicks() const;

    // The panes by name, top to bottom: "price", "calibration", "signals", "equity".
    static QStringList paneNames();
    ChartPane* pane(const QString& name) const;  // nullptr for an unknown name
    // Collapsed by the trader to its title line (a double-click on the title
    // does the same); kept at any window size. Unknown names are ignored.
    void setPaneCollapsed(const QString& name, bool collapsed);
    bool paneCollapsed(const QString& name) const;

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

    // The price pane's scale: linear, log or percent from the first visible bar.
    atc::ui::PriceScale priceScale() const;
    // The price pane (tests drive its axis).
    ChartPane* pricePane() const;

public slots:
    void setCandles(bool on);
    void setPriceScale(atc::ui::PriceScale scale);
    void setMaVisible(atc::MaType type, bool visible);
    // Compare (see PricePane::setCompare): a symbol's closes laid on the data's bars.
    void setCompare(std::shared_ptr<const atc::ui::CompareSeries> series);
    void removeCompare(const QString& name);
    // nullopt: the six Layer-2 curves; a family: its nine member equity curves.
    void setEquityFamily(std::optional<atc::MaType> family);
    void setCalibrationFamily(atc::MaType family);
    void setCalibrationVisible(bool visible);
    void setCrosshairBar(int bar);
    // The answers to membersWanted: drawn when they are for the data on
    // screen and a family a view still shows, ignored otherwise.
    void setMembers(std::shared_ptr<const atc::ui::SymbolData> data, atc::MaType family,
                    std::shared_ptr<const atc::FamilyMembers> members);
    void setMembersFailed(std::shared_ptr<const atc::ui::SymbolData> data, atc::MaType family,
                          const QString& message);
    void zoomIn();
    void zoomOut();
    void panBars(int bars);
    // The default view: the last bars, every value axis auto-fitted.
    void resetZoom();
    void setVisibleRange(double first, double last);
    // Go to date: centres the view on `bar` at the current zoom and puts the
    // crosshair on it, so the eye finds the bar asked for.
    void centerOnBar(std::size_t bar);
    // The next plain left drag on a pane measures instead of panning; once it
    // has, the tool disarms itself (measureToolArmedChanged(false)).
    void setMeasureToolArmed(bool armed);
    void clearMeasure();

signals:
    void crosshairMoved(int bar);
    void visibleRangeChanged(double first, double last);
    void paneCollapsedChanged(const QString& name, bool collapsed);
    void measureToolArmedChanged(bool armed);
    // The "×" of a compared symbol in the price legend was clicked.
    void compareRemoveRequested(const QString& name);
    // A digit typed on the charts: the start of a timeframe ("4h" Enter).
    void timeframeTyped(const QString& text);
    // A view opened over a drawn result needs `family`'s members of `data`;
    // `cancelled` is set once it no longer does.
    void membersWanted(std::shared_ptr<const atc::ui::SymbolData> data, atc::MaType family,
                       std::shared_ptr<const std::atomic<bool>> cancelled);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void connectPane(ChartPane* pane);
    void applyRange(ViewRange range);
    void rememberRange();
    void updateTicks();
    // Asks for the members the views show now and hands the panes theirs.
    void showMembers();
    void syncValueAxisWidths();
    void hover(ChartPane* source, int bar, double y);
    std::size_t barCount() const;
    // The remembered ranges' key: the symbol, and the timeframe when it is not the data's own.
    static QString rangeKey(const SymbolData& data);
    std::vector<ChartPane*> visiblePanes() const;
    // Decides which panes have room for a plot at the stack's height (pane_fit.hpp)
    // and sizes them: by the shares the trader gave them by dragging a divider
    // while the same panes stay open, otherwise by their default shares.
    void fitPanes(bool reshare);
    struct Fit;
    Fit fitFor(int height, bool keep_shares) const;
    // A double-click on a pane's title.
    void toggleCollapsed(ChartPane* pane);
    // Right after the price in the order in which panes get room.
    void promote(ChartPane* pane);

    std::shared_ptr<const SymbolData> data_;
    Theme theme_;
    QSplitter* splitter_ = nullptr;
    PricePane* price_ = nullptr;
    CalibrationPane* calibration_ = nullptr;
    SignalPane* signal_ = nullptr;
    EquityPane* equity_ = nullptr;
    ShownMembers members_;
    std::vector<ChartPane*> panes_;     // top to bottom
    std::vector<ChartPane*> priority_;  // who gets room first: the price, then the latest asked for
    std::vector<bool> collapsed_;       // by the trader, per pane of panes_
    QList<int> dragged_sizes_;          // after the trader's last drag of a divider
    TimeScale time_scale_;
    ViewRange range_;
    SymbolRanges remembered_;
    int crosshair_bar_ = -1;
    bool in_layout_ = false;
    bool measure_armed_ = false;
};

}  // namespace atc::ui
