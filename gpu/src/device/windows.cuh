// SPDX-License-Identifier: GPL-3.0-or-later
// The CPU's sliding-window sums (engine/src/ma/reference/window_sums.hpp) for
// one thread: the same running sums, the same re-anchoring bars, the same
// operations in the same order, so each window's sums are bit-identical to the
// CPU's.
#pragma once

#include "device/hd.cuh"
#include "device/launch_args.hpp"

namespace atc::gpu::device {

struct WindowState {
    double sum = 0.0;
    double weighted = 0.0;  // sum_k (N-k) x[i-k], the newest weighted N
    std::int32_t next_anchor = 0;
};

ATC_HD inline void window_start(WindowState& w, const WindowConst& c) {
    w.next_anchor = c.first;
}

// WindowSums::anchor: a direct summation over the window, oldest first.
// `src(bar)` reads the windowed series.
template <bool kWeighted, class Source>
ATC_HD inline void window_anchor(WindowState& w, const WindowConst& c, const Source& src,
                                 std::int32_t i) {
    const std::int32_t begin = i + 1 - c.length;
    double s = 0.0;
    double weighted = 0.0;
    for (std::int32_t j = 0; j < c.length; ++j) {
        const double v = src(begin + j);
        s += v;
        if constexpr (kWeighted)
            weighted += static_cast<double>(j + 1) * v;
    }
    w.sum = s;
    w.weighted = weighted;
    w.next_anchor += c.interval;
}

// WindowSums::advance: the weighted sum gains N*newest and loses the previous
// plain sum; the plain sum gains the newest and loses the value N bars back.
template <bool kWeighted>
ATC_HD inline void window_advance(WindowState& w, const WindowConst& c, double now, double old) {
    if constexpr (kWeighted)
        w.weighted = w.weighted + (c.length_value * now - w.sum);
    w.sum = w.sum + (now - old);
}

// WindowSums::move_to(i) for i >= c.first; `now` is src(i).
template <bool kWeighted, class Source>
ATC_HD inline void window_step(WindowState& w, const WindowConst& c, const Source& src,
                               std::int32_t i, double now) {
    if (i == w.next_anchor) {
        window_anchor<kWeighted>(w, c, src, i);
    } else {
        window_advance<kWeighted>(w, c, now, src(i - c.length));
    }
}

}  // namespace atc::gpu::device
