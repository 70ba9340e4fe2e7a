// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/measure_item.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <QPolygonF>
#include <algorithm>
#include <cmath>

namespace atc::ui {
namespace {

constexpr double kLabelPadX = 8.0;
constexpr double kLabelPadY = 4.0;
constexpr double kLabelGap = 6.0;  // between the box and its label
constexpr double kArrowHead = 5.0;
// The box is a tint: the bars under it stay readable.
constexpr float kBoxAlpha = 0.18f;

// A line from `from` to `to` with a filled arrow head at `to` (none when too short).
void drawArrow(QPainter* painter, QPointF from, QPointF to, const QColor& color) {
    painter->setPen(QPen(color, 1.0));
    painter->drawLine(from, to);
    const double length = std::hypot(to.x() - from.x(), to.y() - from.y());
    if (length < 2.0 * kArrowHead)
        return;
    const QPointF dir((to.x() - from.x()) / length, (to.y() - from.y()) / length);
    const QPointF normal(-dir.y(), dir.x());
    const QPointF base = to - dir * kArrowHead * 1.6;
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(QPolygonF({to, base + normal * kArrowHead, base - normal * kArrowHead}));
}

}  // namespace

MeasureItem::MeasureItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis)
    : PlotOverlay(chart, x_axis, y_axis) {
    setZValue(kMeasureZ);
}

void MeasureItem::show(MeasurePoint start, MeasurePoint end, const Measurement& measurement) {
    shown_ = true;
    start_ = start;
    end_ = end;
    measurement_ = measurement;
    repaintShapes();
}

void MeasureItem::clear() {
    if (!shown_)
        return;
    shown_ = false;
    repaintShapes();
}

QString MeasureItem::text() const {
    return shown_ ? measurement_.value_line + QLatin1Char('\n') + measurement_.span_line
                  : QString();
}

void MeasureItem::setColors(const QColor& up, const QColor& down) {
    up_ = up;
    down_ = down;
    update();
}

void MeasureItem::setLabelFont(const QFont& font) {
    font_ = font;
    refresh();
}

void MeasureItem::refresh() {
    repaintShapes();
}

std::optional<MeasureItem::Shapes> MeasureItem::shapes() const {
    const PlotMap map = plotMap();
    if (!shown_ || !map.valid())
        return std::nullopt;
    Shapes s;
    s.box = QRectF(QPointF(map.px(static_cast<double>(start_.bar)), map.py(start_.value)),
                   QPointF(map.px(static_cast<double>(end_.bar)), map.py(end_.value)))
                .normalized();
    const QFontMetricsF fm(font_);
    const double w = std::max(fm.horizontalAdvance(measurement_.value_line),
                              fm.horizontalAdvance(measurement_.span_line)) +
                     2 * kLabelPadX;
    const double h = 2 * fm.height() + 2 * kLabelPadY;
    // Beyond the end, as TradingView puts it: above a rise, below a fall; kept
    // in the plot when the box reaches its edge.
    const double top = rising() ? s.box.top() - kLabelGap - h : s.box.bottom() + kLabelGap;
    const QRectF area = map.area;
    s.label = QRectF(std::clamp(s.box.center().x() - w / 2, area.left(),
                                std::max(area.left(), area.right() - w)),
                     std::clamp(top, area.top(), std::max(area.top(), area.bottom() - h)), w, h);
    return s;
}

void MeasureItem::repaintShapes() {
    const auto dirty = [this](const std::optional<Shapes>& s) {
        if (s)
            update(s->box.united(s->label).adjusted(-kArrowHead - 2, -kArrowHead - 2,
                                                    kArrowHead + 2, kArrowHead + 2));
    };
    dirty(painted_);
    painted_ = shapes();
    dirty(painted_);
}

void MeasureItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const std::optional<Shapes> s = shapes();
    if (!s)
        return;
    const QColor color = rising() ? up_ : down_;
    painter->save();
    painter->setClipRect(plotMap().area);
    painter->setRenderHint(QPainter::Antialiasing, true);
    QColor tint = color;
    tint.setAlphaF(kBoxAlpha);
    painter->setPen(Qt::NoPen);
    painter->setBrush(tint);
    painter->drawRect(s->box);
    // Arrows through the middle towards the end: the value's way and the time's way.
    const QPointF mid = s->box.center();
    const bool rightwards = end_.bar >= start_.bar;
    drawArrow(painter, QPointF(mid.x(), rising() ? s->box.bottom() : s->box.top()),
              QPointF(mid.x(), rising() ? s->box.top() : s->box.bottom()), color);
    drawArrow(painter, QPointF(rightwards ? s->box.left() : s->box.right(), mid.y()),
              QPointF(rightwards ? s->box.right() : s->box.left(), mid.y()), color);

    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(s->label, 3, 3);
    painter->setFont(font_);
    painter->setPen(Qt::white);  // on the solid green or red, in either theme
    painter->drawText(s->label, Qt::AlignCenter, text());
    painter->restore();
}

}  // namespace atc::ui
