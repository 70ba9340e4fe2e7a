// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds Qt Charts line series the visible bars only.
//
// Why: QLineSeries recomputes its whole geometry (every point mapped, and a
// QPainterPathStroker outline of the full path for hit-testing) on each
// replace() and on every axis range change, visible or not: 15 series of 5,550
// bars cost ~60 ms per zoom or pan step and ~250 ms per setData. So on each
// change of the visible range the series are emptied (then the axis changes
// cost nothing), the axes move, and one replace() per series puts in the
// visible bars (+1 on each side, so lines run to the plot's edges), every point
// exactly (i, values[i]). One geometry pass per series over the visible points,
// instead of two passes (x, then the refitted y) over everything. When the bars
// are denser than the pixels, the points are the per-column envelope of the
// visible bars (column_envelope.hpp): a few per pixel column at any zoom, read
// from the series' min/max pyramid (indexed_series.hpp), and on a pan only for
// the columns that came into view; then thinned to what the pixels show
// (line_thinning.hpp): Qt Charts' cost is per point.
#pragma once

#include <QtGlobal>
#include <cstddef>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "charts/column_envelope.hpp"
#include "charts/indexed_series.hpp"

QT_BEGIN_NAMESPACE
class QLineSeries;
QT_END_NAMESPACE

namespace atc::ui {

class SeriesWindow {
public:
    // Adds a series, or gives a bound one new values (kept alive by `owner`);
    // the window is refilled on the next prepare().
    void bind(QLineSeries* series, std::shared_ptr<const void> owner,
              std::span<const double> values);
    // Forgets all series (before they are deleted) and empties nothing.
    void unbindAll();
    // Empties every bound series (new data is coming).
    void clearPoints();

    // Call before the axes move to [x0, x1] of `bars` bars over a plot `width_px`
    // wide. When the series must be refilled (the bars shown or their level of
    // detail changed, or new series or values were bound) they are emptied now,
    // so that the axis changes that follow re-lay out no points, and
    // fillPrepared() fills them.
    void prepare(double x0, double x1, std::size_t bars, double width_px);
    // Fills the bars chosen by the last prepare(), if it emptied the series and
    // they were not filled since. Hidden series stay empty: Qt Charts lays out
    // the points of a hidden series all the same. When the bars are denser than
    // the pixels, the envelope is thinned (line_thinning.hpp) for a value axis of
    // px_per_value pixels per unit.
    void fillPrepared(double px_per_value);
    // The value axis now has px_per_value pixels per unit: true when the series
    // hold points thinned for a coarser scale, which may now stray from the
    // line by more than the tolerance (the caller refills them).
    bool thinnedCoarserThan(double px_per_value) const;

    // Bars held by the series: [first, last]; first > last when none.
    std::pair<std::size_t, std::size_t> window() const { return {first_, last_}; }
    // Widens `range` (low, high) to the values of the visible bound series over bars [first, last].
    void widenRange(std::pair<double, double>& range, std::size_t first, std::size_t last) const;

private:
    struct Bound {
        QLineSeries* series;
        IndexedSeries values;
        KeptEnvelope envelope;  // the points it holds, for the next fill
    };
    std::vector<Bound> bound_;
    bool valid_ = false;     // the series hold the window below
    bool prepared_ = false;  // emptied by prepare(), to be filled
    std::size_t first_ = 1, last_ = 0;
    std::size_t bars_per_bucket_ = 1;
    // The value scale the points were thinned for; 0 when they are not thinned.
    double thinned_px_per_value_ = 0.0;
    // Scratch for the envelopes, reused from fill to fill (no growth per zoom step).
    std::vector<std::size_t> scratch_;
    std::vector<std::size_t> thinned_;
};

// Puts (i, values[i]) for the bars i of `picks` (increasing) into the series in
// one replace() (append() per point is quadratic in a chart).
void fillPoints(QLineSeries* series, std::span<const double> values,
                std::span<const std::size_t> picks);

}  // namespace atc::ui
