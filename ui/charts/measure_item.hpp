// SPDX-License-Identifier: GPL-3.0-or-later
// A measurement drawn on a pane, as TradingView's ruler: a translucent box
// from the start point to the end point (green when the end is above the
// start, red below), arrows across it towards the end, and a label box with
// the change in value and percent and the bars and time between (measurement.hpp).
// The points are bars and values, mapped to pixels at paint time, so the
// measurement stays on its bars while the view pans and zooms.
#pragma once

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>
#include <optional>

#include "charts/measurement.hpp"
#include "charts/plot_overlay.hpp"

namespace atc::ui {

class MeasureItem : public PlotOverlay {
public:
    MeasureItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis);

    void show(MeasurePoint start, MeasurePoint end, const Measurement& measurement);
    void clear();
    bool shown() const { return shown_; }
    // The label's two lines, "+1,234.50 (+3.21 %)\n123 bars, 2d 3h"; empty when not shown.
    QString text() const;
    // The box and label colours of a rise and of a fall.
    void setColors(const QColor& up, const QColor& down);
    void setLabelFont(const QFont& font);
    // Call after the axes or the plot area changed: the box moved with its bars.
    void refresh();

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    struct Shapes {
        QRectF box;    // start to end, in pixels (may stick out of the plot)
        QRectF label;  // inside the plot
    };
    std::optional<Shapes> shapes() const;
    // Repaints where the measurement was and where it is now, not the whole chart.
    void repaintShapes();
    bool rising() const { return end_.value >= start_.value; }

    std::optional<Shapes> painted_;
    bool shown_ = false;
    MeasurePoint start_, end_;
    Measurement measurement_;
    QColor up_, down_;
    QFont font_;
};

}  // namespace atc::ui
