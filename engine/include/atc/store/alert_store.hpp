// SPDX-License-Identifier: GPL-3.0-or-later
// The alerts in the database: their definitions (per symbol, what they watch,
// on or off, how far they have evaluated the symbol's bars) and the events
// they fired. The app adds and removes them from the Alerts dock and records
// what fires when new bars arrive (atc/alerts.hpp decides that).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atc/alerts.hpp"
#include "atc/store/database.hpp"

namespace atc::store {

struct AlertDefinition {
    std::int64_t id = 0;
    std::string symbol;
    AlertKind kind = AlertKind::PriceCrossing;
    double level = 0.0;  // the price of a PriceCrossing alert; 0 for the Average kinds
    bool enabled = true;
    // The bars already evaluated (history to this alert): their count and the
    // last one's time (none for data without times). first_new_bar reads them.
    std::size_t checked_bars = 0;
    std::optional<std::int64_t> checked_time_ms;
};

// A fired alert, as the Alerts list shows it.
struct AlertEvent {
    std::int64_t id = 0;
    std::optional<std::int64_t> alert_id;  // none once its definition was removed
    std::string symbol;
    std::int64_t fired_ms = 0;  // when it fired (UTC ms)
    std::string message;
};

// Definitions as read back: rows this version cannot use (a kind written by a
// newer version, a price level that is not a price) are left out, each with a
// sentence saying which and why.
struct AlertList {
    std::vector<AlertDefinition> alerts;
    std::vector<std::string> skipped;
};

// One alert evaluated against a symbol's bars: how far it has now seen, and
// the event it fired, if any.
struct AlertCheck {
    std::int64_t alert_id = 0;
    std::size_t checked_bars = 0;
    std::optional<std::int64_t> checked_time_ms;
    std::optional<AlertEvent> fired;
};

class AlertStore {
public:
    explicit AlertStore(Database& db) : db_(db) {}

    // A new alert, enabled, on the stored symbol `symbol`: the bars it has now
    // are history, so it starts as having checked them. Throws StoreError for a
    // symbol not in the store, or a PriceCrossing level that is not a positive
    // finite price.
    AlertDefinition add(std::string_view symbol, AlertKind kind, double level = 0.0);
    // True if such an alert existed; its fired events stay, without it.
    bool remove(std::int64_t id);
    // Turns an alert on or off. Turning it on makes the symbol's bars of now
    // history, as add does: what arrived while it was off never fires.
    bool set_enabled(std::int64_t id, bool enabled);

    // Every alert (by symbol, then in the order they were added), or those of one symbol.
    AlertList list();
    AlertList list_for(std::string_view symbol);

    // Saves how far each alert has evaluated and the events they fired, in one
    // transaction. Checks of alerts removed meanwhile are ignored.
    void record(const std::vector<AlertCheck>& checks);

    // The fired events, newest first, at most `limit`.
    std::vector<AlertEvent> events(std::size_t limit = 500);

private:
    AlertList read(std::string_view where, std::optional<std::string_view> symbol);
    Database& db_;
};

}  // namespace atc::store
