// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/scan_summary.hpp"

#include <cmath>

#include "core/engine_service.hpp"
#include "core/number_format.hpp"

namespace atc::ui {

ScanCounts countScan(const ScanOutcome& outcome) {
    ScanCounts c;
    c.total = outcome.names.size();
    for (qsizetype i = 0; i < c.total; ++i) {
        const auto& scan = outcome.results[static_cast<std::size_t>(i)];
        if (!outcome.errors.value(i).isEmpty()) {
            ++c.failed;
        } else if (!scan || !scan->ok()) {
            ++c.unreached;
        } else {
            ++c.computed;
            if (scan->row.average > 0.0)
                ++c.longs;
            else if (scan->row.average < 0.0)
                ++c.shorts;
            else
                ++c.flats;
        }
    }
    return c;
}

QString backendText(system::BackendKind kind) {
    return kind == system::BackendKind::Gpu ? QObject::tr("GPU") : QObject::tr("CPU");
}

QString durationText(double seconds) {
    if (seconds < 10.0)
        return QObject::tr("%1 s").arg(seconds, 0, 'f', 1);
    if (seconds < 60.0)
        return QObject::tr("%1 s").arg(std::lround(seconds));
    const long whole = std::lround(seconds);
    return QObject::tr("%1 min %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}

QString progressText(const ScanProgress& progress) {
    const double rate = progress.symbolsPerSecond();
    if (rate <= 0.0)
        return QObject::tr("starting…");
    return QObject::tr("%1 symbols/s · %2 left")
        .arg(groupedNumber(rate, 0), durationText(progress.secondsLeft()));
}

QString summaryText(const ScanOutcome& outcome, const ScanCounts& counts) {
    const double seconds = outcome.elapsed_ms / 1000.0;
    QStringList parts;
    if (outcome.cancelled) {
        parts << QObject::tr("Cancelled after %1 of %2 symbols: the tables show those")
                     .arg(groupedCount(counts.total - counts.unreached),
                          groupedCount(counts.total));
    } else {
        QString rate;
        if (seconds > 0.0) {
            const double per_second = static_cast<double>(counts.total) / seconds;
            rate = QObject::tr(" (%1/s)").arg(groupedNumber(per_second, 0));
        }
        parts << QObject::tr("%1 symbols in %2%3")
                     .arg(groupedCount(counts.total), durationText(seconds), rate);
    }
    if (!outcome.timeframe.isEmpty())
        parts << QObject::tr("at %1").arg(outcome.timeframe);
    if (outcome.compute.computed > 0)
        parts << QObject::tr("computed on the %1").arg(backendText(outcome.compute.choice.kind));
    if (outcome.compute.from_cache > 0)
        parts << QObject::tr("%1 from cache").arg(groupedCount(outcome.compute.from_cache));
    if (counts.flats > 0)
        parts << QObject::tr("%1 flat").arg(groupedCount(counts.flats));
    return parts.join(QStringLiteral(" · "));
}

QStringList failureLines(const ScanOutcome& outcome) {
    QStringList lines;
    for (qsizetype i = 0; i < outcome.names.size(); ++i) {
        if (!outcome.errors.value(i).isEmpty())
            lines << QStringLiteral("%1: %2").arg(outcome.names[i], outcome.errors[i]);
    }
    return lines;
}

}  // namespace atc::ui
