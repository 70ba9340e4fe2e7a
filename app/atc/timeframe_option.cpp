// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeframe_option.hpp"

#include <cstdio>
#include <stdexcept>

#include "atc/bars_csv.hpp"

namespace atc::cli {
namespace {

// The data's own timeframe, or "" for data without times or irregular times.
std::string own_timeframe(const PriceSeries& bars) {
    try {
        return source_timeframe(bars).name();
    } catch (const ResampleError&) {
        return {};
    }
}

}  // namespace

std::string bar_time_text(std::int64_t time_ms, TimeKind kind) {
    std::string text = format_bar_time(time_ms);
    if (kind == TimeKind::Date)
        text.resize(text.find('T'));
    return text;
}

std::string request_label(const std::optional<TimeframeRequest>& request) {
    return request ? request->label() : std::string();
}

std::optional<TimeframeRequest> read_timeframe_request(const ParsedOptions& options) {
    const std::optional<std::string> text = options.value("--timeframe");
    const std::optional<std::string> zone = options.value("--timezone");
    if (!text) {
        if (zone)
            throw UsageError("--timezone needs a daily or coarser --timeframe");
        return std::nullopt;
    }
    TimeframeRequest request;
    try {
        request.target = require_timeframe(*text);
        request.options.time_zone = zone.value_or("");
        check_resample_options(request.target, request.options);
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--timeframe: ") + e.what());
    } catch (const ResampleError& e) {
        throw UsageError(std::string("--timezone: ") + e.what());
    }
    return request;
}

std::optional<TimeframedSeries> bars_at_timeframe(std::string_view command, std::string_view symbol,
                                                  PriceSeries bars,
                                                  const std::optional<TimeframeRequest>& request) {
    TimeframedSeries out;
    if (!request) {
        out.timeframe = out.source_timeframe = own_timeframe(bars);
        out.bars = std::move(bars);
        return out;
    }
    ResampledSeries resampled;
    try {
        resampled = resample(bars, request->target, request->options);
    } catch (const ResampleError& e) {
        std::fprintf(stderr, "%.*s: %.*s: %s\n", static_cast<int>(command.size()), command.data(),
                     static_cast<int>(symbol.size()), symbol.data(), e.what());
        return std::nullopt;
    }
    out.timeframe = request->label();
    out.source_timeframe = resampled.source.name();
    out.last_forming = resampled.last_forming;
    out.bars = std::move(resampled.bars);
    if (out.last_forming) {
        std::fprintf(stderr, "%.*s: the last %s bar (%s) is still forming: the data ends at %s\n",
                     static_cast<int>(command.size()), command.data(), out.timeframe.c_str(),
                     bar_time_text(out.bars.time_ms.back(), out.bars.time_kind).c_str(),
                     bar_time_text(bars.time_ms.back(), bars.time_kind).c_str());
    }
    return out;
}

void label_by_time(PriceSeries& bars) {
    bars.labels.clear();
    bars.labels.reserve(bars.time_ms.size());
    for (std::size_t i = 0; i < bars.time_ms.size(); ++i)
        bars.labels.push_back(bar_time_text(bars.time_ms[i], bars.time_kind));
    bars.label_column = bars.time_column;
}

}  // namespace atc::cli
