// One moving average drawn as a line whose colour follows its own crossing state
// bar by bar (bull where the price crossed above it, bear below, neutral before
// the first crossing), as the original indicator colours its MAs. A QLineSeries
// has one pen, so this is painted directly: consecutive bars of one state form
// one polyline, one drawPolyline call per run, visible bars only (their
// per-column envelope when they are denser than the pixels).
#pragma once

#include <QColor>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "charts/plot_overlay.hpp"

namespace atc::ui {

class StateLineItem : public PlotOverlay {
public:
    StateLineItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis);

    // values[i] is drawn at x = i; NaN leaves a gap. `owner` keeps the arrays alive.
    void setSeries(std::shared_ptr<const void> owner, std::span<const double> values,
                   std::span<const std::int8_t> states);
    void clear();
    void setColors(const QColor& bull, const QColor& bear, const QColor& neutral);
    // Line width when zoomed in to 4 px per bar or more; 1 px below (see paint()).
    void setLineWidth(double width);

    std::span<const double> values() const { return values_; }
    std::span<const std::int8_t> states() const { return states_; }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QColor colorOf(std::int8_t state) const;

    std::shared_ptr<const void> owner_;
    std::span<const double> values_;
    std::span<const std::int8_t> states_;
    QColor bull_, bear_, neutral_;
    double width_ = 1.5;
    // The envelope of the visible bars (bars [first, last] in buckets of
    // per_bucket) and the bars it keeps: one buffer, refilled when the view changes.
    struct Envelope {
        std::size_t first = 1, last = 0, per_bucket = 0;
        bool operator==(const Envelope&) const = default;
    };
    Envelope envelope_;
    std::vector<std::size_t> picks_;
};

}  // namespace atc::ui
