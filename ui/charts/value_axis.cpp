// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/value_axis.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace atc::ui {

ValueAxisItem::ValueAxisItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis)
    : AxisOverlay(chart, x_axis, y_axis) {}

void ValueAxisItem::setRange(double lo, double hi, double step) {
    const double largest = std::max(std::abs(lo), std::abs(hi));
    scale_ = axisScaleFor(largest, step);
    // Below 1 the labels keep three significant digits, as such prices are
    // quoted: "0.000090" next to "0.000125", not "0.00009".
    if (largest < 1.0)
        scale_.decimals = std::max(scale_.decimals, significantDecimals(largest, 3, 0));
    ticks_ = valueTicks(lo, hi, step, scale_);
    update();
}

void ValueAxisItem::setTicks(std::vector<ValueTick> ticks, const AxisScale& scale) {
    ticks_ = std::move(ticks);
    scale_ = scale;
    update();
}

double ValueAxisItem::labelWidth() const {
    const QFontMetricsF fm(labelFont());
    double w = 0.0;
    for (const ValueTick& t : ticks_)
        w = std::max(w, fm.horizontalAdvance(t.label));
    return w;
}

QList<QLineF> ValueAxisItem::gridLines(const PlotMap& map) const {
    QList<QLineF> lines;
    lines.reserve(static_cast<qsizetype>(ticks_.size()));
    for (const ValueTick& t : ticks_) {
        const double y = std::floor(map.py(t.value)) + 0.5;
        if (y >= map.area.top() && y <= map.area.bottom())
            lines.append(QLineF(map.area.left(), y, map.area.right(), y));
    }
    return lines;
}

void ValueAxisItem::paintLabels(QPainter* painter, const PlotMap& map) const {
    const QFontMetricsF fm(labelFont());
    const double left = map.area.right() + kLabelGap;
    const double width = std::max(1.0, boundingRect().right() - left);
    for (const ValueTick& t : ticks_) {
        const double y = map.py(t.value);
        if (y < map.area.top() - 0.5 || y > map.area.bottom() + 0.5)
            continue;
        painter->drawText(QRectF(left, y - fm.height() / 2, width, fm.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, t.label);
    }
}

}  // namespace atc::ui
