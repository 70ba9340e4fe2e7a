// SPDX-License-Identifier: GPL-3.0-or-later
// Resampling (issue 18): the engine's resampler against an independent
// straightforward one (reference_resample.hpp) on seeded random bars with gaps
// (missing minutes, hours, days and weekends), across DST changes in both
// directions in New York, London, Sydney and zones with odd offsets or
// changes, and before 1970; the OHLCV and dating rules and the forming last
// bar on hand-made bars; the refusals and their messages; the data's own
// timeframe (the median gap) and parse_timeframe; and ATC on resampled bars
// equal to ATC on a CSV holding those bars.
#include <QtTest>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "atc/bars_csv.hpp"
#include "atc/compute.hpp"
#include "atc/price_import.hpp"
#include "atc/resample.hpp"
#include "reference_resample.hpp"
#include "test_result_cache_support.hpp"

using namespace atc;

namespace {

namespace chrono = std::chrono;

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

std::int64_t utc_ms(int y, unsigned m, unsigned d, int hour = 0, int minute = 0) {
    const chrono::sys_days day{chrono::year{y} / m / d};
    return (day.time_since_epoch().count() * 24LL + hour) * kHour + minute * kMinute;
}

// How often the random bars leave something out. A weekend day or another day
// is dropped whole, then an hour, then a single bar.
struct Gaps {
    double weekend_day = 0.6;
    double other_day = 0.07;
    double hour = 0.05;
    double bar = 0.15;
};

// Seeded bars every `step_ms` from `from_ms` (inclusive) to `to_ms` (exclusive)
// with the gaps of `gaps`: a multiplicative random walk whose highs and lows
// lie strictly outside its opens and closes, and volumes that are not whole
// numbers (so a sum in another order, or a max of closes, shows).
PriceSeries random_bars(std::int64_t from_ms, std::int64_t to_ms, std::int64_t step_ms,
                        std::uint64_t seed, const Gaps& gaps = {}) {
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    PriceSeries s;
    s.time_kind = step_ms >= kDay ? TimeKind::Date : TimeKind::EpochMilliseconds;
    s.time_column = "time";
    double price = 100.0;
    std::int64_t day = INT64_MIN, hour = INT64_MIN;
    bool skip_day = false, skip_hour = false;
    for (std::int64_t t = from_ms; t < to_ms; t += step_ms) {
        const chrono::sys_time<chrono::milliseconds> at{chrono::milliseconds{t}};
        const chrono::sys_days this_day = chrono::floor<chrono::days>(at);
        if (this_day.time_since_epoch().count() != day) {
            day = this_day.time_since_epoch().count();
            const bool weekend = chrono::weekday{this_day}.iso_encoding() >= 6;
            skip_day = uniform(random) < (weekend ? gaps.weekend_day : gaps.other_day);
        }
        if (chrono::floor<chrono::hours>(at).time_since_epoch().count() != hour) {
            hour = chrono::floor<chrono::hours>(at).time_since_epoch().count();
            skip_hour = uniform(random) < gaps.hour;
        }
        if (skip_day || skip_hour || uniform(random) < gaps.bar)
            continue;
        const double open = price * (1.0 + (uniform(random) - 0.5) * 0.001);
        price *= 1.0 + (uniform(random) - 0.5) * 0.004;
        s.time_ms.push_back(t);
        s.open.push_back(open);
        s.close.push_back(price);
        s.high.push_back(std::max(open, price) * (1.0 + 0.0001 + uniform(random) * 0.002));
        s.low.push_back(std::min(open, price) * (1.0 - 0.0001 - uniform(random) * 0.002));
        s.volume.push_back(uniform(random) * 1000.0);
    }
    return s;
}

// `count` consecutive one-minute bars from `first_ms`, close i+1 (open, high,
// low and volume around it).
PriceSeries minute_bars(std::int64_t first_ms, int count, TimeKind kind = TimeKind::EpochSeconds) {
    PriceSeries s;
    s.time_kind = kind;
    for (int i = 0; i < count; ++i) {
        s.time_ms.push_back(first_ms + i * kMinute);
        s.close.push_back(i + 1.0);
        s.open.push_back(i + 0.5);
        s.high.push_back(i + 2.0);
        s.low.push_back(i + 0.25);
        s.volume.push_back(10.0);
    }
    return s;
}

// The bars at these times, closes 1, 2, 3, ... and no other column.
PriceSeries close_only_at(const std::vector<std::int64_t>& times, TimeKind kind) {
    PriceSeries s;
    s.time_kind = kind;
    s.time_ms = times;
    for (std::size_t i = 0; i < times.size(); ++i)
        s.close.push_back(static_cast<double>(i + 1));
    return s;
}

// The first difference between two series (times, OHLCV, kind), or "".
std::string bars_difference(const PriceSeries& got, const PriceSeries& want) {
    if (got.close.size() != want.close.size())
        return "bar count " + std::to_string(got.close.size()) + " instead of " +
               std::to_string(want.close.size());
    const std::pair<const char*, std::pair<const std::vector<double>*, const std::vector<double>*>>
        columns[] = {{"open", {&got.open, &want.open}},
                     {"high", {&got.high, &want.high}},
                     {"low", {&got.low, &want.low}},
                     {"close", {&got.close, &want.close}},
                     {"volume", {&got.volume, &want.volume}}};
    for (std::size_t i = 0; i < want.close.size(); ++i) {
        if (got.time_ms[i] != want.time_ms[i])
            return "bar " + std::to_string(i) + ": time " + format_bar_time(got.time_ms[i]) +
                   " instead of " + format_bar_time(want.time_ms[i]);
    }
    for (const auto& [name, pair] : columns) {
        const std::vector<double>& a = *pair.first;
        const std::vector<double>& b = *pair.second;
        if (a.size() != b.size())
            return std::string(name) + ": " + std::to_string(a.size()) + " values instead of " +
                   std::to_string(b.size());
        const auto [at, _] = std::mismatch(a.begin(), a.end(), b.begin());
        if (at != a.end())
            return std::string(name) + " differs first at bar " + std::to_string(at - a.begin()) +
                   " (" + format_bar_time(got.time_ms[at - a.begin()]) + ")";
    }
    if (got.time_kind != want.time_kind)
        return "time kind " + std::string(time_kind_name(got.time_kind));
    return {};
}

// What resample() refuses with, or "" when it does not.
std::string refusal(const PriceSeries& bars, const std::string& target,
                    const std::string& zone = {}) {
    try {
        resample(bars, require_timeframe(target), ResampleOptions{zone});
    } catch (const ResampleError& e) {
        return e.what();
    }
    return {};
}

const date::time_zone* zone_or_utc(const std::string& zone) {
    return zone.empty() ? nullptr : date::locate_zone(zone);
}

}  // namespace

class TestResample : public QObject {
    Q_OBJECT

    // The random data sets, built once: name -> bars and their timeframe.
    std::map<QString, std::pair<PriceSeries, Timeframe>> data_;

private slots:
    void initTestCase() {
        // 2023-09-15 .. 2024-04-20 crosses every zone's DST change both ways:
        // New York Nov 5 and Mar 10, London Oct 29 and Mar 31, Sydney Oct 1
        // (forward) and Apr 7 (back). It ends mid-hour on a Saturday.
        data_["minutes"] = {
            random_bars(utc_ms(2023, 9, 15, 3, 17), utc_ms(2024, 4, 20, 10, 37), kMinute, 1),
            require_timeframe("1m")};
        // Negative times: bucket starts are floored, not truncated toward 0.
        data_["minutes before 1970"] = {
            random_bars(utc_ms(1969, 10, 20), utc_ms(1970, 2, 10, 19, 5), kMinute, 2),
            require_timeframe("1m")};
        PriceSeries close_only =
            random_bars(utc_ms(2024, 2, 20), utc_ms(2024, 4, 10, 23, 59), kMinute, 3);
        close_only.open.clear();
        close_only.high.clear();
        close_only.low.clear();
        close_only.volume.clear();
        data_["close-only minutes"] = {close_only, require_timeframe("1m")};
        data_["hours"] = {random_bars(utc_ms(2023, 9, 1), utc_ms(2024, 5, 1, 6), kHour, 4,
                                      Gaps{0.6, 0.07, 0.0, 0.15}),
                          require_timeframe("1h")};
        data_["days"] = {random_bars(utc_ms(2005, 1, 3), utc_ms(2024, 6, 13), kDay, 5,
                                     Gaps{0.95, 0.0, 0.0, 0.03}),
                         require_timeframe("1d")};
    }

    void matchesReference_data() {
        QTest::addColumn<QString>("data");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("zone");
        const auto rows = [](const char* data, std::initializer_list<const char*> targets,
                             std::initializer_list<const char*> zones) {
            for (const char* zone : zones) {
                for (const char* target : targets) {
                    QTest::addRow("%s %s %s", data, target, *zone ? zone : "UTC")
                        << QString(data) << QString(target) << QString(zone);
                }
            }
        };
        const auto all = {"3m", "5m",  "15m", "30m", "1h", "90m", "2h", "4h", "6h",
                          "8h", "12h", "1d",  "3d",  "1w", "2w",  "1M", "3M"};
        const auto sessions = {"America/New_York", "Europe/London", "Australia/Sydney"};
        rows("minutes", all, {""});
        rows("minutes", {"1d", "3d", "1w", "2w", "1M", "3M"}, sessions);
        rows("minutes before 1970", all, {""});
        rows("minutes before 1970", {"1d", "1w", "1M"}, sessions);
        rows("close-only minutes", {"5m", "1h", "4h", "1d", "1w", "1M"}, {""});
        rows("close-only minutes", {"1d", "1w"}, {"America/New_York"});
        rows("hours", {"2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M"}, {""});
        rows("hours", {"1d", "1w", "1M"}, sessions);
        // Half-hour offsets, and DST changes at midnight (Santiago, Havana) or
        // by half an hour (Lord Howe).
        const auto odd_zones = {"Asia/Kolkata", "America/Santiago", "America/Havana",
                                "Australia/Lord_Howe"};
        rows("minutes", {"1d", "1w"}, odd_zones);
        rows("hours", {"1d", "1w"}, odd_zones);
        rows("days", {"3d", "1w", "2w", "1M", "3M"}, {""});
    }

    // Bar by bar, every column exactly, the bar count, the kind of time and
    // whether the last bar is forming.
    void matchesReference() {
        QFETCH(QString, data);
        QFETCH(QString, target);
        QFETCH(QString, zone);
        const auto& [bars, source] = data_.at(data);
        const Timeframe tf = require_timeframe(target.toStdString());
        const ResampledSeries got = resample(bars, tf, ResampleOptions{zone.toStdString()});
        const test::ReferenceResult want =
            test::reference_resample(bars, source, tf, zone_or_utc(zone.toStdString()));
        QVERIFY(got.source == source);
        QVERIFY(got.target == tf);
        QVERIFY(want.bars.close.size() > 1);
        const std::string difference = bars_difference(got.bars, want.bars);
        QVERIFY2(difference.empty(), difference.c_str());
        QCOMPARE(got.last_forming, want.last_forming);
    }

    // Daily bars already carry their session's date: a zone changes nothing.
    void zoneLeavesDailyDataAlone() {
        const PriceSeries& days = data_.at("days").first;
        for (const char* target : {"1w", "1M"}) {
            const ResampledSeries utc = resample(days, require_timeframe(target));
            const ResampledSeries sydney =
                resample(days, require_timeframe(target), ResampleOptions{"Australia/Sydney"});
            QVERIFY2(bars_difference(sydney.bars, utc.bars).empty(), target);
        }
    }

    void ohlcvRules() {
        // 10:00 .. 10:04 and 11:58 .. 12:01: two hours with bars, 12:00 a third.
        PriceSeries bars = minute_bars(utc_ms(2024, 3, 5, 10), 5);
        const PriceSeries later = minute_bars(utc_ms(2024, 3, 5, 11, 58), 4);
        for (std::size_t i = 0; i < later.close.size(); ++i) {
            bars.time_ms.push_back(later.time_ms[i]);
            bars.close.push_back(later.close[i] + 100);
            bars.open.push_back(later.open[i] + 100);
            bars.high.push_back(i == 1 ? 50.0 : later.high[i] + 100);  // a low high in the hour
            bars.low.push_back(later.low[i] + 100);
            bars.volume.push_back(0.5);
        }
        for (std::size_t i = 0; i < bars.close.size(); ++i)
            bars.labels.push_back("label");
        const ResampledSeries r = resample(bars, require_timeframe("1h"));
        QCOMPARE(r.bars.time_ms,
                 (std::vector<std::int64_t>{utc_ms(2024, 3, 5, 10), utc_ms(2024, 3, 5, 11),
                                            utc_ms(2024, 3, 5, 12)}));
        QCOMPARE(r.bars.open, (std::vector<double>{0.5, 100.5, 102.5}));
        QCOMPARE(r.bars.high, (std::vector<double>{6.0, 102.0, 105.0}));
        QCOMPARE(r.bars.low, (std::vector<double>{0.25, 100.25, 102.25}));
        QCOMPARE(r.bars.close, (std::vector<double>{5.0, 102.0, 104.0}));
        QCOMPARE(r.bars.volume, (std::vector<double>{50.0, 1.0, 1.0}));
        QVERIFY(r.bars.labels.empty());
    }

    // A series of closes alone gives closes alone; without volume, no volume.
    void missingColumnsStayEmpty() {
        const PriceSeries closes =
            close_only_at({utc_ms(2024, 3, 5, 10), utc_ms(2024, 3, 5, 10, 1),
                           utc_ms(2024, 3, 5, 10, 2), utc_ms(2024, 3, 5, 11, 30)},
                          TimeKind::DateTime);
        const ResampledSeries r = resample(closes, require_timeframe("1h"));
        QCOMPARE(r.bars.close, (std::vector<double>{3.0, 4.0}));
        QVERIFY(r.bars.open.empty() && r.bars.high.empty() && r.bars.low.empty());
        QVERIFY(r.bars.volume.empty());

        PriceSeries no_volume = minute_bars(utc_ms(2024, 3, 5, 10), 90);
        no_volume.volume.clear();
        const ResampledSeries v = resample(no_volume, require_timeframe("1h"));
        QCOMPARE(v.bars.open.size(), std::size_t{2});
        QVERIFY(v.bars.volume.empty());
    }

    // Hours, days and weeks without a bar are left out, not filled in.
    void emptyBucketsNeverAppear() {
        const PriceSeries closes = close_only_at(
            {utc_ms(2024, 3, 1, 9), utc_ms(2024, 3, 1, 9, 1), utc_ms(2024, 3, 1, 9, 2),
             utc_ms(2024, 3, 1, 13, 30), utc_ms(2024, 3, 1, 13, 31), utc_ms(2024, 3, 20, 8),
             utc_ms(2024, 3, 20, 8, 1)},
            TimeKind::DateTime);
        QCOMPARE(resample(closes, require_timeframe("1h")).bars.time_ms,
                 (std::vector<std::int64_t>{utc_ms(2024, 3, 1, 9), utc_ms(2024, 3, 1, 13),
                                            utc_ms(2024, 3, 20, 8)}));
        QCOMPARE(resample(closes, require_timeframe("1d")).bars.time_ms,
                 (std::vector<std::int64_t>{utc_ms(2024, 3, 1), utc_ms(2024, 3, 20)}));
        QCOMPARE(resample(closes, require_timeframe("1w")).bars.time_ms,
                 (std::vector<std::int64_t>{utc_ms(2024, 2, 26), utc_ms(2024, 3, 18)}));
    }

    // Weeks start on Monday 00:00; a session zone moves the day boundary.
    void weeksStartOnMonday() {
        // Sunday 2024-03-10 23:59 and Monday 2024-03-11 00:00 UTC.
        const PriceSeries closes = close_only_at(
            {utc_ms(2024, 3, 10, 23, 58), utc_ms(2024, 3, 10, 23, 59), utc_ms(2024, 3, 11)},
            TimeKind::EpochMilliseconds);
        const ResampledSeries r = resample(closes, require_timeframe("1w"));
        QCOMPARE(r.bars.time_ms,
                 (std::vector<std::int64_t>{utc_ms(2024, 3, 4), utc_ms(2024, 3, 11)}));
        QCOMPARE(r.bars.close, (std::vector<double>{2.0, 3.0}));
        // In New York all three are on Sunday evening: one week, the one of the 4th.
        const ResampledSeries ny =
            resample(closes, require_timeframe("1w"), ResampleOptions{"America/New_York"});
        QCOMPARE(ny.bars.time_ms, (std::vector<std::int64_t>{utc_ms(2024, 3, 4)}));
    }

    // Day and coarser buckets are dated with the session's date at midnight
    // UTC (time kind Date); intraday ones keep the data's kind of time.
    void bucketDatesAndKinds() {
        // 02:30 UTC on 5 March is 21:30 on 4 March in New York, 13:30 in Sydney.
        const PriceSeries bars = minute_bars(utc_ms(2024, 3, 5, 2, 30), 3, TimeKind::EpochSeconds);
        const ResampledSeries ny =
            resample(bars, require_timeframe("1d"), ResampleOptions{"America/New_York"});
        QCOMPARE(ny.bars.time_ms, (std::vector<std::int64_t>{utc_ms(2024, 3, 4)}));
        QCOMPARE(ny.bars.time_kind, TimeKind::Date);
        const ResampledSeries utc = resample(bars, require_timeframe("1d"), ResampleOptions{"UTC"});
        QCOMPARE(utc.bars.time_ms, (std::vector<std::int64_t>{utc_ms(2024, 3, 5)}));
        QCOMPARE(utc.bars.time_kind, TimeKind::Date);
        const ResampledSeries monthly =
            resample(bars, require_timeframe("1M"), ResampleOptions{"Australia/Sydney"});
        QCOMPARE(monthly.bars.time_ms, (std::vector<std::int64_t>{utc_ms(2024, 3, 1)}));

        const ResampledSeries hourly = resample(bars, require_timeframe("1h"));
        QCOMPARE(hourly.bars.time_ms, (std::vector<std::int64_t>{utc_ms(2024, 3, 5, 2)}));
        QCOMPARE(hourly.bars.time_kind, TimeKind::EpochSeconds);
        const PriceSeries iso = minute_bars(utc_ms(2024, 3, 5, 2, 30), 3, TimeKind::DateTime);
        QCOMPARE(resample(iso, require_timeframe("4h")).bars.time_kind, TimeKind::DateTime);
    }

    void lastForming() {
        const std::int64_t ten = utc_ms(2024, 3, 5, 10);
        // 10:00 .. 10:37: the hour is not over.
        const ResampledSeries open_hour = resample(minute_bars(ten, 38), require_timeframe("1h"));
        QCOMPARE(open_hour.bars.close.size(), std::size_t{1});
        QVERIFY(open_hour.last_forming);
        // 10:00 .. 10:59: the hour's last minute is there.
        QVERIFY(!resample(minute_bars(ten, 60), require_timeframe("1h")).last_forming);
        // 09:30 .. 10:59 to 4h (08:00 .. 12:00): forming.
        QVERIFY(
            resample(minute_bars(ten - 30 * kMinute, 90), require_timeframe("4h")).last_forming);
        // A day that ends at 23:59 is complete; one that ends at 23:58 is not.
        QVERIFY(!resample(minute_bars(utc_ms(2024, 3, 5, 23), 60), require_timeframe("1d"))
                     .last_forming);
        QVERIFY(resample(minute_bars(utc_ms(2024, 3, 5, 23), 59), require_timeframe("1d"))
                    .last_forming);
        // The data's own timeframe is never forming.
        const PriceSeries bars = minute_bars(ten, 38);
        const ResampledSeries same = resample(bars, require_timeframe("1m"));
        QVERIFY(!same.last_forming);
        QCOMPARE(same.bars.close, bars.close);
        QCOMPARE(same.bars.time_ms, bars.time_ms);
    }

    void refusalsNameTheDataTimeframe() {
        const PriceSeries days = data_.at("days").first;
        QCOMPARE(refusal(days, "1h"), std::string("1h is finer than the data's timeframe (1d)"));
        PriceSeries three_minutes = minute_bars(utc_ms(2024, 3, 5), 20);
        for (std::size_t i = 0; i < three_minutes.time_ms.size(); ++i)
            three_minutes.time_ms[i] =
                utc_ms(2024, 3, 5) + static_cast<std::int64_t>(i) * 3 * kMinute;
        QCOMPARE(refusal(three_minutes, "5m"),
                 std::string("5m is not a multiple of the data's timeframe (3m)"));
        QCOMPARE(refusal(three_minutes, "15m"), std::string());
        const PriceSeries weekly = resample(days, require_timeframe("1w")).bars;
        QCOMPARE(refusal(weekly, "1M"),
                 std::string("1M is not a multiple of the data's timeframe (1w)"));
        QCOMPARE(refusal(weekly, "1d"), std::string("1d is finer than the data's timeframe (1w)"));

        PriceSeries no_times = days;
        no_times.time_ms.clear();
        no_times.time_kind = TimeKind::None;
        QVERIFY(refusal(no_times, "1w").find("no times") != std::string::npos);

        const PriceSeries minutes = minute_bars(utc_ms(2024, 3, 5), 100);
        const std::string unknown = refusal(minutes, "1d", "Mars/Olympus_Mons");
        QVERIFY2(unknown.find("\"Mars/Olympus_Mons\" is not in the time zone database") !=
                     std::string::npos,
                 unknown.c_str());
        QCOMPARE(refusal(minutes, "4h", "Europe/London"),
                 std::string("a session time zone applies to daily and coarser timeframes; 4h "
                             "buckets are counted in UTC"));
        QCOMPARE(refusal(minutes, "1d", "Europe/London"), std::string());
        QCOMPARE(refusal(minutes, "4h", "UTC"), std::string());
    }

    // The data's timeframe is its median gap (the upper one for an even count)
    // whether the gaps take a few values (counted) or many (sorted).
    void inferTimeframeIsTheMedianGap() {
        std::mt19937_64 random(7);
        for (const double step_share : {0.7, 0.0}) {
            for (const std::size_t distinct : {1, 2, 5, 31, 32, 33, 300}) {
                for (const std::size_t count : {2, 3, 10, 11, 1000, 1001}) {
                    std::uniform_int_distribution<std::size_t> pick(0, distinct - 1);
                    std::uniform_real_distribution<double> uniform(0.0, 1.0);
                    std::vector<std::int64_t> times{utc_ms(2024, 1, 1)};
                    std::vector<std::int64_t> gaps;
                    for (std::size_t i = 1; i < count; ++i) {
                        // The step (k = 0) this often, as in real bars; else any of the values.
                        const std::size_t k = uniform(random) < step_share ? 0 : pick(random);
                        gaps.push_back(static_cast<std::int64_t>(k + 1) * kMinute);
                        times.push_back(times.back() + gaps.back());
                    }
                    std::sort(gaps.begin(), gaps.end());
                    const std::int64_t median = gaps[gaps.size() / 2];
                    const std::string want = infer_timeframe(std::vector<std::int64_t>{0, median});
                    QCOMPARE(infer_timeframe(times), want);
                }
            }
        }
        // Times out of order or repeated have no timeframe.
        QCOMPARE(infer_timeframe(std::vector<std::int64_t>{3 * kHour, 2 * kHour, kHour}),
                 std::string());
        QCOMPARE(infer_timeframe(std::vector<std::int64_t>{0, 0, 0, kHour}), std::string());
    }

    void parseTimeframe_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");  // "" when refused
        QTest::newRow("4h") << "4h"
                            << "4h";
        QTest::newRow("240 minutes") << "240"
                                     << "4h";
        QTest::newRow("D") << "D"
                           << "1d";
        QTest::newRow("W") << "W"
                           << "1w";
        QTest::newRow("M is months") << "M"
                                     << "1M";
        QTest::newRow("1m is a minute") << "1m"
                                        << "1m";
        QTest::newRow("60m") << "60m"
                             << "1h";
        QTest::newRow("48h") << "48h"
                             << "2d";
        QTest::newRow("90m stays") << "90m"
                                   << "90m";
        QTest::newRow("1mo") << "1mo"
                             << "1M";
        QTest::newRow("spaces") << " 4h "
                                << "4h";
        QTest::newRow("upper H") << "4H"
                                 << "4h";
        QTest::newRow("3d") << "3d"
                            << "3d";
        QTest::newRow("14d stays days") << "14d"
                                        << "14d";
        QTest::newRow("ten years of days") << "3660d"
                                           << "3660d";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("blank") << "  "
                               << "";
        QTest::newRow("zero") << "0h"
                              << "";
        QTest::newRow("unknown unit") << "5x"
                                      << "";
        QTest::newRow("unit first") << "h4"
                                    << "";
        QTest::newRow("negative") << "-4h"
                                  << "";
        QTest::newRow("over ten years") << "3661d"
                                        << "";
        QTest::newRow("huge count") << "999999999M"
                                    << "";
        QTest::newRow("ten digits") << "1000000000m"
                                    << "";
    }

    void parseTimeframe() {
        QFETCH(QString, text);
        QFETCH(QString, name);
        const std::optional<Timeframe> tf = parse_timeframe(text.toStdString());
        QCOMPARE(tf ? QString::fromStdString(tf->name()) : QString(), name);
        if (name.isEmpty()) {
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument, require_timeframe(text.toStdString()));
        }
    }

    // ATC on a resampled series equals ATC on a CSV file holding those bars:
    // the export writes them exactly and the import reads them back exactly.
    void atcOnResampledEqualsAtcOnCsv() {
        const PriceSeries minutes = random_bars(utc_ms(2023, 1, 2), utc_ms(2023, 10, 20), kMinute,
                                                6, Gaps{0.3, 0.02, 0.02, 0.05});
        QVERIFY(minutes.close.size() > 300'000);
        const PriceSeries hourly = resample(minutes, require_timeframe("1h")).bars;
        QVERIFY(hourly.close.size() > 5'000);

        const ImportedPrices read = import_price_text(format_bars_csv(hourly), "resampled.csv");
        QCOMPARE(read.series.size(), std::size_t{1});
        const PriceSeries& from_csv = read.series.front().bars;
        QVERIFY(from_csv.warnings.empty());
        QCOMPARE(from_csv.time_ms, hourly.time_ms);
        using Columns = std::pair<const std::vector<double>*, const std::vector<double>*>;
        for (const auto& [a, b] :
             {Columns{&from_csv.open, &hourly.open}, Columns{&from_csv.high, &hourly.high},
              Columns{&from_csv.low, &hourly.low}, Columns{&from_csv.close, &hourly.close},
              Columns{&from_csv.volume, &hourly.volume}}) {
            QVERIFY(test::same_bits(*a, *b));
        }
        QCOMPARE(read.detection.timeframe, std::string("1h"));

        const AtcParams params;
        const std::string difference = test::result_difference(
            compute_symbol(from_csv.close, params), compute_symbol(hourly.close, params));
        QVERIFY2(difference.empty(), difference.c_str());
    }
};

QTEST_APPLESS_MAIN(TestResample)
#include "test_resample.moc"
