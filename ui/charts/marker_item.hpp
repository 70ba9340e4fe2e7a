// SPDX-License-Identifier: GPL-3.0-or-later
// The indicator's entry arrows: ▲ in the bull colour below the bar for a long
// entry, ▼ in the bear colour above it for a short one. Placed a few pixels off
// the bar's low/high (or its close on a line chart) so they never hide the price.
// Bars narrower than a pixel show the newest arrow of each pixel column.
#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QPolygonF>
#include <memory>
#include <span>
#include <vector>

#include "atc/result.hpp"
#include "charts/plot_overlay.hpp"

namespace atc::ui {

class MarkerItem : public PlotOverlay {
public:
    MarkerItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis);

    // below[i] / above[i]: the price under a ▲ / over a ▼ at bar i. The markers
    // are sorted by bar.
    void setMarkers(std::shared_ptr<const void> owner, std::span<const EntryMarker> markers,
                    std::span<const double> below, std::span<const double> above);
    void clear();
    void setColors(const QColor& long_color, const QColor& short_color, const QColor& outline);

    std::vector<EntryMarker> markers() const { return {markers_.begin(), markers_.end()}; }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    // The triangle of an arrow whose tip is at `apex`, pointing up (a long entry) or down.
    static QPolygonF arrow(QPointF apex, double size, bool up);
    void drawArrow(QPainter* painter, QPointF apex, double size, bool up) const;
    // The two arrows drawn at `size` for a device of pixel ratio `dpr`, unless they are already.
    void updateSprites(double size, qreal dpr);

    std::shared_ptr<const void> owner_;
    std::span<const EntryMarker> markers_;
    std::span<const double> below_, above_;
    QColor long_, short_, outline_;
    // The markers one paint draws, reused from paint to paint.
    std::vector<std::size_t> picks_;
    // [0] the ▲, [1] the ▼, drawn once at sprite_size_ (see paint()).
    QImage sprites_[2];
    double sprite_size_ = 0.0;
    qreal sprite_dpr_ = 0.0;
};

}  // namespace atc::ui
