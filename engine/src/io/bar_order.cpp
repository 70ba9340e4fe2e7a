// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/bar_order.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <utility>

#include "io/time_parse.hpp"

namespace atc::detail {

namespace {

// Calls `fn` on every per-bar vector of `series` and on `lines`, so that they
// all move together.
template <typename Fn>
void for_each_per_bar(PriceSeries& series, std::vector<std::size_t>& lines, Fn fn) {
    fn(series.time_ms);
    fn(series.close);
    fn(series.open);
    fn(series.high);
    fn(series.low);
    fn(series.volume);
    fn(series.labels);
    fn(lines);
}

template <typename T>
void permute(std::vector<T>& values, const std::vector<std::size_t>& order) {
    if (values.empty())
        return;
    std::vector<T> sorted;
    sorted.reserve(values.size());
    for (const std::size_t i : order)
        sorted.push_back(std::move(values[i]));
    values = std::move(sorted);
}

// The labels in `order`, rebuilt into one new column.
void permute(LabelColumn& labels, const std::vector<std::size_t>& order) {
    if (labels.empty())
        return;
    LabelColumn sorted;
    sorted.reserve(labels.size(), labels.chars().size());
    for (const std::size_t i : order)
        sorted.push_back(labels[i]);
    labels = std::move(sorted);
}

void sort_by_time(PriceSeries& series, std::vector<std::size_t>& lines) {
    std::vector<std::size_t> order(series.time_ms.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto& time = series.time_ms;
    // Stable, so rows at the same time stay in file order and the duplicate
    // check below names them first line first.
    std::stable_sort(order.begin(), order.end(),
                     [&time](std::size_t a, std::size_t b) { return time[a] < time[b]; });
    for_each_per_bar(series, lines, [&order](auto& values) { permute(values, order); });
}

// Keeps the bars whose `keep` is true, in order, in every per-bar vector.
template <typename T>
void keep_only(std::vector<T>& values, const std::vector<bool>& keep) {
    if (values.empty())
        return;
    std::size_t out = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (keep[i])
            values[out++] = std::move(values[i]);
    }
    values.resize(out);
}

void keep_only(LabelColumn& labels, const std::vector<bool>& keep) {
    if (labels.empty())
        return;
    LabelColumn kept;
    kept.reserve(labels.size(), labels.chars().size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (keep[i])
            kept.push_back(labels[i]);
    }
    labels = std::move(kept);
}

bool same_bar(const PriceSeries& s, std::size_t a, std::size_t b) {
    const auto same = [a, b](const std::vector<double>& v) { return v.empty() || v[a] == v[b]; };
    return same(s.close) && same(s.open) && same(s.high) && same(s.low) && same(s.volume);
}

std::string rows(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " row was" : " rows were");
}

}  // namespace

CsvResult<> put_in_time_order(PriceSeries& series, std::vector<std::size_t>& lines,
                              SkippedRows& repeats) {
    const auto& time = series.time_ms;
    std::size_t out_of_order = 0;
    std::size_t first_line = 0;
    for (std::size_t i = 1; i < time.size(); ++i) {
        if (time[i] < time[i - 1]) {
            if (out_of_order++ == 0)
                first_line = lines[i];
        }
    }
    if (out_of_order > 0) {
        sort_by_time(series, lines);
        series.warnings.push_back(rows(out_of_order) +
                                  " out of time order (earlier than the row before them; first "
                                  "at line " +
                                  std::to_string(first_line) + "); the bars were sorted by time");
    }

    // After sorting, equal times are neighbours. An exact repeat (exports
    // that overlap, concatenated files) is dropped; of pairs that differ,
    // report the one the file reaches first, i.e. with the smallest later line.
    std::size_t conflict = 0;  // index of the later row of the reported pair; 0: none
    std::size_t conflict_with = 0;
    std::vector<bool> keep;
    std::size_t kept = 0;  // the bar the next one is compared with
    for (std::size_t i = 1; i < time.size(); ++i) {
        if (time[i] != time[kept]) {
            kept = i;
            continue;
        }
        if (same_bar(series, kept, i)) {
            if (keep.empty())
                keep.assign(time.size(), true);
            keep[i] = false;
            if (repeats.count++ == 0 || lines[i] < repeats.first_line)
                repeats.first_line = lines[i];
        } else if (conflict == 0 || lines[i] < lines[conflict]) {
            conflict = i;
            conflict_with = kept;
        }
    }
    if (conflict != 0) {
        const bool date_only = series.time_kind == TimeKind::Date;
        return CsvProblem{"column \"" + series.time_column + "\": the time " +
                              format_utc(time[conflict], date_only) + " appears on lines " +
                              std::to_string(lines[conflict_with]) + " and " +
                              std::to_string(lines[conflict]) +
                              " with different values; each bar must have its own time",
                          lines[conflict], series.time_column};
    }
    if (!keep.empty())
        for_each_per_bar(series, lines, [&keep](auto& values) { keep_only(values, keep); });
    return {};
}

}  // namespace atc::detail
