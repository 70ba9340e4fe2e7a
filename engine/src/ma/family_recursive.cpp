// SPDX-License-Identifier: GPL-3.0-or-later
// The recursive family kernels (EMA, DEMA, KAMA), each with its warm-up: nine
// members at once. Each member's recursion is a chain of dependent multiplies
// and adds, so one member alone leaves the core waiting; nine side by side in
// vector lanes keep it busy. See family_kernels.hpp.
#include <algorithm>
#include <cmath>
#include <limits>

#include "ma/family_kernels.hpp"
#include "ma/family_lanes.hpp"
#include "ma/member_constants.hpp"
#include "ma/window_lanes.hpp"
#include "pipeline/simd.hpp"
#include "system/huge_pages.hpp"

#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::ma::detail {
namespace {

namespace simd = atc::detail::simd;

// EMA: the first value at bar N-1, the mean of the first N values. DEMA starts
// there too: its second EMA is seeded with the first one's first value.
std::size_t ema_first_defined(int length) {
    return first_defined_window(length);
}

// Per-lane constants of reference/ema.cpp: the first bar, its seed (the mean of
// the first N values), alpha = 2/(N+1) and 1 - alpha. Padding lanes never start.
struct EmaLanes {
    std::array<double, kLaneStride> first, seed, alpha, keep;
    std::size_t begin;   // the first lane's first bar
    std::size_t steady;  // the bar after the last lane's first bar

    EmaLanes(std::span<const double> x, const MemberLengths& lengths) {
        const std::size_t n = x.size();
        first.fill(static_cast<double>(kNever));
        seed.fill(kNaN);
        alpha.fill(0.0);
        keep.fill(0.0);
        begin = n;
        steady = 0;
        for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
            const std::size_t f = ema_first_defined(lengths[k]);
            first[k] = static_cast<double>(f);
            alpha[k] = ema_alpha(lengths[k]);
            keep[k] = 1.0 - alpha[k];
            if (f < n) {
                double s = 0.0;
                for (std::size_t i = 0; i <= f; ++i)
                    s += x[i];
                seed[k] = s / static_cast<double>(lengths[k]);
            }
            begin = std::min(begin, f);
            steady = std::max(steady, f + 1);
        }
        steady = std::clamp(steady, begin, n);
    }
};

// EMA: NaN before N-1, the seed at N-1, then alpha*x + (1-alpha)*previous.
// With kDouble, DEMA = 2*e1 - e2 where e2 is the EMA of e1 seeded with e1[N-1].
template <bool kDouble>
struct EmaFamily {
    template <class V>
    static inline ATC_INLINE void compute(std::span<const double> x, const MemberLengths& lengths,
                                          std::span<double> out, MaScratch&) {
        constexpr std::size_t kWidth = simd::kWidth<V>;
        constexpr std::size_t kGroups = kLaneStride / kWidth;
        const std::size_t n = x.size();
        const EmaLanes setup(x, lengths);
        const LaneConstant<V> first(setup.first), seed(setup.seed), alpha(setup.alpha),
            keep(setup.keep);
        std::fill_n(out.begin(), setup.begin * kLaneStride, kNaN);
        V e1[kGroups];
        V e2[kGroups];
        for (std::size_t g = 0; g < kGroups; ++g)
            e1[g] = e2[g] = simd::splat<V>(kNaN);
        auto bar = [&](std::size_t i, bool warm_up) ATC_INLINE {
            const V price = simd::splat<V>(x[i]);
            const V now = simd::splat<V>(static_cast<double>(i));
            for (std::size_t g = 0; g < kGroups; ++g) {
                // Before a lane's first bar its values are NaN and stay NaN.
                e1[g] = alpha[g] * price + keep[g] * e1[g];
                if (warm_up)
                    e1[g] = now == first[g] ? seed[g] : e1[g];
                V value = e1[g];
                if constexpr (kDouble) {
                    e2[g] = alpha[g] * e1[g] + keep[g] * e2[g];
                    if (warm_up)
                        e2[g] = now == first[g] ? e1[g] : e2[g];
                    value = 2.0 * e1[g] - e2[g];
                }
                simd::store(out.data() + i * kLaneStride + g * kWidth, value);
            }
        };
        for (std::size_t i = setup.begin; i < setup.steady; ++i)
            bar(i, true);
        for (std::size_t i = setup.steady; i < n; ++i)
            bar(i, false);
    }
};

// KAMA: KAMA[0] = x[0], so every bar has a value.
std::size_t kama_first_defined(int) {
    return 0;
}

// reference/kama.cpp: x[0] until bar N, then KAMA[i] = KAMA[i-1] + sc*(x[i] -
// KAMA[i-1]) with the noise sum of |x[j] - x[j-1]| over the window kept by the
// window engine (the same running sum and re-anchoring as kama.cpp's NoiseSum).
struct KamaFamily {
    template <class V>
    static inline ATC_INLINE void compute(std::span<const double> x, const MemberLengths& lengths,
                                          std::span<double> out, MaScratch& scratch) {
        constexpr std::size_t kWidth = simd::kWidth<V>;
        constexpr std::size_t kGroups = kLaneStride / kWidth;
        const std::size_t n = x.size();
        // One scratch series (not ensure()'s three): at a million bars each
        // unused one is 8 MB more to fault in.
        if (scratch.a.size() < n)
            system::resize_on_huge_pages(scratch.a, n);
        double* step = scratch.a.data();  // |x[j] - x[j-1]|, shared by the nine members
        step[0] = 0.0;                    // never read: windows start at bar 1
        for (std::size_t j = 1; j < n; ++j)
            step[j] = std::fabs(x[j] - x[j - 1]);

        WindowSpecs specs;
        std::array<std::size_t, kLaneStride> lag;
        std::array<double, kLaneStride> start;
        lag.fill(1);
        start.fill(static_cast<double>(kNever));
        std::size_t begin = n;
        for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
            const auto length = static_cast<std::size_t>(lengths[k]);
            specs[k] = {length, length};  // the first update (and first re-anchoring) is at bar N
            lag[k] = length;
            start[k] = static_cast<double>(length);
            begin = std::min(begin, length);
        }
        const LaneConstant<V> started_at(start);
        V value[kGroups];
        for (std::size_t g = 0; g < kGroups; ++g)
            value[g] = simd::splat<V>(x[0]);
        for (std::size_t i = 0; i < begin; ++i) {
            for (std::size_t g = 0; g < kGroups; ++g)
                simd::store(out.data() + i * kLaneStride + g * kWidth, value[g]);
        }
        const V zero = simd::splat<V>(0.0);
        const V slow = simd::splat<V>(kKamaSlow);
        const V span = simd::splat<V>(kKamaFast - kKamaSlow);
        const SharedSeries prices{x.data()};
        window_lanes<V, false>(
            SharedSeries{step}, n, specs,
            [&](std::size_t i, const V(&noise)[kGroups], const V(&)[kGroups], bool warm_up)
                ATC_INLINE {
                    const V price = simd::splat<V>(x[i]);
                    const V now = simd::splat<V>(static_cast<double>(i));
                    for (std::size_t g = 0; g < kGroups; ++g) {
                        const V back = warm_up ? gather_lagged<V, true>(prices, i, g, lag)
                                               : gather_lagged<V, false>(prices, i, g, lag);
                        const V signal = simd::abs(price - back);
                        const V ratio = noise[g] != zero ? signal / noise[g] : zero;
                        const V sc_root = ratio * span + slow;
                        const V sc = sc_root * sc_root;
                        const V next = value[g] + sc * (price - value[g]);
                        value[g] = warm_up ? (now >= started_at[g] ? next : value[g]) : next;
                        simd::store(out.data() + i * kLaneStride + g * kWidth, value[g]);
                    }
                });
    }
};

}  // namespace

const FamilyKernel kEmaFamily{ema_first_defined, dispatched<EmaFamily<false>>};
const FamilyKernel kDemaFamily{ema_first_defined, dispatched<EmaFamily<true>>};
const FamilyKernel kKamaFamily{kama_first_defined, dispatched<KamaFamily>};

}  // namespace atc::ma::detail
