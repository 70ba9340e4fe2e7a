// SPDX-License-Identifier: GPL-3.0-or-later
// How numbers are written wherever a trader reads them (tables, axes, legends):
// digits grouped in thousands, millions and billions shortened on axes, and
// prices below 1 with their significant digits instead of a row of zeros.
// One place decides, so the scanner, the watchlist and the charts agree.
#pragma once

#include <QString>
#include <cstdint>

namespace atc::ui {

// "4,000,000,000", "1,234.57", "-0.50"; an em dash for NaN or infinity.
QString groupedNumber(double value, int decimals);

// A count (bars, symbols, cache entries) grouped the same way: "12,345".
QString groupedCount(std::uint64_t count);

// A change in percent (12.34 for 12.34 %), always signed, with a real minus
// sign so a column of them lines up: "+12.34 %", "−0.50 %", "0.00 %"; an em
// dash for NaN or infinity. The one way the app writes a change.
QString signedPercent(double percent, int decimals = 2);

// Decimals that keep `significant` significant digits of `value`, at least
// `minimum` and at most 10: 1234.5 -> minimum, 0.001234 (3 significant) -> 5.
int significantDecimals(double value, int significant, int minimum);

// A price in a table: grouped, cents at 1 and above, four significant digits
// below 1 ("0.0001234" -> "0.0001234", "0.5" -> "0.5000").
QString tablePrice(double value);

// One scale for all the labels of an axis, so "4.00B" and "4.50B" line up.
struct AxisScale {
    double divisor = 1.0;  // 1, 1e6, 1e9, 1e12, then 1e15, 1e18, ...
    QString suffix;        // "", "M", "B", "T", then "e15", "e18", ...
    int decimals = 0;      // after division
};

// The unit for numbers up to `largest_magnitude`: none below a million, then
// M, B and T, and from 1e15 a power of ten in steps of three ("e15", "e18").
AxisScale magnitudeScale(double largest_magnitude);

// One number in the unit of its own magnitude, with `decimals` after it:
// "1,234.500", "12.346M", "4.000B", "12.346e18". Equity curves compound to such
// sizes over a million bars; written out, they would not fit a legend or an axis.
QString compactNumber(double value, int decimals);

// The scale for an axis whose labels reach `largest_magnitude` and step by
// `step`: plain grouped digits below a million, then M, B, T (and powers of
// ten, magnitudeScale()) with at least two decimals and enough to tell
// neighbouring ticks apart.
AxisScale axisScaleFor(double largest_magnitude, double step);

// "4.00B", "12,345.5", "0.00123"; an em dash for NaN or infinity.
QString axisLabel(double value, const AxisScale& scale);

}  // namespace atc::ui
