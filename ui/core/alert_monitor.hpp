// SPDX-License-Identifier: GPL-3.0-or-later
// The alerts as the window runs them: the definitions and fired events kept in
// the database (atc/store/alert_store.hpp), and their evaluation whenever new
// bars of a symbol are stored (an import, a download, an update). The
// symbol's bars and its Average with the parameters on screen are computed on
// a worker (EngineService::requestStored); the crossings at the bars each
// alert has not seen yet (atc/alerts.hpp) fire, are recorded and reach the
// trader through the notifier and alertFired. The database is read and
// written on the GUI thread: a few rows.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "atc/alerts.hpp"
#include "atc/params.hpp"
#include "atc/store/alert_store.hpp"
#include "atc/store/database.hpp"
#include "core/symbol_data.hpp"

namespace atc::ui {

class AlertNotifier;
class EngineService;

// An alert that fired, as the notification and the status bar say it.
struct FiredAlert {
    QString symbol;
    QString title;    // "Alert: DAX"
    QString message;  // "DAX crossed above 105.00: close 106.20 on 2024-03-15"
};

class AlertMonitor : public QObject {
    Q_OBJECT

public:
    // `database`: the store's file (already opened once). `params`: the
    // parameters the Average alerts are read with, asked when bars arrive.
    // `engine` and `notifier` outlive the monitor.
    AlertMonitor(std::filesystem::path database, EngineService& engine,
                 std::function<AtcParams()> params, AlertNotifier& notifier,
                 QObject* parent = nullptr);

    // Every definition (and the rows skipped, with why) and the fired events,
    // newest first. A database that cannot be read gives none, and says so in
    // `skipped`.
    store::AlertList alerts();
    std::vector<store::AlertEvent> events();

    // Adds an enabled alert on a stored symbol: its bars of now are history.
    // Returns why it could not be added, or an empty string.
    QString addAlert(const QString& symbol, AlertKind kind, double level);
    // The same for removing and switching; the reason, or empty.
    QString removeAlert(std::int64_t id);
    QString setAlertEnabled(std::int64_t id, bool enabled);

    // New bars were stored for these symbols: those with an enabled alert are
    // loaded and computed on a worker, then evaluated.
    void barsArrived(const QStringList& names);
    // Evaluations asked for and not answered yet.
    int pendingChecks() const { return pending_; }

signals:
    // The definitions or the events changed (added, removed, switched, fired).
    void alertsChanged();
    void alertFired(const atc::ui::FiredAlert& alert);
    // Something the trader should read in the status bar: an evaluation that
    // failed, with why.
    void notice(const QString& text);

private:
    void evaluate(const std::shared_ptr<const SymbolData>& data);
    void finishCheck();

    store::Database db_;
    EngineService& engine_;
    std::function<AtcParams()> params_;
    AlertNotifier& notifier_;
    int pending_ = 0;
};

// The sentence for a crossing of `alert` at `crossing` in `data`'s bars.
QString alertMessage(const store::AlertDefinition& alert, const AlertCrossing& crossing,
                     const SymbolData& data);

}  // namespace atc::ui

Q_DECLARE_METATYPE(atc::ui::FiredAlert)
