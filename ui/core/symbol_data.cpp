#include "core/symbol_data.hpp"

#include <QDateTime>
#include <QTimeZone>

namespace atc::ui {
namespace {

QString timeText(const PriceSeries& bars, std::size_t bar, bool compact) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(bars.time_ms[bar], QTimeZone::utc());
    if (!has_time_of_day(bars.time_kind))
        return t.toString(QStringLiteral("yyyy-MM-dd"));
    return t.toString(compact ? QStringLiteral("MM-dd hh:mm") : QStringLiteral("yyyy-MM-dd hh:mm"));
}

QString labelText(const PriceSeries& bars, std::size_t bar, bool compact) {
    if (bar < bars.time_ms.size())
        return timeText(bars, bar, compact);
    if (bar < bars.labels.size()) {
        QString label = QString::fromStdString(bars.labels[bar]);
        // R's fractional years ("1998.5807692307694") read better shortened.
        bool numeric = false;
        const double value = label.toDouble(&numeric);
        if (numeric && label.contains(QLatin1Char('.')))
            return QString::number(value, 'f', 2);
        return label;
    }
    return QStringLiteral("bar %1").arg(bar);
}

}  // namespace

QString barLabel(const PriceSeries& bars, std::size_t bar) {
    return labelText(bars, bar, false);
}

QString barLabel(const SymbolData& data, std::size_t bar) {
    return labelText(data.bars, bar, false);
}

QString barAxisLabel(const SymbolData& data, std::size_t bar) {
    return labelText(data.bars, bar, true);
}

}  // namespace atc::ui
