// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end cases: the `atc` program built next to the bench, run as a user
// runs it, a fresh process per run (so each run starts cold: the program is
// loaded, the database opened, the workers started), with its output thrown
// away. What is timed is the whole command, from exec to exit.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cases.hpp"

namespace atc::bench {

// One run of a command: wall time, and what the kernel counted for the child
// process (user + system CPU time, peak resident memory).
struct CommandRun {
    double wall_ms = 0.0;
    double cpu_ms = 0.0;
    double peak_rss_mib = 0.0;
};

// The `atc` program the cases run: $ATC_BENCH_ATC, else the one this bench
// was built with.
std::string atc_program();

// Runs `args` (args[0] the program) with standard output and error sent to
// /dev/null. Throws std::runtime_error when it cannot start or does not exit 0.
CommandRun run_command(const std::vector<std::string>& args);

// csv-dir-scan, db-scan-nocache, db-scan-cached: prepares the input once (not
// timed), then one warm-up and `runs` timed runs of the command. The result's
// CPU and peak memory are the child's (medians), input MiB the files' size.
CaseResult run_command_case(const CaseSpec& spec, int runs);

}  // namespace atc::bench
