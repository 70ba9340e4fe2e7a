// SPDX-License-Identifier: GPL-3.0-or-later
// The "performance" object of the JSON outputs (the symbol report, `atc
// sweep`'s cells): the keys and units are a contract with whoever reads them,
// so they are written in one place.
#pragma once

#include "atc/json_document.hpp"
#include "atc/performance.hpp"

namespace atc {

// {total_return, cagr, ..., mode, cost_bps}: the figures as fractions (NaN
// as null), the mode by position_mode_name.
Json performance_json(const PerformanceFigures& figures, const PerformanceOptions& options);

}  // namespace atc
