// SPDX-License-Identifier: GPL-3.0-or-later
// Bars for the --timeframe tests of `atc`: a deterministic random walk with
// gaps (missing minutes and a missing hour), as the CSV a user would import,
// and the bars a straightforward aggregation of them gives at a fixed-length
// timeframe, computed here independently of the engine's resampler.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace atc::test {

struct TestBar {
    std::int64_t time_ms = 0;
    double open = 0, high = 0, low = 0, close = 0, volume = 0;
};

inline constexpr std::int64_t kMinuteMs = 60'000;
inline constexpr std::int64_t kHourMs = 60 * kMinuteMs;
inline constexpr std::int64_t kDayMs = 24 * kHourMs;
// 2024-01-01T00:00:00Z, a Monday.
inline constexpr std::int64_t k2024Ms = 1'704'067'200'000;

// Prices with two decimals: the double the CSV's text reads back as.
inline double cents(double v) {
    return std::round(v * 100.0) / 100.0;
}

// `count` time slots `step_ms` apart from `start_ms`, about 3 % of them and
// slots 600 to 659 left empty (never the first or the last).
inline std::vector<TestBar> random_bars(std::size_t count, std::int64_t step_ms,
                                        std::int64_t start_ms = k2024Ms, unsigned seed = 18) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> move(-0.6, 0.62);
    std::uniform_real_distribution<double> wick(0.0, 0.4);
    std::uniform_int_distribution<int> volume(1, 1000);
    std::uniform_int_distribution<int> percent(0, 99);
    std::vector<TestBar> bars;
    double close = 100.0;
    for (std::size_t i = 0; i < count; ++i) {
        const bool edge = i == 0 || i + 1 == count;
        const bool gap = percent(rng) < 3 || (i >= 600 && i < 660);
        const double open = close;
        close = cents(std::max(1.0, close + move(rng)));
        if (gap && !edge)
            continue;
        TestBar b;
        b.time_ms = start_ms + static_cast<std::int64_t>(i) * step_ms;
        b.open = open;
        b.close = close;
        b.high = cents(std::max(open, close) + wick(rng));
        b.low = cents(std::min(open, close) - wick(rng));
        b.volume = volume(rng);
        bars.push_back(b);
    }
    return bars;
}

// "2024-01-01T00:00:00Z", as `atc export` writes times.
inline QByteArray iso_time(std::int64_t time_ms) {
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(time_ms, QTimeZone::utc());
    return time.toString(QStringLiteral("yyyy-MM-ddThh:mm:ss")).toUtf8() + 'Z';
}

inline QByteArray bars_csv(const std::vector<TestBar>& bars) {
    QByteArray csv = "time,open,high,low,close,volume\n";
    for (const TestBar& b : bars) {
        csv += iso_time(b.time_ms) + ',' + QByteArray::number(b.open, 'f', 2) + ',' +
               QByteArray::number(b.high, 'f', 2) + ',' + QByteArray::number(b.low, 'f', 2) + ',' +
               QByteArray::number(b.close, 'f', 2) + ',' + QByteArray::number(b.volume, 'f', 0) +
               '\n';
    }
    return csv;
}

// Buckets at multiples of `bucket_ms` since the epoch: first open, highest
// high, lowest low, last close, summed volume; no bucket without a bar.
inline std::vector<TestBar> aggregate(const std::vector<TestBar>& bars, std::int64_t bucket_ms) {
    std::vector<TestBar> out;
    for (const TestBar& b : bars) {
        const std::int64_t start = b.time_ms - b.time_ms % bucket_ms;
        if (out.empty() || out.back().time_ms != start) {
            out.push_back(b);
            out.back().time_ms = start;
            continue;
        }
        TestBar& o = out.back();
        o.high = std::max(o.high, b.high);
        o.low = std::min(o.low, b.low);
        o.close = b.close;
        o.volume += b.volume;
    }
    return out;
}

}  // namespace atc::test
