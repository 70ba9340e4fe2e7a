// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alert_monitor.hpp"

#include <exception>
#include <optional>

#include "core/alert_notifier.hpp"
#include "core/engine_service.hpp"
#include "core/number_format.hpp"

namespace atc::ui {
namespace {

// Runs a store call, giving what it threw as the reason (empty when it did not).
template <typename Call>
QString failureOf(Call&& call) {
    try {
        call();
        return {};
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

}  // namespace

QString alertMessage(const store::AlertDefinition& alert, const AlertCrossing& crossing,
                     const SymbolData& data) {
    const QString symbol = QString::fromStdString(alert.symbol);
    const bool up = crossing.direction == Direction::Long;
    const QString when = barLabel(data, crossing.bar);
    if (alert.kind == AlertKind::PriceCrossing) {
        return QObject::tr("%1 crossed %2 %3: close %4 on %5")
            .arg(symbol, up ? QObject::tr("above") : QObject::tr("below"),
                 tablePrice(crossing.level), tablePrice(crossing.value), when);
    }
    return QObject::tr("%1: Average crossed %2 %3: %4 on %5")
        .arg(
            symbol,
            up ? QObject::tr("above the long threshold") : QObject::tr("below the short threshold"),
            groupedNumber(crossing.level, 2), groupedNumber(crossing.value, 2), when);
}

AlertMonitor::AlertMonitor(std::filesystem::path database, EngineService& engine,
                           std::function<AtcParams()> params, AlertNotifier& notifier,
                           QObject* parent)
    : QObject(parent),
      db_(store::Database::connect(database)),
      engine_(engine),
      params_(std::move(params)),
      notifier_(notifier) {
    qRegisterMetaType<FiredAlert>();
    connect(&engine_, &EngineService::storedReady, this,
            [this](std::shared_ptr<const SymbolData> data) {
                finishCheck();
                evaluate(data);
            });
    connect(&engine_, &EngineService::storedFailed, this,
            [this](const QString& name, const QString& message) {
                finishCheck();
                emit notice(tr("Alerts of %1 not checked: %2").arg(name, message));
            });
}

store::AlertList AlertMonitor::alerts() {
    store::AlertList list;
    if (const QString error = failureOf([&] { list = store::AlertStore(db_).list(); });
        !error.isEmpty()) {
        list.skipped.push_back(error.toStdString());
    }
    return list;
}

std::vector<store::AlertEvent> AlertMonitor::events() {
    std::vector<store::AlertEvent> events;
    failureOf([&] { events = store::AlertStore(db_).events(); });
    return events;
}

QString AlertMonitor::addAlert(const QString& symbol, AlertKind kind, double level) {
    const QString error =
        failureOf([&] { store::AlertStore(db_).add(symbol.toStdString(), kind, level); });
    if (error.isEmpty())
        emit alertsChanged();
    return error;
}

QString AlertMonitor::removeAlert(std::int64_t id) {
    const QString error = failureOf([&] { store::AlertStore(db_).remove(id); });
    emit alertsChanged();
    return error;
}

QString AlertMonitor::setAlertEnabled(std::int64_t id, bool enabled) {
    const QString error = failureOf([&] { store::AlertStore(db_).set_enabled(id, enabled); });
    emit alertsChanged();
    return error;
}

void AlertMonitor::barsArrived(const QStringList& names) {
    QStringList watched;
    for (const store::AlertDefinition& alert : alerts().alerts) {
        const QString symbol = QString::fromStdString(alert.symbol);
        if (alert.enabled && names.contains(symbol) && !watched.contains(symbol))
            watched << symbol;
    }
    if (watched.isEmpty())
        return;
    const AtcParams params = params_();
    for (const QString& name : watched) {
        ++pending_;
        engine_.requestStored(name, params);
    }
}

void AlertMonitor::finishCheck() {
    if (pending_ > 0)
        --pending_;
}

void AlertMonitor::evaluate(const std::shared_ptr<const SymbolData>& data) {
    const PriceSeries& bars = data->bars;
    const std::size_t count = bars.close.size();
    const std::optional<std::int64_t> last_time =
        bars.time_ms.empty() ? std::nullopt : std::optional(bars.time_ms.back());
    std::vector<store::AlertCheck> checks;
    std::vector<FiredAlert> fired;
    for (const store::AlertDefinition& alert : alerts().alerts) {
        if (!alert.enabled || alert.symbol != data->name.toStdString())
            continue;
        const std::size_t first =
            first_new_bar(bars.time_ms, count, alert.checked_bars, alert.checked_time_ms);
        // Nothing it has not seen: an answer overtaken by a newer one, or a
        // re-import of the same bars. Its mark stays where it is.
        if (first >= count)
            continue;
        store::AlertCheck check{alert.id, count, last_time, std::nullopt};
        if (const std::optional<AlertCrossing> crossing = latest_crossing(
                alert.kind, alert.level, bars.close, data->result->average, data->params, first)) {
            const FiredAlert event{data->name, tr("Alert: %1").arg(data->name),
                                   alertMessage(alert, *crossing, *data)};
            check.fired =
                store::AlertEvent{0, alert.id, alert.symbol, QDateTime::currentMSecsSinceEpoch(),
                                  event.message.toStdString()};
            fired.push_back(event);
        }
        checks.push_back(std::move(check));
    }
    if (checks.empty())
        return;
    if (const QString error = failureOf([&] { store::AlertStore(db_).record(checks); });
        !error.isEmpty()) {
        emit notice(tr("Alerts of %1 could not be saved: %2").arg(data->name, error));
    }
    for (const FiredAlert& event : fired) {
        notifier_.notify(event.title, event.message);
        emit alertFired(event);
    }
    emit alertsChanged();
}

}  // namespace atc::ui
