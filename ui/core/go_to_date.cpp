// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/go_to_date.hpp"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QTimeZone>
#include <algorithm>

#include "core/symbol_data.hpp"

namespace atc::ui {
namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

// A typed moment as the bars' labels write it (core/symbol_data.hpp).
QString dateText(std::int64_t utc_ms, bool intraday) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(utc_ms, QTimeZone::utc());
    return t.toString(intraday ? QStringLiteral("yyyy-MM-dd hh:mm") : QStringLiteral("yyyy-MM-dd"));
}

}  // namespace

std::optional<TypedMoment> parseTypedMoment(const QString& text) {
    QString clean = text.trimmed();
    clean.replace(QLatin1Char('/'), QLatin1Char('-'));
    clean.replace(QLatin1Char('T'), QLatin1Char(' '));
    static const QStringList kDateTimeFormats{QStringLiteral("yyyy-MM-dd hh:mm:ss"),
                                              QStringLiteral("yyyy-MM-dd hh:mm"),
                                              QStringLiteral("yyyy-MM-dd h:mm")};
    for (const QString& format : kDateTimeFormats) {
        QDateTime t = QDateTime::fromString(clean, format);
        if (t.isValid()) {
            t.setTimeZone(QTimeZone::utc());
            return TypedMoment{t.toMSecsSinceEpoch(), true};
        }
    }
    const QDate day = QDate::fromString(clean, QStringLiteral("yyyy-MM-dd"));
    if (!day.isValid())
        return std::nullopt;
    return TypedMoment{QDateTime(day, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch(), false};
}

DateTarget barForMoment(const PriceSeries& bars, const TypedMoment& moment) {
    const std::vector<std::int64_t>& time_ms = bars.time_ms;
    const bool intraday = has_time_of_day(bars.time_kind);
    if (time_ms.empty())
        return {std::nullopt, QObject::tr("This symbol's bars have no dates.")};
    const std::int64_t first = time_ms.front(), last = time_ms.back();
    // A whole day reaches to its end; a moment, to the end of the last bar
    // (about one bar's length after its start).
    const std::int64_t step = time_ms.size() > 1 ? last - time_ms[time_ms.size() - 2] : kDayMs;
    const std::int64_t reaches = moment.has_time ? moment.utc_ms : moment.utc_ms + kDayMs - 1;
    if (reaches < first) {
        return {std::nullopt,
                QObject::tr("%1 is before the first bar (%2).")
                    .arg(dateText(moment.utc_ms, moment.has_time || intraday), barLabel(bars, 0))};
    }
    const std::int64_t end = moment.has_time ? last + step - 1 : last;
    if (moment.utc_ms > end) {
        return {std::nullopt, QObject::tr("%1 is after the last bar (%2).")
                                  .arg(dateText(moment.utc_ms, moment.has_time || intraday),
                                       barLabel(bars, time_ms.size() - 1))};
    }
    if (moment.has_time) {
        // The bar the moment falls in: the last one that starts at or before it.
        const auto after = std::upper_bound(time_ms.begin(), time_ms.end(), moment.utc_ms);
        const auto bar = after == time_ms.begin() ? time_ms.begin() : after - 1;
        return {static_cast<std::size_t>(bar - time_ms.begin()), {}};
    }
    // The day's first bar, or the next trading day's.
    const auto bar = std::lower_bound(time_ms.begin(), time_ms.end(), moment.utc_ms);
    return {static_cast<std::size_t>(bar - time_ms.begin()), {}};
}

DateTarget barForTypedDate(const PriceSeries& bars, const QString& text) {
    const std::optional<TypedMoment> moment = parseTypedMoment(text);
    if (!moment) {
        return {std::nullopt,
                QObject::tr("\"%1\" is not a date: write 2024-03-15 or 2024-03-15 14:30.")
                    .arg(text.trimmed())};
    }
    return barForMoment(bars, *moment);
}

}  // namespace atc::ui
