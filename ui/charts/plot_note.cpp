// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/plot_note.hpp"

#include <QPainter>

namespace atc::ui {

PlotNote::PlotNote(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis)
    : PlotOverlay(chart, x_axis, y_axis) {
    setZValue(kCrosshairZ);
}

void PlotNote::setText(const QString& text) {
    if (text == text_)
        return;
    text_ = text;
    update();
}

void PlotNote::setColor(const QColor& color) {
    color_ = color;
    update();
}

void PlotNote::setFont(const QFont& font) {
    font_ = font;
    update();
}

void PlotNote::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QRectF area = plotMap().area;
    if (text_.isEmpty() || area.isEmpty())
        return;
    painter->setFont(font_);
    painter->setPen(color_);
    painter->drawText(area, Qt::AlignCenter | Qt::TextWordWrap, text_);
}

}  // namespace atc::ui
