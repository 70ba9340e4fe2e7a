// SPDX-License-Identifier: GPL-3.0-or-later
// The family kernels, the engine's production moving averages: all nine
// members of a family at once, written in the lane layout of family_lanes.hpp.
// Each lane is computed with exactly the arithmetic of the member's reference
// kernel (ma/reference/, the executable specification), so the numbers are
// bit-identical to nine reference calls; they are faster because the members'
// recursions run side by side in vector registers and the family shares its
// loads and its per-bar work. See README.md in this folder.
#pragma once

#include <array>
#include <cstddef>
#include <span>

#include "atc/moving_averages.hpp"
#include "atc/params.hpp"
#include "pipeline/simd.hpp"

namespace atc::ma::detail {

using MemberLengths = std::array<int, kMembersPerFamily>;

// One family kernel and its warm-up, defined next to each other in the
// kernel's file (tulipindicators' start function and indicator, for nine
// members).
struct FamilyKernel {
    // The first bar with a value for a member of `length` bars; the kernel
    // writes NaN before it.
    std::size_t (*first_defined)(int length);
    // All nine members of non-empty `x` into `lanes` (x.size() * kLaneStride
    // values; lanes 9..11 are left undefined).
    void (*compute)(std::span<const double> x, const MemberLengths& lengths,
                    std::span<double> lanes, MaScratch& scratch);
};

// The FamilyKernel::compute of `Kernel`, a class whose
// `template <class V> static void compute(x, lengths, lanes, scratch)` is
// written for one vector type: this runs it with the widest the CPU has
// (pipeline/simd.hpp). Kernel::compute must be always_inline (ATC_INLINE) to
// be compiled inside the AVX2 frame.
template <class Kernel>
void dispatched(std::span<const double> x, const MemberLengths& lengths, std::span<double> lanes,
                MaScratch& scratch) {
    atc::detail::simd::dispatch(
        [&]<class V>() ATC_INLINE { Kernel::template compute<V>(x, lengths, lanes, scratch); });
}

// family_recursive.cpp
extern const FamilyKernel kEmaFamily;
extern const FamilyKernel kDemaFamily;
extern const FamilyKernel kKamaFamily;
// family_window.cpp
extern const FamilyKernel kWmaFamily;
extern const FamilyKernel kLsmaFamily;        // the line at the second-newest bar
extern const FamilyKernel kLsmaNewestFamily;  // at the newest bar (pine profile)
extern const FamilyKernel kHmaFamily;         // the true Hull average
// The Hull average into lanes that already hold the WMA family's values for
// the same lengths (its full-length WMAs): what the pipeline runs after the
// WMA family, sparing one of the Hull average's three window passes.
extern const FamilyKernel kHmaOverWmaFamily;
extern const FamilyKernel kSmaFamily;  // the pine profile's HMA slot

// The kernel that computes family `type` under `profile` (family.cpp).
const FamilyKernel& family_kernel(MaType type, MaProfile profile);
// Runs it: the nine members of non-empty `x` into `lanes`, as above.
void family_lanes(MaType type, MaProfile profile, std::span<const double> x,
                  const MemberLengths& lengths, std::span<double> lanes, MaScratch& scratch);

}  // namespace atc::ma::detail
