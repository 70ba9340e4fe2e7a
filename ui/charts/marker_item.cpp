// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/marker_item.hpp"

#include <QPaintEngine>
#include <QPainter>
#include <QPolygonF>
#include <algorithm>
#include <cmath>

#include "charts/column_envelope.hpp"

namespace atc::ui {

MarkerItem::MarkerItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis)
    : PlotOverlay(chart, x_axis, y_axis) {
    setZValue(kMarkerZ);
}

void MarkerItem::setMarkers(std::shared_ptr<const void> owner, std::span<const EntryMarker> markers,
                            std::span<const double> below, std::span<const double> above) {
    owner_ = std::move(owner);
    markers_ = markers;
    below_ = below;
    above_ = above;
    update();
}

void MarkerItem::clear() {
    setMarkers(nullptr, {}, {}, {});
}

void MarkerItem::setColors(const QColor& long_color, const QColor& short_color,
                           const QColor& outline) {
    long_ = long_color;
    short_ = short_color;
    outline_ = outline;
    sprites_[0] = sprites_[1] = QImage();
    update();
}

QPolygonF MarkerItem::arrow(QPointF apex, double size, bool up) {
    const double base = up ? apex.y() + size : apex.y() - size;
    return QPolygonF{apex, QPointF(apex.x() + size * 0.6, base),
                     QPointF(apex.x() - size * 0.6, base)};
}

void MarkerItem::drawArrow(QPainter* painter, QPointF apex, double size, bool up) const {
    painter->setBrush(up ? long_ : short_);
    painter->drawConvexPolygon(arrow(apex, size, up));
}

void MarkerItem::updateSprites(double size, qreal dpr) {
    if (size == sprite_size_ && dpr == sprite_dpr_ && !sprites_[0].isNull())
        return;
    sprite_size_ = size;
    sprite_dpr_ = dpr;
    // The apex sits in the middle of a pixel column, like a candle's wick.
    const int half = static_cast<int>(std::ceil(size * 0.6)) + 1;
    const int height = static_cast<int>(std::ceil(size)) + 2;
    for (bool up : {true, false}) {
        QImage& sprite = sprites_[up ? 0 : 1];
        sprite = QImage(QSize(2 * half + 1, height) * dpr, QImage::Format_ARGB32_Premultiplied);
        sprite.setDevicePixelRatio(dpr);
        sprite.fill(Qt::transparent);
        QPainter p(&sprite);
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(QPen(outline_, 1.0));
        drawArrow(&p, QPointF(half + 0.5, up ? 1.0 : height - 1.0), size, up);
    }
}

void MarkerItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const PlotMap map = plotMap(option);
    if (!map.valid())
        return;
    // Triangles shrink a little when bars are tiny, but stay recognisable.
    const double size = std::clamp(map.barWidth() * 1.2, 7.0, 11.0);
    const double gap = 4.0;
    // One arrow per pixel column at most, the newest (column_envelope.hpp).
    const double bar_px = map.barWidth();
    const std::size_t per_bucket =
        bar_px < 1.0 ? static_cast<std::size_t>(std::ceil(1.0 / bar_px)) : 1;
    // The markers of the whole view: the bars shown and one more on each side...
    const double lo = std::max(0.0, std::floor(map.x0) - 1.0);
    const double hi = std::ceil(map.x1) + 1.0;
    picks_.clear();
    if (hi >= lo) {
        // ...of which a partial repaint (a crosshair move) draws those whose
        // arrow reaches into the exposed strip. Widened to whole buckets, so that
        // each bucket keeps the same newest marker as a full repaint does.
        const double reach = (size * 0.6 + 1.0) / bar_px + 1.0;
        const double step = static_cast<double>(per_bucket);
        const double from =
            std::max(lo, std::floor(std::floor(map.paint_x0 - reach) / step) * step);
        const double to =
            std::min(hi, (std::floor(std::ceil(map.paint_x1 + reach) / step) + 1.0) * step - 1.0);
        if (to >= from)
            appendNewestMarkers(markers_, static_cast<std::size_t>(from),
                                static_cast<std::size_t>(to), per_bucket, picks_);
    }
    // On screen each arrow is a copy of one drawn once: a thousand antialiased
    // triangles filled one by one cost milliseconds, their copies a fraction of
    // that. Elsewhere (a PDF) the arrows stay vector triangles.
    const bool raster =
        painter->paintEngine() != nullptr && painter->paintEngine()->type() == QPaintEngine::Raster;
    if (raster)
        updateSprites(size, painter->device()->devicePixelRatioF());
    painter->save();
    painter->setClipRect(map.area);
    painter->setRenderHint(QPainter::Antialiasing, true);
    // A thin outline in the background colour keeps an arrow readable over a line.
    painter->setPen(QPen(outline_, 1.0));
    const int half = static_cast<int>(std::ceil(size * 0.6)) + 1;
    const int height = static_cast<int>(std::ceil(size)) + 2;
    for (std::size_t k : picks_) {
        const EntryMarker& m = markers_[k];
        const bool up = m.direction == Direction::Long;
        const std::span<const double> prices = up ? below_ : above_;
        if (m.bar >= prices.size())
            continue;
        const double px = map.px(static_cast<double>(m.bar));
        const double py = up ? map.py(prices[m.bar]) + gap : map.py(prices[m.bar]) - gap;
        if (raster) {
            painter->drawImage(
                QPointF(std::floor(px) - half, std::round(py) - (up ? 1 : height - 1)),
                sprites_[up ? 0 : 1]);
        } else {
            drawArrow(painter, QPointF(px, py), size, up);
        }
    }
    painter->restore();
}

}  // namespace atc::ui
