// SPDX-License-Identifier: GPL-3.0-or-later
// Alerts on a symbol's bars: which crossings of a level fire when new bars
// arrive. Pure functions over the bars and the Average signal; the store keeps
// the alerts (atc/store/alert_store.hpp) and the app calls these when an
// import, download or update brings a symbol new bars.
//
// The rule for every kind: a crossing at bar t needs bar t-1 on one side of the
// level and bar t on the other, as the entry markers read the thresholds
// (ATC_SPEC "Outputs"):
//   up:   value[t-1] <= level < value[t]
//   down: value[t-1] >= level > value[t]
// Only bars t that are new fire (bar t-1 may be an old one): the bars that
// were there before are history and never fire again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "atc/params.hpp"
#include "atc/result.hpp"

namespace atc {

// What an alert watches. The numbers are stored in databases: never renumber,
// only append.
enum class AlertKind : int {
    AverageAboveLong = 0,   // the Average crosses above long_threshold
    AverageBelowShort = 1,  // the Average crosses below short_threshold
    PriceCrossing = 2,      // the close crosses the alert's price, up or down
};

inline constexpr AlertKind kAllAlertKinds[] = {
    AlertKind::AverageAboveLong, AlertKind::AverageBelowShort, AlertKind::PriceCrossing};

// The kind for a stored number; none for a number this version does not know.
std::optional<AlertKind> alert_kind_from_int(std::int64_t stored);

// "Average crosses above the long threshold", "Average crosses below the short
// threshold", "Price crosses a level": how tables and dialogs name a kind.
std::string_view alert_kind_name(AlertKind kind);

// A crossing that fires an alert.
struct AlertCrossing {
    std::size_t bar = 0;                    // the new bar on the other side
    Direction direction = Direction::Flat;  // Long: crossed up, Short: crossed down
    double value = 0.0;                     // the close or the Average at that bar
    double level = 0.0;                     // the price or threshold crossed
};

// The first bar of a series that is new to an alert that has evaluated
// `checked_bars` bars, the last of them at `checked_time_ms`: with times on
// both sides, the first bar after that time (a re-import that rewrote the
// history brings nothing new before it); otherwise the bar at index
// checked_bars. Returns time_ms.size() (or the bar count) when nothing is new.
std::size_t first_new_bar(std::span<const std::int64_t> time_ms, std::size_t bar_count,
                          std::size_t checked_bars, std::optional<std::int64_t> checked_time_ms);

// The latest crossing among the bars from `first_new` on of an alert of
// `kind`: the Average kinds read `average` against the thresholds of `params`,
// PriceCrossing reads `close` against `price_level`. One per alert and
// arrival: after a long gap (an update of a week), the newest is what the
// trader acts on. None when no new bar crosses.
std::optional<AlertCrossing> latest_crossing(AlertKind kind, double price_level,
                                             std::span<const double> close,
                                             std::span<const double> average,
                                             const AtcParams& params, std::size_t first_new);

}  // namespace atc
