#include "core/symbol_data.hpp"

#include <QDateTime>
#include <QTimeZone>

namespace atc::ui {
namespace {

bool is_intraday(const PriceSeries& bars) {
    return bars.time_kind == TimeKind::DateTime || bars.time_kind == TimeKind::EpochSeconds ||
           bars.time_kind == TimeKind::EpochMilliseconds;
}

QString time_text(const PriceSeries& bars, std::size_t bar, bool compact) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(bars.time_ms[bar], QTimeZone::utc());
    if (!is_intraday(bars))
        return t.toString(QStringLiteral("yyyy-MM-dd"));
    return t.toString(compact ? QStringLiteral("MM-dd hh:mm") : QStringLiteral("yyyy-MM-dd hh:mm"));
}

QString label_text(const PriceSeries& bars, std::size_t bar, bool compact) {
    if (bar < bars.time_ms.size())
        return time_text(bars, bar, compact);
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

QString bar_label(const PriceSeries& bars, std::size_t bar) {
    return label_text(bars, bar, false);
}

QString bar_label(const SymbolData& data, std::size_t bar) {
    return label_text(data.bars, bar, false);
}

QString bar_axis_label(const SymbolData& data, std::size_t bar) {
    return label_text(data.bars, bar, true);
}

}  // namespace atc::ui
