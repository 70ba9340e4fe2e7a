// SPDX-License-Identifier: GPL-3.0-or-later
// Pane 1: price (close line or candlesticks), the six base-length MAs coloured
// by their own crossing state, the entry markers, and the compared symbols
// (View → Compare…): each drawn in this symbol's prices, pinned to its close at
// the first visible bar, so that the line shows its own change from there.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "atc/params.hpp"
#include "atc/result.hpp"
#include "charts/pane_base.hpp"
#include "core/compare_series.hpp"

namespace atc::ui {

class CandleItem;
class DrawingItem;
class DrawingLayer;
class MarkerItem;
class StateLineItem;

class PricePane : public ChartPane {
    Q_OBJECT

public:
    explicit PricePane(QWidget* parent = nullptr);

    void setSymbol(std::shared_ptr<const SymbolData> data) override;
    // Candles are drawn only where the data has OHLC; otherwise the close line stays.
    void setCandles(bool on);
    bool candlesRequested() const { return candles_; }
    bool candlesDrawn() const;
    void setMaVisible(MaType type, bool visible);
    bool maVisible(MaType type) const;

    const StateLineItem& closeItem() const { return *close_; }
    // Draws `series` (laid on this pane's bars), replacing the one of that name;
    // a new name takes the first compare colour no other one uses.
    void setCompare(std::shared_ptr<const CompareSeries> series);
    void removeCompare(const QString& name);
    // Compared symbols in the order they were added, drawn or waiting for bars.
    QStringList compareNames() const;
    // The line of a compared symbol and its colour (nullptr / invalid when not compared).
    const StateLineItem* compareItem(const QString& name) const;
    QColor compareColor(const QString& name) const;
    const StateLineItem& maItem(MaType type) const;
    std::vector<EntryMarker> markers() const;
    // The trader's drawings on this pane (drawing_layer.hpp).
    DrawingLayer* drawingLayer() const { return drawings_; }

signals:
    // The "×" of a compared symbol's legend entry was clicked.
    void compareRemoveClicked(const QString& name);

protected:
    void followView(std::size_t first, std::size_t last) override;
    std::optional<std::pair<double, double>> dataRange(std::size_t first,
                                                       std::size_t last) const override;
    double paddingPx() const override { return 20.0; }  // room for the ▲/▼ markers
    std::vector<LegendLine> legendLines(std::size_t bar) const override;
    // On the percent scale: the change from the first visible close.
    QString formatLevel(double y) const override;
    QString formatDelta(double delta) const override;
    std::optional<double> percentBase(std::size_t first_bar) const override;
    void applyContentTheme(const Theme& theme) override;
    // The drawing layer sees the left button first (unless Ctrl or Shift asks
    // for a zoom band or a measurement, or the Measure tool is armed).
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void applyPriceMode();
    struct CompareLine {
        QString name;
        std::shared_ptr<const CompareSeries> series;  // null while its bars are loaded again
        StateLineItem* item = nullptr;
        std::size_t color = 0;  // index into Theme::compare
        // Where the line is pinned now: followView() sets it on every change of the view.
        std::optional<CompareBase> base;
    };
    const CompareLine* compareLine(const QString& name) const;  // nullptr when not compared
    // The compared symbols' entries for the legend at `bar`.
    LegendLine compareLegend(std::size_t bar) const;

    StateLineItem* close_ = nullptr;
    CandleItem* candles_item_ = nullptr;
    std::array<StateLineItem*, kFamilyCount> mas_{};
    MarkerItem* markers_ = nullptr;
    DrawingItem* drawing_item_ = nullptr;
    DrawingLayer* drawings_ = nullptr;
    bool drawing_press_ = false;  // the layer took the left button's press
    bool over_drawing_ = false;   // the mouse rests on a drawing (a pointing hand)
    std::vector<CompareLine> compares_;
    bool candles_ = true;
    int decimals_ = 2;
};

}  // namespace atc::ui
