// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/family_layer1.hpp"

#include <algorithm>
#include <cassert>
#include <limits>

#include "atc/signals.hpp"
#include "ma/family_lanes.hpp"
#include "pipeline/simd.hpp"
#include "signal/steps.hpp"

#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The lane sums reduce as four lanes: lane j accumulates members j, j+4, j+8.
constexpr std::size_t kSumLanes = 4;
// Bars whose lane sums wait in a small buffer to be reduced and divided
// together: apart from the recursion, and a vector of bars at a time.
constexpr std::size_t kBlock = 256;

// Where a bar lies relative to the cutout: no equity yet, the first equity, or
// an equity grown from the previous bar's.
enum class Phase { BeforeCutout, AtCutout, AfterCutout };

template <class V>
struct Lanes {
    static constexpr std::size_t kWidth = simd::kWidth<V>;
    static constexpr std::size_t kGroups = ma::kLaneStride / kWidth;
    static constexpr std::size_t kAcc = kSumLanes / kWidth;
    V diff[kGroups];    // price - MA at the previous bar
    V state[kGroups];   // -1, 0, +1
    V equity[kGroups];  // from the cutout on; always 0 in padding lanes
    V floor[kGroups];   // the equity floor; 0 in padding lanes
    V start[kGroups];   // the equity at the cutout; 0 in padding lanes
};

// Each member's state and equity at bar i, straight out of the registers.
template <class V>
inline ATC_INLINE void trace_bar(const Lanes<V>& lanes, std::size_t i, bool has_equity,
                                 const MemberTraces& traces) {
    constexpr std::size_t kWidth = Lanes<V>::kWidth;
    // A one-slot trace is overwritten bar after bar and ends holding the last
    // bar; a full one has a slot for every bar (min(i, n - 1) == i).
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        traces[k].state[std::min(i, traces[k].state.size() - 1)] =
            static_cast<std::int8_t>(lanes.state[k / kWidth][k % kWidth]);
        traces[k].equity[std::min(i, traces[k].equity.size() - 1)] =
            has_equity ? lanes.equity[k / kWidth][k % kWidth] : kNaN;
    }
}

// Rows of four lane sums (row r at sums + r * 8, numerators then
// denominators) reduced as (l0 + l1) + (l2 + l3), one bar per vector lane.
template <class V>
inline ATC_INLINE V reduce_rows(const double* rows) {
    constexpr std::size_t kRow = 2 * kSumLanes;
    if constexpr (simd::kWidth<V> == 4) {
        const V a = simd::load<V>(rows), b = simd::load<V>(rows + kRow);
        const V c = simd::load<V>(rows + 2 * kRow), d = simd::load<V>(rows + 3 * kRow);
        const V ab = __builtin_shufflevector(a, b, 0, 4, 2, 6) +
                     __builtin_shufflevector(a, b, 1, 5, 3, 7);  // a0+a1 b0+b1 a2+a3 b2+b3
        const V cd =
            __builtin_shufflevector(c, d, 0, 4, 2, 6) + __builtin_shufflevector(c, d, 1, 5, 3, 7);
        return __builtin_shufflevector(ab, cd, 0, 1, 4, 5) +
               __builtin_shufflevector(ab, cd, 2, 3, 6, 7);
    } else {
        const V a_lo = simd::load<V>(rows), a_hi = simd::load<V>(rows + 2);
        const V b_lo = simd::load<V>(rows + kRow), b_hi = simd::load<V>(rows + kRow + 2);
        const V low = __builtin_shufflevector(a_lo, b_lo, 0, 2) +
                      __builtin_shufflevector(a_lo, b_lo, 1, 3);  // a0+a1 b0+b1
        const V high = __builtin_shufflevector(a_hi, b_hi, 0, 2) +
                       __builtin_shufflevector(a_hi, b_hi, 1, 3);  // a2+a3 b2+b3
        return low + high;
    }
}

inline double reduce_row(const double* row) {
    return (row[0] + row[1]) + (row[2] + row[3]);
}

// S[i] = round2(num[i] / den[i]) for the bars [begin, end) of one block.
template <class V>
inline ATC_INLINE void finish(const double* sums, std::size_t begin, std::size_t end,
                              double* signal) {
    constexpr std::size_t kWidth = simd::kWidth<V>;
    constexpr std::size_t kRow = 2 * kSumLanes;
    std::size_t i = begin;
    for (; i + kWidth <= end; i += kWidth) {
        const double* rows = sums + (i - begin) * kRow;
        simd::store(signal + i, round2(reduce_rows<V>(rows) / reduce_rows<V>(rows + kSumLanes)));
    }
    for (; i < end; ++i) {
        const double* row = sums + (i - begin) * kRow;
        signal[i] = round2(reduce_row(row) / reduce_row(row + kSumLanes));
    }
}

template <class V, Phase kPhase, bool kTrace>
inline ATC_INLINE void run_bars(Lanes<V>& lanes, const SymbolInputs& in, const double* ma,
                                std::size_t begin, std::size_t end, double* signal,
                                const MemberTraces* traces) {
    constexpr std::size_t kWidth = Lanes<V>::kWidth;
    constexpr std::size_t kGroups = Lanes<V>::kGroups;
    constexpr std::size_t kAcc = Lanes<V>::kAcc;
    const V keep = simd::splat<V>(in.keep);
    const V one = simd::splat<V>(1.0);
    const V minus_one = simd::splat<V>(-1.0);
    alignas(32) double sums[kBlock * 2 * kSumLanes];
    for (std::size_t block = begin; block < end; block += kBlock) {
        const std::size_t block_end = std::min(end, block + kBlock);
        for (std::size_t i = block; i < block_end; ++i) {
            const V price = simd::splat<V>(in.close[i]);
            const V band = simd::splat<V>(in.band[i]);
            const V prev_band = simd::splat<V>(in.band[i - 1]);
            const V keep_return = simd::splat<V>(in.keep_return[i]);
            V num[kAcc] = {};
            V den[kAcc] = {};
            for (std::size_t g = 0; g < kGroups; ++g) {
                // crossing_step of steps.hpp, lane by lane.
                const V diff = price - simd::load<V>(ma + i * ma::kLaneStride + g * kWidth);
                const V prev_diff = lanes.diff[g];
                const auto cross_up = (diff > band) & (prev_diff <= prev_band);
                const auto cross_down = (diff < -band) & (prev_diff >= -prev_band);
                const V held = lanes.state[g];
                // Two selects in this order: the other order compiled to a
                // third instruction that inverts the mask.
                const V not_up = cross_down ? minus_one : held;
                const V state = cross_up ? one : not_up;
                lanes.diff[g] = diff;
                lanes.state[g] = state;
                if constexpr (kPhase == Phase::AtCutout)
                    lanes.equity[g] = simd::max_floor(lanes.floor[g], lanes.start[g]);
                if constexpr (kPhase == Phase::AfterCutout) {
                    // hold_factor for a state in {-1, 0, +1} (steps.hpp).
                    const V factor = keep + held * keep_return;
                    lanes.equity[g] = simd::max_floor(lanes.floor[g], lanes.equity[g] * factor);
                }
                num[g % kAcc] += state * lanes.equity[g];
                den[g % kAcc] += lanes.equity[g];
            }
            if constexpr (kPhase != Phase::BeforeCutout) {
                double* row = sums + (i - block) * 2 * kSumLanes;
                for (std::size_t a = 0; a < kAcc; ++a) {
                    simd::store(row + a * kWidth, num[a]);
                    simd::store(row + kSumLanes + a * kWidth, den[a]);
                }
            }
            if constexpr (kTrace)
                trace_bar(lanes, i, kPhase != Phase::BeforeCutout, *traces);
        }
        if constexpr (kPhase == Phase::BeforeCutout) {
            std::fill(signal + block, signal + block_end, kNaN);
        } else {
            finish<V>(sums, block, block_end, signal);
        }
    }
}

template <class V, bool kTrace>
inline ATC_INLINE void run(const SymbolInputs& in, const double* ma, double* signal,
                           const MemberTraces* traces) {
    constexpr std::size_t kWidth = Lanes<V>::kWidth;
    const std::size_t n = in.close.size();
    const std::size_t cut = in.cutout;
    Lanes<V> lanes;
    for (std::size_t g = 0; g < Lanes<V>::kGroups; ++g) {
        V active;
        for (std::size_t j = 0; j < kWidth; ++j)
            active[j] = g * kWidth + j < kMembersPerFamily ? 1.0 : 0.0;
        lanes.floor[g] = active * kEquityFloor;
        lanes.start[g] = active;  // every member starts at 1.0
        lanes.state[g] = simd::splat<V>(0.0);
        lanes.equity[g] = simd::max_floor(lanes.floor[g], lanes.start[g]);
        // Bar 0 has no previous bar, so nothing crosses; it sets the distances.
        lanes.diff[g] = simd::splat<V>(in.close[0]) - simd::load<V>(ma + g * kWidth);
    }
    // At bar 0 every state is 0, so the signal is 0 when the equities start there.
    signal[0] = cut == 0 ? 0.0 : kNaN;
    if constexpr (kTrace)
        trace_bar(lanes, 0, cut == 0, *traces);
    if (cut == 0) {
        run_bars<V, Phase::AfterCutout, kTrace>(lanes, in, ma, 1, n, signal, traces);
        return;
    }
    run_bars<V, Phase::BeforeCutout, kTrace>(lanes, in, ma, 1, cut, signal, traces);
    run_bars<V, Phase::AtCutout, kTrace>(lanes, in, ma, cut, cut + 1, signal, traces);
    run_bars<V, Phase::AfterCutout, kTrace>(lanes, in, ma, cut + 1, n, signal, traces);
}

}  // namespace

void family_layer1(const SymbolInputs& in, std::span<const double> ma_lanes,
                   std::span<double> signal, const MemberTraces* traces) {
    assert(!in.close.empty() && signal.size() == in.close.size() &&
           ma_lanes.size() >= in.close.size() * ma::kLaneStride);
    simd::dispatch([&]<class V>() ATC_INLINE {
        if (traces) {
            run<V, true>(in, ma_lanes.data(), signal.data(), traces);
        } else {
            run<V, false>(in, ma_lanes.data(), signal.data(), traces);
        }
    });
}

}  // namespace atc::detail
