// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/column_envelope.hpp"

#include <algorithm>
#include <cmath>

namespace atc::ui {

std::size_t barsPerBucket(double span, double width_px, double bucket_px) {
    if (!(width_px > 0.0) || !(span > kMaxBarsPerPixel * width_px))
        return 1;
    return static_cast<std::size_t>(std::ceil(span * bucket_px / width_px));
}

void appendEnvelope(const MinMaxPyramid& series, std::size_t first, std::size_t last,
                    std::size_t bars_per_bucket, std::vector<std::size_t>& out) {
    const std::span<const double> values = series.values();
    if (values.empty() || first > last || first >= values.size())
        return;
    last = std::min(last, values.size() - 1);
    if (bars_per_bucket <= 1) {
        for (std::size_t i = first; i <= last; ++i) {
            if (std::isfinite(values[i]))
                out.push_back(i);
        }
        return;
    }
    for (std::size_t a = first; a <= last;) {
        const std::size_t b = std::min(last, (a / bars_per_bucket + 1) * bars_per_bucket - 1);
        const MinMaxPyramid::Extremes e = series.extremes(a, b);
        if (e.defined()) {
            const std::size_t lo = std::min(e.low, e.high), hi = std::max(e.low, e.high);
            // The first and last defined bars lie outside [lo, hi] or on its ends.
            const std::size_t picks[4] = {series.firstDefined(a, lo), lo, hi,
                                          series.lastDefined(hi, b)};
            for (std::size_t p : picks) {
                if (out.empty() || out.back() < p)
                    out.push_back(p);
            }
        }
        a = b + 1;
    }
}

void updateEnvelope(const MinMaxPyramid& series, std::size_t first, std::size_t last,
                    std::size_t bars_per_bucket, KeptEnvelope& kept,
                    std::vector<std::size_t>& scratch) {
    const std::size_t step = std::max<std::size_t>(1, bars_per_bucket);
    if (kept.per_bucket == step && kept.first == first && kept.last == last)
        return;
    // The buckets whole in both the kept range and the new one: [lo, hi) in bars.
    std::size_t lo = 0, hi = 0;
    if (kept.per_bucket == step && first <= last) {
        lo = std::max((first + step - 1) / step, (kept.first + step - 1) / step) * step;
        hi = std::min((last + 1) / step, (kept.last + 1) / step) * step;
    }
    scratch.clear();
    if (lo < hi) {
        if (first < lo)
            appendEnvelope(series, first, lo - 1, step, scratch);
        const auto begin = std::lower_bound(kept.picks.begin(), kept.picks.end(), lo);
        const auto end = std::lower_bound(begin, kept.picks.end(), hi);
        scratch.insert(scratch.end(), begin, end);
        if (hi <= last)
            appendEnvelope(series, hi, last, step, scratch);
    } else {
        appendEnvelope(series, first, last, step, scratch);
    }
    kept.picks.swap(scratch);
    kept.first = first;
    kept.last = last;
    kept.per_bucket = step;
}

void appendOhlcBuckets(std::span<const double> open, const MinMaxPyramid& high,
                       const MinMaxPyramid& low, std::span<const double> close, std::size_t first,
                       std::size_t last, std::size_t bars_per_bucket,
                       std::vector<OhlcBucket>& out) {
    const std::span<const double> highs = high.values(), lows = low.values();
    const std::size_t n = std::min({open.size(), highs.size(), lows.size(), close.size()});
    if (n == 0 || first > last || first >= n)
        return;
    last = std::min(last, n - 1);
    const std::size_t step = std::max<std::size_t>(1, bars_per_bucket);
    for (std::size_t a = first; a <= last;) {
        const std::size_t b = std::min(last, (a / step + 1) * step - 1);
        // A bucket without a defined high (or low) shows its first bar's.
        const std::size_t top = high.extremes(a, b).high, bottom = low.extremes(a, b).low;
        out.push_back({a, open[a], highs[top == MinMaxPyramid::kNone ? a : top],
                       lows[bottom == MinMaxPyramid::kNone ? a : bottom], close[b]});
        a = b + 1;
    }
}

void appendNewestMarkers(std::span<const EntryMarker> markers, std::size_t first, std::size_t last,
                         std::size_t bars_per_bucket, std::vector<std::size_t>& out) {
    const auto before = [](const EntryMarker& m, std::size_t bar) { return m.bar < bar; };
    const auto after = [](std::size_t bar, const EntryMarker& m) { return bar < m.bar; };
    const std::size_t step = std::max<std::size_t>(1, bars_per_bucket);
    auto it = std::lower_bound(markers.begin(), markers.end(), first, before);
    while (it != markers.end() && it->bar <= last) {
        // The newest of its bucket is the last marker up to the bucket's end (or `last`).
        const std::size_t bucket_end = std::min(last, (it->bar / step + 1) * step - 1);
        const auto next = std::upper_bound(it, markers.end(), bucket_end, after);
        out.push_back(static_cast<std::size_t>(next - 1 - markers.begin()));
        it = next;
    }
}

}  // namespace atc::ui
