// SPDX-License-Identifier: GPL-3.0-or-later
// Text colours that stay readable: a theme's state colours are chosen for lines
// on a chart, and some (light grey "neutral", orange "warning" on white) are too
// faint as text. The meaning stays the theme's colour; only the drawing adapts.
#pragma once

#include <QColor>

namespace atc::ui {

// WCAG contrast ratio of two colours (1 to 21).
double contrastRatio(const QColor& a, const QColor& b);

// `color` itself if it reaches `min_ratio` against `background`, else `color`
// moved towards `text` (the theme's text colour) just far enough.
QColor readableOn(const QColor& color, const QColor& background, const QColor& text,
                  double min_ratio = 3.0);

// `a` moved towards `b` by `amount` (0 = a, 1 = b), channel by channel.
QColor mix(const QColor& a, const QColor& b, double amount);

}  // namespace atc::ui
