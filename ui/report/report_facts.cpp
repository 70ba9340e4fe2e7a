// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/report_facts.hpp"

#include <QDateTime>
#include <QObject>
#include <QTimeZone>
#include <cmath>

#include "atc/signals.hpp"

namespace atc::ui {
namespace {

double lastOf(const std::vector<double>& v) {
    return v.empty() ? std::nan("") : v.back();
}

}  // namespace

std::vector<std::string> barTimes(const PriceSeries& bars) {
    const std::size_t n = bars.close.size();
    std::vector<std::string> out(n);
    if (bars.time_ms.size() == n) {
        const QString format = has_time_of_day(bars.time_kind)
                                   ? QStringLiteral("yyyy-MM-ddThh:mm:ss.zzzZ")
                                   : QStringLiteral("yyyy-MM-dd");
        for (std::size_t i = 0; i < n; ++i) {
            QString text =
                QDateTime::fromMSecsSinceEpoch(bars.time_ms[i], QTimeZone::utc()).toString(format);
            // Whole seconds (nearly all data) without the ".000".
            if (text.endsWith(QLatin1String(".000Z")))
                text = text.left(text.size() - 5) + QLatin1Char('Z');
            out[i] = text.toStdString();
        }
    } else if (bars.labels.size() == n) {
        out.assign(bars.labels.begin(), bars.labels.end());
    }
    return out;
}

std::string shownTimeframe(const SymbolData& data, const std::optional<store::SymbolInfo>& info) {
    if (!data.timeframe.isEmpty())
        return data.timeframe.toStdString();
    return info ? info->meta.timeframe : std::string();
}

std::string ownTimeframe(const SymbolData& data, const std::optional<store::SymbolInfo>& info) {
    if (!data.source_timeframe.isEmpty())
        return data.source_timeframe.toStdString();
    return info ? info->meta.timeframe : std::string();
}

QString timeframeText(const SymbolData& data, const std::optional<store::SymbolInfo>& info) {
    const QString shown = QString::fromStdString(shownTimeframe(data, info));
    const QString own = QString::fromStdString(ownTimeframe(data, info));
    if (own.isEmpty() || shown == own)
        return shown;
    return QObject::tr("%1 (from %2 data)").arg(shown, own);
}

Direction directionOf(int sign) {
    return sign > 0 ? Direction::Long : sign < 0 ? Direction::Short : Direction::Flat;
}

std::vector<LatestFamily> latestFamilies(const AtcResult& result) {
    std::vector<LatestFamily> out;
    if (result.bars == 0)
        return out;
    double total_weight = 0.0;
    for (const FamilyResult& f : result.families) {
        const double w = lastOf(f.weight_equity);
        if (std::isfinite(w))
            total_weight += w;
    }
    for (const FamilyResult& f : result.families) {
        LatestFamily latest;
        latest.type = f.type;
        latest.base_length = f.base_length;
        latest.signal = lastOf(f.signal);
        latest.trend = directionOf(static_cast<int>(threshold_cut(
            latest.signal, result.params.long_threshold, result.params.short_threshold)));
        latest.weight = lastOf(f.weight_equity);
        latest.share = total_weight > 0.0 && std::isfinite(latest.weight)
                           ? latest.weight / total_weight
                           : std::nan("");
        for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
            const MemberSeries& m = f.members[k];
            latest.members[k] = {m.length, m.offset, m.last_state, m.last_equity};
        }
        out.push_back(latest);
    }
    return out;
}

}  // namespace atc::ui
