// SPDX-License-Identifier: GPL-3.0-or-later
#include "cases.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <utility>
#include <vector>

#include <tbb/parallel_for.h>

#include "atc/cache/codec.hpp"
#include "atc/compute.hpp"
#include "atc/price_csv.hpp"
#include "atc/resample.hpp"
#include "atc/sweep.hpp"
#include "atc/timeframe.hpp"
#include "command_case.hpp"
#include "csv_universe.hpp"
#include "import_case.hpp"
#include "measure.hpp"
#include "resample_case.hpp"
#include "universe.hpp"

namespace atc::bench {
namespace {

constexpr int kStageRuns = 3;

// Runs `once` (which adds stage times to its argument when non-null) as run_case says.
CaseResult measure(const std::function<void(StageTimes*)>& once, int runs) {
    CaseResult result;
    once(nullptr);  // warm-up: page in the input, grow every worker's buffers
    std::vector<double> times;
    std::vector<double> cpu_times;
    for (int r = 0; r < runs; ++r) {
        const double cpu_start = process_cpu_ms();
        const Clock::time_point start = Clock::now();
        once(nullptr);
        times.push_back(milliseconds_since(start));
        cpu_times.push_back(process_cpu_ms() - cpu_start);
    }
    result.median_ms = median(times);
    result.cpu_ms = median(cpu_times);
    result.min_ms = *std::min_element(times.begin(), times.end());
    for (int r = 0; r < kStageRuns; ++r)
        once(&result.stages);
    return result;
}

// La × De, 50 values each, over daily bars from 2000-01-01: what the app's
// Sweep view runs at its largest.
std::vector<std::int64_t> daily_times(std::size_t bars) {
    constexpr std::int64_t kJan1st2000Ms = 946'684'800'000;
    std::vector<std::int64_t> times(bars);
    for (std::size_t i = 0; i < bars; ++i)
        times[i] = kJan1st2000Ms + static_cast<std::int64_t>(i) * kDayMs;
    return times;
}

SweepRequest sweep_request(std::span<const double> close, std::span<const std::int64_t> times) {
    SweepRequest request;
    request.close = close;
    request.time_ms = times;
    request.axes = {parse_sweep_axis("La=0.01:0.5:0.01"), parse_sweep_axis("De=0.01:0.5:0.01")};
    return request;
}

// Every file of the universe read and parsed, in parallel; the series are
// dropped as soon as they are read (the parse is what is measured).
CaseResult run_csv_parse_case(const CaseSpec& spec, int runs) {
    const CsvUniverseFolder folder(spec.symbols, spec.bars);
    const std::vector<std::filesystem::path>& files = folder.files();
    CaseResult result = measure(
        [&files](StageTimes*) {
            tbb::parallel_for(std::size_t{0}, files.size(),
                              [&files](std::size_t i) { read_price_csv(files[i]); });
        },
        runs);
    result.input_mib = static_cast<double>(folder.total_bytes()) / (1024.0 * 1024.0);
    result.peak_rss_mib = peak_rss_mib();
    return result;
}

}  // namespace

const std::vector<CaseSpec>& all_cases() {
    static const std::vector<CaseSpec> cases = {
        {"single-5000", 1, 5000, Mode::SingleKeepPrevious},
        {"single-5000-free", 1, 5000, Mode::SingleFreeEach},
        {"scan-500x2000", 500, 2000, Mode::Scan},
        {"scan-1000x2000", 1000, 2000, Mode::Scan},
        {"scan-5000x2000", 5000, 2000, Mode::Scan},
        {"single-1m", 1, 1'000'000, Mode::SingleFreeEach},
        {"single-1m-drawn", 1, 1'000'000, Mode::SingleDrawn},
        {"members-1m", 1, 1'000'000, Mode::Members},
        {"cache-read-1m", 1, 1'000'000, Mode::CacheRead},
        {"import-binance-1m", 1, 1'000'000, Mode::Import},
        {"load-1m", 1, 1'000'000, Mode::Load},
        {"resample-1m-1h", 1, 1'000'000, Mode::Resample},
        {"sweep-50x50-5000", 1, 5000, Mode::Sweep, 50 * 50},
        {"atc-scan-csv-500x2000", 500, 2000, Mode::CsvDirScan},
        {"atc-scan-db-nocache", 505, 2000, Mode::DbScanNoCache},
        {"atc-scan-db-cached", 505, 2000, Mode::DbScanCached},
        {"csv-parse-500x2000", 500, 2000, Mode::CsvParse},
    };
    return cases;
}

const CaseSpec* find_case(const std::string& name) {
    for (const CaseSpec& c : all_cases()) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

CaseResult run_case(const CaseSpec& spec, int runs) {
    if (spec.mode == Mode::CsvDirScan || spec.mode == Mode::DbScanNoCache ||
        spec.mode == Mode::DbScanCached)
        return run_command_case(spec, runs);
    if (spec.mode == Mode::Import || spec.mode == Mode::Load) {
        const auto measured = [runs](const std::function<void()>& once) {
            return measure([&once](StageTimes*) { once(); }, runs);
        };
        CaseResult result = spec.mode == Mode::Import ? run_import_case(spec.bars, measured)
                                                      : run_load_case(spec.bars, measured);
        result.peak_rss_mib = peak_rss_mib();
        return result;
    }
    if (spec.mode == Mode::CsvParse)
        return run_csv_parse_case(spec, runs);
    if (spec.mode == Mode::Resample) {
        const PriceSeries minutes = minute_bars(spec.bars);
        const Timeframe hour = require_timeframe("1h");
        ResampledSeries shown;
        CaseResult result = measure([&](StageTimes*) { shown = resample(minutes, hour); }, runs);
        const std::size_t columns = 6;  // time, open, high, low, close, volume
        result.input_mib = static_cast<double>(spec.bars * columns * 8) / (1024.0 * 1024.0);
        result.peak_rss_mib = peak_rss_mib();
        return result;
    }
    const Universe universe(spec.symbols, spec.bars);
    const AtcParams params;  // the defaults: Medium robustness, base length 28
    CaseResult result;
    const std::span<const double> close = universe.series().front();
    if (spec.mode == Mode::SingleKeepPrevious) {
        AtcResult shown;
        result = measure(
            [&](StageTimes* t) {
                AtcResult next = compute_symbol(close, params, t);
                std::swap(shown, next);  // the previous result goes only now
            },
            runs);
    } else if (spec.mode == Mode::SingleFreeEach) {
        result = measure([&](StageTimes* t) { compute_symbol(close, params, t); }, runs);
    } else if (spec.mode == Mode::SingleDrawn) {
        result = measure(
            [&](StageTimes* t) { compute_symbol(close, params, KeptSeries::drawn(), t); }, runs);
    } else if (spec.mode == Mode::Members) {
        result =
            measure([&](StageTimes* t) { compute_members(close, params, MaType::EMA, t); }, runs);
    } else if (spec.mode == Mode::Sweep) {
        const std::vector<std::int64_t> times = daily_times(close.size());
        const SweepRequest request = sweep_request(close, times);
        result = measure([&](StageTimes*) { run_sweep(request); }, runs);
    } else if (spec.mode == Mode::CacheRead) {
        const std::vector<std::byte> blob = cache::encode_result(compute_symbol(close, params));
        result = measure([&](StageTimes*) { cache::decode_result(blob); }, runs);
    } else {
        result = measure(
            [&](StageTimes* t) {
                BatchOptions options;
                options.keep_series = false;
                options.stage_times = t;
                compute_batch(universe.series(), params, options);
            },
            runs);
    }
    result.input_mib = static_cast<double>(universe.bytes()) / (1024.0 * 1024.0);
    result.peak_rss_mib = peak_rss_mib();
    return result;
}

}  // namespace atc::bench
