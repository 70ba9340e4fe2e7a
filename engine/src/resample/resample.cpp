// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/resample.hpp"

#include <date/tz.h>

#include <algorithm>
#include <exception>

#include "resample/bucket_clock.hpp"

namespace atc {

namespace {

// The zone of `options`, or null for UTC. Refuses a name the tz database does not know.
const date::time_zone* find_zone(const ResampleOptions& options) {
    if (options.time_zone.empty() || options.time_zone == "UTC")
        return nullptr;
    try {
        return date::locate_zone(options.time_zone);
    } catch (const std::exception&) {
        throw ResampleError("the time zone \"" + options.time_zone +
                            "\" is not in the time zone database (use an IANA name such as "
                            "Europe/Berlin or America/New_York)");
    }
}

// Writes the bar of one bucket from the source bars [first, last).
struct BucketWriter {
    const PriceSeries& in;
    PriceSeries& out;
    // A column the source lacks is read from the closes and its result dropped,
    // which keeps the loop of fold() free of per-column branches.
    const double* high = (in.high.empty() ? in.close : in.high).data();
    const double* low = (in.low.empty() ? in.close : in.low).data();
    const double* volume = (in.volume.empty() ? in.close : in.volume).data();

    struct Folded {
        double high, low, volume;
    };
    // Out of line on purpose: inlined into resample(), GCC 12 keeps the running
    // high and low in stack slots, and each bar then waits on the store of the
    // bar before (more than twice the time for 1,000,000 bars to 1h). On its
    // own the three run in registers, side by side.
    [[gnu::noinline]] Folded fold(std::size_t first, std::size_t last) const {
        double hi = high[first], lo = low[first], vol = volume[first];
        for (std::size_t i = first + 1; i < last; ++i) {
            hi = std::max(hi, high[i]);
            lo = std::min(lo, low[i]);
            vol += volume[i];  // in time order, as a sum by hand adds them
        }
        return {hi, lo, vol};
    }

    void write(std::size_t first, std::size_t last, std::int64_t time) {
        const Folded f = fold(first, last);
        out.time_ms.push_back(time);
        out.close.push_back(in.close[last - 1]);
        if (!in.open.empty())
            out.open.push_back(in.open[first]);
        if (!in.high.empty())
            out.high.push_back(f.high);
        if (!in.low.empty())
            out.low.push_back(f.low);
        if (!in.volume.empty())
            out.volume.push_back(f.volume);
    }
};

}  // namespace

Timeframe source_timeframe(const PriceSeries& bars) {
    if (bars.time_ms.size() != bars.close.size() || bars.time_ms.empty())
        throw ResampleError(
            "the data has no times, so it has no timeframe to change (it is shown bar by bar)");
    const std::string spacing = infer_timeframe(bars.time_ms);
    if (spacing.empty())  // a single bar: call it daily, the coarsest a lone bar is taken for
        return Timeframe{TimeUnit::Day, 1};
    if (const std::optional<Timeframe> tf = parse_timeframe(spacing))
        return *tf;
    throw ResampleError("the data's bars are " + spacing +
                        " apart, which is not a timeframe that can be changed");
}

void check_resample_options(const Timeframe& target, const ResampleOptions& options) {
    if (find_zone(options) != nullptr && !target.daily_or_coarser())
        throw ResampleError("a session time zone applies to daily and coarser timeframes; " +
                            target.name() + " buckets are counted in UTC");
}

std::string resample_refusal(const Timeframe& source, const Timeframe& target) {
    const std::string data = " the data's timeframe (" + source.name() + ")";
    if (target == source)
        return "";
    if (target.nominal_ms() < source.nominal_ms())
        return target.name() + " is finer than" + data;
    bool multiple = false;
    if (target.unit == TimeUnit::Month) {
        multiple = source.unit == TimeUnit::Month
                       ? target.count % source.count == 0
                       : source.fixed_length() && kDayMs % source.nominal_ms() == 0;
    } else {
        multiple = source.fixed_length() && target.nominal_ms() % source.nominal_ms() == 0;
    }
    if (!multiple)
        return target.name() + " is not a multiple of" + data;
    return "";
}

std::string timeframe_label(const Timeframe& target, const ResampleOptions& options) {
    if (options.time_zone.empty() || options.time_zone == "UTC")
        return target.name();
    return target.name() + " " + options.time_zone;
}

ResampledSeries resample(const PriceSeries& bars, const Timeframe& target,
                         const ResampleOptions& options) {
    ResampledSeries result;
    result.source = source_timeframe(bars);
    result.target = target;
    if (const std::string refusal = resample_refusal(result.source, target); !refusal.empty())
        throw ResampleError(refusal);
    check_resample_options(target, options);
    const date::time_zone* zone = find_zone(options);
    if (target == result.source) {
        result.bars = bars;
        return result;
    }
    // Daily and coarser source bars already carry their session's date.
    if (result.source.daily_or_coarser())
        zone = nullptr;

    const std::size_t n = bars.close.size();
    PriceSeries& out = result.bars;
    out.time_column = bars.time_column;
    out.time_kind = target.daily_or_coarser()         ? TimeKind::Date
                    : has_time_of_day(bars.time_kind) ? bars.time_kind
                                                      : TimeKind::DateTime;
    const std::size_t expected = std::min<std::size_t>(
        n, static_cast<std::size_t>(n * result.source.nominal_ms() / target.nominal_ms()) + 2);
    for (std::vector<double>* v : {&out.close, &out.open, &out.high, &out.low, &out.volume})
        v->reserve(expected);
    out.time_ms.reserve(expected);

    detail::BucketClock clock(target, zone);
    BucketWriter writer{bars, out};
    std::int64_t bucket_end = 0;
    for (std::size_t first = 0; first < n;) {
        const detail::BucketClock::Bucket bucket = clock.bucket_of(clock.wall(bars.time_ms[first]));
        std::size_t last = first + 1;
        while (last < n && clock.wall(bars.time_ms[last]) < bucket.end)
            ++last;
        // Day buckets and coarser are dated as a daily file dates its bars: the
        // session's day at midnight UTC. Intraday ones start at a UTC instant.
        writer.write(first, last, bucket.start);
        bucket_end = bucket.end;
        first = last;
    }

    // Forming: the data stops before the last bucket closes.
    const std::int64_t last_wall = clock.wall(bars.time_ms.back());
    const std::int64_t data_end =
        result.source.fixed_length()
            ? last_wall + result.source.nominal_ms()
            : detail::BucketClock(result.source, nullptr).bucket_of(last_wall).end;
    result.last_forming = n > 0 && bucket_end > data_end;
    return result;
}

}  // namespace atc
