// SPDX-License-Identifier: GPL-3.0-or-later
#include "performance_option.hpp"

#include <charconv>
#include <string>

namespace atc::cli {

PerformanceOptions read_performance_options(const ParsedOptions& options) {
    PerformanceOptions performance;
    if (const auto v = options.value("--mode")) {
        const auto mode = parse_position_mode(*v);
        if (!mode)
            throw UsageError("invalid value for --mode: '" + *v +
                             "' (expected long-short or long-only)");
        performance.mode = *mode;
    }
    if (const auto v = options.value("--cost-bps")) {
        double bps = 0.0;
        const auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), bps);
        if (ec != std::errc() || ptr != v->data() + v->size() || !(bps >= 0.0 && bps <= 10'000.0))
            throw UsageError("invalid value for --cost-bps: '" + *v +
                             "' (expected basis points from 0 to 10000, e.g. 5 or 2.5)");
        performance.cost_bps = bps;
    }
    return performance;
}

}  // namespace atc::cli
