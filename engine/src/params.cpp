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

std::string_view robustness_name(Robustness r) {
    switch (r) {
        case Robustness::Narrow:
            return "Narrow";
        case Robustness::Medium:
            return "Medium";
        case Robustness::Wide:
            return "Wide";
    }
    return "?";
}

std::string_view profile_name(MaProfile p) {
    switch (p) {
        case MaProfile::Reference:
            return "reference";
        case MaProfile::Pine:
            return "pine";
    }
    return "?";
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
