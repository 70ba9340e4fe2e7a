// SPDX-License-Identifier: GPL-3.0-or-later
// What every chart pane shares: a QChart with a hidden bar-index x axis (the
// ChartStack sets the same range on all panes), a value scale on the right, the
// time grid, the crosshair, a one-line legend above the plot, and the mouse
// gestures, which the pane only translates into requests for the stack (the
// stack owns the visible range, so all panes move together).
//
// The plot area is laid out by hand (QChart::setPlotArea) with the same left
// edge and the same value-axis width in every pane, so that a bar sits at the
// same pixel column in all of them. A pane is never shorter than its legend
// plus kMinPlotHeight, or it is collapsed to its legend line (title only).
#pragma once

#include <QChartView>
#include <QColor>
#include <QFont>
#include <QString>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "charts/legend_strip.hpp"
#include "charts/measurement.hpp"
#include "charts/series_window.hpp"
#include "charts/value_scale.hpp"
#include "core/symbol_data.hpp"
#include "theme/theme.hpp"

QT_BEGIN_NAMESPACE
class QLineSeries;
class QRubberBand;
class QValueAxis;
QT_END_NAMESPACE

namespace atc::ui {

class CrosshairItem;
class MeasureItem;
class PlotOverlay;
class TimeAxisItem;
class ValueAxisItem;
struct TimeTick;

class ChartPane : public QChartView {
    Q_OBJECT

public:
    // The least height of a plot: enough for three value labels and a readable line.
    static constexpr int kMinPlotHeight = 72;

    explicit ChartPane(QWidget* parent = nullptr);
    ~ChartPane() override;

    // The symbol to draw (nullptr: empty pane). Derived panes fill their series.
    virtual void setSymbol(std::shared_ptr<const SymbolData> data);
    void setTheme(const Theme& theme);

    // Shows bars x in [first, last] and fits the value axis to what is visible:
    // moveXRange() then fillSeries().
    void setXRange(double first, double last);
    // The axes moved and fitted, the line series emptied where they need new
    // points; fillSeries() puts those in. The stack calls the two apart, with the
    // value-axis widths settled in between: a new width lays out the plot again,
    // and that would lay out the points a second time (Qt Charts strokes every
    // point of a series on each layout).
    void moveXRange(double first, double last);
    void fillSeries();
    // Fits the value axis again (after something was shown or hidden).
    void refit();
    // The value scale (value_scale.hpp). Percent labels need the pane's
    // percentBase(); without one the axis reads as linear.
    void setPriceScale(PriceScale scale);
    PriceScale priceScale() const { return price_scale_; }
    // Auto-fit: the value axis follows the visible bars. A drag on the axis
    // stretches it and turns auto-fit off (a drag on the plot then also moves it
    // up and down); a double-click on the axis or setAutoFit() turns it back on.
    bool autoFit() const { return !manual_range_; }
    void setAutoFit();
    // Stretches the value range about its middle by `factor` (> 1: more values
    // in the same height, in the scale's units); auto-fit is then off.
    void stretchValueRange(double factor);
    // The values at the bottom and top of the plot.
    std::pair<double, double> valueRange() const;
    void setTicks(const std::vector<TimeTick>& ticks);
    void setTimeLabelsVisible(bool visible);
    bool timeLabelsVisible() const;
    // Width of the value-axis column; the stack gives every pane the widest one.
    void setValueAxisWidth(int px);
    int requiredValueAxisWidth() const;
    // Width and height of the plot in pixels (the width sets the tick count).
    double plotWidth() const { return plot_rect_.width(); }
    double plotHeight() const { return plot_rect_.height(); }
    // Pixels per unit of the value axis, log10 units on a log scale (0 before a layout).
    double pixelsPerValue() const;
    // The value-axis labels drawn now, bottom to top.
    QStringList valueAxisLabels() const;

    // Collapsed to the legend line: no plot, the legend still follows the crosshair.
    void setTitleOnly(bool title_only);
    bool titleOnly() const { return title_only_; }
    int titleOnlyHeight() const;
    // The least height with a plot of kMinPlotHeight, with or without the date labels.
    int minimumExpandedHeight(bool with_time_labels) const;

    // bar < 0: no crosshair (the legend then shows the last bar).
    void setCrosshair(int bar, std::optional<double> level);
    // What the crosshair's tag on the value axis reads (empty when it has none).
    QString crosshairValueTag() const;
    QString legendPlainText() const { return legend_->plainText(); }
    // The measurement shown (Shift+drag, or a plain drag while armed by the
    // toolbar's Measure tool); its label text, empty when none.
    QString measureText() const;
    bool measureShown() const;
    void clearMeasure();
    void setMeasureArmed(bool armed);
    bool measureArmed() const { return measure_armed_; }
    // Bars held by the line series: the visible ones and one more on each side.
    std::pair<std::size_t, std::size_t> seriesWindow() const { return window_.window(); }
    LegendStrip* legendStrip() const { return legend_; }

    const QFont& axisFont() const { return axis_font_; }
    QValueAxis* xAxis() const { return x_axis_; }
    ScaledValueAxis* yAxis() const { return y_axis_; }

signals:
    void hovered(int bar, double y);
    void left();
    void panRequested(double bars);
    void zoomRequested(double anchor_x, double steps);
    void rangeRequested(double first, double last);
    void resetRequested();
    void layoutChanged();
    // The title was double-clicked: the stack collapses or expands the pane.
    void collapseToggled();
    // A measurement began here (the stack clears the other panes' one) or was
    // finished (the stack disarms the Measure tool).
    void measureStarted();
    void measureFinished();
    // A left click that was no drag: the stack drops the measurement shown.
    void clicked();

protected:
    // The y extent of the drawn data over bars [first, last]; nullopt when none.
    virtual std::optional<std::pair<double, double>> dataRange(std::size_t first,
                                                               std::size_t last) const = 0;
    // What follows the visible bars [first, last] (the compared symbols' pin);
    // called on every change of the view, before the value axis is fitted.
    virtual void followView(std::size_t /*first*/, std::size_t /*last*/) {}
    // A fixed value range (the signal pane) instead of fitting the data.
    virtual std::optional<std::pair<double, double>> fixedRange() const { return std::nullopt; }
    // Free pixels above and below the data (room for markers).
    virtual double paddingPx() const { return 8.0; }
    virtual std::vector<LegendLine> legendLines(std::size_t bar) const = 0;
    // The value under the horizontal crosshair, as tagged on the axis: the axis's
    // labels with one more decimal.
    virtual QString formatLevel(double y) const;
    // A difference of two values (the measurement's Δ): as formatLevel, unless
    // the levels read as something else (percent from a base).
    virtual QString formatDelta(double delta) const { return formatLevel(delta); }
    // The value a percent scale counts from, given the first visible bar;
    // nullopt: the pane has none.
    virtual std::optional<double> percentBase(std::size_t /*first_bar*/) const {
        return std::nullopt;
    }
    std::size_t firstVisibleBar() const;
    // A price pane's tag: the price as the legend writes it, unless the axis
    // writes its labels in a short scale ("4.00B"), which the tag follows.
    QString formatPriceLevel(double y, int decimals) const;
    virtual void applyContentTheme(const Theme& theme) = 0;
    // Width for an emphasised line (the Average, a base member): `width` while
    // bars are at least 1 px wide, 1 px when zoomed further out. Qt strokes wider
    // lines through QStroker, ~10x the cost of 1-px lines, and with thousands of
    // points that made a zoom step slow; that far out the lines blur together anyway.
    double emphasisWidth(double width) const { return dense_ ? 1.0 : width; }

    // Line series filled from `values` at the visible bars (see series_window.hpp);
    // `owner` keeps the values alive.
    void bindSeries(QLineSeries* series, std::shared_ptr<const void> owner,
                    std::span<const double> values);
    // Widens `range` (low, high) to the bound series shown, over bars [first, last].
    void widenToSeries(std::pair<double, double>& range, std::size_t first,
                       std::size_t last) const {
        window_.widenRange(range, first, last);
    }
    void unbindAllSeries() { window_.unbindAll(); }
    // Fills newly bound series for the current range.
    void refillSeries();
    // Fills the series again after one was shown or hidden (hidden ones stay empty).
    void seriesShownChanged();
    // Registers an overlay to keep in sync with the chart's size.
    void addOverlay(PlotOverlay* item);
    void removeOverlay(PlotOverlay* item);
    void updateOverlays();
    // Rebuilds the legend text at the crosshair bar (or the last bar).
    void refreshLegend();
    // A drawing tool is armed: the cursor between drags is a cross, as for Measure.
    void setDrawingArmed(bool armed);
    // The cursor between drags: a cross while the Measure or a drawing tool is armed.
    void restCursor();
    // Chart coordinates of a viewport position.
    QPointF toChart(const QPoint& pos) const;

    const std::shared_ptr<const SymbolData>& data() const { return data_; }
    const Theme& theme() const { return theme_; }
    int legendBar() const;

    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void relayout();
    // The value axis's ticks for the range set on it and the scale.
    void applyTicks();
    // Moves a stretched range by `pixels` of the plot (down: to higher values).
    void scrollValueRange(double pixels);
    bool onValueAxis(const QPointF& chart_pos) const;
    void applyHeightLimits();
    // Height of the band under the plot: the date labels, or a small margin.
    int bottomBand(bool with_time_labels) const;
    // Re-applies the pens when emphasisWidth() changes with the zoom.
    void updateDensity();
    double xAt(double chart_x) const;
    double yAt(double chart_y) const;
    // The bar and value under a chart position (the bar clamped to the data's).
    MeasurePoint measurePointAt(const QPointF& chart_pos) const;
    void showMeasure(const QPointF& chart_end);

    std::shared_ptr<const SymbolData> data_;
    Theme theme_;
    QChart* chart_ = nullptr;
    QValueAxis* x_axis_ = nullptr;
    ScaledValueAxis* y_axis_ = nullptr;
    TimeAxisItem* time_axis_ = nullptr;
    ValueAxisItem* value_axis_ = nullptr;
    CrosshairItem* crosshair_ = nullptr;
    MeasureItem* measure_ = nullptr;
    std::vector<PlotOverlay*> overlays_;
    SeriesWindow window_;
    LegendStrip* legend_ = nullptr;
    QFont axis_font_;
    QRectF plot_rect_;
    int value_axis_width_ = 60;
    int crosshair_bar_ = -1;
    bool dense_ = false;
    bool title_only_ = false;

    PriceScale price_scale_ = PriceScale::Linear;
    // The range the trader stretched the axis to (axis units); none while auto-fit.
    std::optional<std::pair<double, double>> manual_range_;

    enum class Drag { None, Pan, Band, Measure, Stretch };
    Drag drag_ = Drag::None;
    QPointF drag_start_;
    double drag_last_x_ = 0.0;
    double drag_last_y_ = 0.0;
    bool over_value_axis_ = false;
    MeasurePoint measure_start_;
    bool measure_armed_ = false;
    bool drawing_armed_ = false;
    QRubberBand* band_ = nullptr;
};

}  // namespace atc::ui
