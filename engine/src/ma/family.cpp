#include <cassert>

#include "atc/moving_averages.hpp"
#include "ma/family_kernels.hpp"
#include "ma/family_lanes.hpp"

namespace atc::ma {
namespace detail {

void family_lanes(MaType type, MaProfile profile, std::span<const double> x,
                  const MemberLengths& lengths, std::span<double> lanes, MaScratch& scratch) {
    switch (type) {
        case MaType::EMA:
        case MaType::DEMA:
        case MaType::KAMA:
            recursive_family_lanes(type, x, lengths, lanes, scratch);
            return;
        case MaType::HMA:
        case MaType::WMA:
        case MaType::LSMA:
            window_family_lanes(type, profile, x, lengths, lanes, scratch);
            return;
    }
}

}  // namespace detail

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
        scratch.lanes_out.resize(n * kLaneStride);
    const std::span<double> lanes(scratch.lanes_out.data(), n * kLaneStride);
    detail::family_lanes(type, profile, x, lengths, lanes, scratch);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < kMembersPerFamily; ++k)
            outs[k][i] = lanes[i * kLaneStride + k];
    }
}

}  // namespace atc::ma
