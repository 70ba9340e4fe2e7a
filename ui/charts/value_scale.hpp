// SPDX-License-Identifier: GPL-3.0-or-later
// How a pane's values map to its height. Linear: equal differences get equal
// heights. Logarithmic: equal ratios do, so a series over several decades (a
// coin from 0.001 to 60,000) shows its early moves, and a 10 % move is as tall
// at any price. Percent is linear in price; only its labels differ: the change
// from the first visible bar, as TradingView's percent scale.
//
// A logarithmic pane's y axis holds log10 of the values (the Qt Charts axis is
// only a range holder here: our items draw everything through PlotMap, which
// applies the transform), so padding, stretching and scrolling the range work in
// the units the eye sees.
#pragma once

#include <QString>
#include <QStringView>
#include <QValueAxis>
#include <cmath>
#include <optional>

namespace atc::ui {

enum class PriceScale { Linear, Log, Percent };

// "linear", "log", "percent": the command line's and the session's words.
QString priceScaleName(PriceScale scale);
std::optional<PriceScale> parsePriceScale(QStringView text);

// A value in the axis units of a log scale, and back. Zero and negative values
// have no logarithm: they go far below any plotted range (lines drop off the
// bottom there instead of wrapping around).
inline constexpr double kLogAxisFloor = -300.0;
inline double toLogAxis(double value) {
    return value > 0.0 ? std::log10(value) : kLogAxisFloor;
}
inline double fromLogAxis(double axis_value) {
    return std::pow(10.0, axis_value);
}

// The y axis of a pane: a QValueAxis whose range is in log10 units while
// logarithmic. PlotOverlay reads the flag to map values to pixels.
class ScaledValueAxis : public QValueAxis {
    Q_OBJECT

public:
    using QValueAxis::QValueAxis;

    void setLogarithmic(bool on) { logarithmic_ = on; }
    bool logarithmic() const { return logarithmic_; }
    // A value in this axis's units and back.
    double toAxis(double value) const { return logarithmic_ ? toLogAxis(value) : value; }
    double fromAxis(double axis_value) const {
        return logarithmic_ ? fromLogAxis(axis_value) : axis_value;
    }

private:
    bool logarithmic_ = false;
};

}  // namespace atc::ui
