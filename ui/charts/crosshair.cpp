// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/crosshair.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace atc::ui {
namespace {
constexpr double kTagPad = 4.0;
}

CrosshairItem::CrosshairItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis)
    : PlotOverlay(chart, x_axis, y_axis) {
    setZValue(kCrosshairZ);
}

CrosshairItem::Shapes CrosshairItem::shapes() const {
    Shapes s;
    const PlotMap map = plotMap();
    if (!map.valid())
        return s;
    const QFontMetricsF fm(font_);
    if (bar_ >= 0) {
        const double x = std::floor(map.px(static_cast<double>(bar_))) + 0.5;
        if (x >= map.area.left() && x <= map.area.right()) {
            s.vertical = QLineF(x, map.area.top(), x, map.area.bottom());
            if (date_tag_visible_ && !date_tag_.isEmpty()) {
                const double w = fm.horizontalAdvance(date_tag_) + 2 * kTagPad;
                const double left =
                    std::clamp(x - w / 2, 0.0, std::max(0.0, boundingRect().right() - w));
                s.date_tag = QRectF(left, map.area.bottom() + 2, w, fm.height() + 2);
            }
        }
    }
    if (level_) {
        const double y = std::floor(map.py(*level_)) + 0.5;
        if (y >= map.area.top() && y <= map.area.bottom()) {
            s.horizontal = QLineF(map.area.left(), y, map.area.right(), y);
            if (!value_tag_.isEmpty()) {
                const double w = fm.horizontalAdvance(value_tag_) + 2 * kTagPad;
                const double h = fm.height() + 2;
                s.value_tag = QRectF(map.area.right() + 1, y - h / 2, w, h);
            }
        }
    }
    return s;
}

void CrosshairItem::repaintShapes() {
    // Only the strips under the old and the new lines are repainted: a mouse
    // move must not redraw every bar of every pane.
    const auto dirty = [this](const Shapes& s) {
        if (!s.vertical.isNull())
            update(QRectF(s.vertical.x1() - 2, s.vertical.y1() - 1, 4, s.vertical.dy() + 2));
        if (!s.horizontal.isNull())
            update(QRectF(s.horizontal.x1() - 1, s.horizontal.y1() - 2, s.horizontal.dx() + 2, 4));
        // The time axis hides the tick labels under the date tag: repaint a label
        // width on each side, where a hidden label reappears when the tag moves on.
        if (!s.date_tag.isEmpty())
            update(s.date_tag.adjusted(-s.date_tag.width(), -1, s.date_tag.width(), 1));
        if (!s.value_tag.isEmpty())
            update(s.value_tag.adjusted(-1, -1, 1, 1));
    };
    dirty(painted_);
    painted_ = shapes();
    dirty(painted_);
}

void CrosshairItem::setBar(int bar, const QString& date_tag) {
    if (bar == bar_ && date_tag == date_tag_)
        return;
    bar_ = bar;
    date_tag_ = date_tag;
    repaintShapes();
}

void CrosshairItem::setLevel(std::optional<double> y, const QString& value_tag) {
    if (y == level_ && value_tag == value_tag_)
        return;
    level_ = y;
    value_tag_ = value_tag;
    repaintShapes();
}

void CrosshairItem::refresh() {
    repaintShapes();
}

QRectF CrosshairItem::dateTagRect() const {
    return shapes().date_tag;
}

void CrosshairItem::setColors(const QColor& line, const QColor& tag_background,
                              const QColor& tag_text) {
    line_ = line;
    tag_background_ = tag_background;
    tag_text_ = tag_text;
    update();
}

void CrosshairItem::setLabelFont(const QFont& font) {
    font_ = font;
    update();
}

void CrosshairItem::setDateTagVisible(bool visible) {
    date_tag_visible_ = visible;
    repaintShapes();
}

void CrosshairItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    // Painted from the current state (not painted_), which is what the last
    // update() announced; the two differ only between a change and its repaint.
    const Shapes s = shapes();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setFont(font_);
    const QPen dashed(line_, 1.0, Qt::DashLine);
    const auto tag = [&](const QRectF& box, const QString& text) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(tag_background_);
        painter->drawRect(box);
        painter->setPen(tag_text_);
        painter->drawText(box, Qt::AlignCenter, text);
    };
    painter->setPen(dashed);
    if (!s.vertical.isNull())
        painter->drawLine(s.vertical);
    if (!s.horizontal.isNull())
        painter->drawLine(s.horizontal);
    if (!s.date_tag.isEmpty())
        tag(s.date_tag, date_tag_);
    if (!s.value_tag.isEmpty())
        tag(s.value_tag, value_tag_);
    painter->restore();
}

}  // namespace atc::ui
