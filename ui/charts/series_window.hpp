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
// visible bars (column_envelope.hpp): a few per pixel column at any zoom.
#pragma once

#include <QtGlobal>
#include <cstddef>
#include <span>
#include <utility>
#include <vector>

QT_BEGIN_NAMESPACE
class QLineSeries;
QT_END_NAMESPACE

namespace atc::ui {

class SeriesWindow {
public:
    // Adds a series, or gives a bound one new values; the window is refilled on
    // the next prepare().
    void bind(QLineSeries* series, std::span<const double> values);
    // Forgets all series (before they are deleted) and empties nothing.
    void unbindAll();
    // Empties every bound series (new data is coming).
    void clearPoints();

    // Call before the axes move to [x0, x1] of `bars` bars over a plot `width_px`
    // wide. Returns true when the series must be refilled (the bars shown or
    // their level of detail changed, or new series or values were bound); they
    // are then already emptied, so that the axis changes that follow re-lay out
    // no points.
    bool prepare(double x0, double x1, std::size_t bars, double width_px);
    // Fills the bars chosen by the last prepare() that returned true.
    void fill();

    // Bars held by the series: [first, last]; first > last when none.
    std::pair<std::size_t, std::size_t> window() const { return {first_, last_}; }

private:
    struct Bound {
        QLineSeries* series;
        std::span<const double> values;
    };
    std::vector<Bound> bound_;
    bool valid_ = false;
    std::size_t first_ = 1, last_ = 0;
    std::size_t bars_per_bucket_ = 1;
    // The bars kept of one series, reused from fill to fill (no growth per zoom step).
    std::vector<std::size_t> picks_;
};

// Puts (i, values[i]) for the finite values with first <= i <= last into the
// series in one replace() (append() per point is quadratic in a chart): every
// one with bars_per_bucket 1, else their envelope per bucket. NaN bars exist
// only before the first defined value; they are left out. `picks` is scratch.
void fillPoints(QLineSeries* series, std::span<const double> values, std::size_t first,
                std::size_t last, std::size_t bars_per_bucket, std::vector<std::size_t>& picks);

}  // namespace atc::ui
