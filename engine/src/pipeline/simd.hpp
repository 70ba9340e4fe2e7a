// SPDX-License-Identifier: GPL-3.0-or-later
// Small fixed-width vectors of doubles (GCC/Clang vector extensions) for the
// kernels that run the nine members of a family side by side.
//
// Kernels are templates over the vector type: V2 (two lanes, SSE2, every
// x86-64 CPU) or V4 (four lanes, compiled for AVX2), chosen at run time by
// dispatch(). The build stays plain x86-64; only the dispatched frames use
// AVX2. Lanes never mix except in reductions, whose order is fixed by the code
// and not by the width, and AVX2 brings no FMA contraction (the target adds
// AVX2, not FMA), so both widths give bit-identical numbers. -Wpsabi only notes that 32-byte
// vectors would be passed differently by value between differently compiled objects; these helpers
// are always inlined, so it is silenced here and in the kernels.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#define ATC_INLINE __attribute__((always_inline))

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"

namespace atc::detail::simd {

using V2 = double __attribute__((vector_size(16)));
using V4 = double __attribute__((vector_size(32)));
// The same lanes as 64-bit integers, for bit operations.
using Bits2 = std::int64_t __attribute__((vector_size(16)));
using Bits4 = std::int64_t __attribute__((vector_size(32)));
template <class V>
using BitsOf = std::conditional_t<sizeof(V) == sizeof(V2), Bits2, Bits4>;

template <class V>
inline constexpr std::size_t kWidth = sizeof(V) / sizeof(double);

// Every lane x. (Not V{} + x, which costs an add and turns -0.0 into +0.0.)
template <class V>
inline ATC_INLINE V splat(double x) {
    V v;
    for (std::size_t j = 0; j < kWidth<V>; ++j)
        v[j] = x;
    return v;
}

template <class V>
inline ATC_INLINE V load(const double* p) {
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

template <class V>
inline ATC_INLINE void store(double* p, V v) {
    std::memcpy(p, &v, sizeof v);
}

// std::fabs lane by lane (clears the sign bit, as fabs does). The builtin
// rather than std::bit_cast, whose out-of-line instance -Wpsabi would flag.
template <class V>
inline ATC_INLINE V abs(V x) {
    using Bits = BitsOf<V>;
    return __builtin_bit_cast(V, __builtin_bit_cast(Bits, x) & (Bits{} + INT64_MAX));
}

// x | (y & sign bit): copysign(x, y) for a non-negative x.
template <class V>
inline ATC_INLINE V with_sign_of(V x, V y) {
    using Bits = BitsOf<V>;
    return __builtin_bit_cast(
        V, __builtin_bit_cast(Bits, x) | (__builtin_bit_cast(Bits, y) & (Bits{} + INT64_MIN)));
}

// std::isfinite lane by lane: x - x is 0 for finite x, NaN for inf and NaN.
template <class V>
inline ATC_INLINE auto is_finite(V x) {
    return x - x == V{};
}

// std::max(floor, x) lane by lane: NaN x gives floor, as with std::max.
// (v)maxpd x, floor is exactly that (x where x > floor, else its second
// operand: on equal, unordered and signed-zero lanes too) in one instruction,
// where GCC compiles the compare-and-select to two (SSE2: four). Inline
// assembly because GCC refuses the AVX intrinsics in the generic kernel
// templates, which only the AVX2 frame (run_avx2) instantiates with V4: the
// ymm operands need the kernel inlined into that frame, as GCC does from -O1
// on but not at -O0 or -Os (no ymm registers there: "impossible
// constraint"). Those builds, and clang, take the plain form.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__OPTIMIZE__) && \
    !defined(__OPTIMIZE_SIZE__)
#define ATC_SIMD_ASM 1
#else
#define ATC_SIMD_ASM 0
#endif
template <class V>
inline ATC_INLINE V max_floor(V floor, V x) {
#if ATC_SIMD_ASM
    V r;
    if constexpr (kWidth<V> == 4) {
        asm("vmaxpd %2, %1, %0" : "=x"(r) : "x"(x), "xm"(floor));
    } else {
        r = x;
        asm("maxpd %1, %0" : "+x"(r) : "xm"(floor));
    }
    return r;
#else
    return floor < x ? x : floor;
#endif
}

// mask ? a : b lane by lane, for a mask whose lanes are all ones or all
// zeros, as comparisons and their and/andnot give: one vblendvpd with `a`
// read from memory where it is a constant. Spelled as two nested vector
// ternaries (Layer 1's state), GCC inverted one mask with an extra xor and
// loaded the constant into a register first. (Inline assembly for the reason
// max_floor gives; SSE2 has no blend: the bit operations.)
template <class V>
inline ATC_INLINE V select(BitsOf<V> mask, V a, V b) {
    using Bits = BitsOf<V>;
#if ATC_SIMD_ASM
    if constexpr (kWidth<V> == 4) {
        V r;
        asm("vblendvpd %3, %1, %2, %0"
            : "=x"(r)
            : "xm"(a), "x"(b), "x"(__builtin_bit_cast(V, mask)));
        return r;
    }
#endif
    return __builtin_bit_cast(
        V, (mask & __builtin_bit_cast(Bits, a)) | (~mask & __builtin_bit_cast(Bits, b)));
}

// Which build of the kernels runs: AVX2 where the CPU has it, else baseline.
// force_baseline(true) runs the baseline on AVX2 CPUs too: the tests compare
// the two builds bit for bit, and atc-bench --no-avx2 measures the difference.
enum class Level { Baseline, Avx2 };
Level active_level();
void force_baseline(bool on);

#if defined(__x86_64__) && defined(__GNUC__)
template <class Body>
__attribute__((target("avx2"), noinline)) void run_avx2(Body& body) {
    body.template operator()<V4>();
}
#endif

template <class Body>
__attribute__((noinline)) void run_baseline(Body& body) {
    body.template operator()<V2>();
}

// Runs `body.template operator()<V>()` with the widest vector this CPU has:
// V4 compiled for AVX2, else V2. The body is a generic lambda marked
// always_inline, and so are the kernels it calls, so that they are compiled
// inside the AVX2 frame: `[&]<class V>() ATC_INLINE { kernel<V>(...); }`.
template <class Body>
void dispatch(Body&& body) {
#if defined(__x86_64__) && defined(__GNUC__)
    if (active_level() == Level::Avx2) {
        run_avx2(body);
        return;
    }
#endif
    run_baseline(body);
}

}  // namespace atc::detail::simd

#pragma GCC diagnostic pop
