// SPDX-License-Identifier: GPL-3.0-or-later
#include "command_export.hpp"

#include <array>
#include <cstdio>

#include "atc/atomic_file.hpp"
#include "atc/bars_csv.hpp"
#include "cli.hpp"
#include "store_session.hpp"
#include "timeframe_option.hpp"

namespace atc::cli {
namespace {

constexpr auto kExportOptions = join_options(
    std::array<OptionSpec, 3>{{{"--symbol", true}, {"--out", true}, {kDbOption, true}}},
    kTimeframeOptions);

}  // namespace

int run_export(std::span<const std::string> args) {
    const ParsedOptions options = parse_options(args, kExportOptions);
    const std::string symbol = options.required("--symbol");
    const std::string out = options.value("--out").value_or("-");
    const std::optional<TimeframeRequest> timeframe = read_timeframe_request(options);

    StoreSession session("atc export", options.value(kDbOption));
    if (!session.symbols().find(symbol)) {
        std::fprintf(stderr, "atc export: no symbol '%s' in %s ('atc list' shows them)\n",
                     symbol.c_str(), session.database().path().string().c_str());
        return kExitFailure;
    }
    const std::optional<TimeframedSeries> bars =
        bars_at_timeframe("atc export", symbol, session.symbols().load(symbol), timeframe);
    if (!bars)
        return kExitFailure;
    const std::string csv = format_bars_csv(bars->bars);
    if (out == "-")
        return write_stdout(csv) ? kExitOk : kExitFailure;
    // The whole file or, on any failure, the old one untouched.
    write_file_atomically(out, csv);
    return kExitOk;
}

}  // namespace atc::cli
