// SPDX-License-Identifier: GPL-3.0-or-later
// The single-series entry points of the price reader, over the import
// detector (price_import.cpp), and the public error type.

#include "atc/price_csv.hpp"

#include <utility>

#include "atc/price_import.hpp"

namespace atc {

namespace {

std::string format_csv_error(const std::string& source, std::size_t line,
                             const std::string& problem) {
    if (line == 0)
        return source + ": " + problem;
    return source + ":" + std::to_string(line) + ": " + problem;
}

// The one series of a file read for one symbol; a file of several tickers is
// for `atc import`, which names one symbol per ticker.
PriceSeries single_series(ImportedPrices prices, const std::string& source) {
    if (prices.series.size() != 1) {
        std::string tickers;
        for (const NamedSeries& s : prices.series)
            tickers += (tickers.empty() ? "" : ", ") + s.name;
        throw CsvError(source, 0,
                       "the file holds " + std::to_string(prices.series.size()) + " tickers (" +
                           tickers + "); import it with atc import (one symbol per ticker)");
    }
    return std::move(prices.series.front().bars);
}

}  // namespace

CsvError::CsvError(std::string source, std::size_t line, std::string problem)
    : CsvError(std::move(source), line, std::string(), std::move(problem)) {}

CsvError::CsvError(std::string source, std::size_t line, std::string column, std::string problem)
    : std::runtime_error(format_csv_error(source, line, problem)),
      source_(std::move(source)),
      line_(line),
      column_(std::move(column)),
      problem_(std::move(problem)) {}

std::string_view time_kind_name(TimeKind kind) {
    switch (kind) {
        case TimeKind::None:
            return "none";
        case TimeKind::Date:
            return "date";
        case TimeKind::DateTime:
            return "datetime";
        case TimeKind::EpochSeconds:
            return "epoch_s";
        case TimeKind::EpochMilliseconds:
            return "epoch_ms";
        case TimeKind::EpochMicroseconds:
            return "epoch_us";
    }
    return "none";
}

bool has_time_of_day(TimeKind kind) {
    return kind == TimeKind::DateTime || kind == TimeKind::EpochSeconds ||
           kind == TimeKind::EpochMilliseconds || kind == TimeKind::EpochMicroseconds;
}

PriceSeries parse_price_csv(std::string_view text, std::string_view source) {
    return single_series(import_price_text(text, source), std::string(source));
}

PriceSeries read_price_csv(const std::filesystem::path& file) {
    return single_series(import_price_file(file), file.string());
}

}  // namespace atc
