// SPDX-License-Identifier: GPL-3.0-or-later
// The value scale on the right of a pane: horizontal grid lines at round steps
// and their labels written the way prices read (ui/core/number_format.hpp):
// "12,345", "4.00B", "0.000123". Qt Charts can only print a value axis through a
// printf format ("%.2f"), which knows neither digit grouping nor short scales,
// so its labels and grid stay hidden and this item draws them, as the time axis
// item does for dates.
#pragma once

#include <QString>
#include <vector>

#include "charts/axis_overlay.hpp"
#include "charts/value_ticks.hpp"
#include "core/number_format.hpp"

namespace atc::ui {

class ValueAxisItem : public AxisOverlay {
public:
    // Pixels between the plot's right edge and the labels.
    static constexpr double kLabelGap = 6.0;

    ValueAxisItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis);

    // Ticks every `step` over the y range [lo, hi] (the range the y axis is set
    // to), written in one scale (axisScaleFor); below 1 with three significant digits.
    void setRange(double lo, double hi, double step);
    // Ticks made elsewhere (a log or percent scale); `scale` writes the crosshair's tag.
    void setTicks(std::vector<ValueTick> ticks, const AxisScale& scale);
    const std::vector<ValueTick>& ticks() const { return ticks_; }
    const AxisScale& scale() const { return scale_; }
    // Width of the widest label in the label font.
    double labelWidth() const;

protected:
    QList<QLineF> gridLines(const PlotMap& map) const override;
    void paintLabels(QPainter* painter, const PlotMap& map) const override;

private:
    std::vector<ValueTick> ticks_;
    AxisScale scale_;
};

}  // namespace atc::ui
