// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/number_format.hpp"

#include <QLocale>
#include <algorithm>
#include <cmath>

namespace atc::ui {
namespace {

// English digits everywhere ("1,234.5"): the app writes prices with a decimal
// point in every other place (legends, reports, CSV), so tables must match.
const QLocale& groupingLocale() {
    static const QLocale locale = [] {
        QLocale l(QLocale::English, QLocale::UnitedStates);
        l.setNumberOptions(QLocale::DefaultNumberOptions);
        return l;
    }();
    return locale;
}

QString noValue() {
    return QString(QChar(u'\u2014'));
}

}  // namespace

QString groupedNumber(double value, int decimals) {
    if (!std::isfinite(value))
        return noValue();
    // Rounding first keeps "-0.00" from appearing for tiny negatives.
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0.0)
        rounded = 0.0;
    return groupingLocale().toString(rounded, 'f', decimals);
}

QString groupedCount(std::uint64_t count) {
    return groupingLocale().toString(static_cast<qulonglong>(count));
}

QString signedPercent(double percent, int decimals) {
    if (!std::isfinite(percent))
        return noValue();
    const QString digits = groupedNumber(std::abs(percent), decimals);
    if (groupedNumber(0.0, decimals) == digits)
        return digits + QStringLiteral(" %");  // no sign on what shows as zero
    return (percent > 0 ? QStringLiteral("+") : QStringLiteral("−")) + digits +
           QStringLiteral(" %");
}

int significantDecimals(double value, int significant, int minimum) {
    const double magnitude = std::abs(value);
    if (!std::isfinite(magnitude) || magnitude == 0.0)
        return minimum;
    const int leading = static_cast<int>(std::floor(std::log10(magnitude)));
    return std::clamp(significant - 1 - leading, minimum, 10);
}

QString tablePrice(double value) {
    const int decimals = std::abs(value) >= 1.0 ? 2 : significantDecimals(value, 4, 2);
    return groupedNumber(value, decimals);
}

AxisScale magnitudeScale(double largest_magnitude) {
    AxisScale scale;
    if (!std::isfinite(largest_magnitude))
        return scale;
    if (largest_magnitude >= 1e15) {
        // Past the trillions words run out and grouped digits run off the
        // axis: a power of ten in steps of three, "12.30e15".
        const int exponent = static_cast<int>(std::floor(std::log10(largest_magnitude) / 3.0)) * 3;
        scale.divisor = std::pow(10.0, exponent);
        scale.suffix = QStringLiteral("e%1").arg(exponent);
        return scale;
    }
    struct Unit {
        double divisor;
        const char* suffix;
    };
    static constexpr Unit kUnits[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}};
    for (const Unit& unit : kUnits) {
        if (largest_magnitude >= unit.divisor) {
            scale.divisor = unit.divisor;
            scale.suffix = QString::fromLatin1(unit.suffix);
            break;
        }
    }
    return scale;
}

QString compactNumber(double value, int decimals) {
    if (!std::isfinite(value))
        return noValue();
    const AxisScale scale = magnitudeScale(std::abs(value));
    return groupedNumber(value / scale.divisor, decimals) + scale.suffix;
}

AxisScale axisScaleFor(double largest_magnitude, double step) {
    AxisScale scale = magnitudeScale(largest_magnitude);
    // The fewest decimals at which every tick reads exactly (a step of 0.25
    // needs two, 0.5 one, 1000 none).
    const double scaled_step = step / scale.divisor;
    int step_decimals = 0;
    if (scaled_step > 0.0 && std::isfinite(scaled_step)) {
        step_decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(scaled_step) - 1e-9)));
        while (step_decimals < 10) {
            const double digits = scaled_step * std::pow(10.0, step_decimals);
            if (std::abs(digits - std::round(digits)) < 1e-6 * digits)
                break;
            ++step_decimals;
        }
    }
    scale.decimals = std::clamp(step_decimals, scale.divisor > 1.0 ? 2 : 0, 10);
    return scale;
}

QString axisLabel(double value, const AxisScale& scale) {
    if (!std::isfinite(value))
        return noValue();
    return groupedNumber(value / scale.divisor, scale.decimals) + scale.suffix;
}

}  // namespace atc::ui
