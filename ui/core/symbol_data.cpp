// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/symbol_data.hpp"

#include <QDateTime>
#include <QObject>
#include <QTimeZone>
#include <string>

#include "atc/resample.hpp"

namespace atc::ui {
namespace {

QString timeText(std::int64_t time_ms, TimeKind kind, bool compact) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(time_ms, QTimeZone::utc());
    if (!has_time_of_day(kind))
        return t.toString(QStringLiteral("yyyy-MM-dd"));
    return t.toString(compact ? QStringLiteral("MM-dd hh:mm") : QStringLiteral("yyyy-MM-dd hh:mm"));
}

// What names a bar, wherever it is read from: null where there is none.
struct BarNameParts {
    const std::int64_t* time_ms = nullptr;
    TimeKind time_kind = TimeKind::None;
    std::optional<std::string_view> label;
};

// A bar named by its time where it has one, else by its label, else by its index.
QString nameText(const BarNameParts& name, std::size_t bar, bool compact) {
    if (name.time_ms)
        return timeText(*name.time_ms, name.time_kind, compact);
    if (name.label) {
        QString label =
            QString::fromUtf8(name.label->data(), static_cast<qsizetype>(name.label->size()));
        // R's fractional years ("1998.5807692307694") read better shortened.
        bool numeric = false;
        const double value = label.toDouble(&numeric);
        if (numeric && label.contains(QLatin1Char('.')))
            return QString::number(value, 'f', 2);
        return label;
    }
    return QStringLiteral("bar %1").arg(bar);
}

QString labelText(const PriceSeries& bars, std::size_t bar, bool compact) {
    BarNameParts name;
    if (bar < bars.time_ms.size()) {
        name.time_ms = &bars.time_ms[bar];
        name.time_kind = bars.time_kind;
    }
    if (bar < bars.labels.size())
        name.label = bars.labels[bar];
    return nameText(name, bar, compact);
}

}  // namespace

void setBarsAt(SymbolData& data, PriceSeries stored, const QString& timeframe) {
    data.source_timeframe = QString::fromStdString(infer_timeframe(stored.time_ms));
    data.last_forming = false;
    if (!timeframe.isEmpty()) {
        const Timeframe target = require_timeframe(timeframe.toStdString());
        // The data's own timeframe asked for by name: its bars, not a copy.
        if (parse_timeframe(data.source_timeframe.toStdString()) != target) {
            ResampledSeries resampled = resample(stored, target);
            data.bars = std::move(resampled.bars);
            data.timeframe = QString::fromStdString(timeframe_label(target));
            data.last_forming = resampled.last_forming;
            return;
        }
    }
    data.bars = std::move(stored);
    data.timeframe = data.source_timeframe;
}

QString timeframeCaption(const SymbolData& data) {
    if (data.resampledTo().isEmpty())
        return data.timeframe;
    return QObject::tr("%1 (from %2)").arg(data.timeframe, data.source_timeframe);
}

QString barLabel(const PriceSeries& bars, std::size_t bar) {
    return labelText(bars, bar, false);
}

QString barLabel(const store::BarName& name, std::size_t bar) {
    BarNameParts parts;
    if (name.time_ms) {
        parts.time_ms = &*name.time_ms;
        parts.time_kind = name.time_kind;
    }
    if (name.label)
        parts.label = *name.label;
    return nameText(parts, bar, false);
}

QString barLabel(const SymbolData& data, std::size_t bar) {
    return labelText(data.bars, bar, false);
}

QString barAxisLabel(const SymbolData& data, std::size_t bar) {
    return labelText(data.bars, bar, true);
}

std::shared_ptr<const FamilyMembers> keptMembers(const std::shared_ptr<const SymbolData>& data,
                                                 MaType family) {
    if (!data || !data->result->kept.members)
        return nullptr;
    return {data->result, &data->result->family(family).members};
}

}  // namespace atc::ui
