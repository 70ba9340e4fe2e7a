#include "signal/pair_layer1.hpp"

#include <algorithm>
#include <cassert>
#include <limits>

#include "ma/pair_lanes.hpp"
#include "pipeline/simd.hpp"
#include "signal/steps.hpp"

#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::detail {
namespace {

using ma::detail::kPairStride;
using ma::detail::PairSlot;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Bars whose sums wait in a buffer to be divided together, four bars to a
// vector, apart from the recursion.
constexpr std::size_t kBlock = 128;
// A bar's row in that buffer. The AVX2 build sums each family's members in
// the loop and keeps four floats: A's num, B's num, A's den, B's den. The
// baseline build keeps all lanes (the 24 of state * E, then the 24 of E) and
// sums them in the finish, in the same order.
constexpr std::size_t kSumsRow = 4;
constexpr std::size_t kLanesRow = 2 * kPairStride;
constexpr std::size_t kDenominators = kPairStride;
// Where each family's members 0..7 and member 8 sit in a row.
constexpr std::size_t kFirstEight[2] = {ma::detail::pair_lane(PairSlot::A, 0),
                                        ma::detail::pair_lane(PairSlot::B, 0)};
constexpr std::size_t kNinth[2] = {ma::detail::pair_lane(PairSlot::A, 8),
                                   ma::detail::pair_lane(PairSlot::B, 8)};

enum class Phase { BeforeCutout, AtCutout, AfterCutout };

// Padding lanes (18..23) run the same recursions on whatever they hold; no
// sum reads them. The previous bar's D is read again from the pair buffer (it
// is in the L1 cache) rather than kept in a register: three registers fewer,
// and the state and equity recursions then fit in registers without spilling.
template <class V>
struct Lanes {
    static constexpr std::size_t kWidth = simd::kWidth<V>;
    static constexpr std::size_t kGroups = ma::detail::kPairGroups<V>;
    V state[kGroups];   // -1, 0, +1
    V equity[kGroups];  // from the cutout on
};

// std::max(floor, x) lane by lane (NaN x gives floor), in the form GCC turns
// into one vmaxps (simd::max_floor's form becomes a compare and a blend).
template <class V>
inline ATC_INLINE V at_least(V floor, V x) {
    return x > floor ? x : floor;
}

// S = round2(num / den): the quotient in float (the sums are float already),
// rounding to hundredths in double, so S is a double of hundredths exactly as
// the float64 path writes it.
inline double signal_of(float num, float den) {
    return round2(static_cast<double>(num / den));
}

// One family's sum of a row of all lanes, in the documented order.
inline float lanes_sum(const float* row, std::size_t slot) {
    const float* m = row + kFirstEight[slot];
    return (((m[0] + m[1]) + (m[2] + m[3])) + ((m[4] + m[5]) + (m[6] + m[7]))) + row[kNinth[slot]];
}

// The AVX2 loop's four sums of a bar, from the three groups' state * E and E:
// ((m0 + m1) + (m2 + m3)) + ((m4 + m5) + (m6 + m7)) per family, then + m8.
inline ATC_INLINE simd::F4 bar_sums(const simd::F8 (&num)[3], const simd::F8 (&den)[3]) {
    using simd::F4;
    using simd::F8;
    static_assert(kFirstEight[0] == 0 && kFirstEight[1] == 8 && kNinth[0] == 16 && kNinth[1] == 17,
                  "the shuffles below follow the pair layout");
    // Pairs within each half: a01 a23 b01 b23 | a45 a67 b45 b67 (vhaddps).
    auto pairs = [](F8 a, F8 b) ATC_INLINE {
        return __builtin_shufflevector(a, b, 0, 2, 8, 10, 4, 6, 12, 14) +
               __builtin_shufflevector(a, b, 1, 3, 9, 11, 5, 7, 13, 15);
    };
    const F8 quads = pairs(pairs(num[0], num[1]), pairs(den[0], den[1]));
    const F4 eights = __builtin_shufflevector(quads, quads, 0, 1, 2, 3) +
                      __builtin_shufflevector(quads, quads, 4, 5, 6, 7);
    const F4 ninths = __builtin_shufflevector(num[2], den[2], 0, 1, 8, 9);
    return eights + ninths;
}

// S of both families for the bars [begin, end) of one block.
template <class V>
inline ATC_INLINE void finish(const float* sums, std::size_t begin, std::size_t end,
                              double* const (&signal)[2]) {
    std::size_t i = begin;
    if constexpr (simd::kWidth<V> == 8) {
        using simd::F8;
        using simd::V4;
        for (; i + 4 <= end; i += 4) {
            const float* rows = sums + (i - begin) * kSumsRow;
            const F8 early = simd::load<F8>(rows), late = simd::load<F8>(rows + 8);
            // A0 B0 A1 B1 A2 B2 A3 B3 for bars i .. i+3.
            const F8 num = __builtin_shufflevector(early, late, 0, 1, 4, 5, 8, 9, 12, 13);
            const F8 den = __builtin_shufflevector(early, late, 2, 3, 6, 7, 10, 11, 14, 15);
            const F8 quotient = num / den;
            const V4 low = round2(__builtin_convertvector(
                __builtin_shufflevector(quotient, quotient, 0, 1, 2, 3), V4));
            const V4 high = round2(__builtin_convertvector(
                __builtin_shufflevector(quotient, quotient, 4, 5, 6, 7), V4));
            simd::store(signal[0] + i, __builtin_shufflevector(low, high, 0, 2, 4, 6));
            simd::store(signal[1] + i, __builtin_shufflevector(low, high, 1, 3, 5, 7));
        }
        for (; i < end; ++i) {
            const float* row = sums + (i - begin) * kSumsRow;
            signal[0][i] = signal_of(row[0], row[2]);
            signal[1][i] = signal_of(row[1], row[3]);
        }
    } else {
        for (; i < end; ++i) {
            const float* row = sums + (i - begin) * kLanesRow;
            for (std::size_t slot = 0; slot < 2; ++slot)
                signal[slot][i] =
                    signal_of(lanes_sum(row, slot), lanes_sum(row + kDenominators, slot));
        }
    }
}

template <class V, Phase kPhase>
inline ATC_INLINE void run_bars(Lanes<V>& lanes, const Float32Inputs& in, const float* d,
                                std::size_t begin, std::size_t end, double* const (&signal)[2]) {
    constexpr std::size_t kWidth = Lanes<V>::kWidth;
    constexpr std::size_t kGroups = Lanes<V>::kGroups;
    const V keep = simd::splat<V>(in.keep);
    const V one = simd::splat<V>(1.0f);
    const V minus_one = simd::splat<V>(-1.0f);
    const V floor = simd::splat<V>(static_cast<float>(kEquityFloor));
    alignas(32) float sums[kBlock * kLanesRow];
    for (std::size_t block = begin; block < end; block += kBlock) {
        const std::size_t block_end = std::min(end, block + kBlock);
        for (std::size_t i = block; i < block_end; ++i) {
            const V band = simd::splat<V>(in.band[i]);
            const V prev_band = simd::splat<V>(in.band[i - 1]);
            const V keep_return = simd::splat<V>(in.keep_return[i]);
            V num[kGroups], den[kGroups];  // state * E and E
            for (std::size_t g = 0; g < kGroups; ++g) {
                // crossing_step of steps.hpp, lane by lane, on D = close - MA.
                const V diff = simd::load<V>(d + i * kPairStride + g * kWidth);
                const V prev_diff = simd::load<V>(d + (i - 1) * kPairStride + g * kWidth);
                const auto cross_up = (diff > band) & (prev_diff <= prev_band);
                const auto cross_down = (diff < -band) & (prev_diff >= -prev_band);
                const V held = lanes.state[g];
                // The two crossings exclude each other (band >= 0), so their
                // order does not matter; this one needs no inverted mask.
                V state = cross_down ? minus_one : held;
                state = cross_up ? one : state;
                lanes.state[g] = state;
                if constexpr (kPhase == Phase::AtCutout)
                    lanes.equity[g] = at_least(floor, one);  // every member starts at 1.0
                if constexpr (kPhase == Phase::AfterCutout) {
                    // hold_factor for a state in {-1, 0, +1} (steps.hpp).
                    const V factor = keep + held * keep_return;
                    lanes.equity[g] = at_least(floor, lanes.equity[g] * factor);
                }
                num[g] = state * lanes.equity[g];
                den[g] = lanes.equity[g];
            }
            if constexpr (kPhase != Phase::BeforeCutout) {
                if constexpr (kWidth == 8) {
                    simd::store(sums + (i - block) * kSumsRow, bar_sums(num, den));
                } else {
                    float* row = sums + (i - block) * kLanesRow;
                    for (std::size_t g = 0; g < kGroups; ++g) {
                        simd::store(row + g * kWidth, num[g]);
                        simd::store(row + kDenominators + g * kWidth, den[g]);
                    }
                }
            }
        }
        if constexpr (kPhase == Phase::BeforeCutout) {
            for (double* s : signal)
                std::fill(s + block, s + block_end, kNaN);
        } else {
            finish<V>(sums, block, block_end, signal);
        }
    }
}

template <class V>
inline ATC_INLINE void run(const Float32Inputs& in, const float* d, double* const (&signal)[2]) {
    const std::size_t n = in.close.size();
    const std::size_t cut = in.cutout;
    Lanes<V> lanes;
    for (std::size_t g = 0; g < Lanes<V>::kGroups; ++g) {
        lanes.state[g] = simd::splat<V>(0.0f);
        lanes.equity[g] = simd::splat<V>(1.0f);  // max(0.25, 1.0): every member starts at 1.0
    }
    // At bar 0 every state is 0, so the signal is 0 when the equities start there.
    for (double* s : signal)
        s[0] = cut == 0 ? 0.0 : kNaN;
    if (cut == 0) {
        run_bars<V, Phase::AfterCutout>(lanes, in, d, 1, n, signal);
        return;
    }
    run_bars<V, Phase::BeforeCutout>(lanes, in, d, 1, cut, signal);
    run_bars<V, Phase::AtCutout>(lanes, in, d, cut, cut + 1, signal);
    run_bars<V, Phase::AfterCutout>(lanes, in, d, cut + 1, n, signal);
}

}  // namespace

void pair_layer1(const Float32Inputs& in, std::span<const float> pair, std::span<double> signal_a,
                 std::span<double> signal_b) {
    assert(!in.close.empty() && signal_a.size() == in.close.size() &&
           signal_b.size() == in.close.size() && pair.size() >= in.close.size() * kPairStride);
    double* const signal[2] = {signal_a.data(), signal_b.data()};
    simd::dispatch<float>([&]<class V>() ATC_INLINE { run<V>(in, pair.data(), signal); });
}

}  // namespace atc::detail
