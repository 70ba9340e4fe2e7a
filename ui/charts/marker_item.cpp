#include "charts/marker_item.hpp"

#include <QPainter>
#include <QPainterPath>
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
    update();
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
    const double lo = std::max(0.0, std::floor(map.x0) - 1.0);
    const double hi = std::ceil(map.x1) + 1.0;
    picks_.clear();
    if (hi >= lo)
        appendNewestMarkers(markers_, static_cast<std::size_t>(lo), static_cast<std::size_t>(hi),
                            per_bucket, picks_);
    QPainterPath up, down;
    for (std::size_t k : picks_) {
        const EntryMarker& m = markers_[k];
        const double px = map.px(static_cast<double>(m.bar));
        if (m.direction == Direction::Long && m.bar < below_.size()) {
            const double top = map.py(below_[m.bar]) + gap;
            up.moveTo(px, top);
            up.lineTo(px + size * 0.6, top + size);
            up.lineTo(px - size * 0.6, top + size);
            up.closeSubpath();
        } else if (m.direction == Direction::Short && m.bar < above_.size()) {
            const double bottom = map.py(above_[m.bar]) - gap;
            down.moveTo(px, bottom);
            down.lineTo(px + size * 0.6, bottom - size);
            down.lineTo(px - size * 0.6, bottom - size);
            down.closeSubpath();
        }
    }
    painter->save();
    painter->setClipRect(map.area);
    painter->setRenderHint(QPainter::Antialiasing, true);
    // A thin outline in the background colour keeps an arrow readable over a line.
    painter->setPen(QPen(outline_, 1.0));
    painter->setBrush(long_);
    painter->drawPath(up);
    painter->setBrush(short_);
    painter->drawPath(down);
    painter->restore();
}

}  // namespace atc::ui
