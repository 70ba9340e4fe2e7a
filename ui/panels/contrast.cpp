// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/contrast.hpp"

#include <algorithm>
#include <cmath>

namespace atc::ui {
namespace {

// Qt 6 gives a colour's channels as float; the WCAG formula is evaluated in double.
double channel(float component) {
    const auto v = static_cast<double>(component);
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c) {
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

}  // namespace

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor mix(const QColor& a, const QColor& b, double amount) {
    auto m = [amount](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * amount)); };
    return QColor(m(a.red(), b.red()), m(a.green(), b.green()), m(a.blue(), b.blue()));
}

QColor readableOn(const QColor& color, const QColor& background, const QColor& text,
                  double min_ratio) {
    for (int step = 0; step <= 10; ++step) {
        const QColor candidate = mix(color, text, step / 10.0);
        if (contrastRatio(candidate, background) >= min_ratio)
            return candidate;
    }
    return text;
}

}  // namespace atc::ui
