// SPDX-License-Identifier: GPL-3.0-or-later
// A straightforward resampler for test_resample, written without looking at
// engine/src/resample so that the two agreeing means something: every bar's
// bucket is worked out on its own from the calendar (the zone's wall clock per
// bar through date's zoned_time, weekdays and months through std::chrono's
// civil calendar), the bars are grouped in a std::map by bucket start, and each
// group gives one OHLCV bar. It is slow on purpose: no cached zone rules, no
// running bucket, no arithmetic shortcuts.
#pragma once

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>

#include "atc/price_csv.hpp"
#include "atc/timeframe.hpp"

namespace atc::test {

namespace ref_chrono = std::chrono;
using RefMs = ref_chrono::milliseconds;

// `utc_ms` on the zone's wall clock, as milliseconds since the local epoch
// (nullptr: UTC, the time itself).
inline std::int64_t reference_wall_ms(std::int64_t utc_ms, const date::time_zone* zone) {
    if (zone == nullptr)
        return utc_ms;
    const date::sys_time<RefMs> instant{RefMs{utc_ms}};
    return date::make_zoned(zone, instant).get_local_time().time_since_epoch().count();
}

// The count of whole `count`-sized steps below `index`, times `count`: the
// first index of its group of `count` (also for negative indexes).
inline std::int64_t reference_group_start(std::int64_t index, std::int64_t count) {
    const std::int64_t remainder = ((index % count) + count) % count;
    return index - remainder;
}

struct ReferenceBucket {
    std::int64_t start = 0;  // wall ms, inclusive
    std::int64_t end = 0;    // wall ms, exclusive
};

// The bucket of `tf` holding wall time `wall_ms`: multiples of the length since
// 1970 for seconds to days, Monday-started weeks counted from Monday
// 1970-01-05, months counted from January 1970.
inline ReferenceBucket reference_bucket(std::int64_t wall_ms, const Timeframe& tf) {
    using namespace ref_chrono;
    const sys_time<RefMs> t{RefMs{wall_ms}};
    const auto ms_of = [](auto time_point) {
        return duration_cast<RefMs>(time_point.time_since_epoch()).count();
    };
    switch (tf.unit) {
        case TimeUnit::Second: {
            const std::int64_t i =
                reference_group_start(floor<seconds>(t).time_since_epoch().count(), tf.count);
            return {ms_of(sys_seconds{seconds{i}}), ms_of(sys_seconds{seconds{i + tf.count}})};
        }
        case TimeUnit::Minute: {
            const std::int64_t i =
                reference_group_start(floor<minutes>(t).time_since_epoch().count(), tf.count);
            return {ms_of(sys_time<minutes>{minutes{i}}),
                    ms_of(sys_time<minutes>{minutes{i + tf.count}})};
        }
        case TimeUnit::Hour: {
            const std::int64_t i =
                reference_group_start(floor<hours>(t).time_since_epoch().count(), tf.count);
            return {ms_of(sys_time<hours>{hours{i}}), ms_of(sys_time<hours>{hours{i + tf.count}})};
        }
        case TimeUnit::Day: {
            const std::int64_t i =
                reference_group_start(floor<days>(t).time_since_epoch().count(), tf.count);
            return {ms_of(sys_days{days{i}}), ms_of(sys_days{days{i + tf.count}})};
        }
        case TimeUnit::Week: {
            const sys_days day = floor<days>(t);
            const sys_days monday = day - days{weekday{day}.iso_encoding() - 1};
            const sys_days first_monday = sys_days{year{1970} / January / 5};
            const std::int64_t week = (monday - first_monday).count() / 7;  // exact
            const std::int64_t first = reference_group_start(week, tf.count);
            return {ms_of(first_monday + weeks{first}),
                    ms_of(first_monday + weeks{first + tf.count})};
        }
        case TimeUnit::Month: {
            const year_month_day ymd{floor<days>(t)};
            const std::int64_t month = (static_cast<int>(ymd.year()) - 1970) * 12LL +
                                       static_cast<unsigned>(ymd.month()) - 1;
            const std::int64_t first = reference_group_start(month, tf.count);
            const year_month january_1970{year{1970}, January};
            const year_month from = january_1970 + months{first};
            const year_month to = january_1970 + months{first + tf.count};
            return {ms_of(sys_days{from / 1}), ms_of(sys_days{to / 1})};
        }
    }
    return {};
}

struct ReferenceResult {
    PriceSeries bars;
    bool last_forming = false;
};

// `in` (of timeframe `source`, in time order) at `target`, bucketed on the wall
// clock of `zone` (nullptr: UTC). Day and coarser buckets are dated with their
// wall date at midnight UTC (time_kind Date); intraday ones keep a source kind
// that has a time of day. The last bucket is forming when it ends after the
// period of the data's last bar does.
inline ReferenceResult reference_resample(const PriceSeries& in, const Timeframe& source,
                                          const Timeframe& target, const date::time_zone* zone) {
    struct Group {
        std::size_t first = 0, last = 0;
        double high = 0, low = 0, volume = 0;
    };
    std::map<std::int64_t, Group> groups;  // by bucket start
    for (std::size_t i = 0; i < in.close.size(); ++i) {
        const ReferenceBucket bucket =
            reference_bucket(reference_wall_ms(in.time_ms[i], zone), target);
        const auto [it, fresh] = groups.try_emplace(bucket.start);
        Group& g = it->second;
        if (fresh) {
            g.first = i;
            g.high = in.high.empty() ? 0 : in.high[i];
            g.low = in.low.empty() ? 0 : in.low[i];
            g.volume = in.volume.empty() ? 0 : in.volume[i];
        } else {
            if (!in.high.empty())
                g.high = std::max(g.high, in.high[i]);
            if (!in.low.empty())
                g.low = std::min(g.low, in.low[i]);
            if (!in.volume.empty())
                g.volume += in.volume[i];
        }
        g.last = i;
    }

    ReferenceResult out;
    PriceSeries& bars = out.bars;
    bars.time_column = in.time_column;
    bars.time_kind = target.daily_or_coarser()       ? TimeKind::Date
                     : has_time_of_day(in.time_kind) ? in.time_kind
                                                     : TimeKind::DateTime;
    for (const auto& [start, g] : groups) {
        bars.time_ms.push_back(start);
        bars.close.push_back(in.close[g.last]);
        if (!in.open.empty())
            bars.open.push_back(in.open[g.first]);
        if (!in.high.empty())
            bars.high.push_back(g.high);
        if (!in.low.empty())
            bars.low.push_back(g.low);
        if (!in.volume.empty())
            bars.volume.push_back(g.volume);
    }
    if (!groups.empty()) {
        const std::int64_t last_wall = reference_wall_ms(in.time_ms.back(), zone);
        out.last_forming =
            reference_bucket(last_wall, target).end > reference_bucket(last_wall, source).end;
    }
    return out;
}

}  // namespace atc::test
