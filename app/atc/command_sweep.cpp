// SPDX-License-Identifier: GPL-3.0-or-later
#include "command_sweep.hpp"

#include <chrono>
#include <cstdio>

#include "atc/params_json.hpp"
#include "atc/sweep.hpp"
#include "atc/validation.hpp"
#include "cli.hpp"
#include "performance_option.hpp"
#include "store_session.hpp"
#include "sweep_output.hpp"
#include "timeframe_option.hpp"
#include "utc_text.hpp"

namespace atc::cli {
namespace {

constexpr auto kOptions = join_options(join_options(std::array<OptionSpec, 7>{{
                                                        {"--symbol", true},
                                                        {kDbOption, true},
                                                        {"--params", true},
                                                        {"--vary", true, true},
                                                        {"--split", true},
                                                        {"--metric", true},
                                                        {"--json", false},
                                                    }},
                                                    kTimeframeOptions),
                                       kPerformanceOptions);

void fail(const std::string& message) {
    std::fprintf(stderr, "atc sweep: %s\n", message.c_str());
}

std::vector<SweepAxis> read_axes(const ParsedOptions& options) {
    const std::vector<std::string> texts = options.all("--vary");
    if (texts.empty() || texts.size() > 2)
        throw UsageError("give --vary NAME=V1,V2,... once or twice (one or two parameters)");
    std::vector<SweepAxis> axes;
    for (const std::string& text : texts) {
        try {
            axes.push_back(parse_sweep_axis(text));
        } catch (const InvalidInput& e) {
            throw UsageError("invalid value for --vary: " + std::string(e.what()));
        }
    }
    if (axes.size() == 2 && axes[0].param == axes[1].param)
        throw UsageError("--vary names " + std::string(axes[0].param->key) + " twice");
    return axes;
}

// --split PCT: the percent of the bars that chooses, the rest checking.
std::optional<double> read_split(const ParsedOptions& options) {
    const auto v = options.value("--split");
    if (!v)
        return std::nullopt;
    const double pct = parse_non_negative_double("--split", *v);
    if (!(pct > 0.0 && pct < 100.0))
        throw UsageError("invalid value for --split: '" + *v +
                         "' (expected the percent of the bars that chooses, above 0 and below "
                         "100, e.g. 70)");
    return pct / 100.0;
}

SweepMetric read_metric(const ParsedOptions& options) {
    const auto v = options.value("--metric");
    if (!v)
        return SweepMetric::Sharpe;
    if (const auto metric = parse_sweep_metric(*v))
        return *metric;
    std::string names;
    for (SweepMetric m : kSweepMetrics) {
        if (!names.empty())
            names += ", ";
        names += sweep_metric_key(m);
    }
    throw UsageError("invalid value for --metric: '" + *v + "' (expected one of " + names + ")");
}

std::string time_text(const PriceSeries& bars, std::size_t bar) {
    if (bars.time_ms.empty())
        return "";
    return utc_text(bars.time_ms[bar],
                    has_time_of_day(bars.time_kind) ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%d");
}

}  // namespace

int run_sweep(std::span<const std::string> args) {
    // Every option is checked before the database is opened.
    const ParsedOptions options = parse_options(args, kOptions);
    const std::string symbol = options.required("--symbol");
    SweepRun run;
    run.symbol = symbol;
    run.performance = read_performance_options(options);
    run.split = read_split(options);
    run.metric = read_metric(options);
    std::vector<SweepAxis> axes = read_axes(options);
    const std::optional<std::string> params_path = options.value("--params");
    const std::optional<TimeframeRequest> timeframe = read_timeframe_request(options);

    // Errors below propagate to main(): "atc sweep: ...", exit 1.
    run.base = params_path ? read_params_json(*params_path) : AtcParams{};
    StoreSession session("atc sweep", options.value(kDbOption));
    if (!session.symbols().find(symbol)) {
        fail("no symbol '" + symbol + "' in " + session.database().path().string() +
             " ('atc list' shows them)");
        return kExitFailure;
    }
    std::optional<TimeframedSeries> series =
        bars_at_timeframe("atc sweep", symbol, session.symbols().load(symbol), timeframe);
    if (!series)
        return kExitFailure;
    const PriceSeries& bars = series->bars;
    run.timeframe = series->timeframe;
    run.bars = bars.close.size();
    if (run.bars > 0) {
        run.first_time = time_text(bars, 0);
        run.last_time = time_text(bars, run.bars - 1);
    }

    SweepRequest request;
    request.close = bars.close;
    request.time_ms = bars.time_ms;
    request.base = run.base;
    request.axes = std::move(axes);
    request.performance = run.performance;
    request.split = run.split;
    const auto start = std::chrono::steady_clock::now();
    try {
        run.result = run_sweep(request);
    } catch (const InvalidInput& e) {
        fail(symbol + ": " + e.what());
        return kExitFailure;
    }
    run.elapsed_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (run.result.split_bar)
        run.split_time = time_text(bars, *run.result.split_bar);

    const std::string text =
        options.has("--json") ? format_sweep_json(run) : format_sweep_text(run);
    if (!write_stdout(text)) {
        fail("cannot write to standard output");
        return kExitFailure;
    }
    // A sweep none of whose cells could run answered nothing.
    for (const SweepCell& cell : run.result.cells) {
        if (cell.ok())
            return kExitOk;
    }
    fail("no cell could run with these parameters (see the reasons above)");
    return kExitFailure;
}

}  // namespace atc::cli
