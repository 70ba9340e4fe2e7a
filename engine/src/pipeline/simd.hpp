// SPDX-License-Identifier: GPL-3.0-or-later
// Small fixed-width vectors of doubles (GCC/Clang vector extensions) for the
// kernels that run the nine members of a family, or a group of symbols, side
// by side.
//
// Kernels are templates over the vector type: V2 (two lanes, SSE2, every
// x86-64 CPU), V4 (four lanes, compiled for AVX2) or, for the kernels written
// for any width, V8 (eight lanes, compiled for AVX-512), chosen at run time
// by dispatch() and dispatch_widest(). The build stays plain x86-64; only the
// dispatched frames use AVX2 or AVX-512. Lanes never mix except in
// reductions, whose order is fixed by the code and not by the width, and
// nothing is contracted into a fused multiply-add (the AVX2 target has no
// FMA; the engine is compiled with -ffp-contract=off for AVX-512's), so every
// width gives bit-identical numbers. -Wpsabi only notes that 32- and 64-byte
// vectors would be passed differently by value between differently compiled
// objects; these helpers are always inlined, so it is silenced here and in
// the kernels.
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
using V8 = double __attribute__((vector_size(64)));
// The same lanes as 64-bit integers, for bit operations.
using Bits2 = std::int64_t __attribute__((vector_size(16)));
using Bits4 = std::int64_t __attribute__((vector_size(32)));
using Bits8 = std::int64_t __attribute__((vector_size(64)));
template <class V>
using BitsOf = std::conditional_t<sizeof(V) == sizeof(V2), Bits2,
                                  std::conditional_t<sizeof(V) == sizeof(V4), Bits4, Bits8>>;

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

// Where the helpers below may use one instruction of inline assembly: GCC
// refuses the AVX intrinsics in the generic kernel templates, which only the
// AVX2 and AVX-512 frames (run_avx2, run_avx512) instantiate with V4 and V8.
// The ymm and zmm operands need the kernel inlined into its frame, as GCC
// does from -O1 on but not at -O0 or -Os (no such registers there:
// "impossible constraint"). Those builds, and clang, take the plain forms,
// and have no AVX-512 kernels.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__OPTIMIZE__) && \
    !defined(__OPTIMIZE_SIZE__)
#define ATC_SIMD_ASM 1
#else
#define ATC_SIMD_ASM 0
#endif

// A lane-by-lane comparison's result: up to AVX2 a vector whose lanes are all
// ones or all zeros; with AVX-512 a mask register, one bit per lane. The
// kernels compare through the functions below, never with the operators:
// GCC 12 compiles a 64-byte comparison in a generic template (one not
// compiled for AVX-512 itself, as the kernels are not) one lane at a time,
// with scalar compares and branches, even when it is inlined into the
// AVX-512 frame; only a compare folded into a single `?:` escaped that. The
// AVX-512 forms are one instruction of inline assembly each, and only built
// where ATC_SIMD_ASM is (run_avx512 is not compiled otherwise).
template <class V>
using Mask = std::conditional_t<kWidth<V> == 8, std::uint8_t, BitsOf<V>>;

// vcmppd's predicates, with the semantics of the C++ operators on doubles:
// ordered for ==, <, <=, >, >= (false on NaN), unordered for != (true).
enum class Compare : int {
    Equal = 0,          // EQ_OQ
    Less = 1,           // LT_OS
    LessEqual = 2,      // LE_OS
    NotEqual = 4,       // NEQ_UQ
    GreaterEqual = 13,  // GE_OS
    Greater = 14,       // GT_OS
};

// simd::less(a, b) and the others: a < b lane by lane, and so on.
template <Compare kPredicate>
struct Comparison {
    template <class V>
    ATC_INLINE Mask<V> operator()(V a, V b) const {
        if constexpr (kWidth<V> == 8) {
#if ATC_SIMD_ASM
            std::uint8_t mask;
            asm("vcmppd %3, %2, %1, %0"
                : "=k"(mask)
                : "v"(a), "vm"(b), "i"(static_cast<int>(kPredicate)));
            return mask;
#else
            static_assert(kWidth<V> != 8, "the AVX-512 kernels need ATC_SIMD_ASM");
#endif
        } else if constexpr (kPredicate == Compare::Equal) {
            return a == b;
        } else if constexpr (kPredicate == Compare::Less) {
            return a < b;
        } else if constexpr (kPredicate == Compare::LessEqual) {
            return a <= b;
        } else if constexpr (kPredicate == Compare::NotEqual) {
            return a != b;
        } else if constexpr (kPredicate == Compare::GreaterEqual) {
            return a >= b;
        } else {
            return a > b;
        }
    }
};
inline constexpr Comparison<Compare::Equal> equal{};
inline constexpr Comparison<Compare::NotEqual> not_equal{};
inline constexpr Comparison<Compare::Less> less{};
inline constexpr Comparison<Compare::LessEqual> less_equal{};
inline constexpr Comparison<Compare::Greater> greater{};
inline constexpr Comparison<Compare::GreaterEqual> greater_equal{};

// Lanes where both masks hold.
template <class V>
inline ATC_INLINE Mask<V> both(Mask<V> a, Mask<V> b) {
    return static_cast<Mask<V>>(a & b);
}

// std::isfinite lane by lane: x - x is 0 for finite x, NaN for inf and NaN.
template <class V>
inline ATC_INLINE Mask<V> is_finite(V x) {
    return equal(x - x, V{});
}

// std::max(floor, x) lane by lane: NaN x gives floor, as with std::max.
// (v)maxpd x, floor is exactly that (x where x > floor, else its second
// operand: on equal, unordered and signed-zero lanes too) in one instruction,
// where GCC compiles the compare-and-select to two (SSE2: four).
template <class V>
inline ATC_INLINE V max_floor(V floor, V x) {
#if ATC_SIMD_ASM
    V r;
    if constexpr (kWidth<V> == 8) {
        asm("vmaxpd %2, %1, %0" : "=v"(r) : "v"(x), "vm"(floor));
    } else if constexpr (kWidth<V> == 4) {
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

// mask ? a : b lane by lane, for a comparison's Mask (or both of two): one
// vblendvpd (AVX2) or vblendmpd (AVX-512) with `a` read from memory where it
// is a constant. Spelled as two nested vector ternaries (Layer 1's state),
// GCC inverted one mask with an extra xor and loaded the constant into a
// register first. (SSE2 has no blend: the bit operations.)
template <class V>
inline ATC_INLINE V select(Mask<V> mask, V a, V b) {
    using Bits = BitsOf<V>;
#if ATC_SIMD_ASM
    if constexpr (kWidth<V> == 8) {
        V r;  // AT&T order: r = mask ? a : b
        asm("vblendmpd %2, %3, %0%{%1%}" : "=v"(r) : "Yk"(mask), "vm"(a), "v"(b));
        return r;
    }
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

// Which build of the kernels runs: the widest the CPU has, at most the limit
// set by limit_level (by default none). The tests lower the limit to compare
// the builds bit for bit; atc-bench --no-avx512 and --no-avx2 measure the
// difference.
enum class Level { Baseline, Avx2, Avx512 };
Level active_level();
void limit_level(Level widest);

#if defined(__x86_64__) && defined(__GNUC__)
template <class Body>
__attribute__((target("avx2"), noinline)) void run_avx2(Body& body) {
    body.template operator()<V4>();
}
#if ATC_SIMD_ASM
template <class Body>
__attribute__((target("avx512f,avx512dq"), noinline)) void run_avx512(Body& body) {
    body.template operator()<V8>();
}
#endif
#endif

template <class Body>
__attribute__((noinline)) void run_baseline(Body& body) {
    body.template operator()<V2>();
}

// Runs `body.template operator()<V>()` with the widest vector this CPU has,
// up to four lanes: V4 compiled for AVX2, else V2. For the kernels whose
// lanes are a family's nine members, padded to twelve (ma/family_lanes.hpp),
// which eight lanes do not divide. The body is a generic lambda marked
// always_inline, and so are the kernels it calls, so that they are compiled
// inside the AVX2 frame: `[&]<class V>() ATC_INLINE { kernel<V>(...); }`.
template <class Body>
void dispatch(Body&& body) {
#if defined(__x86_64__) && defined(__GNUC__)
    if (active_level() != Level::Baseline) {
        run_avx2(body);
        return;
    }
#endif
    run_baseline(body);
}

// The same with V8 compiled for AVX-512 where the CPU has it (AVX-512F and
// DQ), for the kernels written for any width: the symbol lanes, one symbol
// per lane. Builds without ATC_SIMD_ASM stop at AVX2.
template <class Body>
void dispatch_widest(Body&& body) {
#if defined(__x86_64__) && defined(__GNUC__) && ATC_SIMD_ASM
    if (active_level() == Level::Avx512) {
        run_avx512(body);
        return;
    }
#endif
    dispatch(body);
}

}  // namespace atc::detail::simd

#pragma GCC diagnostic pop
