// SPDX-License-Identifier: GPL-3.0-or-later
// --timeframe and --timezone: the commands that read bars (export, report,
// scan, compute) show them at a coarser timeframe than the data's own
// (atc/resample.hpp), with one reading of the options, one way of telling a
// forming last bar and one way of refusing data that cannot be made into it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "atc/price_csv.hpp"
#include "atc/resample.hpp"
#include "cli.hpp"

namespace atc::cli {

inline constexpr std::array<OptionSpec, 2> kTimeframeOptions = {
    {{"--timeframe", true}, {"--timezone", true}}};
inline constexpr std::string_view kTimeframeHelp =
    "  --timeframe TF      the bars at TF, a multiple of the data's timeframe: 1m\n"
    "                      3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 1w 1M or any count of\n"
    "                      a unit (90m, 3d; m is minutes, M months). Open = first\n"
    "                      open, high = max, low = min, close = last close, volume\n"
    "                      = sum; buckets start at UTC multiples of TF, weeks on\n"
    "                      Monday, months on the 1st. A last bar the data does not\n"
    "                      fill yet is kept and said to be forming\n"
    "  --timezone ZONE     IANA zone whose midnight starts the days of a daily or\n"
    "                      coarser TF (e.g. America/New_York; default UTC)\n";

// A timeframe asked for on the command line.
struct TimeframeRequest {
    Timeframe target;
    ResampleOptions options;

    // "4h", "1d America/New_York": for people and the result cache's key.
    std::string label() const { return timeframe_label(target, options); }
};

// The request's label, "" for the data's own bars: the result cache key's
// timeframe and the scan report's.
std::string request_label(const std::optional<TimeframeRequest>& request);

// --timeframe and --timezone, checked before any data is read: UsageError
// naming a bad timeframe and what is accepted, an unknown zone, or a zone
// without a daily or coarser timeframe. nullopt without --timeframe.
std::optional<TimeframeRequest> read_timeframe_request(const ParsedOptions& options);

// One symbol's bars as a command shows them, with the SymbolData fields.
struct TimeframedSeries {
    PriceSeries bars;
    std::string timeframe;         // the request's label, else the data's own; "" without times
    std::string source_timeframe;  // the data's own; "" for data without times
    bool last_forming = false;     // the last bar's bucket reaches past the data
};

// `bars` at the requested timeframe, or as they are without a request. A
// forming last bar is told on stderr: "atc export: the last 4h bar
// (2024-01-03T12:00:00Z) is still forming: the data ends at
// 2024-01-03T13:59:00Z" (`command` is "atc export"). Data that cannot be made
// into the timeframe (finer than it, not a multiple, no times) is refused on
// stderr as "atc export: SYMBOL: 1h is finer than the data's timeframe (1d)"
// and gives nullopt; `symbol` names the data (a symbol or a file).
std::optional<TimeframedSeries> bars_at_timeframe(std::string_view command, std::string_view symbol,
                                                  PriceSeries bars,
                                                  const std::optional<TimeframeRequest>& request);

// A bar's time as the export writes it ("2024-01-05T14:00:00Z"), the date
// alone for data of dates ("2024-01-05").
std::string bar_time_text(std::int64_t time_ms, TimeKind kind);

// The bucket times as labels ("2024-01-05" for daily and coarser buckets,
// "2024-01-05T14:00:00Z" within a day): resampled bars come without the file's
// labels, and a scan names its entry markers' bars by them.
void label_by_time(PriceSeries& bars);

}  // namespace atc::cli
