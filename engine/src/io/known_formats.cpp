// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/known_formats.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>

#include "io/time_parse.hpp"

namespace atc::detail {

namespace {

bool is_epoch(std::string_view text) {
    return classify_time_text(text).kind == TimeShape::Kind::Epoch;
}

bool is_dotted_date(std::string_view text) {
    const TimeShape shape = classify_time_text(text);
    return shape.kind == TimeShape::Kind::Date && shape.date == DateShape::DottedYmd &&
           !shape.has_time_of_day;
}

bool is_date_or_epoch(std::string_view text) {
    return classify_time_text(text).kind != TimeShape::Kind::Other;
}

// A layout of OHLC (and volume) in consecutive columns from `first`.
ColumnLayout ohlcv_from(std::size_t count, std::size_t first, bool with_volume) {
    ColumnLayout layout;
    for (std::size_t i = 0; i < count; ++i)
        layout.names.push_back(numbered_column_name(i));
    layout.open = first;
    layout.high = first + 1;
    layout.low = first + 2;
    layout.close = first + 3;
    if (with_volume)
        layout.volume = first + 4;
    return layout;
}

struct KnownLayout {
    std::string_view format;
    std::size_t count;
    bool (*fits)(const std::vector<std::string>& row);
    ColumnLayout (*make)();
};

// Binance (data.binance.vision): open_time, open, high, low, close, volume,
// close_time, quote_volume, trades, taker_buy_base, taker_buy_quote, ignore.
// MetaTrader 4 history: date, time, open, high, low, close, volume. Kraken
// OHLCVT: time, open, high, low, close, volume, trades. Plain: time, OHLCV.
const std::array<KnownLayout, 4> kHeaderless = {{
    {"Binance spot klines", 12,
     [](const std::vector<std::string>& row) { return is_epoch(row[0]); },
     [] {
         ColumnLayout l = ohlcv_from(12, 1, true);
         l.time = 0;
         return l;
     }},
    {"MetaTrader 4 history", 7,
     [](const std::vector<std::string>& row) {
         return is_dotted_date(row[0]) && looks_like_time_of_day(row[1]);
     },
     [] {
         ColumnLayout l = ohlcv_from(7, 2, true);
         l.time = 0;
         l.time_of_day = 1;
         return l;
     }},
    {"Kraken OHLCVT", 7, [](const std::vector<std::string>& row) { return is_epoch(row[0]); },
     [] {
         ColumnLayout l = ohlcv_from(7, 1, true);
         l.time = 0;
         return l;
     }},
    {"headerless time, open, high, low, close, volume", 6,
     [](const std::vector<std::string>& row) { return is_date_or_epoch(row[0]); },
     [] {
         ColumnLayout l = ohlcv_from(6, 1, true);
         l.time = 0;
         return l;
     }},
}};

bool starts_like_data(std::string_view field) {
    const char c = field.front();
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
}

bool has_all(const std::vector<std::string>& names, std::initializer_list<std::string_view> want) {
    return std::all_of(want.begin(), want.end(), [&names](std::string_view w) {
        return std::find(names.begin(), names.end(), w) != names.end();
    });
}

}  // namespace

bool is_data_row(const std::vector<std::string>& fields) {
    return std::all_of(fields.begin(), fields.end(),
                       [](const std::string& f) { return f.empty() || starts_like_data(f); });
}

std::optional<HeaderlessLayout> headerless_layout(const std::vector<std::string>& first_row) {
    for (const KnownLayout& known : kHeaderless) {
        if (known.count == first_row.size() && known.fits(first_row))
            return HeaderlessLayout{known.format, known.make()};
    }
    return std::nullopt;
}

std::string unknown_headerless_layout(std::size_t count) {
    return "the file has no header and " + std::to_string(count) +
           (count == 1 ? " column" : " columns") +
           ", which is no layout we know (Binance klines have 12 columns, MetaTrader 4 and "
           "Kraken 7, time and OHLCV 6); add a header row or name the columns with --columns "
           "time=1,close=5,...";
}

std::optional<std::vector<std::string>> yfinance_header(const std::vector<std::string>& first,
                                                        const std::vector<std::string>& second,
                                                        const std::vector<std::string>& third) {
    if (first.empty() || second.size() != first.size() || third.size() != first.size())
        return std::nullopt;
    const std::string date = normalize_column_name(third[0]);
    if (normalize_column_name(first[0]) != "price" ||
        normalize_column_name(second[0]) != "ticker" || (date != "date" && date != "datetime")) {
        return std::nullopt;
    }
    if (!std::all_of(third.begin() + 1, third.end(),
                     [](const std::string& f) { return f.empty(); }))
        return std::nullopt;
    std::vector<std::string> names = first;
    names[0] = third[0];
    return names;
}

std::string_view format_of_header(const std::vector<std::string>& names) {
    if (has_all(names, {"ticker", "per", "date", "time"}))
        return "Stooq bulk file";
    if (has_all(names, {"date", "time", "tickvol"}))
        return "MetaTrader 5 export";
    if (has_all(names, {"opentime", "closetime", "quotevolume"}))
        return "Binance futures klines";
    if (has_all(names, {"adjclose", "divcash"}))
        return "Tiingo";
    if (has_all(names, {"adjclose"}))
        return "Yahoo Finance";
    if (has_all(names, {"price", "change%"}))
        return "investing.com";
    if (!names.empty() && names.front() == "timestamp" && has_all(names, {"open", "close"}))
        return "Alpha Vantage";
    if (!names.empty() && names.front() == "time" && has_all(names, {"open", "close"}))
        return "TradingView chart export";
    if (has_all(names, {"datum", "schluss"}) || has_all(names, {"datum", "schlusskurs"}))
        return "German spreadsheet";
    if (has_all(names, {"clôture"}) || has_all(names, {"cloture"}))
        return "French spreadsheet";
    return "CSV with header";
}

}  // namespace atc::detail
