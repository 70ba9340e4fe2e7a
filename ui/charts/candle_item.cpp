#include "charts/candle_item.hpp"

#include <QLineF>
#include <QList>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>

namespace atc::ui {

CandleItem::CandleItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis)
    : PlotOverlay(chart, x_axis, y_axis) {
    setZValue(kCandleZ);
}

void CandleItem::setBars(std::shared_ptr<const void> owner, std::span<const double> open,
                         std::span<const double> high, std::span<const double> low,
                         std::span<const double> close) {
    owner_ = std::move(owner);
    const std::size_t n = std::min({open.size(), high.size(), low.size(), close.size()});
    open_ = open.first(n);
    high_ = high.first(n);
    low_ = low.first(n);
    close_ = close.first(n);
    update();
}

void CandleItem::clear() {
    setBars(nullptr, {}, {}, {}, {});
}

void CandleItem::setColors(const QColor& up, const QColor& down) {
    up_ = up;
    down_ = down;
    update();
}

void CandleItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const PlotMap map = plotMap(option);
    const auto [first, last] = map.visibleBars(close_.size(), 0);
    if (first > last)
        return;

    const double bar_px = map.barWidth();
    // A body fills about 70% of its slot, leaving a visible gap between
    // neighbours; an odd number of whole pixels, so it is centred on the wick
    // and sharp without antialiasing. Under 3 px only the wick remains.
    const double body_px = 2.0 * std::floor(0.35 * bar_px) + 1.0;
    const bool bodies = body_px >= 3.0;
    const double half_body = body_px / 2.0;

    std::array<QList<QLineF>, 2> wicks;  // [0] up, [1] down
    std::array<QList<QRectF>, 2> boxes;
    const std::size_t count = last - first + 1;
    for (auto& w : wicks)
        w.reserve(static_cast<qsizetype>(count));
    if (bodies) {
        for (auto& b : boxes)
            b.reserve(static_cast<qsizetype>(count));
    }
    for (std::size_t i = first; i <= last; ++i) {
        const std::size_t side = close_[i] >= open_[i] ? 0 : 1;
        // Centre on the pixel grid, so 1-px wicks stay sharp without antialiasing.
        const double x = std::floor(map.px(static_cast<double>(i))) + 0.5;
        wicks[side].append(QLineF(x, map.py(high_[i]), x, map.py(low_[i])));
        if (bodies) {
            const double top = std::round(map.py(std::max(open_[i], close_[i])));
            const double bottom = std::round(map.py(std::min(open_[i], close_[i])));
            // A doji still gets a one-pixel body.
            boxes[side].append(QRectF(QPointF(x - half_body, top),
                                      QPointF(x + half_body, std::max(bottom, top + 1.0))));
        }
    }

    painter->save();
    painter->setClipRect(map.area);
    painter->setRenderHint(QPainter::Antialiasing, false);
    const std::array<QColor, 2> colors{up_, down_};
    for (std::size_t side = 0; side < 2; ++side) {
        painter->setPen(QPen(colors[side], 1.0));
        painter->drawLines(wicks[side]);
        if (bodies) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(colors[side]);
            painter->drawRects(boxes[side]);
        }
    }
    painter->restore();
}

}  // namespace atc::ui
