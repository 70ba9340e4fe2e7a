// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/params.hpp"

namespace atc {

std::string_view family_name(MaType type) {
    switch (type) {
        case MaType::EMA:
            return "EMA";
        case MaType::HMA:
            return "HMA";
        case MaType::WMA:
            return "WMA";
        case MaType::DEMA:
            return "DEMA";
        case MaType::LSMA:
            return "LSMA";
        case MaType::KAMA:
            return "KAMA";
    }
    return "?";
}

namespace {

// names[value], or "?" for a value outside the enum (a corrupt cast).
template <class Enum, std::size_t N>
std::string_view name_of(Enum value, const std::array<std::string_view, N>& names) {
    const auto i = static_cast<std::size_t>(value);
    return i < N ? names[i] : "?";
}

}  // namespace

std::string_view robustness_name(Robustness r) {
    return name_of(r, kRobustnessNames);
}

std::string_view profile_name(MaProfile p) {
    return name_of(p, kProfileNames);
}

std::array<int, 4> robustness_offsets(Robustness r) {
    switch (r) {
        case Robustness::Narrow:
            return {1, 2, 3, 4};
        case Robustness::Medium:
            return {1, 2, 4, 6};
        case Robustness::Wide:
            return {1, 3, 5, 7};
    }
    return {1, 2, 4, 6};
}

std::array<int, kMembersPerFamily> member_offsets(Robustness r) {
    const auto o = robustness_offsets(r);
    return {0, o[0], o[1], o[2], o[3], -o[0], -o[1], -o[2], -o[3]};
}

std::array<int, kMembersPerFamily> member_lengths(int base, Robustness r) {
    std::array<int, kMembersPerFamily> lengths{};
    const auto offsets = member_offsets(r);
    for (std::size_t k = 0; k < kMembersPerFamily; ++k)
        lengths[k] = base + offsets[k];
    return lengths;
}

}  // namespace atc
