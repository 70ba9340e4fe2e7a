// SPDX-License-Identifier: GPL-3.0-or-later
// Thinning a dense line to what the screen can show. A column envelope
// (column_envelope.hpp) keeps up to four bars per two pixel columns, but a
// smooth stretch (an equity curve, a long MA, a quiet signal) needs far fewer:
// where the points lie on a straight line to within a fraction of a pixel, the
// inner ones draw nothing a straight segment would not. Qt Charts spends most of
// a pan frame per point (it strokes every series for hit-testing, then paints
// one segment at a time), so dropping them halves a dense frame.
//
// The rule is vertical: a point is dropped only if the segment drawn in its
// place passes within `tolerance_px` of it, measured straight up or down at its
// own column. So no extreme moves by more than that: a spike a pixel tall stays.
// The scan is the "sleeve" method: from the last kept point, the slopes that
// pass every skipped point within the tolerance form an interval that only
// narrows; when the next point falls outside it, the previous point is kept.
// One pass, O(n).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace atc::ui {

// Vertical tolerance, in pixels, of the thinning for lines drawn 1 px wide
// without antialiasing (dense views): half a pixel rounds to the same row.
inline constexpr double kThinningTolerancePx = 0.5;

// Of `picks` (increasing bar indexes into `values`), appends to `out` the ones a
// line needs for every pick to stay within tolerance_px vertically of it, with
// values scaled by px_per_value pixels per unit (the y scale; the x scale does
// not change vertical distances). Always kept: the first and last pick, every
// pick next to a non-finite value (and those themselves: they break the line),
// and, when `runs` is given, the last pick of each run of equal runs[bar]
// (a colour change stays where it is). px_per_value <= 0 keeps every pick.
// `log`: the line is drawn on a log scale, px_per_value is per log10 unit.
void thinLine(std::span<const double> values, std::span<const std::size_t> picks,
              double px_per_value, double tolerance_px, std::vector<std::size_t>& out,
              std::span<const std::int8_t> runs = {}, bool log = false);

}  // namespace atc::ui
