// SPDX-License-Identifier: GPL-3.0-or-later
// What the time axis and the value axis items share: grid lines across the
// plot and labels beside it, in the theme's grid and muted-text colours and
// the pane's axis font. Each says where its lines go and draws its labels.
#pragma once

#include <QColor>
#include <QFont>
#include <QLineF>
#include <QList>

#include "charts/plot_overlay.hpp"

namespace atc::ui {

class AxisOverlay : public PlotOverlay {
public:
    AxisOverlay(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis);

    void setColors(const QColor& grid, const QColor& text);
    void setLabelFont(const QFont& font);

    // The grid without antialiasing (crisp 1-px lines), then the labels.
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) final;

protected:
    virtual QList<QLineF> gridLines(const PlotMap& map) const = 0;
    // Called with the label font and colour set on the painter.
    virtual void paintLabels(QPainter* painter, const PlotMap& map) const = 0;
    const QFont& labelFont() const { return font_; }

private:
    QColor grid_, text_;
    QFont font_;
};

}  // namespace atc::ui
