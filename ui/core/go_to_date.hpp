// SPDX-License-Identifier: GPL-3.0-or-later
// "Go to date": from what a trader types to the bar to centre the chart on.
// Times are UTC, as every date the app shows.
#pragma once

#include <QString>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "atc/price_csv.hpp"

namespace atc::ui {

// A typed moment: UTC milliseconds since the epoch, and whether a time of day
// was given ("2024-03-15" is a whole day, "2024-03-15 14:30" a moment in it).
struct TypedMoment {
    std::int64_t utc_ms = 0;
    bool has_time = false;
};

// Reads "2024-03-15", "2024/03/15", "2024-03-15 14:30", "2024-03-15T14:30",
// with seconds or not; surrounding spaces are ignored. nullopt when it is none
// of these or not a real date (2024-02-30).
std::optional<TypedMoment> parseTypedMoment(const QString& text);

// Where the chart goes for `moment` in these bars (times increasing): a day is
// its first bar (the next trading day's when none falls on it), a moment the
// bar it falls in. `error` says why there is none (no times, before the first
// bar, after the last), naming the data's first or last date.
struct DateTarget {
    std::optional<std::size_t> bar;
    QString error;
};
DateTarget barForMoment(const PriceSeries& bars, const TypedMoment& moment);

// The same from typed text, with the error for text that is not a date.
DateTarget barForTypedDate(const PriceSeries& bars, const QString& text);

}  // namespace atc::ui
