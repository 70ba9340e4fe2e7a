// SPDX-License-Identifier: GPL-3.0-or-later
// The exports we know by name: the layouts of headerless files (which only
// their column count and first row identify), yfinance's three header rows,
// and the name the detector reports for a file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/column_roles.hpp"

namespace atc::detail {

// True when `fields` (one row, decoded) reads as data, not names: every field
// is empty or starts like a number or a date (a digit, a sign or a point).
bool is_data_row(const std::vector<std::string>& fields);

struct HeaderlessLayout {
    std::string_view format;  // "Binance spot klines", ...
    ColumnLayout layout;
};

// The known layout with `first_row`'s column count whose first row fits it
// (an epoch, a YYYY.MM.DD date with a time of day next to it, ...).
std::optional<HeaderlessLayout> headerless_layout(const std::vector<std::string>& first_row);

// "no layout we know" for a headerless row of `count` fields, with the counts
// we do know and how to name the columns instead.
std::string unknown_headerless_layout(std::size_t count);

// yfinance (0.2.51 on) writes three header rows: "Price,Close,High,...",
// "Ticker,AAPL,AAPL,..." and "Date,,,,,". Given the first three rows, the
// column names (the first row's, with the third row's "Date" first); nullopt
// for any other file.
std::optional<std::vector<std::string>> yfinance_header(const std::vector<std::string>& first,
                                                        const std::vector<std::string>& second,
                                                        const std::vector<std::string>& third);

// The export a header row (normalized names) looks like: "MetaTrader 5
// export", "Stooq bulk file", "Yahoo Finance", "Tiingo", "investing.com",
// "Alpha Vantage", "TradingView chart export", "Binance futures klines",
// "German spreadsheet", "French spreadsheet"; "CSV with header" otherwise.
std::string_view format_of_header(const std::vector<std::string>& names);

}  // namespace atc::detail
