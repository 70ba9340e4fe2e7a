// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/simd.hpp"

#include <atomic>

namespace atc::detail::simd {
namespace {

std::atomic<bool> g_force_baseline{false};

bool cpu_has_avx2() {
#if defined(__x86_64__) && defined(__GNUC__)
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
#else
    return false;
#endif
}

}  // namespace

Level active_level() {
    return cpu_has_avx2() && !g_force_baseline.load(std::memory_order_relaxed) ? Level::Avx2
                                                                               : Level::Baseline;
}

void force_baseline(bool on) {
    g_force_baseline.store(on, std::memory_order_relaxed);
}

}  // namespace atc::detail::simd
