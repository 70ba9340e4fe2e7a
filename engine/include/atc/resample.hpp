// SPDX-License-Identifier: GPL-3.0-or-later
// A stored series at a coarser timeframe, with the OHLCV rules every charting
// platform uses: open = first open, high = max, low = min, close = last close,
// volume = sum. Buckets with no source bar are left out (no bars are made up).
// Bucketing is in UTC unless a session time zone is given for daily and coarser
// timeframes: minutes, hours and days at multiples of their length since the
// UNIX epoch, weeks from Monday 00:00, months from the first day (n-month
// buckets at multiples of n months since January 1970).
#pragma once

#include <stdexcept>
#include <string>

#include "atc/price_csv.hpp"
#include "atc/timeframe.hpp"

namespace atc {

// A timeframe that cannot be made from the data: finer than it, not a multiple
// of it, no times, an unknown time zone. what() is a sentence for the user that
// names the data's timeframe where that is the reason.
class ResampleError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ResampleOptions {
    // IANA zone ("America/New_York") whose midnight starts the day, week and
    // month buckets; "" or "UTC" for UTC. It applies to intraday data only:
    // daily and coarser source bars already carry their session's date.
    // Refused for intraday targets (4h buckets stay at UTC multiples).
    std::string time_zone;
};

struct ResampledSeries {
    PriceSeries bars;
    Timeframe source;  // the data's own timeframe
    Timeframe target;
    // The last bucket reaches past the data's last bar: it is still forming
    // (TradingView draws it all the same). Never set when target == source.
    bool last_forming = false;
};

// The data's own timeframe, from its times (infer_timeframe). ResampleError
// without times, or when the spacing is not a timeframe (irregular data).
Timeframe source_timeframe(const PriceSeries& bars);

// The refusals that do not depend on the data: a time zone the tz database
// does not know, a session zone for an intraday target. Throws ResampleError.
// resample() checks them too; this lets a caller refuse a request before it
// reads any data (`atc scan --timezone Mars/Base` once, not once per symbol).
void check_resample_options(const Timeframe& target, const ResampleOptions& options);

// "" when `target` can be made from data of timeframe `source`, else the
// refusal: "5m is not a multiple of the data's timeframe (3m)", "1h is finer
// than the data's timeframe (1d)". Months are made from data whose timeframe
// divides a day, or from months.
std::string resample_refusal(const Timeframe& source, const Timeframe& target);

// The name of a timeframe request for people and for the result cache's key:
// "4h", or "1d America/New_York" with a session zone other than UTC.
std::string timeframe_label(const Timeframe& target, const ResampleOptions& options = {});

// `bars` at `target`. The bars come out without labels; their times are the
// bucket starts (UTC), and for daily and coarser buckets the session's date
// at midnight UTC, as a daily file holds it (time_kind Date). The target equal
// to the data's own timeframe gives the bars unchanged. Throws ResampleError.
ResampledSeries resample(const PriceSeries& bars, const Timeframe& target,
                         const ResampleOptions& options = {});

}  // namespace atc
