// SPDX-License-Identifier: GPL-3.0-or-later
// One moving average drawn as a line whose colour follows its own crossing state
// bar by bar (bull where the price crossed above it, bear below, neutral before
// the first crossing), as the original indicator colours its MAs. A QLineSeries
// has one pen, so this is painted directly: consecutive bars of one state form
// one polyline, one drawPolyline call per run, visible bars only (when they are
// denser than the pixels, their per-column envelope thinned to what the pixels
// show, then drawn as one drawLines per state).
#pragma once

#include <QColor>
#include <QLineF>
#include <QList>
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "charts/column_envelope.hpp"
#include "charts/indexed_series.hpp"
#include "charts/plot_overlay.hpp"

namespace atc::ui {

class StateLineItem : public PlotOverlay {
public:
    StateLineItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis);

    // values[i] is drawn at x = i; NaN leaves a gap. `owner` keeps the arrays
    // alive. Without states (empty) the line has one colour, the neutral one.
    void setSeries(std::shared_ptr<const void> owner, std::span<const double> values,
                   std::span<const std::int8_t> states = {});
    void clear();
    void setColors(const QColor& bull, const QColor& bear, const QColor& neutral);
    // One colour for every state.
    void setColor(const QColor& color) { setColors(color, color, color); }
    // Line width when zoomed in to 4 px per bar or more; 1 px below (see paint()).
    void setLineWidth(double width);
    // Draws values[i] * scale (> 0): a compared symbol is drawn in the main
    // symbol's prices, and its factor follows every pan and zoom without new points.
    void setValueScale(double scale);
    double valueScale() const { return scale_; }

    std::span<const double> values() const { return values_.values(); }
    std::span<const std::int8_t> states() const { return states_; }
    // Widens `range` (low, high) to the line's values as drawn (scaled) over bars [first, last].
    void widenRange(std::pair<double, double>& range, std::size_t first, std::size_t last) const;

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // The colour of a state: bull (> 0), bear (< 0) or neutral.
    QColor colorOf(std::int8_t state) const;

private:
    // The state of bar i (neutral without states).
    std::int8_t stateAt(std::size_t i) const { return states_.empty() ? 0 : states_[i]; }
    // 0 bear, 1 neutral, 2 bull.
    static std::size_t stateIndex(std::int8_t state);

    std::shared_ptr<const void> owner_;
    IndexedSeries values_;
    std::span<const std::int8_t> states_;
    QColor bull_, bear_, neutral_;
    double width_ = 1.5;
    double scale_ = 1.0;
    // The envelope of the visible bars, updated when the view changes, and scratch for that.
    KeptEnvelope envelope_;
    std::vector<std::size_t> scratch_;
    // The envelope thinned for the value scale (pixels per unit) of that view.
    struct ThinnedFor {
        std::size_t first = 1, last = 0, per_bucket = 0;
        double px_per_value = 0.0;
        bool log = false;
        bool operator==(const ThinnedFor&) const = default;
    };
    ThinnedFor thinned_for_;
    std::vector<std::size_t> thinned_;
    // A paint's segments per state (stateIndex), reused from paint to paint.
    std::array<QList<QLineF>, 3> segments_;
};

}  // namespace atc::ui
