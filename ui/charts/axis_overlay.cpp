// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/axis_overlay.hpp"

#include <QPainter>

namespace atc::ui {

AxisOverlay::AxisOverlay(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis)
    : PlotOverlay(chart, x_axis, y_axis) {
    setZValue(kGridZ);
}

void AxisOverlay::setColors(const QColor& grid, const QColor& text) {
    grid_ = grid;
    text_ = text;
    update();
}

void AxisOverlay::setLabelFont(const QFont& font) {
    font_ = font;
    update();
}

void AxisOverlay::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const PlotMap map = plotMap();
    if (!map.valid())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(grid_, 1.0));
    painter->drawLines(gridLines(map));
    painter->setFont(font_);
    painter->setPen(text_);
    paintLabels(painter, map);
    painter->restore();
}

}  // namespace atc::ui
