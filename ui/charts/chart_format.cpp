// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/chart_format.hpp"

#include <algorithm>
#include <cmath>

#include "core/number_format.hpp"

namespace atc::ui {
namespace {

QString signedFixed(double value, int decimals) {
    if (!std::isfinite(value))
        return QString(QChar(kNoValue));
    // Rounds first, so that -0.0001 reads "+0.000" and not "-0.000".
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0.0)
        rounded = 0.0;  // drops the sign of -0.0
    QString text = QString::number(rounded, 'f', decimals);
    if (rounded >= 0.0)
        text.prepend(QLatin1Char('+'));
    return text;
}

}  // namespace

int priceDecimals(std::span<const double> close) {
    // A few hundred bars from the end are enough: recent prices carry the tick size
    // that matters now (old split-adjusted prices may have long fractions).
    const std::size_t sample = std::min<std::size_t>(close.size(), 300);
    int decimals = 2;
    for (std::size_t i = close.size() - sample; i < close.size(); ++i) {
        const double v = close[i];
        // Six decimals hold any tick size from 1 up; below 1 a price keeps six
        // significant digits (a coin at 0.00001234 is quoted to eight decimals).
        const int most = std::max(6, significantDecimals(v, 6, 2));
        int d = 2;
        while (d < most) {
            const double scaled = v * std::pow(10.0, d);
            if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, std::abs(scaled)))
                break;
            ++d;
        }
        decimals = std::max(decimals, d);
    }
    return decimals;
}

QString formatPrice(double value, int decimals) {
    return groupedNumber(value, decimals);
}

QString formatSignal(double value) {
    return signedFixed(value, 2);
}

QString formatAverage(double value) {
    return signedFixed(value, 3);
}

QString formatEquity(double value) {
    if (!std::isfinite(value))
        return QString(QChar(kNoValue));
    return compactNumber(value, 3);
}

QString stateGlyph(int state) {
    if (state > 0)
        return QStringLiteral("\u25B2");
    if (state < 0)
        return QStringLiteral("\u25BC");
    return QStringLiteral("\u2022");
}

QString familyLabel(MaType type) {
    const std::string_view name = family_name(type);
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

QString familyEquityText(MaType type, double equity) {
    return familyLabel(type) + QLatin1Char(' ') + compactNumber(equity, 2);
}

QString memberLabel(MaType type, const MemberSeries& member) {
    QString label = QStringLiteral("%1 %2").arg(familyLabel(type)).arg(member.length);
    if (member.offset != 0) {
        label += member.offset > 0 ? QStringLiteral(" (+%1)").arg(member.offset)
                                   : QStringLiteral(" (%1)").arg(member.offset);
    }
    return label;
}

QString memberEquityObjectName(MaType type, const MemberSeries& member) {
    return QStringLiteral("eq_%1_%2").arg(familyLabel(type)).arg(member.length);
}

QString membersNote(MaType type, const QString& failure) {
    if (failure.isEmpty())
        return QStringLiteral("Computing %1 members\u2026").arg(familyLabel(type));
    return QStringLiteral("The %1 members could not be computed: %2")
        .arg(familyLabel(type), failure);
}

}  // namespace atc::ui
