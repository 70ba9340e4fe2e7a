// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/simd.hpp"

#include <algorithm>
#include <atomic>

namespace atc::detail::simd {
namespace {

std::atomic<Level> g_limit{Level::Avx512};

bool cpu_has_avx2() {
#if defined(__x86_64__) && defined(__GNUC__)
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
#else
    return false;
#endif
}

// Only where the AVX-512 kernels are built (dispatch_widest; the sanitizer
// builds leave out the symbol lanes, the only kernels written for them).
bool cpu_has_avx512() {
#if defined(__x86_64__) && defined(__GNUC__) && ATC_SIMD_ASM && !defined(ATC_SANITIZED)
    static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
    return has;
#else
    return false;
#endif
}

}  // namespace

Level active_level() {
    const Level cpu = cpu_has_avx512() ? Level::Avx512
                      : cpu_has_avx2() ? Level::Avx2
                                       : Level::Baseline;
    return std::min(cpu, g_limit.load(std::memory_order_relaxed));
}

void limit_level(Level widest) {
    g_limit.store(widest, std::memory_order_relaxed);
}

}  // namespace atc::detail::simd
