// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/series_window.hpp"

#include <QLineSeries>
#include <QList>
#include <QPointF>
#include <algorithm>
#include <cmath>

#include "charts/column_envelope.hpp"
#include "charts/line_thinning.hpp"

namespace atc::ui {

void fillPoints(QLineSeries* series, std::span<const double> values,
                std::span<const std::size_t> picks) {
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(picks.size()));
    for (std::size_t i : picks)
        points.append(QPointF(static_cast<double>(i), values[i]));
    series->replace(points);
}

void SeriesWindow::bind(QLineSeries* series, std::shared_ptr<const void> owner,
                        std::span<const double> values) {
    valid_ = false;
    for (Bound& b : bound_) {
        if (b.series == series) {
            b = {series, IndexedSeries(std::move(owner), values), {}};
            return;
        }
    }
    bound_.push_back({series, IndexedSeries(std::move(owner), values), {}});
}

void SeriesWindow::widenRange(std::pair<double, double>& range, std::size_t first,
                              std::size_t last) const {
    for (const Bound& b : bound_) {
        if (b.series->isVisible())
            b.values.pyramid().widenRange(range, first, last);
    }
}

void SeriesWindow::unbindAll() {
    bound_.clear();
    valid_ = false;
}

void SeriesWindow::clearPoints() {
    for (const Bound& b : bound_) {
        if (b.series->count() > 0)
            b.series->replace(QList<QPointF>());
    }
    valid_ = false;
}

void SeriesWindow::prepare(double x0, double x1, std::size_t bars, double width_px) {
    if (bars == 0 || bound_.empty()) {
        if (valid_)
            clearPoints();
        prepared_ = false;
        return;
    }
    const double top = static_cast<double>(bars - 1);
    const auto lo = static_cast<std::size_t>(std::clamp(std::floor(x0) - 1.0, 0.0, top));
    const auto hi = static_cast<std::size_t>(std::clamp(std::ceil(x1) + 1.0, 0.0, top));
    const std::size_t per_bucket = barsPerBucket(x1 - x0, width_px, kLineBucketPx);
    if (valid_ && lo == first_ && hi == last_ && per_bucket == bars_per_bucket_)
        return;
    first_ = lo;
    last_ = hi;
    bars_per_bucket_ = per_bucket;
    clearPoints();
    prepared_ = true;
}

void SeriesWindow::fillPrepared(double px_per_value) {
    if (!prepared_)
        return;
    // The points of each series are its envelope, thinned to what the pixels
    // show; every visible bar (and one more on each side) when they are no
    // denser than the pixels (then nothing is thinned: the lines are
    // antialiased, and their points may carry a wider pen's joins).
    const bool thin = bars_per_bucket_ > 1;
    for (Bound& b : bound_) {
        if (!b.series->isVisible())
            continue;
        updateEnvelope(b.values.pyramid(), first_, last_, bars_per_bucket_, b.envelope, scratch_);
        if (thin) {
            thinned_.clear();
            thinLine(b.values.values(), b.envelope.picks, px_per_value, kThinningTolerancePx,
                     thinned_);
            fillPoints(b.series, b.values.values(), thinned_);
        } else {
            fillPoints(b.series, b.values.values(), b.envelope.picks);
        }
    }
    thinned_px_per_value_ = thin ? px_per_value : 0.0;
    prepared_ = false;
    valid_ = true;
}

bool SeriesWindow::thinnedCoarserThan(double px_per_value) const {
    // A finer scale (more pixels per unit) magnifies what thinning left out; a
    // coarser one only shrinks it.
    return valid_ && thinned_px_per_value_ > 0.0 && px_per_value > thinned_px_per_value_ * 1.001;
}

}  // namespace atc::ui
