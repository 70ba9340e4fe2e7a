#include "charts/column_envelope.hpp"

#include <algorithm>
#include <cmath>

namespace atc::ui {

std::size_t barsPerBucket(double span, double width_px, double bucket_px) {
    if (!(width_px > 0.0) || !(span > kMaxBarsPerPixel * width_px))
        return 1;
    return static_cast<std::size_t>(std::ceil(span * bucket_px / width_px));
}

void appendEnvelope(std::span<const double> values, std::size_t first, std::size_t last,
                    std::size_t bars_per_bucket, std::vector<std::size_t>& out) {
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
        // NaN fails every comparison, so the scan for the extremes skips it by itself.
        std::size_t lo = b + 1, hi = b + 1;
        double lo_v = INFINITY, hi_v = -INFINITY;
        for (std::size_t i = a; i <= b; ++i) {
            const double v = values[i];
            if (v < lo_v) {
                lo_v = v;
                lo = i;
            }
            if (v > hi_v) {
                hi_v = v;
                hi = i;
            }
        }
        if (lo <= b) {
            std::size_t head = a;
            while (!std::isfinite(values[head]))
                ++head;
            std::size_t tail = b;
            while (!std::isfinite(values[tail]))
                --tail;
            std::size_t picks[4] = {head, std::min(lo, hi), std::max(lo, hi), tail};
            for (std::size_t p : picks) {
                if (out.empty() || out.back() < p)
                    out.push_back(p);
            }
        }
        a = b + 1;
    }
}

void appendOhlcBuckets(std::span<const double> open, std::span<const double> high,
                       std::span<const double> low, std::span<const double> close,
                       std::size_t first, std::size_t last, std::size_t bars_per_bucket,
                       std::vector<OhlcBucket>& out) {
    const std::size_t n = std::min({open.size(), high.size(), low.size(), close.size()});
    if (n == 0 || first > last || first >= n)
        return;
    last = std::min(last, n - 1);
    const std::size_t step = std::max<std::size_t>(1, bars_per_bucket);
    for (std::size_t a = first; a <= last;) {
        const std::size_t b = std::min(last, (a / step + 1) * step - 1);
        OhlcBucket bucket{a, open[a], high[a], low[a], close[b]};
        for (std::size_t i = a + 1; i <= b; ++i) {
            bucket.high = std::max(bucket.high, high[i]);
            bucket.low = std::min(bucket.low, low[i]);
        }
        out.push_back(bucket);
        a = b + 1;
    }
}

void appendNewestMarkers(std::span<const EntryMarker> markers, std::size_t first, std::size_t last,
                         std::size_t bars_per_bucket, std::vector<std::size_t>& out) {
    const auto by_bar = [](const EntryMarker& m, std::size_t bar) { return m.bar < bar; };
    const auto begin = std::lower_bound(markers.begin(), markers.end(), first, by_bar);
    const std::size_t step = std::max<std::size_t>(1, bars_per_bucket);
    for (auto it = begin; it != markers.end() && it->bar <= last; ++it) {
        const auto next = it + 1;
        // The newest of its bucket: the next marker (if any) is in a later bucket.
        if (next == markers.end() || next->bar > last || next->bar / step != it->bar / step)
            out.push_back(static_cast<std::size_t>(it - markers.begin()));
    }
}

}  // namespace atc::ui
