// SPDX-License-Identifier: GPL-3.0-or-later
// The real market data shipped inside the programs (see resources/sample/README.md).
#pragma once

#include <span>

#include "atc/store/importer.hpp"

namespace atc {

// DAX, SMI, CAC, FTSE (R's EuStockMarkets) and TTRC (TTR's ttrc), in that order.
std::span<const store::BundledSeries> bundled_samples();

}  // namespace atc
