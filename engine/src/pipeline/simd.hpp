// Four doubles processed as one value (GCC/Clang vector extensions): two SSE2
// registers in the baseline x86-64 build, one AVX2 register in the functions
// marked ATC_AVX2_CLONES. Each lane is computed exactly as scalar code would
// compute it (no FMA contraction: the clones enable AVX2, not FMA), so every
// clone gives bit-identical numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace atc::detail::simd {

using Vec = double __attribute__((vector_size(32)));
using Mask = std::int64_t __attribute__((vector_size(32)));
inline constexpr std::size_t kWidth = 4;

inline Vec splat(double x) {
    return Vec{x, x, x, x};
}

inline Vec load(const double* p) {
    Vec v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

inline void store(double* p, Vec v) {
    std::memcpy(p, &v, sizeof v);
}

// std::max(floor, x) lane by lane, NaN x giving floor as std::max does.
inline Vec max_floor(Vec floor, Vec x) {
    return floor < x ? x : floor;
}

inline double sum_lanes(Vec v) {
    return (v[0] + v[1]) + (v[2] + v[3]);
}

}  // namespace atc::detail::simd

// Multiversioning: an AVX2 build of the hot kernels, picked at load time on
// CPUs that have it; the default build runs everywhere else.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__linux__)
#define ATC_AVX2_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define ATC_AVX2_CLONES
#endif
