// SPDX-License-Identifier: GPL-3.0-or-later
// What the symbol report says, worked out once from the data so that the PDF,
// the CSV and the JSON can never disagree: bar times as text, the latest values
// of every family, the data's description.
#pragma once

#include <QString>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "atc/params.hpp"
#include "atc/price_csv.hpp"
#include "atc/result.hpp"
#include "atc/store/symbol_store.hpp"
#include "core/symbol_data.hpp"

namespace atc::ui {

// The time of every bar as exact text for files: ISO-8601 dates ("2024-01-31")
// for daily data, date-times in UTC ("2024-01-31T15:30:00Z") for intraday data;
// without times the file's own label ("1991.496153846154"); else empty.
std::vector<std::string> barTimes(const PriceSeries& bars);

// The timeframe the report's bars are at ("4h", "1d America/New_York") and
// the data's own ("1m"): SymbolData's, else what the store recorded at import
// (`info`), else "".
std::string shownTimeframe(const SymbolData& data, const std::optional<store::SymbolInfo>& info);
std::string ownTimeframe(const SymbolData& data, const std::optional<store::SymbolInfo>& info);
// For people: "4h (from 1m data)" when the bars were resampled, "1d" when
// they are the data's own, "" when nothing knows.
QString timeframeText(const SymbolData& data, const std::optional<store::SymbolInfo>& info);

// The direction of a sign: Long above 0, Short below, else Flat.
Direction directionOf(int sign);

struct LatestMember {
    int length = 0;
    int offset = 0;
    int state = 0;        // -1, 0, +1 at the last bar
    double equity = 0.0;  // Layer-1 equity at the last bar (NaN before the cutout)
};

struct LatestFamily {
    MaType type = MaType::EMA;
    int base_length = 0;
    double signal = 0.0;                // Layer-1 S at the last bar
    Direction trend = Direction::Flat;  // cut(S) against the thresholds
    double weight = 0.0;                // Layer-2 W at the last bar
    double share = 0.0;                 // W / sum of W: the family's part of the Average's vote
    std::array<LatestMember, kMembersPerFamily> members;
};

// The six families at the last bar, in MaType order. Empty for an empty result.
std::vector<LatestFamily> latestFamilies(const AtcResult& result);

}  // namespace atc::ui
