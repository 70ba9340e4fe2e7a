// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/report_text.hpp"

#include <QObject>
#include <array>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

#include "atc/param_table.hpp"

namespace atc::ui {

const Theme& paperTheme() {
    static const Theme theme = lightTheme();
    return theme;
}

QString utf8(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString exactText(double v) {
    if (!std::isfinite(v))
        return QStringLiteral("—");
    std::array<char, 32> buf{};
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return QString::fromLatin1(buf.data(), static_cast<qsizetype>(res.ptr - buf.data()));
}

QString percentText(double fraction, int decimals) {
    return std::isfinite(fraction)
               ? QString::number(100.0 * fraction, 'f', decimals) + QStringLiteral(" %")
               : QStringLiteral("—");
}

QString directionLabel(Direction d) {
    return d == Direction::Long    ? QObject::tr("▲ Long")
           : d == Direction::Short ? QObject::tr("▼ Short")
                                   : QObject::tr("Flat");
}

QString trendLabel(Direction d) {
    return d == Direction::Long    ? QObject::tr("Long")
           : d == Direction::Short ? QObject::tr("Short")
                                   : QObject::tr("Flat");
}

QColor directionColor(Direction d) {
    return paperTheme().stateColor(static_cast<int>(d));
}

PdfTable parametersTable(const AtcParams& p) {
    // The keys of params.json, so a reader can copy them.
    std::vector<std::pair<QString, QString>> items;
    for (const ParamDescriptor& param : param_table()) {
        items.emplace_back(utf8(param.key), param.type() == ParamType::Number
                                                ? exactText(param.get(p))
                                                : utf8(param_value_text(param, p)));
    }

    PdfTable t;
    t.font_pt = 8.0;
    t.columns = {{QObject::tr("Parameter"), 1.6},
                 {QObject::tr("Value"), 1.0, Qt::AlignRight},
                 {QString(), 0.4},
                 {QObject::tr("Parameter"), 1.6},
                 {QObject::tr("Value"), 1.0, Qt::AlignRight}};
    const std::size_t half = (items.size() + 1) / 2;
    for (std::size_t i = 0; i < half; ++i) {
        std::vector<PdfCell> cells = {PdfCell(items[i].first, PdfDocument::mutedColor()),
                                      PdfCell(items[i].second), PdfCell()};
        if (i + half < items.size()) {
            cells.emplace_back(items[i + half].first, PdfDocument::mutedColor());
            cells.emplace_back(items[i + half].second);
        }
        t.rows.push_back(cells);
    }
    return t;
}

}  // namespace atc::ui
