// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/measurement.hpp"

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>
#include <cmath>
#include <cstdlib>

#include "charts/chart_format.hpp"
#include "core/number_format.hpp"

namespace atc::ui {
namespace {

// Seconds in a minute, an hour and a day (the spans are counted in seconds).
constexpr std::int64_t kMinuteS = 60;
constexpr std::int64_t kHourS = 60 * kMinuteS;
constexpr std::int64_t kDayS = 24 * kHourS;

// The formatters write a minus for negative values; a rise gets its plus here.
QString withSign(QString text) {
    if (!text.startsWith(QLatin1Char('-')) && !text.startsWith(QLatin1Char('+')) &&
        text != QString(QChar(kNoValue)))
        text.prepend(QLatin1Char('+'));
    return text;
}

// "3h 15m": the larger unit, and the smaller one unless it is zero.
QString twoUnits(std::int64_t big, const char* big_unit, std::int64_t small,
                 const char* small_unit) {
    QString text = QString::number(big) + QLatin1String(big_unit);
    if (small != 0)
        text += QLatin1Char(' ') + QString::number(small) + QLatin1String(small_unit);
    return text;
}

QString counted(std::int64_t n, const QString& one, const QString& many) {
    return QString::number(n) + QLatin1Char(' ') + (n == 1 ? one : many);
}

// Whole calendar months from `from` to `to` (to >= from), and what is left in seconds.
std::pair<std::int64_t, std::int64_t> calendarMonths(const QDateTime& from, const QDateTime& to) {
    std::int64_t months = static_cast<std::int64_t>(to.date().year() - from.date().year()) * 12 +
                          (to.date().month() - from.date().month());
    while (months > 0 && from.addMonths(static_cast<int>(months)) > to)
        --months;
    return {months, from.addMonths(static_cast<int>(months)).secsTo(to)};
}

}  // namespace

QString spanText(std::int64_t from_ms, std::int64_t to_ms) {
    if (to_ms < from_ms)
        return QLatin1Char('-') + spanText(to_ms, from_ms);
    const std::int64_t s = (to_ms - from_ms) / 1000;
    if (s < kMinuteS)
        return QString::number(s) + QLatin1Char('s');
    if (s < kHourS)
        return twoUnits(s / kMinuteS, "m", s % kMinuteS, "s");
    if (s < kDayS)
        return twoUnits(s / kHourS, "h", (s % kHourS) / kMinuteS, "m");
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(from_ms, QTimeZone::utc());
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(to_ms, QTimeZone::utc());
    const auto [months, rest] = calendarMonths(from, to);
    if (months == 0)
        return twoUnits(s / kDayS, "d", (s % kDayS) / kHourS, "h");
    if (months < 12) {
        QString text = counted(months, QStringLiteral("month"), QStringLiteral("months"));
        if (rest / kDayS != 0)
            text += QLatin1Char(' ') + QString::number(rest / kDayS) + QLatin1Char('d');
        return text;
    }
    QString text = counted(months / 12, QStringLiteral("year"), QStringLiteral("years"));
    if (months % 12 != 0)
        text += QLatin1Char(' ') +
                counted(months % 12, QStringLiteral("month"), QStringLiteral("months"));
    return text;
}

Measurement measure(MeasurePoint start, MeasurePoint end, std::span<const std::int64_t> time_ms,
                    const std::function<QString(double)>& format_value) {
    Measurement m;
    m.bars = static_cast<std::int64_t>(end.bar) - static_cast<std::int64_t>(start.bar);
    m.delta = end.value - start.value;
    // Against the start's size, so that the sign always says up or down (a
    // signal pane's values may be negative).
    if (start.value != 0.0 && std::isfinite(start.value))
        m.percent = m.delta / std::abs(start.value) * 100.0;

    const QString percent = m.percent
                                ? withSign(groupedNumber(*m.percent, 2)) + QStringLiteral(" %")
                                : QString(QChar(kNoValue));
    m.value_line =
        withSign(format_value(m.delta)) + QStringLiteral(" (") + percent + QLatin1Char(')');

    const std::uint64_t magnitude = static_cast<std::uint64_t>(std::llabs(m.bars));
    m.span_line = (m.bars < 0 ? QStringLiteral("-") : QString()) + groupedCount(magnitude) +
                  (magnitude == 1 ? QStringLiteral(" bar") : QStringLiteral(" bars"));
    if (start.bar < time_ms.size() && end.bar < time_ms.size()) {
        m.seconds = (time_ms[end.bar] - time_ms[start.bar]) / 1000;
        if (m.bars != 0)
            m.span_line += QStringLiteral(", ") + spanText(time_ms[start.bar], time_ms[end.bar]);
    }
    return m;
}

}  // namespace atc::ui
