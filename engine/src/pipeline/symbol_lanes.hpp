// SPDX-License-Identifier: GPL-3.0-or-later
// A scan's symbols side by side, one per vector lane: a group of symbols of
// the same length runs the whole pipeline (the six families' MAs, Layer 1,
// Layer 2, the Average) in one pass over blocks of bars, each lane with
// exactly the arithmetic of the per-symbol path (run_scan), so the results are
// bit-identical to it. Eight symbols share an AVX-512 vector (four with AVX2,
// two with SSE2) with no padding lanes, and a member's lagged read x[i - N] is one load for all
// of them (docs/PERFORMANCE.md, "Issue 23: the scan kernels"). Within a block
// the members of a lane of the family sums (j, j+4, j+8) run side by side, so
// that their recursions overlap, and the sums wait in the block's rows.
#pragma once

#include <cstddef>
#include <span>

#include "atc/batch.hpp"
#include "atc/params.hpp"
#include "pipeline/symbol_pipeline.hpp"

namespace atc::detail {

// How many symbols a group holds on this CPU: the lanes of the widest vector.
std::size_t symbol_lane_width();
// The fewest symbols run_scan_group runs side by side: the lanes of the next
// width down (four on an AVX-512 CPU), or symbol_lane_width() itself.
std::size_t smallest_symbol_group();

// Whether a scan with `params` of series of `bars` bars may take the
// symbol-lane path. The pine profile's families are not written for it.
bool symbol_lanes_apply(const AtcParams& params, std::size_t bars);

// Runs validated series of one length into their scans, as run_scan would
// each (`scans[s]` for `closes[s]`), symbol_lane_width() at a time, then a
// remainder in a narrower vector where it fills one (four symbols in AVX2
// after groups of eight); any rest goes through run_scan.
void run_scan_group(std::span<const std::span<const double>> closes, const AtcParams& params,
                    bool keep_series, PipelineWorkspace& ws, std::span<SymbolScan* const> scans);

}  // namespace atc::detail
