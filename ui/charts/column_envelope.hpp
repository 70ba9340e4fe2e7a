// SPDX-License-Identifier: GPL-3.0-or-later
// Level of detail for dense charts: when a pane shows more bars than pixel
// columns, what is drawn is reduced per column of pixels, so that the cost of
// drawing a frame follows the width of the plot, not the number of bars.
//
// Lines keep, in each bucket of bars, the first, the lowest, the highest and
// the last value (in bar order): the drawn path is then the same envelope the
// full line would paint, every spike included, and it stays a readable line
// (never scattered specks). Buckets are two pixels wide, so a line gets at most
// about two points per pixel column. Candles merge into one OHLC bar per pixel
// column, and entry markers thin to the newest one per column.
//
// Buckets are whole numbers of bars aligned to bar 0 (bucket k holds the bars
// i with i / bars_per_bucket == k): a pan at a fixed zoom keeps the same
// buckets, so the envelope does not shimmer while it moves, and the buckets
// still in view need not be read again. A bucket's extremes come from the
// series' min/max pyramid (minmax_pyramid.hpp): tens of reads per bucket
// instead of all its bars.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "atc/result.hpp"
#include "charts/minmax_pyramid.hpp"

namespace atc::ui {

// Bars per pixel column above which a line is decimated.
inline constexpr double kMaxBarsPerPixel = 2.0;
// Width of one line bucket in pixels (four points each: two per pixel column).
inline constexpr double kLineBucketPx = 2.0;

// Bars per bucket when `span` bars are drawn across `width_px` pixels in buckets
// of `bucket_px` pixels; 1 (every bar drawn) while the bars are no denser than
// kMaxBarsPerPixel per pixel.
std::size_t barsPerBucket(double span, double width_px, double bucket_px);

// Appends to `out` the bars of [first, last] a line keeps: per bucket the first
// and last finite values and the lowest and highest, in increasing bar order
// without repeats. With bars_per_bucket <= 1 every finite bar is kept. The
// extremes come from the series' pyramid: per block, not per bar, where it has levels.
void appendEnvelope(const MinMaxPyramid& series, std::size_t first, std::size_t last,
                    std::size_t bars_per_bucket, std::vector<std::size_t>& out);

// A line's envelope kept from frame to frame: the bars of [first, last] it keeps
// in buckets of per_bucket bars (per_bucket 0: none yet).
struct KeptEnvelope {
    std::size_t first = 1, last = 0, per_bucket = 0;
    std::vector<std::size_t> picks;
};

// Makes `kept` the envelope of [first, last] in buckets of bars_per_bucket, as
// appendEnvelope() gives it. Buckets are aligned to bar 0, so a pan at the same
// zoom keeps them: the buckets in view before and after are copied, and only
// those coming into view are read. `scratch` is a buffer to reuse.
void updateEnvelope(const MinMaxPyramid& series, std::size_t first, std::size_t last,
                    std::size_t bars_per_bucket, KeptEnvelope& kept,
                    std::vector<std::size_t>& scratch);

// One OHLC aggregate of the bars [first, last] of one pixel column.
struct OhlcBucket {
    std::size_t bar = 0;  // the first bar: where the aggregate is drawn
    double open = 0.0, high = 0.0, low = 0.0, close = 0.0;
};

// Appends one aggregate per bucket of [first, last] to `out`: the first open,
// the highest high, the lowest low and the last close (the highs' and lows'
// pyramids give the extremes).
void appendOhlcBuckets(std::span<const double> open, const MinMaxPyramid& high,
                       const MinMaxPyramid& low, std::span<const double> close, std::size_t first,
                       std::size_t last, std::size_t bars_per_bucket, std::vector<OhlcBucket>& out);

// Of markers sorted by bar, appends to `out` the indexes of those on bars of
// [first, last], only the newest (the last) of each bucket. Found by binary
// search: the cost follows the markers kept, not all of them.
void appendNewestMarkers(std::span<const EntryMarker> markers, std::size_t first, std::size_t last,
                         std::size_t bars_per_bucket, std::vector<std::size_t>& out);

}  // namespace atc::ui
