// SPDX-License-Identifier: GPL-3.0-or-later
// One MA member in one thread, bar by bar: the recursions and windows of the
// CPU's reference kernels (engine/src/ma/reference/*.cpp) with the same
// operations in the same order. The kernels are compiled without fused
// multiply-add (gpu/CMakeLists.txt), so every value is bit-identical to the
// CPU's.
#pragma once

#include "device/hd.cuh"
#include "device/launch_args.hpp"
#include "device/windows.cuh"

namespace atc::gpu::device {

// One symbol's column of a bars-major array.
struct Column {
    const double* base;  // element (bar 0, this symbol)
    std::int32_t stride;
    ATC_HD double operator()(std::int32_t bar) const {
        return base[static_cast<std::int64_t>(bar) * stride];
    }
};

// |x[b] - x[b-1]|: the series KAMA's noise window sums.
struct StepSource {
    Column x;
    ATC_HD double operator()(std::int32_t bar) const { return ::fabs(x(bar) - x(bar - 1)); }
};

// The Hull average's raw series 2*WMA(half) - WMA(N) of one (symbol, member),
// kept for the last root + 1 bars in device memory (the outer window needs the
// value `root` bars back, and its re-anchoring the whole window).
struct Ring {
    double* base = nullptr;      // slot 0 of this (symbol, member)
    std::int64_t slot_step = 0;  // elements between slots: 9 * stride
    std::int32_t length = 1;     // slots: root + 1
    std::int32_t current = -1;   // slot of the newest bar
    std::int32_t newest_bar = 0;

    ATC_HD void push(std::int32_t bar, double value) {
        current = current + 1 == length ? 0 : current + 1;
        newest_bar = bar;
        base[current * slot_step] = value;
    }
    // Any of the last `length` bars.
    ATC_HD double operator()(std::int32_t bar) const {
        std::int32_t slot = current - (newest_bar - bar);
        if (slot < 0)
            slot += length;
        return base[slot * slot_step];
    }
};

// Everything a member carries from bar to bar; each kind uses its part.
struct MaState {
    double value = 0.0;   // EMA, DEMA's first EMA, KAMA
    double second = 0.0;  // DEMA's EMA of the EMA
    double previous_x = 0.0;
    WindowState window;  // WMA, SMA, LSMA, KAMA's noise, HMA's outer
    WindowState half;    // HMA
    WindowState full;    // HMA
};

ATC_HD inline void ma_start(MaState& st, const MemberConst& c) {
    window_start(st.window, c.window);
    window_start(st.half, c.half);
    window_start(st.full, c.full);
}

// ema.cpp / dema.cpp: NaN before N-1, the mean of the first N values at N-1,
// then alpha*x + (1-alpha)*previous; DEMA = 2*e1 - e2 with e2 the EMA of e1
// seeded with e1[N-1].
template <bool kDouble>
ATC_HD inline double ema_step(MaState& st, const MemberConst& c, const Column& x, std::int32_t i,
                              double xi) {
    if (i < c.first)
        return quiet_nan();
    if (i == c.first) {
        double sum = 0.0;
        for (std::int32_t j = 0; j <= c.first; ++j)
            sum += x(j);
        st.value = sum / c.length_value;
        st.second = st.value;
    } else {
        st.value = c.alpha * xi + c.ema_keep * st.value;
        if constexpr (kDouble)
            st.second = c.alpha * st.value + c.ema_keep * st.second;
    }
    if constexpr (kDouble)
        return 2.0 * st.value - st.second;
    return st.value;
}

// hma.cpp: WMA(floor(sqrt N)) over raw = 2*WMA(max(1, N/2)) - WMA(N), the outer
// window starting where raw is defined.
ATC_HD inline double hma_step(MaState& st, const MemberConst& c, const Column& x, Ring& ring,
                              std::int32_t i, double xi) {
    if (i >= c.half.first)
        window_step<true>(st.half, c.half, x, i, xi);
    if (i < c.full.first)
        return quiet_nan();
    window_step<true>(st.full, c.full, x, i, xi);
    const double raw = 2.0 * (st.half.weighted * c.half_scale) - st.full.weighted * c.full_scale;
    ring.push(i, raw);
    if (i < c.window.first)
        return quiet_nan();
    window_step<true>(st.window, c.window, ring, i, raw);
    return st.window.weighted * c.scale;
}

// kama.cpp: x[0] until bar N, then KAMA += sc * (x - KAMA) with the
// efficiency ratio |x[i] - x[i-N]| / sum of |x[j] - x[j-1]| over the window.
ATC_HD inline double kama_step(MaState& st, const MemberConst& c, const Column& x, std::int32_t i,
                               double xi) {
    if (i == 0)
        st.value = xi;
    if (i >= c.length) {
        window_step<false>(st.window, c.window, StepSource{x}, i, ::fabs(xi - st.previous_x));
        const double noise = st.window.sum;
        const double signal = ::fabs(xi - x(i - c.length));
        const double ratio = noise != 0.0 ? signal / noise : 0.0;
        const double sc_root = ratio * c.kama_span + c.kama_slow;
        const double sc = sc_root * sc_root;
        st.value = st.value + sc * (xi - st.value);
    }
    st.previous_x = xi;
    return st.value;
}

// The member's MA at bar i (bars 0, 1, 2, ... in turn); NaN where undefined.
template <MaKind kKind>
ATC_HD inline double ma_step(MaState& st, const MemberConst& c, const Column& x, Ring& ring,
                             std::int32_t i, double xi) {
    if constexpr (kKind == MaKind::Ema) {
        return ema_step<false>(st, c, x, i, xi);
    } else if constexpr (kKind == MaKind::Dema) {
        return ema_step<true>(st, c, x, i, xi);
    } else if constexpr (kKind == MaKind::Kama) {
        return kama_step(st, c, x, i, xi);
    } else if constexpr (kKind == MaKind::Hma) {
        return hma_step(st, c, x, ring, i, xi);
    } else if constexpr (kKind == MaKind::Lsma) {
        // lsma.cpp: one point fixes no line; LSMA(1) is the price.
        if (c.single_point)
            return xi;
        if (i < c.window.first)
            return quiet_nan();
        window_step<true>(st.window, c.window, x, i, xi);
        return st.window.weighted * c.line_xy + st.window.sum * c.line_y;
    } else if constexpr (kKind == MaKind::Sma) {
        if (i < c.window.first)
            return quiet_nan();
        window_step<false>(st.window, c.window, x, i, xi);
        return st.window.sum * c.scale;
    } else {
        static_assert(kKind == MaKind::Wma);
        if (i < c.window.first)
            return quiet_nan();
        window_step<true>(st.window, c.window, x, i, xi);
        return st.window.weighted * c.scale;
    }
}

}  // namespace atc::gpu::device
