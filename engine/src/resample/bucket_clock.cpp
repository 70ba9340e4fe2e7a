// SPDX-License-Identifier: GPL-3.0-or-later
#include "resample/bucket_clock.hpp"

#include <date/tz.h>

#include <chrono>

namespace atc::detail {

namespace {

namespace chrono = std::chrono;

// 1970-01-01 was a Thursday: weeks start four days later, on Monday the 5th.
constexpr std::int64_t kFirstMondayMs = 4 * kDayMs;

// Months since January 1970 of the day holding `wall_ms`.
std::int64_t month_index(std::int64_t wall_ms) {
    const chrono::sys_days day{chrono::days{floor_div(wall_ms, kDayMs)}};
    const chrono::year_month_day ymd{day};
    return (static_cast<int>(ymd.year()) - 1970) * 12LL + static_cast<unsigned>(ymd.month()) - 1;
}

// Midnight of the first day of month `index` (months since January 1970).
std::int64_t month_start(std::int64_t index) {
    const chrono::year year{static_cast<int>(1970 + floor_div(index, 12))};
    const chrono::month month{static_cast<unsigned>(index - floor_div(index, 12) * 12 + 1)};
    const chrono::sys_days day{year / month / chrono::day{1}};
    return day.time_since_epoch().count() * kDayMs;
}

}  // namespace

BucketClock::BucketClock(Timeframe timeframe, const date::time_zone* zone)
    : timeframe_(timeframe), zone_(zone) {
    if (timeframe.fixed_length()) {
        length_ms_ = timeframe.nominal_ms();
        anchor_ms_ = timeframe.unit == TimeUnit::Week ? kFirstMondayMs : 0;
    }
}

void BucketClock::look_up_rule(std::int64_t utc_ms) {
    const date::sys_time<chrono::milliseconds> at{chrono::milliseconds{utc_ms}};
    const date::sys_info info = zone_->get_info(at);
    rule_begin_ =
        chrono::duration_cast<chrono::milliseconds>(info.begin.time_since_epoch()).count();
    rule_end_ = chrono::duration_cast<chrono::milliseconds>(info.end.time_since_epoch()).count();
    offset_ms_ = chrono::duration_cast<chrono::milliseconds>(info.offset).count();
}

BucketClock::Bucket BucketClock::bucket_of(std::int64_t wall_ms) const {
    if (timeframe_.fixed_length()) {
        const std::int64_t start =
            floor_div(wall_ms - anchor_ms_, length_ms_) * length_ms_ + anchor_ms_;
        return {start, start + length_ms_};
    }
    const std::int64_t first = floor_div(month_index(wall_ms), timeframe_.count) * timeframe_.count;
    return {month_start(first), month_start(first + timeframe_.count)};
}

}  // namespace atc::detail
