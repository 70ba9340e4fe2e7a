// The family kernels: all nine members of a family at once, written in the
// lane layout of family_lanes.hpp. Each lane is computed with exactly the
// arithmetic of the single-member kernel (moving_averages.hpp), so the numbers
// are bit-identical to nine separate calls; they are faster because the
// members' recursions run side by side in vector registers and the family
// shares its loads and its per-bar work.
#pragma once

#include <array>
#include <span>

#include "atc/moving_averages.hpp"
#include "atc/params.hpp"

namespace atc::ma::detail {

using MemberLengths = std::array<int, kMembersPerFamily>;

// `lanes` holds x.size() * kLaneStride values; lanes 9..11 are left undefined.
void window_family_lanes(MaType type, MaProfile profile, std::span<const double> x,
                         const MemberLengths& lengths, std::span<double> lanes, MaScratch& scratch);
void recursive_family_lanes(MaType type, std::span<const double> x, const MemberLengths& lengths,
                            std::span<double> lanes, MaScratch& scratch);

// Either of the above, by family.
void family_lanes(MaType type, MaProfile profile, std::span<const double> x,
                  const MemberLengths& lengths, std::span<double> lanes, MaScratch& scratch);

}  // namespace atc::ma::detail
