// SPDX-License-Identifier: GPL-3.0-or-later
// entry_markers (signals.hpp) into a caller's vector, so that a batch worker
// reuses one buffer and each symbol's markers are allocated once, at their size.
#pragma once

#include <span>
#include <vector>

#include "atc/result.hpp"

namespace atc::detail {

void entry_markers_into(std::span<const double> average, double long_threshold,
                        double short_threshold, std::vector<EntryMarker>& markers);

}  // namespace atc::detail
