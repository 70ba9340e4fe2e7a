// SPDX-License-Identifier: GPL-3.0-or-later
// How the PDF reports write numbers and words beyond what the charts write
// (charts/chart_format.hpp decides prices, signals, the Average and equities,
// so a report quotes the same digits as the legends): parameters, percentages,
// directions, and the parameters table.
#pragma once

#include <QColor>
#include <QString>
#include <string_view>

#include "atc/params.hpp"
#include "atc/result.hpp"
#include "core/number_format.hpp"
#include "report/pdf_document.hpp"
#include "theme/theme.hpp"

namespace atc::ui {

// The theme of everything printed: paper is white.
const Theme& paperTheme();

QString utf8(std::string_view text);
// The shortest text that is the same number (prices as in the file), "—" for NaN.
QString exactText(double v);
// "24.7 %": a share (a move is core/number_format's signedPercent).
QString percentText(double fraction, int decimals);

// "▲ Long", "▼ Short", "Flat" and "Long", "Short", "Flat".
QString directionLabel(Direction d);
QString trendLabel(Direction d);
QColor directionColor(Direction d);

// Every parameter as a params.json file names it, in two pairs of columns.
PdfTable parametersTable(const AtcParams& params);

}  // namespace atc::ui
