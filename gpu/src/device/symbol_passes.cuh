// SPDX-License-Identifier: GPL-3.0-or-later
// The per-symbol passes after Layer 1, one thread per symbol walking its bars:
// Layer 2 with the Average, the marker count and the last Average (layer2.cpp,
// layers.cpp, markers.cpp of the engine), then, once the host knows where each
// symbol's markers go, the markers themselves. Also the per-element steps
// around them: the equity factor input keep*r and the two layout changes.
#pragma once

#include "device/hd.cuh"
#include "device/launch_args.hpp"
#include "device/signal_steps.cuh"

namespace atc::gpu::device {

// symbol_inputs.cpp: keep * (close[i]/close[i-1] - 1) * growth[i]; NaN at bar 0.
ATC_HD inline void prepare_element(const Chunk& c, const SignalConst& sig, std::int32_t symbol,
                                   std::int32_t i) {
    if (symbol >= c.symbols || i >= c.bars[symbol])
        return;
    const std::int64_t here = at(i, c.stride, symbol);
    if (i == 0) {
        c.keep_return[here] = quiet_nan();
        return;
    }
    const double r = (c.close[here] / c.close[at(i - 1, c.stride, symbol)] - 1.0) * c.growth[i];
    c.keep_return[here] = sig.keep * r;
}

// Layer 2 of the six families (equity(w_t, S_t, R)), the Average (0 before
// the cutout and where not finite; one bar later in strategy mode), and the
// number of entry markers, the last Average and the last equities of symbol
// `symbol`.
ATC_HD inline void layer2_symbol(const Layer2Args& a, std::int32_t symbol) {
    if (symbol >= a.chunk.symbols)
        return;
    const SignalConst& sig = a.signal;
    const std::int32_t stride = a.chunk.stride;
    const std::int32_t bars = a.chunk.bars[symbol];
    const std::int64_t family_rows = static_cast<std::int64_t>(a.chunk.max_bars);
    const double* ATC_RESTRICT family_signals = a.family_signals;
    const double* ATC_RESTRICT keep_return = a.chunk.keep_return;
    double* ATC_RESTRICT equities = a.equities;
    double* ATC_RESTRICT average = a.average;

    double equity[kFamilies];
    double held[kFamilies];  // S_t of the previous bar
    for (int t = 0; t < kFamilies; ++t) {
        equity[t] = quiet_nan();
        held[t] = quiet_nan();
    }
    double previous_raw = 0.0;  // the Average before the strategy-mode shift
    double previous_out = 0.0;
    std::int32_t last_marker = 0;
    std::int32_t markers = 0;
    for (std::int32_t i = 0; i < bars; ++i) {
        double now[kFamilies];
        for (int t = 0; t < kFamilies; ++t)
            now[t] = family_signals[at(t * family_rows + i, stride, symbol)];
        if (i == sig.cutout) {
            for (int t = 0; t < kFamilies; ++t)
                equity[t] = sig.start_weight[t];
        } else if (i > sig.cutout) {
            // hold_factor: long keep + keep*r, short keep - keep*r, else keep.
            const double kr = keep_return[at(i, stride, symbol)];
            const double up = sig.keep + kr;
            const double down = sig.keep - kr;
            for (int t = 0; t < kFamilies; ++t) {
                const double factor = held[t] > 0.0 ? up : (held[t] < 0.0 ? down : sig.keep);
                equity[t] = max_floor(kEquityFloor, equity[t] * factor);
            }
        }
        if (equities) {
            for (int t = 0; t < kFamilies; ++t)
                equities[at(t * family_rows + i, stride, symbol)] = equity[t];
        }
        double raw = 0.0;
        if (i >= sig.cutout) {
            double num = 0.0;
            double den = 0.0;
            for (int t = 0; t < kFamilies; ++t) {
                num += threshold_cut(now[t], sig) * equity[t];
                den += equity[t];
            }
            const double value = num / den;
            raw = is_finite(value) ? value : 0.0;
        }
        const double out = sig.strategy_mode ? (i == 0 ? 0.0 : previous_raw) : raw;
        average[at(i, stride, symbol)] = out;
        if (i > 0 && marker_step(last_marker, previous_out, out, sig) != 0)
            ++markers;
        previous_raw = raw;
        previous_out = out;
        for (int t = 0; t < kFamilies; ++t)
            held[t] = now[t];
    }
    a.marker_counts[symbol] = markers;
    a.last_average[symbol] = previous_out;
    for (int t = 0; t < kFamilies; ++t)
        a.last_equities[symbol * kFamilies + t] = equity[t];
}

// The entry markers of symbol `symbol` from its Average, at the place the
// host assigned (the counts' running sum).
ATC_HD inline void markers_symbol(const MarkerArgs& a, std::int32_t symbol) {
    if (symbol >= a.chunk.symbols)
        return;
    const std::int32_t stride = a.chunk.stride;
    const std::int32_t bars = a.chunk.bars[symbol];
    DeviceMarker* out = a.markers + a.marker_offsets[symbol];
    std::int32_t last = 0;
    double previous = bars > 0 ? a.average[at(0, stride, symbol)] : 0.0;
    for (std::int32_t i = 1; i < bars; ++i) {
        const double now = a.average[at(i, stride, symbol)];
        const std::int32_t direction = marker_step(last, previous, now, a.signal);
        if (direction != 0) {
            out->bar = i;
            out->direction = direction;
            out->average = now;
            ++out;
        }
        previous = now;
    }
}

// Layout changes, element by element: bar i of symbol `symbol` between the
// symbol-major packed arrays (each symbol's bars one after another, as the
// host holds them) and the bars-major arrays the kernels work on. Padding
// (bars past a symbol's end, lanes past the last symbol) is NaN.
ATC_HD inline void pack_to_bars_major(const PackArgs& a, std::int32_t symbol, std::int32_t i) {
    const Chunk& c = a.chunk;
    if (symbol >= c.stride || i >= c.max_bars)
        return;
    const bool inside = symbol < c.symbols && i < c.bars[symbol];
    a.bars_major[at(i, c.stride, symbol)] = inside ? a.packed[c.offsets[symbol] + i] : quiet_nan();
}

ATC_HD inline void bars_major_to_packed(const UnpackArgs& a, int series, std::int32_t symbol,
                                        std::int32_t i) {
    const Chunk& c = a.chunk;
    if (symbol >= c.symbols || i >= c.bars[symbol])
        return;
    a.packed[series * c.packed_bars + c.offsets[symbol] + i] =
        a.series[series][at(i, c.stride, symbol)];
}

}  // namespace atc::gpu::device
