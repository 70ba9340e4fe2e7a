// SPDX-License-Identifier: GPL-3.0-or-later
// The machine-readable output of `atc scan --json`: the parameters, the
// backend that ran and why, the rows in the order of the text tables (same
// --min-signal and --top), the symbols that failed, totals, time, cache hits
// and, under a memory budget, how the scan was chunked. Every key is listed in
// `atc help scan` (cli.cpp); keep the two together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "atc/scan_report.hpp"
#include "atc/system/backend_choice.hpp"

namespace atc::cli {

struct ScanMemoryReport {
    std::optional<std::uint64_t> budget_bytes;  // --memory-budget, if given
    std::size_t chunks = 0;                     // compute_batch calls the scan made
    std::uint64_t estimated_peak_bytes = 0;     // the planner's estimate of the working set
    bool within_budget = true;
    std::uint64_t peak_rss_bytes = 0;  // the process's high-water mark at the end
};

// How the command ran the scan, which only its JSON tells (the scan reports
// and the app's scanner have no --backend and no memory budget).
struct ScanExecution {
    system::BackendRequest backend_request = system::BackendRequest::Auto;
    system::BackendChoice backend;
    ScanMemoryReport memory;
};

std::string format_scan_json(const ScanReport& report, const ScanExecution& execution);

}  // namespace atc::cli
