// SPDX-License-Identifier: GPL-3.0-or-later
// The moving averages of a scan with one symbol per vector lane: a group of
// symbols of equal length, bar by bar, a member (or a few) at a time. Lane s of an
// interleaved series holds symbol s's bar i at x[i * width + s]. Every lane
// has the same length and hence the same warm-up and re-anchoring schedule,
// so a lagged read x[i - N] is one vector load and there are no padding lanes.
//
// Each lane does exactly the floating-point operations, in the same order, of
// the member's lane in the family kernels (family_recursive.cpp,
// family_window.cpp), so the numbers are bit-identical to the per-symbol path
// (tests/engine/test_symbol_lanes.cpp). A member is a small struct run over a
// block of bars by members_bars: fast(i, price) is its value at bar i on an
// ordinary bar, slow(i, price) on any bar, and `next_slow` the next bar that
// needs slow (the warm-up, a re-anchoring).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>
#include <vector>

#include "atc/moving_averages.hpp"
#include "atc/params.hpp"
#include "ma/family_kernels.hpp"
#include "ma/family_lanes.hpp"
#include "ma/member_constants.hpp"
#include "pipeline/simd.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::ma::detail::symbol_lanes {

namespace simd = atc::detail::simd;

// Bar i of an interleaved series.
template <class V>
inline ATC_INLINE V row(const double* x, std::size_t i) {
    return simd::load<V>(x + i * simd::kWidth<V>);
}

// reference/window_sums.hpp's running sums for every lane at once: the window
// of `length` bars from its first value at bar `first`, re-anchored by a direct
// sum there and every max(kReanchorInterval, length) bars after it.
template <class V, bool kWeighted>
struct LaneWindow {
    V sums{};
    V weighted{};
    V weight{};  // the window length, for the weighted sum's update
    std::size_t length = 1;
    std::size_t first = 0;
    std::size_t next_anchor = 0;
    std::size_t interval = 1;

    void start(std::size_t window_length, std::size_t first_bar) {
        length = window_length;
        first = next_anchor = first_bar;
        interval = std::max(kReanchorInterval, length);
        weight = simd::splat<V>(static_cast<double>(length));
    }
    // WindowSums::anchor: the window's sums summed afresh, oldest bar first.
    template <class Row>
    ATC_INLINE void anchor(std::size_t i, const Row& at) {
        V s = simd::splat<V>(0.0);
        V w = simd::splat<V>(0.0);
        for (std::size_t j = 0; j < length; ++j) {
            const V v = at(i + 1 - length + j);
            s = s + v;
            if constexpr (kWeighted)
                w = w + simd::splat<V>(static_cast<double>(j + 1)) * v;
        }
        sums = s;
        weighted = w;
        next_anchor += interval;
    }
    // WindowSums::advance (the weighted sum first: it takes the old sums).
    ATC_INLINE void advance(V now, V old) {
        if constexpr (kWeighted)
            weighted = weighted + (weight * now - sums);
        sums = sums + (now - old);
    }
    // Any bar: false before the first value.
    template <class Row>
    ATC_INLINE bool step(std::size_t i, const Row& at) {
        if (i < first)
            return false;
        if (i == next_anchor)
            anchor(i, at);
        else
            advance(at(i), at(i - length));
        return true;
    }
    // A bar past the first value with no anchor due.
    template <class Row>
    ATC_INLINE void fast(std::size_t i, const Row& at) {
        advance(at(i), at(i - length));
    }
};

// An interleaved series read by bar.
template <class V>
struct Rows {
    const double* x;
    ATC_INLINE V operator()(std::size_t i) const { return row<V>(x, i); }
};

// KAMA's noise terms |x[i] - x[i-1]|, bar i >= 1. Up to six symbols a
// vector they are a second interleaved series, beside the prices in the
// worker's MA lanes (pipeline/symbol_lanes.cpp's fill_inputs); at eight
// (AVX-512) the two would not fit there, and the terms are computed where
// they are read, which the 32 registers have room for. (Computed at four
// symbols too, they cost 3 % more instructions in the scan.)
template <class V>
inline constexpr bool kKeptSteps = 2 * simd::kWidth<V> <= kLaneStride;

template <class V>
struct StepRows {
    const double* x;      // the prices
    const double* steps;  // their steps, where kKeptSteps<V>
    ATC_INLINE V operator()(std::size_t i) const {
        if constexpr (kKeptSteps<V>)
            return row<V>(steps, i);
        else
            return simd::abs(row<V>(x, i) - row<V>(x, i - 1));
    }
};

// The next bar a member of windows `w` needs its slow path after bar i: every
// bar until all have started, then the next anchor.
template <class Window, std::size_t kCount>
inline std::size_t next_window_event(std::size_t i, const std::array<Window, kCount>& w) {
    std::size_t started = 0;
    std::size_t next = kNever;
    for (const Window& window : w) {
        started = std::max(started, window.first);
        next = std::min(next, window.next_anchor);
    }
    return i + 1 < started ? i + 1 : next;
}

// EmaFamily<kDouble> of family_recursive.cpp: NaN before N-1, the mean of the
// first N values at N-1, then alpha*x + (1-alpha)*previous; with kDouble
// 2*e1 - e2, e2 the EMA of e1 seeded with e1's first value.
template <class V, bool kDouble>
struct EmaMember {
    V e1{}, e2{}, seed{}, alpha{}, keep{};
    std::size_t first = 0;
    std::size_t next_slow = 0;

    EmaMember() = default;
    EmaMember(const double* x, std::size_t n, int length) {
        first = first_defined_window(length);
        const double a = ema_alpha(length);
        alpha = simd::splat<V>(a);
        keep = simd::splat<V>(1.0 - a);
        seed = simd::splat<V>(kNaN);
        if (first < n) {
            V s = simd::splat<V>(0.0);
            for (std::size_t i = 0; i <= first; ++i)
                s = s + row<V>(x, i);
            seed = s / simd::splat<V>(static_cast<double>(length));
        }
    }
    ATC_INLINE V fast(std::size_t, V price) {
        e1 = alpha * price + keep * e1;
        if constexpr (!kDouble)
            return e1;
        e2 = alpha * e1 + keep * e2;
        return 2.0 * e1 - e2;
    }
    ATC_INLINE V slow(std::size_t i, V price) {
        next_slow = i + 1 <= first ? i + 1 : kNever;
        if (i < first)
            return simd::splat<V>(kNaN);
        if (i > first)
            return fast(i, price);
        e1 = seed;
        if constexpr (!kDouble)
            return e1;
        e2 = e1;
        return 2.0 * e1 - e2;
    }
};

// KamaFamily of family_recursive.cpp: x[0] until bar N, then KAMA[i-1] +
// sc*(x[i] - KAMA[i-1]), the noise sum of |x[j] - x[j-1]| over the window
// (which starts at bar 1). `steps`: those terms, interleaved, where
// kKeptSteps<V> (bar 0 unused); else unread.
template <class V>
struct KamaMember {
    V value{};
    std::array<LaneWindow<V, false>, 1> noise;
    const double* x = nullptr;
    const double* steps = nullptr;
    std::size_t next_slow = 0;

    KamaMember() = default;
    KamaMember(const double* prices, const double* step_rows, int length)
        : value(row<V>(prices, 0)), x(prices), steps(step_rows) {
        const auto n = static_cast<std::size_t>(length);
        noise[0].start(n, n);  // the first update (and anchor) at bar N
    }
    ATC_INLINE V update(std::size_t i, V price) {
        const V zero = simd::splat<V>(0.0);
        const V back = row<V>(x, i - noise[0].length);
        const V signal = simd::abs(price - back);
        const V ratio =
            simd::select(simd::not_equal(noise[0].sums, zero), signal / noise[0].sums, zero);
        const V sc_root = ratio * simd::splat<V>(kKamaFast - kKamaSlow) + simd::splat<V>(kKamaSlow);
        const V sc = sc_root * sc_root;
        value = value + sc * (price - value);
        return value;
    }
    ATC_INLINE V fast(std::size_t i, V price) {
        noise[0].fast(i, StepRows<V>{x, steps});
        return update(i, price);
    }
    ATC_INLINE V slow(std::size_t i, V price) {
        const bool started = noise[0].step(i, StepRows<V>{x, steps});
        next_slow = next_window_event(i, noise);
        return started ? update(i, price) : value;
    }
};

// What a plain window's sums become: the WMA, or the LSMA's line (at the
// second-newest bar; the price itself for a one-bar window).
enum class WindowKind { Wma, Lsma };

// WmaFamily and LsmaFamily<false> of family_window.cpp: NaN before N-1.
template <class V, WindowKind kKind>
struct WindowMember {
    std::array<LaneWindow<V, true>, 1> window;
    V scale_weighted{}, scale_sums{};
    const double* x = nullptr;
    bool price_itself = false;
    std::size_t next_slow = 0;

    WindowMember() = default;
    WindowMember(const double* prices, int length) : x(prices) {
        window[0].start(static_cast<std::size_t>(length), first_defined_window(length));
        if constexpr (kKind == WindowKind::Wma) {
            scale_weighted = simd::splat<V>(wma_inverse_total(length));
        } else {
            const LineWeights w = lsma_weights(length, false);
            scale_weighted = simd::splat<V>(w.of_sum_xy);
            scale_sums = simd::splat<V>(w.of_sum_y);
            price_itself = length == 1;
        }
    }
    ATC_INLINE V finish(V price) const {
        if constexpr (kKind == WindowKind::Wma) {
            return window[0].weighted * scale_weighted;
        } else {
            const V line = window[0].weighted * scale_weighted + window[0].sums * scale_sums;
            return price_itself ? price : line;
        }
    }
    ATC_INLINE V fast(std::size_t i, V price) {
        window[0].fast(i, Rows<V>{x});
        return finish(price);
    }
    ATC_INLINE V slow(std::size_t i, V price) {
        const bool started = window[0].step(i, Rows<V>{x});
        next_slow = next_window_event(i, window);
        return started ? finish(price) : simd::splat<V>(kNaN);
    }
};

// HmaFamily of family_window.cpp: the outer WMA of floor(sqrt N) bars over
// 2*WMA(max(1, N/2)) - WMA(N). The inner difference goes into a small ring (a
// power of two of rows, more than the outer window), from which the outer
// window reads its lagged and re-anchoring rows.
template <class V>
struct HullMember {
    static constexpr std::size_t kFull = 0, kHalf = 1, kOuter = 2;
    std::array<LaneWindow<V, true>, 3> windows;
    std::array<V, 3> inverse_total{};
    double* ring = nullptr;
    std::size_t ring_mask = 0;
    const double* x = nullptr;
    std::size_t next_slow = 0;

    // The ring's rows for a member of `length` bars.
    static std::size_t ring_rows(int length) {
        std::size_t rows = 1;
        while (rows <= static_cast<std::size_t>(integer_sqrt(length)))
            rows *= 2;
        return rows;
    }

    HullMember() = default;
    HullMember(const double* prices, int length, double* ring_rows_at)
        : ring(ring_rows_at), ring_mask(ring_rows(length) - 1), x(prices) {
        const int root = integer_sqrt(length);
        const int half = std::max(1, length / 2);
        windows[kFull].start(static_cast<std::size_t>(length), first_defined_window(length));
        windows[kHalf].start(static_cast<std::size_t>(half), first_defined_window(half));
        windows[kOuter].start(static_cast<std::size_t>(root),
                              first_defined_window(length) + first_defined_window(root));
        inverse_total = {simd::splat<V>(wma_inverse_total(length)),
                         simd::splat<V>(wma_inverse_total(half)),
                         simd::splat<V>(wma_inverse_total(root))};
    }
    ATC_INLINE double* ring_row(std::size_t i) const {
        return ring + (i & ring_mask) * simd::kWidth<V>;
    }
    ATC_INLINE V wma(std::size_t w) const { return windows[w].weighted * inverse_total[w]; }
    ATC_INLINE V fast(std::size_t i, V) {
        windows[kFull].fast(i, Rows<V>{x});
        windows[kHalf].fast(i, Rows<V>{x});
        const V difference = simd::splat<V>(2.0) * wma(kHalf) - wma(kFull);
        simd::store(ring_row(i), difference);
        windows[kOuter].advance(difference, simd::load<V>(ring_row(i - windows[kOuter].length)));
        return wma(kOuter);
    }
    ATC_INLINE V slow(std::size_t i, V) {
        const V nan = simd::splat<V>(kNaN);
        const V full = windows[kFull].step(i, Rows<V>{x}) ? wma(kFull) : nan;
        const V half = windows[kHalf].step(i, Rows<V>{x}) ? wma(kHalf) : nan;
        simd::store(ring_row(i), simd::splat<V>(2.0) * half - full);
        const auto differences = [&](std::size_t j)
                                     ATC_INLINE { return simd::load<V>(ring_row(j)); };
        const bool started = windows[kOuter].step(i, differences);
        next_slow = next_window_event(i, windows);
        return started ? wma(kOuter) : nan;
    }
};

// Members `m[K]...` over bars [begin, end) of the prices x, side by side
// (their recursions are independent chains, which the core overlaps):
// consume(i, price, values) at each bar, values[k] the value of m[K_k].
template <class V, class Member, std::size_t kCount, std::size_t... K, class Consume>
inline ATC_INLINE void members_bars(std::array<Member, kCount>& m, std::index_sequence<K...>,
                                    const double* x, std::size_t begin, std::size_t end,
                                    Consume&& consume) {
    for (std::size_t i = begin; i < end;) {
        const std::size_t stop = std::min({end, m[K].next_slow...});
        for (; i < stop; ++i) {
            const V price = row<V>(x, i);
            consume(i, price, std::array<V, sizeof...(K)>{m[K].fast(i, price)...});
        }
        if (i < end) {
            const V price = row<V>(x, i);
            consume(i, price,
                    std::array<V, sizeof...(K)>{
                        (i >= m[K].next_slow ? m[K].slow(i, price) : m[K].fast(i, price))...});
            ++i;
        }
    }
}

}  // namespace atc::ma::detail::symbol_lanes

#pragma GCC diagnostic pop
