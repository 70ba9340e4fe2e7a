// EMA and DEMA of the float32 scans as distance recursions in float lanes
// (see distance_kernels.hpp; KAMA is distance_kama.cpp). With D = x - MA and
// s[i] = x[i] - x[i-1]:
//   EMA   e[i] = e[i-1] + a*(x[i] - e[i-1])      =>  D[i] = k*D[i-1] + k*s[i]
//   DEMA  e2 is the EMA of e1, DEMA = 2*e1 - e2  =>  D2[i] = k*D2[i-1] + (k*s[i] + a*D1[i]),
//                                                    D = 2*D1 - D2
// with a = alpha, k = 1 - alpha. Each D carries a rounding error relative to
// |D|, not to the price. The seeds (the mean of the first N closes) are formed
// in double and rounded once.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "ma/distance_kernels.hpp"
#include "ma/ema_recursion.hpp"
#include "ma/family_lanes.hpp"
#include "pipeline/simd.hpp"

#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::ma::detail {
namespace {

namespace simd = atc::detail::simd;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr float kNaNf = std::numeric_limits<float>::quiet_NaN();
using Lanes = std::array<double, kPairStride>;

// Per-lane constants of the EMA/DEMA pass. Padding lanes never start.
struct EmaDemaLanes {
    Lanes first, seed, alpha, keep, d1_weight, d2_weight;
    std::size_t begin;   // the first lane's first bar
    std::size_t steady;  // the bar after the last lane's first bar

    EmaDemaLanes(std::span<const double> x, const MemberLengths& ema, const MemberLengths& dema) {
        const std::size_t n = x.size();
        first.fill(static_cast<double>(kNever));
        seed.fill(kNaN);
        alpha.fill(0.0);
        keep.fill(0.0);
        d1_weight.fill(0.0);
        d2_weight.fill(0.0);
        begin = n;
        steady = 0;
        for (const PairSlot slot : {PairSlot::A, PairSlot::B}) {
            const MemberLengths& lengths = slot == PairSlot::A ? ema : dema;
            for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
                const std::size_t l = pair_lane(slot, k);
                const std::size_t f = first_defined_window(lengths[k]);
                first[l] = static_cast<double>(f);
                alpha[l] = ema_alpha(lengths[k]);
                keep[l] = 1.0 - alpha[l];
                // EMA: D = D1; DEMA: D = 2*D1 - D2.
                d1_weight[l] = slot == PairSlot::A ? 1.0 : 2.0;
                d2_weight[l] = slot == PairSlot::A ? 0.0 : 1.0;
                if (f < n) {
                    double s = 0.0;
                    for (std::size_t i = 0; i <= f; ++i)
                        s += x[i];
                    seed[l] = x[f] - s / static_cast<double>(lengths[k]);
                }
                begin = std::min(begin, f);
                steady = std::max(steady, f + 1);
            }
        }
        steady = std::clamp(steady, begin, n);
    }
};

template <class V>
inline ATC_INLINE void ema_dema(const DistanceInputs& in, const MemberLengths& ema,
                                const MemberLengths& dema, std::span<float> out) {
    constexpr std::size_t kWidth = simd::kWidth<V>;
    constexpr std::size_t kGroups = kPairGroups<V>;
    const std::size_t n = in.close.size();
    const EmaDemaLanes setup(in.close, ema, dema);
    const PairConstant<V> first(setup.first), seed(setup.seed), alpha(setup.alpha),
        keep(setup.keep), d1_weight(setup.d1_weight), d2_weight(setup.d2_weight);
    std::fill_n(out.begin(), setup.begin * kPairStride, kNaNf);
    V d1[kGroups];
    V d2[kGroups];
    for (std::size_t g = 0; g < kGroups; ++g)
        d1[g] = d2[g] = simd::splat<V>(kNaNf);
    auto bar = [&](std::size_t i, bool warm_up) ATC_INLINE {
        const V step = simd::splat<V>(in.step[i]);
        // Bar numbers as lane values: exact in float during any warm-up (< 2^24 bars).
        const V now = simd::splat<V>(static_cast<float>(i));
        for (std::size_t g = 0; g < kGroups; ++g) {
            // Before a lane's first bar its values are NaN and stay NaN. The
            // products with the step are off the recursions' critical paths.
            const V kept_step = keep[g] * step;
            d1[g] = keep[g] * d1[g] + kept_step;
            d2[g] = keep[g] * d2[g] + (kept_step + alpha[g] * d1[g]);
            if (warm_up) {
                // DEMA's second EMA starts at e1's first value: D2 = D1 there.
                const auto starts = now == first[g];
                d1[g] = starts ? seed[g] : d1[g];
                d2[g] = starts ? seed[g] : d2[g];
            }
            simd::store(out.data() + i * kPairStride + g * kWidth,
                        d1_weight[g] * d1[g] - d2_weight[g] * d2[g]);
        }
    };
    for (std::size_t i = setup.begin; i < setup.steady; ++i)
        bar(i, true);
    for (std::size_t i = setup.steady; i < n; ++i)
        bar(i, false);
}

}  // namespace

void ema_dema_distances(const DistanceInputs& in, const MemberLengths& ema,
                        const MemberLengths& dema, std::span<float> pair) {
    assert(pair.size() >= in.close.size() * kPairStride);
    simd::dispatch<float>([&]<class V>() ATC_INLINE { ema_dema<V>(in, ema, dema, pair); });
}

}  // namespace atc::ma::detail
