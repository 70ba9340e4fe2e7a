// SPDX-License-Identifier: GPL-3.0-or-later
// The sweep's runner: every cell's Average through the batch pipeline on
// oneTBB workers, then its performance.
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <cmath>

#include "atc/sweep.hpp"
#include "atc/validation.hpp"
#include "pipeline/symbol_pipeline.hpp"

namespace atc {
namespace {

void check_request(const SweepRequest& request) {
    if (request.axes.empty() || request.axes.size() > 2)
        throw InvalidInput("vary", "a sweep varies one or two parameters, not " +
                                       std::to_string(request.axes.size()));
    for (const SweepAxis& axis : request.axes) {
        if (axis.param == nullptr)
            throw InvalidInput("vary", "a sweep axis names no parameter");
        if (axis.values.empty() || axis.values.size() > kMaxSweepValues)
            throw InvalidInput(
                std::string(axis.param->key),
                std::string(axis.param->key) + " takes " + std::to_string(axis.values.size()) +
                    " values; a sweep axis takes 1 to " + std::to_string(kMaxSweepValues));
    }
    if (request.axes.size() == 2 && request.axes[0].param == request.axes[1].param)
        throw InvalidInput(std::string(request.axes[0].param->key),
                           std::string(request.axes[0].param->key) + " is varied twice");
    if (request.split && !(*request.split > 0.0 && *request.split < 1.0))
        throw InvalidInput("split",
                           "the split is the share of bars that chooses, between 0 and 1 "
                           "(exclusive)");
    if (!request.time_ms.empty() && request.time_ms.size() != request.close.size())
        throw InvalidInput("time", "the bar times and the closes differ in length");
    // The prices alone, once: a bad price fails every cell the same way.
    AtcParams any;
    any.cutout = 0;
    for (const ParamIssue& issue : check_series(request.close, any)) {
        if (issue.key == "close")
            throw InvalidInput(issue.key, issue.message);
    }
}

// The cells in row-major order with their parameters set; a value the
// parameter's type refuses, or parameters check_params refuses, is the cell's error.
std::vector<SweepCell> lay_out_cells(const SweepRequest& request) {
    const SweepAxis& first = request.axes[0];
    const std::size_t rows = first.values.size();
    const std::size_t columns = request.axes.size() == 2 ? request.axes[1].values.size() : 1;
    std::vector<SweepCell> cells(rows * columns);
    for (std::size_t i = 0; i < rows; ++i) {
        for (std::size_t j = 0; j < columns; ++j) {
            SweepCell& cell = cells[i * columns + j];
            cell.params = request.base;
            for (std::size_t a = 0; a < request.axes.size(); ++a) {
                const SweepAxis& axis = request.axes[a];
                const double value = axis.values[a == 0 ? i : j];
                cell.values.push_back(value);
                if (auto issue = set_param(cell.params, *axis.param, value);
                    issue && cell.error.empty())
                    cell.error = issue->message;
            }
            if (cell.error.empty()) {
                if (const auto issues = check_input(request.close, cell.params); !issues.empty())
                    cell.error = issues.front().message;
            }
        }
    }
    return cells;
}

// The figures over bars [begin, end) of the series, or nullopt when the Average
// is not defined there (or no bar follows its first).
std::optional<PerformanceFigures> figures_over(const SweepRequest& request,
                                               std::span<const double> average, std::size_t begin,
                                               std::size_t end, const AtcParams& params) {
    const auto times =
        request.time_ms.empty() ? request.time_ms : request.time_ms.subspan(begin, end - begin);
    auto performance = compute_performance(
        request.close.subspan(begin, end - begin), times, average.subspan(begin, end - begin),
        params.long_threshold, params.short_threshold, request.performance);
    if (!performance)
        return std::nullopt;
    return performance->figures;
}

}  // namespace

const SweepCell& SweepResult::cell(std::size_t i, std::size_t j) const {
    const std::size_t columns = axes.size() == 2 ? axes[1].values.size() : 1;
    return cells.at(i * columns + j);
}

SweepResult run_sweep(const SweepRequest& request) {
    check_request(request);
    SweepResult result;
    result.axes = request.axes;
    result.cells = lay_out_cells(request);
    const std::size_t bars = request.close.size();
    if (request.split) {
        // The bar both parts share: in-sample returns end at it, and the
        // out-of-sample equity starts from its close.
        result.split_bar =
            static_cast<std::size_t>(std::llround(*request.split * static_cast<double>(bars - 1)));
    }

    tbb::enumerable_thread_specific<detail::PipelineWorkspace> workspaces;
    std::atomic<std::size_t> done{0};
    const std::size_t total = result.cells.size();
    // One cell per task at the finest, as compute_batch runs one symbol per task.
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, total), [&](const auto& range) {
        detail::PipelineWorkspace& ws = workspaces.local();
        for (std::size_t c = range.begin(); c != range.end(); ++c) {
            if (request.cancel && request.cancel->load(std::memory_order_relaxed))
                return;
            SweepCell& cell = result.cells[c];
            if (cell.error.empty()) {
                SymbolScan scan;
                const auto average =
                    detail::run_scan(request.close, cell.params, false, false, ws, scan);
                cell.figures = figures_over(request, average, 0, bars, cell.params);
                if (result.split_bar) {
                    const std::size_t s = *result.split_bar;
                    cell.in_sample = figures_over(request, average, 0, s + 1, cell.params);
                    cell.out_of_sample = figures_over(request, average, s, bars, cell.params);
                }
            }
            cell.computed = true;
            const std::size_t finished = done.fetch_add(1, std::memory_order_relaxed) + 1;
            if (request.progress)
                request.progress(finished, total);
        }
    });
    result.cancelled = request.cancel && request.cancel->load() && done.load() < total;
    return result;
}

}  // namespace atc
