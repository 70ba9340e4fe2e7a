// SPDX-License-Identifier: GPL-3.0-or-later
// Where the buckets of one timeframe start and end: at multiples of their
// length since the epoch, on Mondays, or on the first of the month, counted on
// UTC or on a time zone's wall clock.
#pragma once

#include <cstdint>

#include "atc/timeframe.hpp"

namespace date {
class time_zone;
}

namespace atc::detail {

class BucketClock {
public:
    // `zone` null: UTC. The zone outlives the clock (the tz database's own).
    BucketClock(Timeframe timeframe, const date::time_zone* zone);

    // `utc_ms` on the clock the buckets are counted on: itself in UTC, the
    // wall time in the zone otherwise. The zone's current rule is remembered,
    // so a run of bars costs one lookup per offset change, not one per bar.
    std::int64_t wall(std::int64_t utc_ms) {
        if (zone_ == nullptr)
            return utc_ms;
        if (utc_ms < rule_begin_ || utc_ms >= rule_end_)
            look_up_rule(utc_ms);
        return utc_ms + offset_ms_;
    }

    struct Bucket {
        std::int64_t start = 0;  // wall time, inclusive
        std::int64_t end = 0;    // wall time, exclusive
    };
    // The bucket holding wall time `wall_ms`.
    Bucket bucket_of(std::int64_t wall_ms) const;

private:
    void look_up_rule(std::int64_t utc_ms);

    Timeframe timeframe_;
    std::int64_t length_ms_ = 0;  // fixed-length timeframes
    std::int64_t anchor_ms_ = 0;  // where the first bucket after the epoch starts
    const date::time_zone* zone_ = nullptr;
    std::int64_t rule_begin_ = 0;
    std::int64_t rule_end_ = 0;
    std::int64_t offset_ms_ = 0;
};

// Floor division (the bucket of a time before 1970 is the one below it).
inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace atc::detail
