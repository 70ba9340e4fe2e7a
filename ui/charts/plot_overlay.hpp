// SPDX-License-Identifier: GPL-3.0-or-later
// Base of the items we paint ourselves on top of a QChart (state-coloured MAs,
// candles, markers, the crosshair, the time grid). Qt Charts series cost one
// QGraphicsItem per candle or one series per colour change; these items instead
// paint only the visible bars, batched per colour, and map values to pixels with
// the axes' current ranges at paint time, so zoom and pan need only an update().
#pragma once

#include <QGraphicsItem>
#include <QRectF>
#include <QStyleOptionGraphicsItem>
#include <cstddef>
#include <utility>

#include "charts/value_scale.hpp"

QT_BEGIN_NAMESPACE
class QChart;
class QValueAxis;
QT_END_NAMESPACE

namespace atc::ui {

// Less mouse travel than this between press and release is a click, not a
// drag, on every chart: a click selects a drawing without moving it, and after
// a drawing's first point it leaves the second to the next click.
inline constexpr double kLeastDragPx = 4.0;

// Value-to-pixel mapping of the plot area at one moment (chart coordinates).
struct PlotMap {
    QRectF area;
    double x0 = 0.0, x1 = 1.0;  // x axis range (bar index)
    double y0 = 0.0, y1 = 1.0;  // y axis range, in axis units (log10 of values when `log`)
    bool log = false;           // a logarithmic value scale (value_scale.hpp)
    // The x range that needs painting: the exposed part of the plot (a crosshair
    // move repaints two thin strips, not every bar).
    double paint_x0 = 0.0, paint_x1 = 1.0;

    bool valid() const { return area.width() > 1.0 && area.height() > 1.0 && x1 > x0 && y1 > y0; }
    double px(double x) const { return area.left() + (x - x0) * area.width() / (x1 - x0); }
    // Values, not axis units, in and out: callers never see the transform.
    double axisOf(double y) const { return log ? toLogAxis(y) : y; }
    double py(double y) const {
        return area.bottom() - (axisOf(y) - y0) * area.height() / (y1 - y0);
    }
    double xOf(double px_value) const {
        return x0 + (px_value - area.left()) * (x1 - x0) / area.width();
    }
    double yOf(double py_value) const {
        const double a = y0 + (area.bottom() - py_value) * (y1 - y0) / area.height();
        return log ? fromLogAxis(a) : a;
    }
    // Pixels per bar.
    double barWidth() const { return area.width() / (x1 - x0); }
    // Bars [first, last] that touch the part being painted, widened by `extra` bars on each side
    // (lines need the neighbour outside the edge to enter the plot), clamped to
    // [0, bars). first > last when none.
    std::pair<std::size_t, std::size_t> visibleBars(std::size_t bars, std::size_t extra) const;
};

class PlotOverlay : public QGraphicsItem {
public:
    // Draw order on the chart: Qt Charts puts its grid at z 2-3 and its series at 4.
    static constexpr double kGridZ = 2.5;
    // Lines drawn under the series (a translucent background, e.g. the family signals).
    static constexpr double kBackLineZ = 3.9;
    static constexpr double kCandleZ = 4.2;
    static constexpr double kLineZ = 4.5;
    static constexpr double kMarkerZ = 4.7;
    // The trader's drawings: over the bars and markers, under a measurement.
    static constexpr double kDrawingZ = 4.75;
    // A measurement (Shift+drag): over the bars, under the crosshair that aims it.
    static constexpr double kMeasureZ = 4.8;
    static constexpr double kCrosshairZ = 4.9;

    PlotOverlay(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis);

    // The whole chart: overlays clip themselves to the plot area, the time labels
    // and the crosshair tags are drawn just outside it.
    QRectF boundingRect() const override { return bounds_; }
    // Call when the chart was resized.
    void syncGeometry();

protected:
    // The mapping now; with the paint() option, limited to the exposed area.
    PlotMap plotMap(const QStyleOptionGraphicsItem* option = nullptr) const;

private:
    QChart* chart_;
    QValueAxis* x_axis_;
    QValueAxis* y_axis_;
    // The same axis when it can be logarithmic (a pane's y axis), else null.
    const ScaledValueAxis* scaled_y_axis_;
    QRectF bounds_;
};

}  // namespace atc::ui
