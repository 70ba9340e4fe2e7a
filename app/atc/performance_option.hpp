// SPDX-License-Identifier: GPL-3.0-or-later
// --mode and --cost-bps: how the commands that judge the Average signal as a
// position (`atc report`'s performance, `atc sweep`) hold it (performance.hpp).
#pragma once

#include <array>
#include <string_view>

#include "atc/performance.hpp"
#include "cli.hpp"

namespace atc::cli {

inline constexpr std::array<OptionSpec, 2> kPerformanceOptions = {
    {{"--mode", true}, {"--cost-bps", true}}};
inline constexpr std::string_view kPerformanceHelp =
    "  --mode M            long-short (the default: long above the long\n"
    "                      threshold, short below the short one) or long-only\n"
    "                      (flat instead of short)\n"
    "  --cost-bps N        fee + slippage per unit of position change, in\n"
    "                      basis points (default 0; a flip costs it twice)\n";

// The options, checked: UsageError naming a bad mode or cost and what is accepted.
PerformanceOptions read_performance_options(const ParsedOptions& options);

}  // namespace atc::cli
