// SPDX-License-Identifier: GPL-3.0-or-later
#include "command_compute.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "atc/atomic_file.hpp"
#include "atc/backend_router.hpp"
#include "atc/compute_service.hpp"
#include "atc/params_json.hpp"
#include "atc/price_csv.hpp"
#include "atc/signal_csv.hpp"
#include "atc/validation.hpp"
#include "cli.hpp"
#include "store_session.hpp"
#include "timeframe_option.hpp"

namespace atc::cli {

namespace {

constexpr auto kOptions = join_options(std::array<OptionSpec, 5>{{
                                           {"--csv", true},
                                           {"--symbol", true},
                                           {kDbOption, true},
                                           {"--params", true},
                                           {"--out", true},
                                       }},
                                       kTimeframeOptions);

void fail(const std::string& message) {
    std::fprintf(stderr, "atc compute: %s\n", message.c_str());
}

// The prices: a CSV file (--csv) or a stored symbol (--symbol, --db).
struct ComputeInput {
    std::string name;  // the file or the symbol, for messages
    std::optional<std::filesystem::path> csv;
    std::optional<std::string> symbol;
};

ComputeInput read_input(const ParsedOptions& options) {
    ComputeInput input;
    input.csv = options.value("--csv");
    input.symbol = options.value("--symbol");
    if (input.csv && input.symbol)
        throw UsageError("--csv and --symbol choose different inputs: give one of them");
    if (!input.csv && !input.symbol)
        throw UsageError("missing required option --csv (or --symbol)");
    if (input.csv && options.has(kDbOption))
        throw UsageError("--db is for --symbol; --csv reads a file");
    input.name = input.csv ? input.csv->string() : *input.symbol;
    return input;
}

// The input's bars, or nullopt after saying why there are none.
std::optional<PriceSeries> load_input(const ComputeInput& input, const ParsedOptions& options) {
    if (input.csv) {
        PriceSeries series = read_price_csv(*input.csv);
        for (const std::string& warning : series.warnings)
            fail("warning: " + input.name + ": " + warning);
        return series;
    }
    StoreSession session("atc compute", options.value(kDbOption));
    if (!session.symbols().find(*input.symbol)) {
        fail("no symbol '" + *input.symbol + "' in " + session.database().path().string() +
             " ('atc list' shows them)");
        return std::nullopt;
    }
    return session.symbols().load(*input.symbol);
}

}  // namespace

int run_compute(std::span<const std::string> args) {
    const ParsedOptions options = parse_options(args, kOptions);
    const ComputeInput input = read_input(options);
    const std::string out = options.required("--out");
    const std::optional<std::string> params_path = options.value("--params");
    const std::optional<TimeframeRequest> timeframe = read_timeframe_request(options);

    // Everything is computed and formatted in memory before the output is touched,
    // so a failure at any step leaves an existing --out file exactly as it was.
    // Errors propagate to main(), which prints them as "atc compute: ..." (exit 1).
    const AtcParams params = params_path ? read_params_json(*params_path) : AtcParams{};
    std::optional<PriceSeries> loaded = load_input(input, options);
    if (!loaded)
        return kExitFailure;
    const std::optional<TimeframedSeries> series =
        bars_at_timeframe("atc compute", input.name, std::move(*loaded), timeframe);
    if (!series)
        return kExitFailure;
    // The one compute path of the app and `atc`; a full result is the CPU's.
    const auto router = make_cpu_router("atc compute computes on the CPU");
    std::shared_ptr<const AtcResult> result;
    try {
        result = ComputeService(*router, nullptr)
                     .chart(series->bars.close, params, request_label(timeframe))
                     .result;
    } catch (const InvalidInput& e) {
        // The engine does not know where the prices came from; name them.
        fail(input.name + ": " + e.what());
        return kExitFailure;
    }
    const std::string table = format_signal_csv(*result);
    if (out == "-") {
        if (!write_stdout(table)) {
            fail("cannot write to standard output");
            return kExitFailure;
        }
    } else {
        write_file_atomically(out, table);
    }
    return kExitOk;
}

}  // namespace atc::cli
