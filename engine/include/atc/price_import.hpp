// SPDX-License-Identifier: GPL-3.0-or-later
// Importing the price files traders actually have: exchange klines, MetaTrader
// exports, data-site downloads and spreadsheets, recognised by their content
// (never by the file name) and read into one or more PriceSeries.
//
// One detector does it, in steps that each decide one thing and say what they
// decided (ImportDetection), so that the command line can print it
// (`atc import --dry-run`) and a preview dialog can show it and let the user
// override any of it (ImportOptions):
//
//   encoding   UTF-8 with or without a byte-order mark; UTF-16LE/BE with a BOM,
//              or without one when every other byte is NUL (converted to UTF-8).
//   delimiter  ',', ';' or TAB: the one that splits the first lines into the
//              same number of fields (two or more); TAB and ';' win over ','
//              when several do, since neither appears inside a number.
//   header     zero, one or three rows (yfinance's "Price / Ticker / Date").
//              A first row whose every field starts like a number or a date
//              is data: the file has no header.
//   columns    by header name through one table of aliases (case, spaces,
//              underscores, dots and <> ignored: "<CLOSE>", "close", "Schluss",
//              "Clôture" and investing.com's "Price" are the close; "Adj Close"
//              and Tiingo's "adjClose" never are), or, without a header, by the
//              known layouts' column counts (Binance klines: 12; MetaTrader 4
//              and Kraken: 7; plain OHLCV: 6).
//   numbers    a decimal comma when the delimiter is not ',' and the values
//              hold commas; grouping separators ("3,315.24", "16.769,12");
//              K/M/B suffixes on volumes ("1.25M"); a row whose prices are all
//              "null" (Yahoo's holiday placeholders) is skipped and counted.
//   times      Unix time by magnitude (seconds, milliseconds, microseconds);
//              ISO-8601 with or without an offset; YYYY.MM.DD; YYYYMMDD;
//              DD.MM.YYYY; MM/DD/YYYY or DD/MM/YYYY, decided by the whole file
//              (a first number above 12 is a day, a second one above 12 is a
//              day) and refused, naming both readings, when the file cannot
//              decide; a date and a time of day in two columns. Times with an
//              offset are converted to UTC, those without one are taken in
//              ImportOptions::timezone (an IANA name; UTC when empty). Plain
//              dates stay midnight UTC: a date is a day, not an instant.
//   order      bars ascending; a row repeated exactly is dropped and counted,
//              two rows at one time with different values are refused naming
//              both lines.
//   symbols    a ticker column (Stooq bulk files) splits the file into one
//              series per ticker, named by it.
//
// A column that is present and named as a time but cannot be read is an error
// naming the column and the value, never a series without dates. Errors are
// CsvError (price_csv.hpp) with the file, line and column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atc/price_csv.hpp"

namespace atc {

// How slashed dates are read: decided by the data, or as the user says.
enum class DateOrder {
    Auto,
    DayMonthYear,  // 02/01/2024 is 2 January (--date-order dmy)
    MonthDayYear,  // 02/01/2024 is February 1 (--date-order mdy)
};

// "auto", "dmy", "mdy"; and back (nullopt for any other text).
std::string_view date_order_name(DateOrder order);
std::optional<DateOrder> parse_date_order(std::string_view text);

// What a column is for. Time is a whole time stamp (or a date); Date and
// TimeOfDay are the two halves when a file splits them over two columns.
enum class ColumnRole { Time, Date, TimeOfDay, Open, High, Low, Close, Volume, Ticker };

// "time", "date", "timeofday", "open", "high", "low", "close", "volume",
// "ticker"; and back.
std::string_view column_role_name(ColumnRole role);
std::optional<ColumnRole> parse_column_role(std::string_view text);

struct ColumnChoice {
    ColumnRole role = ColumnRole::Close;
    std::size_t column = 0;  // 0-based
};

// Parses "time=1,close=5,volume=6" (1-based column numbers, as a user counts
// them); throws std::invalid_argument with a sentence naming the bad part.
std::vector<ColumnChoice> parse_column_choices(std::string_view text);

// What the user says instead of what the detector would decide. Empty fields
// leave the decision to the detector.
struct ImportOptions {
    std::optional<std::string> symbol;  // name of the series (one ticker only)
    DateOrder date_order = DateOrder::Auto;
    std::string timezone;               // IANA name for times without offset; "" = UTC
    std::vector<ColumnChoice> columns;  // each replaces what its column was detected as
    std::optional<char> delimiter;      // ',', ';' or '\t'
};

// One column the reader uses, as the file names it.
struct DetectedColumn {
    ColumnRole role = ColumnRole::Close;
    std::size_t column = 0;  // 0-based
    std::string header;      // the header's text; "column N" (1-based) when there is none
};

// Rows left out on purpose, by reason.
struct SkippedRows {
    std::string reason;  // "the prices are all \"null\"", "exact repeat of an earlier row"
    std::size_t count = 0;
    std::size_t first_line = 0;  // 1-based line of the first one
};

// "3 rows were skipped: REASON (first at line 7)".
std::string describe_skipped(const SkippedRows& skipped);

// Everything the detector decided about one file, and what reading it gave.
struct ImportDetection {
    std::string format;    // "Binance spot klines", "MetaTrader 5 export", ...; "CSV" if none
    std::string encoding;  // "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", "UTF-16LE"...
    char delimiter = ',';
    std::size_t header_rows = 0;              // 0: no header
    std::vector<DetectedColumn> columns;      // in role order
    std::vector<std::string> column_headers;  // every column as named; "column N" without a header
    char decimal_separator = '.';
    char thousands_separator = 0;  // 0: none seen
    std::string time_format;       // "epoch ms", "YYYY-MM-DD", "DD.MM.YYYY + HH:MM:SS", "" ...
    DateOrder date_order = DateOrder::Auto;  // for slashed dates: what was used
    std::string timezone = "UTC";            // the zone times without offset were read in
    std::size_t bar_count = 0;               // all series together
    std::optional<std::int64_t> first_time_ms, last_time_ms;  // over all series
    std::string timeframe;                                    // "1d", "1m", ... ("" without times)
    std::vector<SkippedRows> skipped;
    std::vector<std::string> tickers;  // one per series when the file has a ticker column
};

struct NamedSeries {
    std::string name;  // the ticker, ImportOptions::symbol, or empty (the caller names it)
    PriceSeries bars;
};

struct ImportedPrices {
    ImportDetection detection;
    std::vector<NamedSeries> series;  // at least one
};

// Reads price text (`source` names it in errors). Throws CsvError.
ImportedPrices import_price_text(std::string_view bytes, std::string_view source,
                                 const ImportOptions& options = {});

// Reads a price file. Throws CsvError (naming the path) when it cannot be read
// or is refused, including when it would not fit in memory (price_csv.hpp).
ImportedPrices import_price_file(const std::filesystem::path& file,
                                 const ImportOptions& options = {});

// The detection alone, for a dry run or a preview (the file is read in full:
// the bar count, the time range and the skipped rows need every row).
ImportDetection detect_price_file(const std::filesystem::path& file,
                                  const ImportOptions& options = {});

}  // namespace atc
