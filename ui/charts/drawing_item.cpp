// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/drawing_item.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <limits>

#include "charts/drawing_timeline.hpp"

namespace atc::ui {
namespace {

using store::Drawing;
using store::DrawingAnchor;
using store::DrawingKind;

// TradingView's default drawing colours: blue lines, a purple rectangle with a
// fifth of its colour as fill.
const QColor kLineColor(0x29, 0x62, 0xFF);
const QColor kRectangleColor(0x9C, 0x27, 0xB0);
constexpr float kRectangleFillAlpha = 0.2f;
constexpr double kLineWidth = 1.5;
constexpr double kHandleRadius = 4.5;
constexpr double kTagPadX = 4.0;

QColor colorOf(DrawingKind kind) {
    return kind == DrawingKind::Rectangle ? kRectangleColor : kLineColor;
}

double segmentDistance(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t =
        length2 > 0.0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF nearest = a + t * ab;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

// The end of a trend line continued from `start` through `end` to the right
// edge of the plot (`end` itself when the line is vertical or runs leftwards).
QPointF extendedRight(QPointF start, QPointF end, const QRectF& area) {
    const QPointF left = start.x() <= end.x() ? start : end;
    const QPointF right = start.x() <= end.x() ? end : start;
    if (!(right.x() > left.x()) || right.x() >= area.right())
        return right;
    const double slope = (right.y() - left.y()) / (right.x() - left.x());
    return {area.right(), right.y() + slope * (area.right() - right.x())};
}

}  // namespace

std::vector<DrawingHandle> drawingHandles(DrawingKind kind) {
    switch (kind) {
        case DrawingKind::TrendLine:
            return {{true, true}, {false, false}};
        case DrawingKind::Rectangle:
            return {{true, true}, {false, false}, {true, false}, {false, true}};
        case DrawingKind::HorizontalLine:
        case DrawingKind::VerticalLine:
            break;
    }
    return {};
}

Drawing withHandleAt(Drawing drawing, DrawingHandle handle, const DrawingAnchor& to) {
    (handle.x_of_start ? drawing.start.x : drawing.end.x) = to.x;
    (handle.price_of_start ? drawing.start.price : drawing.end.price) = to.price;
    return drawing;
}

DrawingItem::DrawingItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis)
    : PlotOverlay(chart, x_axis, y_axis) {
    setZValue(kDrawingZ);
}

void DrawingItem::setData(std::shared_ptr<const SymbolData> data) {
    data_ = std::move(data);
    update();
}

void DrawingItem::setDrawings(std::vector<Drawing> drawings) {
    drawings_ = std::move(drawings);
    if (selected_ && *selected_ >= drawings_.size())
        selected_.reset();
    update();
}

void DrawingItem::setSelected(std::optional<std::size_t> index) {
    selected_ = index && *index < drawings_.size() ? index : std::nullopt;
    update();
}

void DrawingItem::setDraft(std::optional<Drawing> draft) {
    draft_ = draft;
    update();
}

void DrawingItem::setPriceFormat(std::function<QString(double)> format) {
    format_ = std::move(format);
    update();
}

void DrawingItem::setTagFont(const QFont& font) {
    font_ = font;
    update();
}

void DrawingItem::setBackground(const QColor& background) {
    background_ = background;
    update();
}

bool DrawingItem::placesByBar() const {
    return !data_ || anchorsByBar(data_->bars);
}

double DrawingItem::barPosition(const DrawingAnchor& anchor, bool by_bar) const {
    return data_ ? barPositionOf(data_->bars, anchor.x, by_bar) : static_cast<double>(anchor.x);
}

QPointF DrawingItem::pixelOf(const DrawingAnchor& anchor, bool by_bar) const {
    const PlotMap map = plotMap();
    return {map.px(barPosition(anchor, by_bar)), map.py(anchor.price)};
}

DrawingItem::Ends DrawingItem::endsOf(const Drawing& d, const PlotMap& map) const {
    return {{map.px(barPosition(d.start, d.by_bar)), map.py(d.start.price)},
            {map.px(barPosition(d.end, d.by_bar)), map.py(d.end.price)}};
}

std::vector<QPointF> DrawingItem::handlesOf(const Drawing& d, const PlotMap& map) const {
    const Ends e = endsOf(d, map);
    std::vector<QPointF> points;
    for (const DrawingHandle h : drawingHandles(d.kind))
        points.emplace_back((h.x_of_start ? e.start : e.end).x(),
                            (h.price_of_start ? e.start : e.end).y());
    return points;
}

double DrawingItem::distanceTo(const Drawing& d, QPointF pos, const PlotMap& map) const {
    const Ends e = endsOf(d, map);
    switch (d.kind) {
        case DrawingKind::HorizontalLine:
            return std::abs(pos.y() - e.start.y());
        case DrawingKind::VerticalLine:
            return std::abs(pos.x() - e.start.x());
        case DrawingKind::TrendLine:
            return segmentDistance(
                pos, e.start, d.extend_right ? extendedRight(e.start, e.end, map.area) : e.end);
        case DrawingKind::Rectangle: {
            // Inside counts, as on TradingView: a rectangle is picked by its area.
            const QRectF box = QRectF(e.start, e.end).normalized();
            if (box.adjusted(-kGrabPx, -kGrabPx, kGrabPx, kGrabPx).contains(pos))
                return 0.0;
            return std::numeric_limits<double>::infinity();
        }
    }
    return std::numeric_limits<double>::infinity();
}

std::optional<DrawingHit> DrawingItem::hitAt(QPointF pos) const {
    const PlotMap map = plotMap();
    if (!isVisible() || !map.valid() || !map.area.contains(pos))
        return std::nullopt;
    if (selected_) {
        const std::vector<QPointF> points = handlesOf(drawings_[*selected_], map);
        const std::vector<DrawingHandle> handles = drawingHandles(drawings_[*selected_].kind);
        for (std::size_t h = 0; h < points.size(); ++h) {
            if (std::hypot(pos.x() - points[h].x(), pos.y() - points[h].y()) <= kGrabPx + 1.0)
                return DrawingHit{*selected_, handles[h]};
        }
    }
    // The last drawn is on top. A line is grabbed before a rectangle it
    // crosses: a rectangle counts only where no line is near.
    std::optional<DrawingHit> box;
    for (std::size_t i = drawings_.size(); i-- > 0;) {
        if (distanceTo(drawings_[i], pos, map) > kGrabPx)
            continue;
        if (drawings_[i].kind != DrawingKind::Rectangle)
            return DrawingHit{i, std::nullopt};
        if (!box)
            box = DrawingHit{i, std::nullopt};
    }
    return box;
}

std::optional<double> DrawingItem::magnetPrice(double bar, double pixel_y,
                                               const PlotMap& map) const {
    if (!data_ || data_->barCount() == 0)
        return std::nullopt;
    const double last = static_cast<double>(data_->barCount() - 1);
    if (bar < -0.5 || bar > last + 0.5)
        return std::nullopt;  // past the data there is no bar to snap to
    const auto i = static_cast<std::size_t>(std::clamp(std::round(bar), 0.0, last));
    const PriceSeries& bars = data_->bars;
    std::vector<double> candidates{bars.close[i]};
    if (data_->hasOhlc())
        candidates = {bars.open[i], bars.high[i], bars.low[i], bars.close[i]};
    std::optional<double> best;
    double best_px = kMagnetPx;
    for (const double v : candidates) {
        const double px = std::abs(map.py(v) - pixel_y);
        if (px <= best_px) {
            best_px = px;
            best = v;
        }
    }
    return best;
}

std::optional<DrawingAnchor> DrawingItem::anchorAt(QPointF pos, bool magnet) const {
    const PlotMap map = plotMap();
    if (!data_ || data_->barCount() == 0 || !map.valid())
        return std::nullopt;
    const double bar = std::round(map.xOf(pos.x()));
    double price = map.yOf(pos.y());
    if (magnet) {
        if (const std::optional<double> snapped = magnetPrice(bar, pos.y(), map))
            price = *snapped;
    }
    return DrawingAnchor{anchorXAt(data_->bars, bar, placesByBar()), price};
}

std::optional<Drawing> DrawingItem::movedBy(const Drawing& drawing, QPointF from, QPointF to,
                                            bool magnet) const {
    const PlotMap map = plotMap();
    if (!data_ || !map.valid())
        return std::nullopt;
    const double bars = std::round(map.xOf(to.x()) - map.xOf(from.x()));
    // By pixels, not by price: on any price scale the drawing keeps its shape
    // under the mouse.
    const double dy = to.y() - from.y();
    Drawing moved = drawing;
    for (DrawingAnchor* a : {&moved.start, &moved.end}) {
        a->x = anchorXAt(data_->bars, barPosition(*a, drawing.by_bar) + bars, drawing.by_bar);
        a->price = map.yOf(map.py(a->price) + dy);
    }
    const bool one_point =
        drawing.kind == DrawingKind::HorizontalLine || drawing.kind == DrawingKind::VerticalLine;
    if (magnet && one_point) {
        const double bar = barPosition(moved.start, moved.by_bar);
        if (const std::optional<double> snapped = magnetPrice(bar, map.py(moved.start.price), map))
            moved.start.price = moved.end.price = *snapped;
    }
    return moved;
}

void DrawingItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const PlotMap map = plotMap();
    if (!map.valid() || (drawings_.empty() && !draft_))
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setClipRect(map.area);
    for (const Drawing& d : drawings_)
        paintDrawing(painter, d, map);
    if (draft_)
        paintDrawing(painter, *draft_, map);
    if (selected_) {
        const Drawing& d = drawings_[*selected_];
        std::vector<QPointF> points = handlesOf(d, map);
        if (points.empty())  // a one-point kind: its point
            points.push_back(endsOf(d, map).start);
        painter->setPen(QPen(colorOf(d.kind), kLineWidth));
        painter->setBrush(background_);
        for (const QPointF& p : points)
            painter->drawEllipse(p, kHandleRadius, kHandleRadius);
    }
    // Past the plot's right edge, over the price scale: each horizontal line's price.
    painter->setClipping(false);
    painter->setFont(font_);
    for (const Drawing& d : drawings_) {
        if (d.kind == DrawingKind::HorizontalLine)
            paintPriceTag(painter, d.start.price, colorOf(d.kind), map);
    }
    if (draft_ && draft_->kind == DrawingKind::HorizontalLine)
        paintPriceTag(painter, draft_->start.price, colorOf(draft_->kind), map);
    painter->restore();
}

void DrawingItem::paintDrawing(QPainter* painter, const Drawing& d, const PlotMap& map) const {
    const QColor color = colorOf(d.kind);
    const Ends e = endsOf(d, map);
    painter->setPen(QPen(color, kLineWidth));
    painter->setBrush(Qt::NoBrush);
    switch (d.kind) {
        case DrawingKind::HorizontalLine:
            painter->drawLine(QPointF(map.area.left(), e.start.y()),
                              QPointF(map.area.right(), e.start.y()));
            break;
        case DrawingKind::VerticalLine:
            painter->drawLine(QPointF(e.start.x(), map.area.top()),
                              QPointF(e.start.x(), map.area.bottom()));
            break;
        case DrawingKind::TrendLine:
            if (d.extend_right)
                painter->drawLine(e.start, extendedRight(e.start, e.end, map.area));
            painter->drawLine(e.start, e.end);
            break;
        case DrawingKind::Rectangle: {
            QColor fill = color;
            fill.setAlphaF(kRectangleFillAlpha);
            painter->setBrush(fill);
            painter->drawRect(QRectF(e.start, e.end).normalized());
            break;
        }
    }
}

void DrawingItem::paintPriceTag(QPainter* painter, double price, const QColor& color,
                                const PlotMap& map) const {
    const double y = map.py(price);
    if (!format_ || y < map.area.top() || y > map.area.bottom())
        return;
    const QString text = format_(price);
    const QFontMetricsF fm(font_);
    const QRectF box(map.area.right() + 1.0, y - fm.height() / 2.0 - 1.0,
                     fm.horizontalAdvance(text) + 2 * kTagPadX, fm.height() + 2.0);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRect(box);
    painter->setPen(Qt::white);  // on the solid blue, in either theme
    painter->drawText(box, Qt::AlignCenter, text);
}

}  // namespace atc::ui
