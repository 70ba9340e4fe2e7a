// SPDX-License-Identifier: GPL-3.0-or-later
#include "command_report.hpp"

#include <array>
#include <charconv>
#include <cstdio>
#include <memory>
#include <optional>

#include "atc/atomic_file.hpp"
#include "atc/backend_router.hpp"
#include "atc/compute_service.hpp"
#include "atc/params_json.hpp"
#include "atc/performance.hpp"
#include "atc/store/drawing_store.hpp"
#include "atc/validation.hpp"
#include "cli.hpp"
#include "offscreen_gui.hpp"
#include "performance_option.hpp"
#include "report/symbol_report.hpp"
#include "store_session.hpp"
#include "timeframe_option.hpp"

namespace atc::cli {

namespace {

using ui::ReportFormat;

constexpr auto kOptions = join_options(join_options(std::array<OptionSpec, 6>{{
                                                        {"--symbol", true},
                                                        {kDbOption, true},
                                                        {"--params", true},
                                                        {"--format", true},
                                                        {"--size", true},
                                                        {"--out", true},
                                                    }},
                                                    kTimeframeOptions),
                                       kPerformanceOptions);

void fail(const std::string& message) {
    std::fprintf(stderr, "atc report: %s\n", message.c_str());
}

// --format, else the --out file's extension.
ReportFormat read_format(const ParsedOptions& options, const std::string& out) {
    if (const auto v = options.value("--format")) {
        if (const auto format = ui::parseReportFormat(*v))
            return *format;
        throw UsageError("invalid value for --format: '" + *v +
                         "' (expected pdf, csv, json or png)");
    }
    if (const auto format = ui::reportFormatOf(out))
        return *format;
    throw UsageError("give --format pdf|csv|json|png, or an --out file ending in one of them");
}

int parse_side(std::string_view text, const std::string& whole) {
    int v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || v < ui::kMinPngSide ||
        v > ui::kMaxPngSide) {
        throw UsageError("invalid value for --size: '" + whole + "' (expected WIDTHxHEIGHT, " +
                         std::to_string(ui::kMinPngSide) + " to " +
                         std::to_string(ui::kMaxPngSide) + " pixels each, e.g. 1600x1000)");
    }
    return v;
}

QSize parse_size(const std::string& text) {
    const std::size_t x = text.find_first_of("xX");
    if (x == std::string::npos)
        parse_side("", text);  // throws the usage message
    return {parse_side(std::string_view(text).substr(0, x), text),
            parse_side(std::string_view(text).substr(x + 1), text)};
}

}  // namespace

int run_report(std::span<const std::string> args) {
    // Every option is checked before the database is opened.
    const ParsedOptions options = parse_options(args, kOptions);
    const std::string symbol = options.required("--symbol");
    const std::string out = options.required("--out");
    const ReportFormat format = read_format(options, out);
    std::optional<QSize> size;
    if (const auto v = options.value("--size")) {
        if (format != ReportFormat::Png)
            throw UsageError("--size is for --format png only");
        size = parse_size(*v);
    }
    const std::optional<std::string> params_path = options.value("--params");
    const std::optional<TimeframeRequest> timeframe = read_timeframe_request(options);
    const PerformanceOptions performance = read_performance_options(options);

    // Errors below propagate to main(): "atc report: ...", exit 1. Nothing is
    // written before the whole report is made.
    const AtcParams params = params_path ? read_params_json(*params_path) : AtcParams{};
    StoreSession session("atc report", options.value(kDbOption));
    const std::optional<store::SymbolInfo> info = session.symbols().find(symbol);
    if (!info) {
        fail("no symbol '" + symbol + "' in " + session.database().path().string() +
             " ('atc list' shows them)");
        return kExitFailure;
    }
    std::optional<TimeframedSeries> series =
        bars_at_timeframe("atc report", symbol, session.symbols().load(symbol), timeframe);
    if (!series)
        return kExitFailure;
    auto data = std::make_shared<ui::SymbolData>();
    data->name = QString::fromStdString(symbol);
    data->bars = std::move(series->bars);
    data->timeframe = QString::fromStdString(series->timeframe);
    data->source_timeframe = QString::fromStdString(series->source_timeframe);
    data->last_forming = series->last_forming;
    data->params = params;
    // The one compute path of the app and `atc`; a chart's result is the CPU's.
    // Every format reads only the drawn series (the latest members from their
    // last values), and the charts' default view draws no member series: a
    // sixth of a full result's memory, which at a million bars was most of a
    // PDF's time.
    const auto router = make_cpu_router("atc report computes on the CPU");
    try {
        ChartAnswer answer =
            ComputeService(*router, nullptr)
                .chart(data->bars.close, params, request_label(timeframe), KeptSeries::drawn());
        data->result = std::move(answer.result);
        data->compute = std::move(answer.record);
    } catch (const InvalidInput& e) {
        fail(symbol + ": " + e.what());
        return kExitFailure;
    }

    ui::SymbolReport report;
    report.data = data;
    report.info = info;
    report.performance = performance;
    // The charts carry the trader's drawings, as the app's export does (rows the
    // store cannot read are left out, as the app leaves them out).
    report.view.drawings = store::DrawingStore(session.database()).load(symbol).drawings;
    if (size)
        report.png_size = *size;
    // Only the drawing formats start Qt's GUI side.
    std::unique_ptr<OffscreenGui> gui;
    if (format == ReportFormat::Pdf || format == ReportFormat::Png) {
        gui = std::make_unique<OffscreenGui>();
        ui::drawReportCharts(report, format);
    }
    const QByteArray bytes = ui::renderSymbolReport(report, format);
    if (out == "-") {
        if (!write_stdout(
                std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())))) {
            fail("cannot write to standard output");
            return kExitFailure;
        }
        return kExitOk;
    }
    ui::writeReportFile(out, bytes);
    return kExitOk;
}

}  // namespace atc::cli
