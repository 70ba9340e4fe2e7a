// SPDX-License-Identifier: GPL-3.0-or-later
// Text for the chart legends and axes: one place decides how prices, signals,
// equities and states are written, so the legend, the tests and any other view
// that quotes a chart value show the same digits.
#pragma once

#include <QString>
#include <cstdint>
#include <span>

#include "atc/params.hpp"
#include "atc/result.hpp"

namespace atc::ui {

// Text shown for a value that is not defined yet (NaN).
inline constexpr char16_t kNoValue = u'\u2014';  // em dash

// Decimals that show every price of the series exactly (as the data vendor
// wrote it), at least 2 and at most 6, or six significant digits for prices
// below 1 (0.00012345 keeps its 8); looks at a sample of the closes.
int priceDecimals(std::span<const double> close);

// "12,345.67" with the given decimals (digits grouped); the em dash for NaN.
QString formatPrice(double value, int decimals);
// Layer-1 signals are hundredths: "+0.45", "-1.00", "+0.00"; em dash for NaN.
QString formatSignal(double value);
// The Average is a weighted mean, so one digit more than the signals: "+0.327".
QString formatAverage(double value);
// Equity curves (Layer 1 and Layer 2): "1.234", "1,234.567", "12.346M", "4.000e18"
// (number_format.hpp: they compound to such sizes over a million bars).
QString formatEquity(double value);
// ▲ long, ▼ short, • no crossing yet.
QString stateGlyph(int state);

// "EMA".
QString familyLabel(MaType type);

// A family and its Layer-2 equity, as the scanner and its report list the
// strongest family: "KAMA 1.84", "EMA 12.35M" (compactNumber, two decimals).
QString familyEquityText(MaType type, double equity);
// Member label: "EMA 28" for the base length, "EMA 29 (+1)", "EMA 27 (-1)" for the others.
QString memberLabel(MaType type, const MemberSeries& member);
// Object name of a member equity series: "eq_EMA_28".
QString memberEquityObjectName(MaType type, const MemberSeries& member);
// What a view of `type`'s members says while it has none to draw: "Computing
// KAMA members…", or with a `failure`, that they could not be computed and why.
QString membersNote(MaType type, const QString& failure);

}  // namespace atc::ui
