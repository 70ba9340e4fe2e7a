// SPDX-License-Identifier: GPL-3.0-or-later
// Single-symbol ATC computation with every intermediate kept (or the drawn
// ones), for charts; one family's members alone, for the views that draw them.
#pragma once

#include <span>

#include "atc/params.hpp"
#include "atc/result.hpp"

namespace atc {

struct StageTimes;  // batch.hpp

// Runs the whole pipeline of ATC_SPEC.md on one close series.
// Throws InvalidInput (validation.hpp) for invalid parameters or prices.
// Thread-safe; each thread keeps its scratch buffers between calls (about 150
// bytes per bar of the longest series it computed, up to 50,000 bars).
AtcResult compute_symbol(std::span<const double> close, const AtcParams& params);
// The same, adding the time spent in each stage to *stage_times (see batch.hpp).
AtcResult compute_symbol(std::span<const double> close, const AtcParams& params,
                         StageTimes* stage_times);
// Keeping only `kept` (result.hpp): the series it keeps are bit for bit those
// of the full result.
AtcResult compute_symbol(std::span<const double> close, const AtcParams& params, KeptSeries kept,
                         StageTimes* stage_times = nullptr);

// The nine members of `family` with every series kept (MA, states, equity),
// bit for bit compute_symbol's full result's family(family).members: what the
// views that draw one family's members need over a result that keeps only the
// drawn series. One family's MAs and about 150 bytes a bar, where the full
// result computes six and keeps 920. Throws InvalidInput for invalid
// parameters or prices. With `stage_times`, as compute_symbol.
FamilyMembers compute_members(std::span<const double> close, const AtcParams& params, MaType family,
                              StageTimes* stage_times = nullptr);

}  // namespace atc
