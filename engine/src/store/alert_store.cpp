// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/store/alert_store.hpp"

#include <cmath>
#include <sstream>
#include <string>

namespace atc::store {
namespace {

constexpr const char* kAlertColumns =
    "alerts.id, symbols.name, alerts.kind, alerts.level, alerts.enabled, alerts.checked_bars, "
    "alerts.checked_time_ms FROM alerts JOIN symbols ON symbols.id = alerts.symbol_id";

bool is_price(double level) {
    return std::isfinite(level) && level > 0.0;
}

// As the user would write it: "-4", "12.5", "inf".
std::string level_text(double level) {
    std::ostringstream text;
    text << level;
    return text.str();
}

// Why a stored row cannot be used, or empty when it can.
std::string row_problem(std::int64_t kind, std::optional<AlertKind> known, double level,
                        std::int64_t checked_bars) {
    if (!known) {
        return "unknown kind " + std::to_string(kind) + " (written by a newer ATC Studio?)";
    }
    if (*known == AlertKind::PriceCrossing && !is_price(level))
        return "its price level " + level_text(level) + " is not a price";
    if (checked_bars < 0)
        return "its count of checked bars is negative";
    return {};
}

// The symbol's bar count and last bar time, which a new or re-enabled alert
// takes as already checked: "UPDATE ... SET checked_* = (this)".
constexpr const char* kSymbolNow =
    "checked_bars = (SELECT bar_count FROM symbols WHERE symbols.id = alerts.symbol_id), "
    "checked_time_ms = (SELECT last_time_ms FROM symbols WHERE symbols.id = alerts.symbol_id)";

}  // namespace

AlertDefinition AlertStore::add(std::string_view symbol, AlertKind kind, double level) {
    if (kind == AlertKind::PriceCrossing && !is_price(level)) {
        throw StoreError("an alert on \"" + std::string(symbol) + "\" needs a price above 0, not " +
                         level_text(level));
    }
    if (kind != AlertKind::PriceCrossing)
        level = 0.0;
    Statement insert(db_,
                     "INSERT INTO alerts(symbol_id, kind, level, enabled, checked_bars, "
                     "checked_time_ms) SELECT id, ?, ?, 1, bar_count, last_time_ms FROM symbols "
                     "WHERE name = ? RETURNING id, checked_bars, checked_time_ms");
    insert.bind(1, std::int64_t{static_cast<int>(kind)}).bind(2, level).bind(3, symbol);
    if (!insert.step())
        throw StoreError("no symbol \"" + std::string(symbol) + "\" to set an alert on");
    AlertDefinition alert;
    alert.id = insert.int64(0);
    alert.symbol = std::string(symbol);
    alert.kind = kind;
    alert.level = level;
    alert.checked_bars = static_cast<std::size_t>(insert.int64(1));
    if (!insert.is_null(2))
        alert.checked_time_ms = insert.int64(2);
    insert.run();
    return alert;
}

bool AlertStore::remove(std::int64_t id) {
    Statement q(db_, "DELETE FROM alerts WHERE id = ?");
    q.bind(1, id).run();
    return db_.changes() > 0;
}

bool AlertStore::set_enabled(std::int64_t id, bool enabled) {
    Statement q(
        db_, enabled ? std::string("UPDATE alerts SET enabled = 1, ") + kSymbolNow + " WHERE id = ?"
                     : std::string("UPDATE alerts SET enabled = 0 WHERE id = ?"));
    q.bind(1, id).run();
    return db_.changes() > 0;
}

AlertList AlertStore::list() {
    return read("", std::nullopt);
}

AlertList AlertStore::list_for(std::string_view symbol) {
    return read(" WHERE symbols.name = ?", symbol);
}

AlertList AlertStore::read(std::string_view where, std::optional<std::string_view> symbol) {
    Statement q(db_, std::string("SELECT ") + kAlertColumns + std::string(where) +
                         " ORDER BY symbols.name, alerts.id");
    if (symbol)
        q.bind(1, *symbol);
    AlertList list;
    while (q.step()) {
        AlertDefinition alert;
        alert.id = q.int64(0);
        alert.symbol = q.text(1);
        const std::int64_t kind = q.int64(2);
        const std::optional<AlertKind> known = alert_kind_from_int(kind);
        alert.level = q.is_null(3) ? 0.0 : q.real(3);
        const std::int64_t checked_bars = q.int64(5);
        if (const std::string problem = row_problem(kind, known, alert.level, checked_bars);
            !problem.empty()) {
            list.skipped.push_back("alert " + std::to_string(alert.id) + " on " + alert.symbol +
                                   " skipped: " + problem);
            continue;
        }
        alert.kind = *known;
        alert.enabled = q.int64(4) != 0;
        alert.checked_bars = static_cast<std::size_t>(checked_bars);
        if (!q.is_null(6))
            alert.checked_time_ms = q.int64(6);
        list.alerts.push_back(std::move(alert));
    }
    return list;
}

void AlertStore::record(const std::vector<AlertCheck>& checks) {
    Transaction tx(db_);
    Statement mark(db_, "UPDATE alerts SET checked_bars = ?, checked_time_ms = ? WHERE id = ?");
    Statement fire(db_,
                   "INSERT INTO alert_events(alert_id, symbol, fired_ms, message) "
                   "SELECT id, ?, ?, ? FROM alerts WHERE id = ?");
    for (const AlertCheck& check : checks) {
        mark.bind(1, static_cast<std::int64_t>(check.checked_bars));
        if (check.checked_time_ms)
            mark.bind(2, *check.checked_time_ms);
        else
            mark.bind_null(2);
        mark.bind(3, check.alert_id).run();
        mark.reset();
        if (check.fired) {
            fire.bind(1, std::string_view(check.fired->symbol))
                .bind(2, check.fired->fired_ms)
                .bind(3, std::string_view(check.fired->message))
                .bind(4, check.alert_id)
                .run();
            fire.reset();
        }
    }
    tx.commit();
}

std::vector<AlertEvent> AlertStore::events(std::size_t limit) {
    Statement q(db_,
                "SELECT id, alert_id, symbol, fired_ms, message FROM alert_events "
                "ORDER BY fired_ms DESC, id DESC LIMIT ?");
    q.bind(1, static_cast<std::int64_t>(limit));
    std::vector<AlertEvent> events;
    while (q.step()) {
        AlertEvent event;
        event.id = q.int64(0);
        if (!q.is_null(1))
            event.alert_id = q.int64(1);
        event.symbol = q.text(2);
        event.fired_ms = q.int64(3);
        event.message = q.text(4);
        events.push_back(std::move(event));
    }
    return events;
}

}  // namespace atc::store
