// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/plot_overlay.hpp"

#include <QChart>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace atc::ui {

std::pair<std::size_t, std::size_t> PlotMap::visibleBars(std::size_t bars,
                                                         std::size_t extra) const {
    if (bars == 0 || !valid())
        return {1, 0};
    const double lo = std::floor(std::max(x0, paint_x0)) - static_cast<double>(extra);
    const double hi = std::ceil(std::min(x1, paint_x1)) + static_cast<double>(extra);
    const double last_bar = static_cast<double>(bars - 1);
    if (hi < 0.0 || lo > last_bar)
        return {1, 0};
    return {static_cast<std::size_t>(std::max(0.0, lo)),
            static_cast<std::size_t>(std::min(last_bar, hi))};
}

PlotOverlay::PlotOverlay(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis)
    : QGraphicsItem(chart),
      chart_(chart),
      x_axis_(x_axis),
      y_axis_(y_axis),
      scaled_y_axis_(qobject_cast<const ScaledValueAxis*>(y_axis)) {
    // Gives paint() the exposed rectangle, so partial repaints draw only their bars.
    setFlag(QGraphicsItem::ItemUsesExtendedStyleOption, true);
    syncGeometry();
}

void PlotOverlay::syncGeometry() {
    const QRectF r(QPointF(0, 0), chart_->size());
    if (r == bounds_)
        return;
    prepareGeometryChange();
    bounds_ = r;
}

PlotMap PlotOverlay::plotMap(const QStyleOptionGraphicsItem* option) const {
    PlotMap m;
    m.area = chart_->plotArea();
    m.x0 = x_axis_->min();
    m.x1 = x_axis_->max();
    m.y0 = y_axis_->min();
    m.y1 = y_axis_->max();
    m.log = scaled_y_axis_ != nullptr && scaled_y_axis_->logarithmic();
    m.paint_x0 = m.x0;
    m.paint_x1 = m.x1;
    if (option != nullptr && m.valid()) {
        const QRectF exposed = option->exposedRect.intersected(m.area);
        if (exposed.isEmpty()) {
            m.paint_x0 = 1.0;  // nothing of the plot is exposed
            m.paint_x1 = 0.0;
        } else {
            m.paint_x0 = m.xOf(exposed.left());
            m.paint_x1 = m.xOf(exposed.right());
        }
    }
    return m;
}

}  // namespace atc::ui
