// SPDX-License-Identifier: GPL-3.0-or-later
// ATC parameters: the inputs of ATC_SPEC.md with their defaults, and the
// member lengths they imply. Plain data; validation lives in validation.hpp.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace atc {

// The six moving-average families, in the order of every output table
// (EMA, HMA, WMA, DEMA, LSMA, KAMA — the `<TYPE>_Signal` columns).
enum class MaType : int { EMA = 0, HMA, WMA, DEMA, LSMA, KAMA };
inline constexpr std::size_t kFamilyCount = 6;
inline constexpr std::size_t kMembersPerFamily = 9;
inline constexpr std::array<MaType, kFamilyCount> kAllFamilies = {
    MaType::EMA, MaType::HMA, MaType::WMA, MaType::DEMA, MaType::LSMA, MaType::KAMA};

// "EMA", "HMA", ... as used in column names.
std::string_view family_name(MaType type);

// How far the eight extra members sit from the base length.
enum class Robustness : int { Narrow = 0, Medium, Wide };
// The names by value, as params.json spells them.
inline constexpr std::array<std::string_view, 3> kRobustnessNames = {"Narrow", "Medium", "Wide"};
std::string_view robustness_name(Robustness r);

// Which implementation the HMA and LSMA slots follow. Reference reproduces the
// original Python module (true Hull average; LSMA at the second-newest bar);
// Pine follows the TradingView script (SMA in the Hull slot; LSMA at the newest bar).
enum class MaProfile : int { Reference = 0, Pine };
// The names by value, as params.json spells them.
inline constexpr std::array<std::string_view, 2> kProfileNames = {"reference", "pine"};
std::string_view profile_name(MaProfile p);

struct AtcParams {
    // Base length of each family, indexed by MaType (ema_len, hull_len, wma_len,
    // dema_len, lsma_len, kama_len). In bars.
    std::array<int, kFamilyCount> lengths{28, 28, 28, 28, 28, 28};
    // Initial Layer-2 equity of each family (ema_w, hma_w, ...). Must be > 0.
    std::array<double, kFamilyCount> weights{1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
    Robustness robustness = Robustness::Medium;
    // Growth rate "La" as the user enters it; the pipeline uses La / 1000 per bar.
    double lambda = 0.02;
    // Decay "De" in percent per bar, in [0, 100]; the pipeline uses De / 100.
    double decay = 0.03;
    // Number of leading bars excluded from the equity curves and signals.
    int cutout = 0;
    double long_threshold = 0.1;
    double short_threshold = -0.1;
    // Shift the Average signal one bar later (trade on the next bar).
    bool strategy_mode = false;
    MaProfile profile = MaProfile::Reference;

    int length(MaType t) const { return lengths[static_cast<std::size_t>(t)]; }
    double weight(MaType t) const { return weights[static_cast<std::size_t>(t)]; }

    friend bool operator==(const AtcParams&, const AtcParams&) = default;
};

// Offsets o1..o4 of a robustness setting (Narrow 1,2,3,4; Medium 1,2,4,6; Wide 1,3,5,7).
std::array<int, 4> robustness_offsets(Robustness r);

// The nine member lengths for a base length, in output order:
// [B, B+o1, B+o2, B+o3, B+o4, B-o1, B-o2, B-o3, B-o4].
std::array<int, kMembersPerFamily> member_lengths(int base, Robustness r);

// Signed offset of member k from the base length (0, +o1..+o4, -o1..-o4); for labels.
std::array<int, kMembersPerFamily> member_offsets(Robustness r);

}  // namespace atc
