// SPDX-License-Identifier: GPL-3.0-or-later
// The exponential multiplier of the equity curves at the last bar, and how
// loudly the family table should talk about it. La makes bar i's return count
// e^(L·(i − cutout)) times (L = La/1000); over a long series that quietly turns
// the equity weighting into "what worked lately".
#pragma once

#include <QString>
#include <cstddef>

#include "atc/params.hpp"

namespace atc::ui {

enum class GrowthLevel { Normal, Warning, Strong };

// Above these the note is a warning (theme.warning) / a strong warning (theme.danger).
inline constexpr double kGrowthWarning = 1.1;
inline constexpr double kGrowthStrong = 1.25;

struct GrowthNote {
    double multiplier = 1.0;
    GrowthLevel level = GrowthLevel::Normal;
    QString text;     // the line under the table
    QString tooltip;  // what it means for the trader
};

// The multiplier of the last bar of a series of `bar_count` bars:
// atc::growth_multiplier(bar_count − 1, La/1000, cutout). bar_count must be > 0.
GrowthNote growthNote(std::size_t bar_count, const AtcParams& params);

GrowthLevel growthLevel(double multiplier);

}  // namespace atc::ui
