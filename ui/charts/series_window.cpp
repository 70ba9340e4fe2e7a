#include "charts/series_window.hpp"

#include <QLineSeries>
#include <QList>
#include <QPointF>
#include <algorithm>
#include <cmath>

#include "charts/column_envelope.hpp"

namespace atc::ui {

void fillPoints(QLineSeries* series, std::span<const double> values, std::size_t first,
                std::size_t last, std::size_t bars_per_bucket, std::vector<std::size_t>& picks) {
    picks.clear();
    appendEnvelope(values, first, last, bars_per_bucket, picks);
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(picks.size()));
    for (std::size_t i : picks)
        points.append(QPointF(static_cast<double>(i), values[i]));
    series->replace(points);
}

void SeriesWindow::bind(QLineSeries* series, std::span<const double> values) {
    valid_ = false;
    for (Bound& b : bound_) {
        if (b.series == series) {
            b.values = values;
            return;
        }
    }
    bound_.push_back({series, values});
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

bool SeriesWindow::prepare(double x0, double x1, std::size_t bars, double width_px) {
    if (bars == 0 || bound_.empty()) {
        if (valid_)
            clearPoints();
        return false;
    }
    const double top = static_cast<double>(bars - 1);
    const auto lo = static_cast<std::size_t>(std::clamp(std::floor(x0) - 1.0, 0.0, top));
    const auto hi = static_cast<std::size_t>(std::clamp(std::ceil(x1) + 1.0, 0.0, top));
    const std::size_t per_bucket = barsPerBucket(x1 - x0, width_px, kLineBucketPx);
    if (valid_ && lo == first_ && hi == last_ && per_bucket == bars_per_bucket_)
        return false;
    first_ = lo;
    last_ = hi;
    bars_per_bucket_ = per_bucket;
    clearPoints();
    return true;
}

void SeriesWindow::fill() {
    for (const Bound& b : bound_)
        fillPoints(b.series, b.values, first_, last_, bars_per_bucket_, picks_);
    valid_ = true;
}

}  // namespace atc::ui
