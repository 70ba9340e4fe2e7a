// Small fixed-width vectors of doubles (GCC/Clang vector extensions) for the
// kernels that run the nine members of a family side by side, and of floats
// for the optional float32 scans (ScanPrecision, batch.hpp).
//
// Kernels are templates over the vector type: V2 (two lanes, SSE2, every
// x86-64 CPU) or V4 (four lanes, compiled for AVX2), chosen at run time by
// dispatch(); for floats F4 and F8, by dispatch<float>(). The build stays
// plain x86-64; only the dispatched frames use AVX2. Lanes never mix except in
// reductions, whose order is fixed by the code and not by the width, and AVX2
// brings no FMA contraction (the target adds AVX2, not FMA), so both widths
// give bit-identical numbers. -Wpsabi only notes that 32-byte vectors would be
// passed differently by value between differently compiled objects; these
// helpers are always inlined, so it is silenced here and in the kernels.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>
#include <utility>

#define ATC_INLINE __attribute__((always_inline))

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"

namespace atc::detail::simd {

using V2 = double __attribute__((vector_size(16)));
using V4 = double __attribute__((vector_size(32)));
using F4 = float __attribute__((vector_size(16)));
using F8 = float __attribute__((vector_size(32)));
// The same lanes as integers of the lane's size, for bit operations.
using Bits2 = std::int64_t __attribute__((vector_size(16)));
using Bits4 = std::int64_t __attribute__((vector_size(32)));
using FloatBits4 = std::int32_t __attribute__((vector_size(16)));
using FloatBits8 = std::int32_t __attribute__((vector_size(32)));

// The lane type of a vector: double or float.
template <class V>
using ScalarOf = std::remove_cvref_t<decltype(std::declval<V>()[0])>;

template <class V>
using BitsOf =
    std::conditional_t<std::is_same_v<ScalarOf<V>, double>,
                       std::conditional_t<sizeof(V) == sizeof(V2), Bits2, Bits4>,
                       std::conditional_t<sizeof(V) == sizeof(F4), FloatBits4, FloatBits8>>;

template <class V>
inline constexpr std::size_t kWidth = sizeof(V) / sizeof(ScalarOf<V>);

// GCC's __builtin_shuffle picks lanes from two vectors by indices known only at
// run time; clang has no such builtin (__builtin_shufflevector needs constant
// indices). Kernels that use it keep a lane loop with the same result for
// clang, which builds only the sanitizer and fuzzing trees (CMakePresets.json).
#if defined(__clang__)
inline constexpr bool kHasRuntimeShuffle = false;
#else
inline constexpr bool kHasRuntimeShuffle = true;
#endif

// Every lane x. (Not V{} + x, which costs an add and turns -0.0 into +0.0.)
// For floats GCC 12 builds the lane loop lane by lane (eight instructions);
// a shuffle of lane 0 is one broadcast.
template <class V>
inline ATC_INLINE V splat(ScalarOf<V> x) {
    if constexpr (std::is_same_v<ScalarOf<V>, float>) {
        V v{};
        v[0] = x;
        if constexpr (kWidth<V> == 8) {
            return __builtin_shufflevector(v, v, 0, 0, 0, 0, 0, 0, 0, 0);
        } else {
            return __builtin_shufflevector(v, v, 0, 0, 0, 0);
        }
    } else {
        V v;
        for (std::size_t j = 0; j < kWidth<V>; ++j)
            v[j] = x;
        return v;
    }
}

template <class V>
inline ATC_INLINE V load(const ScalarOf<V>* p) {
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

template <class V>
inline ATC_INLINE void store(ScalarOf<V>* p, V v) {
    std::memcpy(p, &v, sizeof v);
}

// std::fabs lane by lane (clears the sign bit, as fabs does). The builtin
// rather than std::bit_cast, whose out-of-line instance -Wpsabi would flag.
template <class V>
inline ATC_INLINE V abs(V x) {
    using Bits = BitsOf<V>;
    using Lane = ScalarOf<Bits>;
    const Lane magnitude = std::numeric_limits<Lane>::max();
    return __builtin_bit_cast(V, __builtin_bit_cast(Bits, x) & (Bits{} + magnitude));
}

// x | (y & sign bit): copysign(x, y) for a non-negative x.
template <class V>
inline ATC_INLINE V with_sign_of(V x, V y) {
    using Bits = BitsOf<V>;
    using Lane = ScalarOf<Bits>;
    const Lane sign = std::numeric_limits<Lane>::min();
    return __builtin_bit_cast(
        V, __builtin_bit_cast(Bits, x) | (__builtin_bit_cast(Bits, y) & (Bits{} + sign)));
}

// std::isfinite lane by lane: x - x is 0 for finite x, NaN for inf and NaN.
template <class V>
inline ATC_INLINE auto is_finite(V x) {
    return x - x == V{};
}

// std::max(floor, x) lane by lane: NaN x gives floor, as with std::max.
template <class V>
inline ATC_INLINE V max_floor(V floor, V x) {
    return floor < x ? x : floor;
}

// Which build of the kernels runs: AVX2 where the CPU has it, else baseline.
// force_baseline(true) runs the baseline on AVX2 CPUs too: the tests compare
// the two builds bit for bit, and atc-bench --no-avx2 measures the difference.
enum class Level { Baseline, Avx2 };
Level active_level();
void force_baseline(bool on);

// The vectors of lane type T: 16 bytes for the baseline, 32 for AVX2.
template <class T>
struct Widths;
template <>
struct Widths<double> {
    using Baseline = V2;
    using Avx2 = V4;
};
template <>
struct Widths<float> {
    using Baseline = F4;
    using Avx2 = F8;
};

#if defined(__x86_64__) && defined(__GNUC__)
template <class T, class Body>
__attribute__((target("avx2"), noinline)) void run_avx2(Body& body) {
    body.template operator()<typename Widths<T>::Avx2>();
}
#endif

template <class T, class Body>
__attribute__((noinline)) void run_baseline(Body& body) {
    body.template operator()<typename Widths<T>::Baseline>();
}

// Runs `body.template operator()<V>()` with the widest vector of T this CPU
// has: V4 (F8 for float) compiled for AVX2, else V2 (F4). The body is a
// generic lambda marked always_inline, and so are the kernels it calls, so
// that they are compiled inside the AVX2 frame:
// `[&]<class V>() ATC_INLINE { kernel<V>(...); }`.
template <class T = double, class Body>
void dispatch(Body&& body) {
#if defined(__x86_64__) && defined(__GNUC__)
    if (active_level() == Level::Avx2) {
        run_avx2<T>(body);
        return;
    }
#endif
    run_baseline<T>(body);
}

}  // namespace atc::detail::simd

#pragma GCC diagnostic pop
