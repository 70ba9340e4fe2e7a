// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/area_fill_item.hpp"

#include <QPainter>
#include <QPolygonF>
#include <algorithm>
#include <cmath>

namespace atc::ui {

AreaFillItem::AreaFillItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis)
    : PlotOverlay(chart, x_axis, y_axis) {
    setZValue(kBackLineZ);  // under the line it shades
}

void AreaFillItem::setSeries(std::shared_ptr<const void> owner, std::span<const double> values,
                             double level) {
    owner_ = std::move(owner);
    values_ = values;
    level_ = level;
    update();
}

void AreaFillItem::clear() {
    owner_.reset();
    values_ = {};
    update();
}

void AreaFillItem::setColor(const QColor& color) {
    color_ = color;
    update();
}

void AreaFillItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const PlotMap map = plotMap(option);
    const auto [first, last] = map.visibleBars(values_.size(), 1);
    if (first > last)
        return;
    // A column of half a pixel holds this many bars; each gives its lowest value.
    const auto per_column = std::max<std::size_t>(
        1, static_cast<std::size_t>((map.x1 - map.x0) / std::max(1.0, 2.0 * map.area.width())));
    const double base = map.py(level_);
    QPolygonF area;
    for (std::size_t b = first; b <= last; b += per_column) {
        const std::size_t end = std::min(last, b + per_column - 1);
        std::size_t low = end + 1;
        for (std::size_t i = b; i <= end; ++i) {
            if (std::isfinite(values_[i]) && (low > end || values_[i] < values_[low]))
                low = i;
        }
        if (low > end)
            continue;
        const double x = map.px(static_cast<double>(low));
        if (area.isEmpty())
            area << QPointF(x, base);
        area << QPointF(x, map.py(values_[low]));
    }
    if (area.size() < 2)
        return;
    area << QPointF(area.back().x(), base);
    painter->save();
    painter->setClipRect(map.area);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color_);
    painter->drawPolygon(area);
    painter->restore();
}

}  // namespace atc::ui
