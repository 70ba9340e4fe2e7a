// SPDX-License-Identifier: GPL-3.0-or-later
// The benchmark cases: one symbol with every series kept (the chart path), and
// scans of random-walk universes that keep only the scan rows (the scanner path).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "atc/batch.hpp"

namespace atc::bench {

// How a case runs: compute_batch over the universe keeping scan rows only, or
// compute_symbol (all 54 MAs, states and equities kept) on its first symbol,
// either replacing the previous result once the new one is ready (what a chart
// does; the allocator reuses the old result's memory) or freeing each result
// at once (then the allocator may give the memory back to the system, and the
// next result pays a page fault per 4 KiB). Import reads a price file of
// `bars` rows and saves it into a symbol database (import_case.hpp); Load
// reads such a symbol back from the database, as the app does before each
// chart (SymbolStore::load on a fresh connection). Resample
// turns `bars` one-minute bars into hourly ones (resample_case.hpp). Sweep
// runs a 50 × 50 parameter sweep (La × De, sweep.hpp) over one daily symbol
// of `bars` bars: 2,500 Averages and their performance figures.
// SingleDrawn is SingleFreeEach keeping only the drawn series (what the app
// asks for, KeptSeries::drawn); Members computes one family's members alone
// (compute_members: what opening the calibration view or a family's member
// equities costs over a drawn result); CacheRead decodes a full result the way the
// result cache's disk tier reads one back (against computing it: the cache
// must never be slower than the engine). CsvParse reads `symbols` price files
// of `bars` daily rows (csv_universe.hpp) with read_price_csv on the oneTBB
// workers, as `atc scan --csv-dir` loads them. CsvDirScan, DbScanNoCache and
// DbScanCached run the `atc scan` program itself, a fresh process per run
// (command_case.hpp): over such a folder of price files, and over a database
// of the bundled symbols without the result cache or answered from it.
enum class Mode {
    Scan,
    SingleKeepPrevious,
    SingleFreeEach,
    SingleDrawn,
    Members,
    CacheRead,
    Import,
    Load,
    Resample,
    Sweep,
    CsvParse,
    CsvDirScan,
    DbScanNoCache,
    DbScanCached
};

struct CaseSpec {
    std::string name;
    std::size_t symbols = 0;
    std::size_t bars = 0;
    Mode mode = Mode::Scan;
    // How many times each symbol's bars are computed per run (a sweep's
    // cells), for the Mbars/s column.
    std::size_t passes = 1;
};

struct CaseResult {
    double median_ms = 0.0;
    double min_ms = 0.0;
    double cpu_ms = 0.0;  // median CPU time of a run, all threads together
    StageTimes stages;    // summed over the stage-timed runs and the workers
    double input_mib = 0.0;
    double peak_rss_mib = 0.0;
};

const std::vector<CaseSpec>& all_cases();
const CaseSpec* find_case(const std::string& name);

// One warm-up run, `runs` timed runs, then a few more with stage timing on
// (timed separately, so the hook cannot slow the timed runs).
CaseResult run_case(const CaseSpec& spec, int runs);

}  // namespace atc::bench
