// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/candle_item.hpp"

#include <QLineF>
#include <QList>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>

#include "charts/column_envelope.hpp"

namespace atc::ui {

CandleItem::CandleItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis)
    : PlotOverlay(chart, x_axis, y_axis) {
    setZValue(kCandleZ);
}

void CandleItem::setBars(std::shared_ptr<const void> owner, std::span<const double> open,
                         std::span<const double> high, std::span<const double> low,
                         std::span<const double> close) {
    const std::size_t n = std::min({open.size(), high.size(), low.size(), close.size()});
    open_ = open.first(n);
    high_ = IndexedSeries(owner, high.first(n));
    low_ = IndexedSeries(owner, low.first(n));
    close_ = close.first(n);
    owner_ = std::move(owner);
    window_ = {};
    update();
}

void CandleItem::clear() {
    setBars(nullptr, {}, {}, {}, {});
}

void CandleItem::widenRange(std::pair<double, double>& range, std::size_t first,
                            std::size_t last) const {
    low_.pyramid().widenRange(range, first, last);
    high_.pyramid().widenRange(range, first, last);
}

void CandleItem::setColors(const QColor& up, const QColor& down) {
    up_ = up;
    down_ = down;
    update();
}

void CandleItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const PlotMap map = plotMap(option);
    const double bar_px = map.barWidth();
    const auto [first, last] = map.visibleBars(close_.size(), 0);
    if (first > last)
        return;
    // Candles narrower than a pixel merge into one OHLC aggregate per pixel
    // column (column_envelope.hpp). The aggregates of the whole visible range are
    // kept until the view changes, so that a partial repaint (a crosshair move)
    // draws its part of the same candles without scanning the bars again.
    const std::size_t per_bucket =
        bar_px < 1.0 ? static_cast<std::size_t>(std::ceil(1.0 / bar_px)) : 1;
    auto [all_first, all_last] = plotMap().visibleBars(close_.size(), 0);
    all_first = all_first / per_bucket * per_bucket;
    all_last = std::min(close_.size() - 1, (all_last / per_bucket + 1) * per_bucket - 1);
    const Window key{all_first, all_last, per_bucket};
    if (!(key == window_)) {
        buckets_.clear();
        appendOhlcBuckets(open_, high_.pyramid(), low_.pyramid(), close_, all_first, all_last,
                          per_bucket, buckets_);
        window_ = key;
    }
    const auto by_bar = [](const OhlcBucket& c, std::size_t bar) { return c.bar < bar; };
    // The aggregates that touch the exposed bars [first, last].
    const auto begin =
        std::lower_bound(buckets_.begin(), buckets_.end(), first / per_bucket * per_bucket, by_bar);
    const auto end = std::lower_bound(begin, buckets_.end(), last + 1, by_bar);
    const auto count = static_cast<qsizetype>(end - begin);

    // A body fills about 70% of its slot, leaving a visible gap between
    // neighbours; an odd number of whole pixels, so it is centred on the wick
    // and sharp without antialiasing. Under 3 px only the wick remains.
    const double body_px = 2.0 * std::floor(0.35 * bar_px) + 1.0;
    const bool bodies = body_px >= 3.0;
    const double half_body = body_px / 2.0;

    std::array<QList<QLineF>, 2> wicks;  // [0] up, [1] down
    std::array<QList<QRectF>, 2> boxes;
    for (auto& w : wicks)
        w.reserve(count);
    if (bodies) {
        for (auto& b : boxes)
            b.reserve(count);
    }
    for (auto it = begin; it != end; ++it) {
        const OhlcBucket& c = *it;
        const std::size_t side = c.close >= c.open ? 0 : 1;
        // Centre on the pixel grid, so 1-px wicks stay sharp without antialiasing.
        const double x = std::floor(map.px(static_cast<double>(c.bar))) + 0.5;
        wicks[side].append(QLineF(x, map.py(c.high), x, map.py(c.low)));
        if (bodies) {
            const double top = std::round(map.py(std::max(c.open, c.close)));
            const double bottom = std::round(map.py(std::min(c.open, c.close)));
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
