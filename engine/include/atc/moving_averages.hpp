// SPDX-License-Identifier: GPL-3.0-or-later
// The moving averages of ATC_SPEC.md ("Moving averages"), as the engine
// computes them: a family's nine members at once (compute_family), the same
// kernels compute_symbol and compute_batch run, so what a chart shows is
// what a scan ranks.
//
// Every member is bit for bit what its single-member kernel in
// atc/reference_moving_averages.hpp computes: those are the executable
// specification, these the production kernels (engine/src/ma/README.md;
// tests/engine/test_fast_paths.cpp checks it).
//
// Sliding-window sums (SMA, WMA, LSMA, KAMA's noise) are updated in O(1) per bar
// and re-anchored by a direct re-summation every kReanchorInterval bars (or every
// window length, if longer), which bounds rounding drift on long series.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <vector>

#include "atc/params.hpp"

namespace atc::ma {

inline constexpr std::size_t kReanchorInterval = 256;

// KAMA smoothing constants of the ATC variant, used as given (not 2/(n+1) forms).
inline constexpr double kKamaFast = 0.666;
inline constexpr double kKamaSlow = 0.064;

// Temporary series for the composite kernels (HMA, DEMA, KAMA) and the family
// kernels. Grows, never shrinks, so a batch worker reuses its buffers and
// never allocates per symbol.
struct MaScratch {
    std::vector<double> a;
    std::vector<double> b;
    std::vector<double> c;
    // Nine members side by side, 12 values per bar: compute_family's result
    // before it is split into members.
    std::vector<double> lanes_out;
    void ensure(std::size_t n);
};

// floor(sqrt(n)) computed exactly in integers.
int integer_sqrt(int n);

// The first bar (0-based) with a value for the member of family `type` with
// window `length` under `profile`; every bar before it is NaN. Each family
// kernel declares its own (engine/src/ma/family_*.cpp).
std::size_t first_defined(MaType type, MaProfile profile, int length);

// All nine members of family `type` at once: member k (window lengths[k]) into
// outs[k], each of x.size() values, NaN before first_defined. Several times
// faster than nine single members: their recursions run side by side in
// vector registers (AVX2 where the CPU has it) and share their per-bar work.
void compute_family(MaType type, MaProfile profile, std::span<const double> x,
                    const std::array<int, kMembersPerFamily>& lengths,
                    const std::array<std::span<double>, kMembersPerFamily>& outs,
                    MaScratch& scratch);

}  // namespace atc::ma
