// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/state_line_item.hpp"

#include <QPainter>
#include <QPolygonF>
#include <algorithm>
#include <cmath>
#include <optional>

#include "charts/column_envelope.hpp"
#include "charts/line_thinning.hpp"

namespace atc::ui {

StateLineItem::StateLineItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis)
    : PlotOverlay(chart, x_axis, y_axis) {
    setZValue(kLineZ);
}

void StateLineItem::setSeries(std::shared_ptr<const void> owner, std::span<const double> values,
                              std::span<const std::int8_t> states) {
    values_ = IndexedSeries(owner, values);
    owner_ = std::move(owner);
    states_ = states;
    envelope_ = {};
    thinned_for_ = {};
    update();
}

void StateLineItem::clear() {
    setSeries(nullptr, {}, {});
}

void StateLineItem::setColors(const QColor& bull, const QColor& bear, const QColor& neutral) {
    bull_ = bull;
    bear_ = bear;
    neutral_ = neutral;
    update();
}

void StateLineItem::setLineWidth(double width) {
    width_ = width;
    update();
}

void StateLineItem::setValueScale(double scale) {
    if (scale == scale_)
        return;
    scale_ = scale;
    update();
}

void StateLineItem::widenRange(std::pair<double, double>& range, std::size_t first,
                               std::size_t last) const {
    if (scale_ == 1.0) {
        values_.pyramid().widenRange(range, first, last);
        return;
    }
    std::pair<double, double> raw{range.first / scale_, range.second / scale_};
    values_.pyramid().widenRange(raw, first, last);
    range = {raw.first * scale_, raw.second * scale_};
}

QColor StateLineItem::colorOf(std::int8_t state) const {
    return state > 0 ? bull_ : (state < 0 ? bear_ : neutral_);
}

std::size_t StateLineItem::stateIndex(std::int8_t state) {
    return state > 0 ? 2 : (state < 0 ? 0 : 1);
}

void StateLineItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const PlotMap map = plotMap(option);
    const std::span<const double> values = values_.values();
    const std::size_t n = states_.empty() ? values.size() : std::min(values.size(), states_.size());
    const std::size_t per_bucket = barsPerBucket(map.x1 - map.x0, map.area.width(), kLineBucketPx);
    auto [first, last] = map.visibleBars(n, per_bucket);
    if (first > last)
        return;
    // Denser than the pixels: the per-column envelope (column_envelope.hpp) of
    // the whole visible range, kept until the view changes: a crosshair move
    // repaints a strip (or the band under the legend, the plot's full width)
    // many times per view, and each draws its part of the same envelope.
    if (per_bucket > 1) {
        const PlotMap whole = plotMap();
        auto [all_first, all_last] = whole.visibleBars(n, per_bucket);
        all_first = all_first / per_bucket * per_bucket;
        all_last = std::min(n - 1, (all_last / per_bucket + 1) * per_bucket - 1);
        updateEnvelope(values_.pyramid(), all_first, all_last, per_bucket, envelope_, scratch_);
        // Thinned to what the pixels show (line_thinning.hpp), keeping every
        // colour change in place; again only when the view changed.
        // Pixels per unit of the values as stored: the scale stretches them on a
        // linear axis; on a log one it only shifts them (log(s v) = log s + log v).
        const double px_per_axis_unit = whole.area.height() / (whole.y1 - whole.y0);
        const double px_per_value = whole.log ? px_per_axis_unit : px_per_axis_unit * scale_;
        const ThinnedFor now{all_first, all_last, per_bucket, px_per_value, whole.log};
        if (!(now == thinned_for_)) {
            thinned_.clear();
            thinLine(values, envelope_.picks, px_per_value, kThinningTolerancePx, thinned_,
                     states_.empty() ? states_ : states_.first(n), whole.log);
            thinned_for_ = now;
        }
    }

    painter->save();
    painter->setClipRect(map.area);
    // Antialiasing triples the cost; with more bars than pixels it shows nothing.
    painter->setRenderHint(QPainter::Antialiasing, map.barWidth() >= 1.0);
    // Lines wider than one pixel go through QStroker (joins, caps), ~10x the cost
    // of the 1-px cosmetic path, which made the MAs the most expensive part of a
    // pan. So the chosen width applies only when zoomed in to 4 px per bar or more
    // (a few hundred bars); further out the lines are drawn 1 px wide.
    const bool thin = map.barWidth() < 4.0;
    QPen pen(neutral_, thin ? 1.0 : width_, Qt::SolidLine, Qt::FlatCap, Qt::BevelJoin);

    // The segment from bar i-1 to bar i takes the state of bar i (the bar whose
    // close decided it), so a colour change starts exactly at the crossing bar.
    // Denser than the pixels (no antialiasing, a 1-px pen, where separate
    // segments paint the pixels a polyline does), the segments of each state go
    // in one drawLines: zoomed out the states flip every few columns, and a pen
    // change and a polyline per run cost more than the drawing.
    const bool batched = map.barWidth() < 1.0;
    for (QList<QLineF>& lines : segments_)
        lines.clear();
    std::optional<QPointF> previous;  // the last point, while the line is unbroken
    QPolygonF run;
    std::int8_t run_state = 0;
    const auto flush = [&] {
        if (run.size() >= 2) {
            pen.setColor(colorOf(run_state));
            painter->setPen(pen);
            painter->drawPolyline(run);
        }
        run.clear();
    };
    const auto visit = [&](std::size_t i) {
        const double v = values[i];
        if (!std::isfinite(v)) {
            flush();
            previous.reset();
            return;
        }
        const QPointF p(map.px(static_cast<double>(i)), map.py(v * scale_));
        if (batched) {
            if (previous)
                segments_[stateIndex(stateAt(i))].append(QLineF(*previous, p));
            previous = p;
            return;
        }
        if (run.isEmpty()) {
            run.append(p);
            run_state = stateAt(i);
            return;
        }
        if (stateAt(i) != run_state && run.size() >= 2) {
            // Close the run at the previous bar and start the new one there.
            const QPointF joint = run.back();
            flush();
            run.append(joint);
        }
        run_state = stateAt(i);
        run.append(p);
    };
    if (per_bucket <= 1) {
        for (std::size_t i = first; i <= last; ++i)
            visit(i);
    } else {
        // The kept bars of the exposed part, and one more on each side.
        const std::vector<std::size_t>& picks = thinned_;
        auto begin = std::lower_bound(picks.begin(), picks.end(), first);
        auto end = std::upper_bound(begin, picks.end(), last);
        if (begin != picks.begin())
            --begin;
        if (end != picks.end())
            ++end;
        for (auto it = begin; it != end; ++it)
            visit(*it);
    }
    flush();
    for (const std::int8_t state : {std::int8_t{-1}, std::int8_t{0}, std::int8_t{1}}) {
        const QList<QLineF>& lines = segments_[stateIndex(state)];
        if (lines.isEmpty())
            continue;
        pen.setColor(colorOf(state));
        painter->setPen(pen);
        painter->drawLines(lines);
    }
    painter->restore();
}

}  // namespace atc::ui
