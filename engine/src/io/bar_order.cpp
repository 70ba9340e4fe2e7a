#include "io/bar_order.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>

#include "io/time_parse.hpp"

namespace atc::detail {

namespace {

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

void sort_by_time(PriceSeries& series, std::vector<std::size_t>& lines) {
    std::vector<std::size_t> order(series.time_ms.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto& time = series.time_ms;
    // Stable, so rows at the same time stay in file order and the duplicate
    // check below names them first line first.
    std::stable_sort(order.begin(), order.end(),
                     [&time](std::size_t a, std::size_t b) { return time[a] < time[b]; });
    permute(series.time_ms, order);
    permute(series.close, order);
    permute(series.open, order);
    permute(series.high, order);
    permute(series.low, order);
    permute(series.volume, order);
    permute(series.labels, order);
    permute(lines, order);
}

std::string rows(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " row was" : " rows were");
}

}  // namespace

CsvResult<> put_in_time_order(PriceSeries& series, std::vector<std::size_t>& lines) {
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

    // After sorting, equal times are neighbours. Report the pair that the file
    // reaches first, i.e. with the smallest later line.
    std::size_t found = 0;  // index of the later row of the reported pair; 0: none
    for (std::size_t i = 1; i < time.size(); ++i) {
        if (time[i] == time[i - 1] && (found == 0 || lines[i] < lines[found]))
            found = i;
    }
    if (found == 0)
        return {};
    const bool date_only = series.time_kind == TimeKind::Date;
    return CsvProblem{"column \"" + series.time_column + "\": the time " +
                          format_utc(time[found], date_only) + " appears on lines " +
                          std::to_string(lines[found - 1]) + " and " +
                          std::to_string(lines[found]) + "; each bar must have its own time",
                      lines[found], series.time_column};
}

}  // namespace atc::detail
