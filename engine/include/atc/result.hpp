// SPDX-License-Identifier: GPL-3.0-or-later
// What the ATC pipeline produces for one symbol. All per-bar arrays have one
// value per input bar, in time order; NaN means "not defined yet".
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "atc/params.hpp"

namespace atc {

// Direction of a crossing state, a trend or an entry: -1 short, 0 none, +1 long.
enum class Direction : std::int8_t { Short = -1, Flat = 0, Long = 1 };

// One of the nine members of a family: its MA, crossing state and Layer-1 equity.
struct MemberSeries {
    int length = 0;  // window in bars
    int offset = 0;  // signed offset from the family's base length (for labels)
    std::vector<double> ma;
    std::vector<std::int8_t> state;  // -1, 0, +1 per bar
    std::vector<double> equity;      // NaN before cutout
    // The state and equity at the last bar, kept even where the series above
    // are not (KeptSeries::drawn): the families table shows them.
    std::int8_t last_state = 0;
    double last_equity = std::numeric_limits<double>::quiet_NaN();
};

// The nine members of a family, the base length first (member_offsets).
using FamilyMembers = std::array<MemberSeries, kMembersPerFamily>;

struct FamilyResult {
    MaType type = MaType::EMA;
    int base_length = 0;
    FamilyMembers members;
    std::vector<double> signal;         // Layer 1, S_t ("<TYPE>_Signal"), rounded to hundredths
    std::vector<double> weight_equity;  // Layer 2, W_t ("<TYPE>_S")
};

// An entry arrow of the indicator: Average crossed a threshold against the last arrow.
struct EntryMarker {
    std::size_t bar = 0;
    Direction direction = Direction::Flat;
    double average = 0.0;  // the Average signal at that bar
};

// Summary of one symbol for the scanner.
struct ScanRow {
    std::size_t bars = 0;
    double average = 0.0;               // last Average signal
    Direction trend = Direction::Flat;  // sign of the last Average signal
    double last_close = 0.0;
    std::optional<EntryMarker> last_marker;
    // The close at last_marker's bar (NaN without a marker): what the scanner's
    // "change since entry" is measured from. Kept here because a scan keeps no
    // per-bar series.
    double entry_close = std::numeric_limits<double>::quiet_NaN();
    // Each family's Layer-2 equity W_t at the last bar, in MaType order (NaN
    // where the series never reached the cutout): the scanner ranks ties by
    // the strongest of them.
    std::array<double, kFamilyCount> family_equity = no_family_equity();

    static constexpr std::array<double, kFamilyCount> no_family_equity() {
        std::array<double, kFamilyCount> none{};
        none.fill(std::numeric_limits<double>::quiet_NaN());
        return none;
    }
};

// Which per-bar series a result keeps. The family signals and equities, the
// Average, the markers and the scan row are always kept.
struct KeptSeries {
    // Every member's MA, states and equity (the calibration view, the member
    // equities, reports): about 920 bytes a bar, 0.9 GB for a million bars.
    // Off, only each family's base member (members[0]) keeps its MA and
    // states, and the others their last state and equity: about 160 bytes a
    // bar, what the price, signal and family-equity panes draw.
    bool members = true;

    static constexpr KeptSeries everything() { return {true}; }
    static constexpr KeptSeries drawn() { return {false}; }
    friend bool operator==(const KeptSeries&, const KeptSeries&) = default;
};

// The output for charting: all 54 MAs with their states and equities, or the
// drawn part of them (`kept`).
struct AtcResult {
    std::size_t bars = 0;
    AtcParams params;
    KeptSeries kept;
    std::array<FamilyResult, kFamilyCount> families;
    std::vector<double> average;  // "Average_Signal"; 0 where not finite
    std::vector<EntryMarker> markers;
    ScanRow row;

    const FamilyResult& family(MaType t) const { return families[static_cast<std::size_t>(t)]; }
};

}  // namespace atc
