// SPDX-License-Identifier: GPL-3.0-or-later
// The numbers of a measurement between two points of a pane (Shift+drag, or
// the toolbar's Measure tool): bars, time and value from the start to the end,
// and the two lines of text the chart shows for them. Kept apart from the
// drawing so the maths and the wording can be tested on known bars.
#pragma once

#include <QString>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>

namespace atc::ui {

// A point of a pane anchored to the data, not to pixels: it stays on its bar
// and value when the view pans or zooms.
struct MeasurePoint {
    std::size_t bar = 0;
    double value = 0.0;
};

struct Measurement {
    std::int64_t bars = 0;                // end bar - start bar (negative: leftwards)
    std::optional<std::int64_t> seconds;  // end time - start time; nullopt without times
    double delta = 0.0;                   // end value - start value
    std::optional<double> percent;        // delta against the start value; nullopt at 0
    QString value_line;                   // "+1,234.50 (+3.21 %)"
    QString span_line;                    // "123 bars, 2d 3h"
};

// Measures from `start` to `end`. `time_ms` holds the bars' times (empty when
// the data has none); `format_value` writes a value as the pane's axis does
// (the sign is added here).
Measurement measure(MeasurePoint start, MeasurePoint end, std::span<const std::int64_t> time_ms,
                    const std::function<QString(double)>& format_value);

// A time span in the compact form a trader reads at a glance, to the unit that
// matters at its size: "45s", "45m", "3h 15m", "2d 3h", "5 months 3d",
// "2 years 3 months". Months and years are calendar ones, counted from
// `from_ms` (UTC); a negative span is written with a leading minus.
QString spanText(std::int64_t from_ms, std::int64_t to_ms);

}  // namespace atc::ui
