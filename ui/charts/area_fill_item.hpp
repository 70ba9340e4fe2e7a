// SPDX-License-Identifier: GPL-3.0-or-later
// The area between a line and a level, filled translucent: the underwater
// curve's depth below its peak, read at a glance as TradingView shades a
// drawdown. Visible bars only; when they are denser than the pixels, each
// half-pixel column keeps its lowest value (the deepest point is never lost).
#pragma once

#include <QColor>
#include <memory>
#include <span>

#include "charts/plot_overlay.hpp"

namespace atc::ui {

class AreaFillItem : public PlotOverlay {
public:
    AreaFillItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis);

    // values[i] at x = i, filled down (or up) to `level`; NaN bars are skipped.
    // `owner` keeps the values alive.
    void setSeries(std::shared_ptr<const void> owner, std::span<const double> values, double level);
    void clear();
    void setColor(const QColor& color);

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    std::shared_ptr<const void> owner_;
    std::span<const double> values_;
    double level_ = 0.0;
    QColor color_;
};

}  // namespace atc::ui
