#include "charts/series_window.hpp"

#include <QLineSeries>
#include <QList>
#include <QPointF>
#include <algorithm>
#include <cmath>

namespace atc::ui {

void fillPoints(QLineSeries* series, std::span<const double> values, std::size_t first,
                std::size_t last) {
    QList<QPointF> points;
    if (first <= last && first < values.size()) {
        last = std::min(last, values.size() - 1);
        points.reserve(static_cast<qsizetype>(last - first + 1));
        for (std::size_t i = first; i <= last; ++i) {
            if (std::isfinite(values[i]))
                points.append(QPointF(static_cast<double>(i), values[i]));
        }
    }
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

bool SeriesWindow::prepare(double x0, double x1, std::size_t bars) {
    if (bars == 0 || bound_.empty()) {
        if (valid_)
            clearPoints();
        return false;
    }
    const double top = static_cast<double>(bars - 1);
    const auto lo = static_cast<std::size_t>(std::clamp(std::floor(x0) - 1.0, 0.0, top));
    const auto hi = static_cast<std::size_t>(std::clamp(std::ceil(x1) + 1.0, 0.0, top));
    if (valid_ && lo == first_ && hi == last_)
        return false;
    first_ = lo;
    last_ = hi;
    clearPoints();
    return true;
}

void SeriesWindow::fill() {
    for (const Bound& b : bound_)
        fillPoints(b.series, b.values, first_, last_);
    valid_ = true;
}

}  // namespace atc::ui
