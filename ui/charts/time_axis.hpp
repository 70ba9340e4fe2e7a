// SPDX-License-Identifier: GPL-3.0-or-later
// The shared time axis. x is the bar index (weekends and holidays take no
// space, as on any trading chart); ticks are placed where a human reads time:
// at the first bar of a new month, quarter or year for daily data, of a new
// hour or day for intraday data, at round bar numbers when there are no times.
// The step is the finest one whose labels still fit side by side, and ticks
// stay on the same bars while panning (no jitter).
#pragma once

#include <QFont>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "charts/axis_overlay.hpp"

namespace atc {
struct PriceSeries;
}

namespace atc::ui {

struct SymbolData;

struct TimeTick {
    std::size_t bar = 0;
    QString label;  // barAxisLabel of the bar
};

// Calendar keys of every bar, computed once per symbol so that tick placement
// on every zoom step is a few binary searches over the visible bars.
class TimeScale {
public:
    TimeScale() = default;
    // `bars` must outlive the scale, which reads their times (the chart stack
    // keeps both; a copy was 8 MB more per million bars as a chart opens).
    explicit TimeScale(const PriceSeries& bars);

    // Tick bars within [first, last]: the finest step giving at most max_ticks ticks.
    std::vector<std::size_t> tickBars(std::size_t first, std::size_t last, int max_ticks) const;

    // Series labelled with fractional years and no dates (R's EuStockMarkets:
    // "1997.4962"): ticks fall where the year or its twelfth changes, and read
    // "1997" or "Jul" instead of a decimal (the month is the fraction's, i.e.
    // approximate: the data has no calendar).
    bool fractionalYears() const { return fractional_years_; }
    // The tick label of such a series at `bar`; empty for other series.
    QString fractionalYearLabel(std::size_t bar) const;

private:
    struct Step {
        enum Kind { Millis, Days, Months, Bars } kind;
        std::int64_t size;
    };
    std::int64_t bucket(const Step& step, std::size_t bar) const;
    // The first bar after `bar` in a later bucket; last + 1 when none up to `last`.
    std::size_t nextTick(const Step& step, std::size_t bar, std::size_t last) const;
    std::vector<Step> steps_;
    std::span<const std::int64_t> ms_;  // time, when the data has it
    std::vector<std::int32_t> days_;    // days since 1970-01-01
    std::vector<std::int32_t> months_;  // year * 12 + month - 1
    bool fractional_years_ = false;
};

std::vector<TimeTick> ticksInRange(const SymbolData& data, const TimeScale& scale, double x_first,
                                   double x_last, double plot_width, const QFont& font);

// Draws the vertical grid lines at the ticks across the plot and, on the pane
// that carries them, the date labels under the plot. A label that would touch
// its left neighbour is skipped (its grid line stays).
class TimeAxisItem : public AxisOverlay {
public:
    TimeAxisItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis);

    void setTicks(std::vector<TimeTick> ticks);
    void setLabelsVisible(bool visible);
    bool labelsVisible() const { return labels_visible_; }
    // A label overlapping this rectangle (the crosshair's date tag) is not drawn.
    void setKeepClear(const QRectF& rect);
    const std::vector<TimeTick>& ticks() const { return ticks_; }

protected:
    QList<QLineF> gridLines(const PlotMap& map) const override;
    void paintLabels(QPainter* painter, const PlotMap& map) const override;

private:
    std::vector<TimeTick> ticks_;
    bool labels_visible_ = false;
    QRectF keep_clear_;
};

}  // namespace atc::ui
