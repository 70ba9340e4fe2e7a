// KAMA of the float32 scans as a distance recursion in float lanes (see
// distance_kernels.hpp). With D = x - KAMA and s[i] = x[i] - x[i-1], kama.cpp's
// K[i] = K[i-1] + c*(x[i] - K[i-1]) is D[i] = (1 - c)*(D[i-1] + s[i]); before
// bar N, K is x[0], so D = x[i] - x[0]. The smoothing constant c = (ratio *
// (fast - slow) + slow)^2 with ratio = |x[i] - x[i-N]| / noise (0 when noise
// is 0) and noise = sum of |s[j]| over j in (i-N, i].
//
// The noise is a running float sum like kama.cpp's, anchored where a lane
// starts and re-anchored at every 64th bar (not 256: a float sum drifts
// sooner; all lanes on one schedule, so that anchoring bars are few) to the
// difference of two double prefix sums, exact for a flat window as the direct
// sum is. Its error only scales c, so D's error stays relative to |D|.
//
// Each lane reads x and |s| N bars back. With eight lanes whose N lie within
// 16 bars of each other (every robustness setting), that is two loads and a
// permutation per series instead of eight single loads.
#include <algorithm>
#include <cassert>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <utility>

#include "ma/distance_kernels.hpp"
#include "pipeline/simd.hpp"

#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::ma::detail {
namespace {

namespace simd = atc::detail::simd;
constexpr std::size_t kNoiseAnchorInterval = 64;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// The lanes of `slot` in group g of V.
template <class V>
constexpr std::size_t lanes_in_group(PairSlot slot, std::size_t g) {
    std::size_t count = 0;
    for (std::size_t j = 0; j < simd::kWidth<V>; ++j)
        count += pair_member(slot, g * simd::kWidth<V> + j) < kMembersPerFamily;
    return count;
}

// Calls f(std::integral_constant<std::size_t, g>) for g = 0 .. kCount-1, so
// that f can branch on g at compile time.
template <std::size_t kCount, class F>
inline ATC_INLINE void for_each_group(F&& f) {
    [&]<std::size_t... g>(std::index_sequence<g...>) ATC_INLINE {
        (f(std::integral_constant<std::size_t, g>{}), ...);
    }
    (std::make_index_sequence<kCount>{});
}

// How each lane reads its value `lag` bars back. A group with one lane of the
// slot reads it and broadcasts it; with kPermute (eight lanes whose lags lie
// within 16 bars), a group reads the 16 bars that hold all its lanes' values
// with two loads and puts them in place with one permutation; otherwise lane
// by lane.
template <class V, PairSlot kSlot>
struct LaggedReads {
    static constexpr std::size_t kWidth = simd::kWidth<V>;
    static constexpr std::size_t kGroups = kPairGroups<V>;
    using Index = simd::BitsOf<V>;  // lane indices for __builtin_shuffle

    std::array<std::size_t, kPairStride> lag;
    std::size_t top[kGroups];  // the largest lag of the group's lanes
    Index index[kGroups];      // lane j reads window[index[j]], window = bars i-top ..
    bool permutable = true;    // every group with several lanes spans < 16 bars

    explicit LaggedReads(const std::array<std::size_t, kPairStride>& lags) : lag(lags) {
        for (std::size_t g = 0; g < kGroups; ++g) {
            std::size_t low = kNone, high = 0;
            for (std::size_t j = 0; j < kWidth; ++j) {
                const std::size_t l = g * kWidth + j;
                if (pair_member(kSlot, l) < kMembersPerFamily) {
                    low = std::min(low, lag[l]);
                    high = std::max(high, lag[l]);
                }
            }
            top[g] = high;
            index[g] = Index{};
            if (lanes_in_group<V>(kSlot, g) > 1 && (kWidth != 8 || high - low >= 2 * kWidth))
                permutable = false;
            for (std::size_t j = 0; j < kWidth; ++j) {
                const std::size_t l = g * kWidth + j;
                if (pair_member(kSlot, l) < kMembersPerFamily && permutable)
                    index[g][j] = static_cast<std::int32_t>(high - lag[l]);
            }
        }
    }

    // Lane by lane series[i - lag] for group g. Unless kClamped every lane's
    // lag is <= i, and `series` has 2 * kWidth readable values after its last
    // bar; with kClamped a lag beyond bar 0 reads bar 0 (a lane not started).
    template <std::size_t g, bool kClamped, bool kPermute>
    ATC_INLINE V read(const float* series, std::size_t i) const {
        if constexpr (!kClamped && lanes_in_group<V>(kSlot, g) == 1) {
            return simd::splat<V>(series[i - top[g]]);
        } else if constexpr (!kClamped && kPermute && kWidth == 8 && simd::kHasRuntimeShuffle) {
#if !defined(__clang__)  // not parsed where the builtin does not exist
            const float* window = series + (i - top[g]);
            return __builtin_shuffle(simd::load<V>(window), simd::load<V>(window + kWidth),
                                     index[g]);
#endif
        } else {
            V v{};
            for (std::size_t j = 0; j < kWidth; ++j) {
                const std::size_t l = g * kWidth + j;
                if (pair_member(kSlot, l) < kMembersPerFamily)
                    v[j] = series[i - (kClamped ? std::min(lag[l], i) : lag[l])];
            }
            return v;
        }
    }
};

template <class V, PairSlot kSlot, bool kPermute>
inline ATC_INLINE void kama(const DistanceInputs& in, const LaggedReads<V, kSlot>& reads,
                            std::span<float> out) {
    constexpr std::size_t kWidth = simd::kWidth<V>;
    constexpr std::size_t kGroups = kPairGroups<V>;
    const std::size_t n = in.close.size();
    const std::array<std::size_t, kPairStride>& lag = reads.lag;
    std::array<double, kPairStride> start;
    std::array<std::size_t, kPairStride> next_anchor;
    start.fill(static_cast<double>(kNone));
    next_anchor.fill(kNone);
    std::size_t begin = n;   // before it no lane has started
    std::size_t steady = 0;  // from it every lane has
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        const std::size_t l = pair_lane(kSlot, k);
        start[l] = static_cast<double>(lag[l]);
        next_anchor[l] = lag[l];  // the noise is first anchored where the lane starts
        begin = std::min(begin, lag[l]);
        steady = std::max(steady, lag[l]);
    }
    begin = std::min(begin, n);
    steady = std::clamp(steady, begin, n);
    const PairConstant<V> started_at(start);
    const V zero = simd::splat<V>(0.0f);
    const V one = simd::splat<V>(1.0f);
    const V slow = simd::splat<V>(static_cast<float>(kKamaSlow));
    const V span = simd::splat<V>(static_cast<float>(kKamaFast - kKamaSlow));
    // Until a lane starts, KAMA is x[0]: D = x[i] - x[0].
    auto held = [&](std::size_t i) ATC_INLINE {
        return simd::splat<V>(static_cast<float>(in.close[i] - in.close[0]));
    };
    for (std::size_t i = 0; i < begin; ++i) {
        for_each_group<kGroups>([&](auto group) ATC_INLINE {
            if constexpr (lanes_in_group<V>(kSlot, group) > 0)
                simd::store(out.data() + i * kPairStride + group * kWidth, held(i));
        });
    }

    V d[kGroups];      // D of the previous bar
    V noise[kGroups];  // meaningful from the lane's start
    for (std::size_t g = 0; g < kGroups; ++g) {
        d[g] = held(begin - 1);  // begin >= 1: every length is >= 1
        noise[g] = zero;
    }
    std::size_t next_event = *std::min_element(next_anchor.begin(), next_anchor.end());
    alignas(32) float direct[kPairStride] = {};
    alignas(32) float due[kPairStride] = {};
    // The lanes due at bar i take the exact window sum.
    auto anchor_due = [&](std::size_t i) {
        next_event = kNone;
        for (std::size_t l = 0; l < kPairStride; ++l) {
            due[l] = 0.0f;
            if (next_anchor[l] == i) {
                direct[l] = static_cast<float>(in.step_total[i] - in.step_total[i - lag[l]]);
                due[l] = 1.0f;
                next_anchor[l] = (i / kNoiseAnchorInterval + 1) * kNoiseAnchorInterval;
            }
            next_event = std::min(next_event, next_anchor[l]);
        }
        for (std::size_t g = 0; g < kGroups; ++g) {
            const auto replace = simd::load<V>(due + g * kWidth) == one;
            noise[g] = replace ? simd::load<V>(direct + g * kWidth) : noise[g];
        }
    };
    auto bar = [&]<bool kWarmUp>(std::size_t i) ATC_INLINE {
        const V abs_step = simd::splat<V>(in.abs_step[i]);
        for_each_group<kGroups>([&](auto group) ATC_INLINE {
            constexpr std::size_t g = group;
            if constexpr (lanes_in_group<V>(kSlot, g) > 0) {
                const V old = reads.template read<g, kWarmUp, kPermute>(in.abs_step.data(), i);
                noise[g] = noise[g] + (abs_step - old);
            }
        });
        if (i == next_event)
            anchor_due(i);
        const V price = simd::splat<V>(in.close32[i]);
        const V step = simd::splat<V>(in.step[i]);
        for_each_group<kGroups>([&](auto group) ATC_INLINE {
            constexpr std::size_t g = group;
            if constexpr (lanes_in_group<V>(kSlot, g) > 0) {
                const V back = reads.template read<g, kWarmUp, kPermute>(in.close32.data(), i);
                const V signal = simd::abs(price - back);
                const V ratio = noise[g] != zero ? signal / noise[g] : zero;
                const V sc_root = ratio * span + slow;
                const V next = (one - sc_root * sc_root) * (d[g] + step);
                if constexpr (kWarmUp) {
                    // Bar numbers as lane values: exact in float during any warm-up.
                    const V now = simd::splat<V>(static_cast<float>(i));
                    d[g] = now >= started_at[g] ? next : held(i);
                } else {
                    d[g] = next;
                }
                simd::store(out.data() + i * kPairStride + g * kWidth, d[g]);
            }
        });
    };
    for (std::size_t i = begin; i < steady; ++i)
        bar.template operator()<true>(i);
    for (std::size_t i = steady; i < n; ++i)
        bar.template operator()<false>(i);
}

template <class V, PairSlot kSlot>
inline ATC_INLINE void kama(const DistanceInputs& in, const MemberLengths& lengths,
                            std::span<float> out) {
    std::array<std::size_t, kPairStride> lag;
    lag.fill(0);  // lanes of the other slot: never read
    for (std::size_t k = 0; k < kMembersPerFamily; ++k)
        lag[pair_lane(kSlot, k)] = static_cast<std::size_t>(lengths[k]);
    const LaggedReads<V, kSlot> reads(lag);
    if (reads.permutable) {
        kama<V, kSlot, true>(in, reads, out);
    } else {
        kama<V, kSlot, false>(in, reads, out);
    }
}

}  // namespace

void kama_distances(const DistanceInputs& in, const MemberLengths& lengths, PairSlot slot,
                    std::span<float> pair) {
    assert(!in.close.empty() && pair.size() >= in.close.size() * kPairStride);
    simd::dispatch<float>([&]<class V>() ATC_INLINE {
        if (slot == PairSlot::A) {
            kama<V, PairSlot::A>(in, lengths, pair);
        } else {
            kama<V, PairSlot::B>(in, lengths, pair);
        }
    });
}

}  // namespace atc::ma::detail
