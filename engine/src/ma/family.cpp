// SPDX-License-Identifier: GPL-3.0-or-later
// Which family kernel computes each family under each profile, and the entry
// points that run it.
#include <cassert>

#include "atc/moving_averages.hpp"
#include "ma/family_kernels.hpp"
#include "ma/family_lanes.hpp"
#include "system/huge_pages.hpp"

namespace atc::ma {
namespace detail {

const FamilyKernel& family_kernel(MaType type, MaProfile profile) {
    const bool pine = profile == MaProfile::Pine;
    switch (type) {
        case MaType::EMA:
            return kEmaFamily;
        case MaType::HMA:
            return pine ? kSmaFamily : kHmaFamily;
        case MaType::WMA:
            return kWmaFamily;
        case MaType::DEMA:
            return kDemaFamily;
        case MaType::LSMA:
            return pine ? kLsmaNewestFamily : kLsmaFamily;
        case MaType::KAMA:
            break;
    }
    return kKamaFamily;
}

void family_lanes(MaType type, MaProfile profile, std::span<const double> x,
                  const MemberLengths& lengths, std::span<double> lanes, MaScratch& scratch) {
    assert(!x.empty() && lanes.size() >= x.size() * kLaneStride);
    family_kernel(type, profile).compute(x, lengths, lanes, scratch);
}

}  // namespace detail

std::size_t first_defined(MaType type, MaProfile profile, int length) {
    return detail::family_kernel(type, profile).first_defined(length);
}

void compute_family(MaType type, MaProfile profile, std::span<const double> x,
                    const std::array<int, kMembersPerFamily>& lengths,
                    const std::array<std::span<double>, kMembersPerFamily>& outs,
                    MaScratch& scratch) {
    const std::size_t n = x.size();
    for (const std::span<double> out : outs) {
        assert(out.size() == n);
        (void)out;
    }
    if (n == 0)
        return;
    if (scratch.lanes_out.size() < n * kLaneStride)
        system::resize_on_huge_pages(scratch.lanes_out, n * kLaneStride);
    const std::span<double> lanes(scratch.lanes_out.data(), n * kLaneStride);
    detail::family_lanes(type, profile, x, lengths, lanes, scratch);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < kMembersPerFamily; ++k)
            outs[k][i] = lanes[i * kLaneStride + k];
    }
}

}  // namespace atc::ma
