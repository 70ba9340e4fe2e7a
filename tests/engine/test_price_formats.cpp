// SPDX-License-Identifier: GPL-3.0-or-later
// The price files traders actually have (issue 17), each written here in the
// exact shape its source exports, read without options: the values, the times
// in UTC milliseconds, the bar count and what the detector says it found. Then
// the detector's refusals (a day-month order the file cannot settle, the same
// time twice with different prices, a time column that cannot be read) and
// the options that override it.
#include <QtTest>
#include <cstdint>
#include <string>
#include <vector>

#include "atc/price_import.hpp"

using namespace atc;

namespace {

constexpr std::int64_t kJan2 = 1'704'153'600'000;  // 2024-01-02T00:00:00Z
constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kMinute = 60'000;

ImportedPrices read(const std::string& text, const ImportOptions& options = {}) {
    return import_price_text(text, "prices.csv", options);
}

// The one series of a single-symbol file.
const PriceSeries& only_series(const ImportedPrices& prices) {
    if (prices.series.size() != 1)
        QTest::qFail("expected one series", __FILE__, __LINE__);
    return prices.series.front().bars;
}

std::size_t column_of(const ImportDetection& d, ColumnRole role) {
    for (const DetectedColumn& c : d.columns) {
        if (c.role == role)
            return c.column + 1;
    }
    return 0;
}

std::string header_of(const ImportDetection& d, ColumnRole role) {
    for (const DetectedColumn& c : d.columns) {
        if (c.role == role)
            return c.header;
    }
    return "";
}

// The text as UTF-16 (ASCII only), little or big endian, with an optional BOM.
std::string utf16(const std::string& ascii, bool little_endian, bool bom) {
    std::string out;
    if (bom)
        out += little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (const char c : ascii) {
        if (little_endian) {
            out += c;
            out += '\0';
        } else {
            out += '\0';
            out += c;
        }
    }
    return out;
}

// Refused at `line`, naming `column`, with `fragment` in the message.
void expect_refused(const std::string& text, std::size_t line, const std::string& column,
                    const std::string& fragment, const ImportOptions& options = {}) {
    try {
        read(text, options);
    } catch (const CsvError& e) {
        QCOMPARE(e.line(), line);
        QCOMPARE(e.column(), column);
        QVERIFY2(e.problem().find(fragment) != std::string::npos, e.what());
        return;
    }
    QFAIL("accepted");
}

}  // namespace

class TestPriceFormats : public QObject {
    Q_OBJECT

private slots:
    // ---- exchanges ----------------------------------------------------------

    void binanceSpotKlinesInMilliseconds() {
        const ImportedPrices p = read(
            "1704153600000,42283.58000000,42554.57000000,42261.02000000,42475.23000000,"
            "1271.68108000,1704157199999,53957248.97378940,47134,682.57581000,28957416.81959060,"
            "0\n"
            "1704157200000,42475.23000000,42600.00000000,42400.00000000,42500.10000000,"
            "900.50000000,1704160799999,38257248.97378940,30134,482.57581000,20957416.81959060,"
            "0\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(p.detection.format, std::string("Binance spot klines"));
        QCOMPARE(p.detection.header_rows, std::size_t{0});
        QCOMPARE(p.detection.time_format, std::string("epoch ms"));
        QCOMPARE(p.detection.timeframe, std::string("1h"));
        QCOMPARE(column_of(p.detection, ColumnRole::Close), std::size_t{5});
        QCOMPARE(header_of(p.detection, ColumnRole::Time), std::string("column 1"));
        QCOMPARE(s.time_kind, TimeKind::EpochMilliseconds);
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{kJan2, kJan2 + kHour}));
        QCOMPARE(s.open, (std::vector<double>{42283.58, 42475.23}));
        QCOMPARE(s.high, (std::vector<double>{42554.57, 42600.0}));
        QCOMPARE(s.low, (std::vector<double>{42261.02, 42400.0}));
        QCOMPARE(s.close, (std::vector<double>{42475.23, 42500.1}));
        QCOMPARE(s.volume, (std::vector<double>{1271.68108, 900.5}));
        QCOMPARE(p.detection.bar_count, std::size_t{2});
        QCOMPARE(*p.detection.first_time_ms, kJan2);
        QCOMPARE(*p.detection.last_time_ms, kJan2 + kHour);
    }

    // Spot files from 2025 on count microseconds.
    void binanceSpotKlinesInMicroseconds() {
        const ImportedPrices p = read(
            "1735689600000000,93576.00000000,94509.42000000,93489.03000000,94401.14000000,"
            "2183.12981000,1735693199999999,205234587.04040750,360768,1090.46779000,"
            "102519046.26447700,0\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(s.time_kind, TimeKind::EpochMicroseconds);
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{1'735'689'600'000}));
        QCOMPARE(s.close, (std::vector<double>{94401.14}));
        QCOMPARE(p.detection.time_format, std::string("epoch µs"));
    }

    void binanceFuturesKlinesWithHeader() {
        const ImportedPrices p = read(
            "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
            "taker_buy_volume,taker_buy_quote_volume,ignore\n"
            "1704153600000,42300.1,42600.0,42250.0,42500.5,12345.678,1704157199999,"
            "523456789.12,98765,6000.1,254000000.5,0\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(p.detection.format, std::string("Binance futures klines"));
        QCOMPARE(p.detection.header_rows, std::size_t{1});
        QCOMPARE(s.time_column, std::string("open_time"));
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{kJan2}));
        QCOMPARE(s.close, (std::vector<double>{42500.5}));
        QCOMPARE(s.volume, (std::vector<double>{12345.678}));
    }

    // ---- MetaTrader ---------------------------------------------------------

    void metaTrader5ExportInUtf16WithBom() {
        const std::string text =
            "<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\r\n"
            "2024.01.02\t00:00:00\t1.10427\t1.10446\t1.09395\t1.09419\t79318\t0\t0\r\n"
            "2024.01.02\t00:15:00\t1.09419\t1.09500\t1.09400\t1.09480\t1200\t0\t1\r\n";
        const ImportedPrices p = read(utf16(text, true, true));
        const PriceSeries& s = only_series(p);
        QCOMPARE(p.detection.encoding, std::string("UTF-16LE with BOM"));
        QCOMPARE(p.detection.format, std::string("MetaTrader 5 export"));
        QCOMPARE(p.detection.delimiter, '\t');
        QCOMPARE(header_of(p.detection, ColumnRole::Close), std::string("<CLOSE>"));
        QCOMPARE(header_of(p.detection, ColumnRole::TimeOfDay), std::string("<TIME>"));
        QCOMPARE(p.detection.timeframe, std::string("15m"));
        QCOMPARE(s.time_kind, TimeKind::DateTime);
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{kJan2, kJan2 + 15 * kMinute}));
        QCOMPARE(s.open, (std::vector<double>{1.10427, 1.09419}));
        QCOMPARE(s.close, (std::vector<double>{1.09419, 1.0948}));
        QCOMPARE(s.volume, (std::vector<double>{0, 0}));  // <VOL>, the real volume
    }

    // Without a BOM, UTF-16 is recognised by its NUL bytes; big endian too.
    void utf16WithoutBomAndBigEndian() {
        const std::string text = "Date,Close\n2024-01-02,5\n";
        QCOMPARE(read(utf16(text, true, false)).detection.encoding, std::string("UTF-16LE"));
        const ImportedPrices big = read(utf16(text, false, true));
        QCOMPARE(big.detection.encoding, std::string("UTF-16BE with BOM"));
        QCOMPARE(only_series(big).close, (std::vector<double>{5}));
    }

    void metaTrader4History() {
        const ImportedPrices p = read(
            "2024.01.02,00:00,1.10427,1.10446,1.09395,1.09419,79318\n"
            "2024.01.02,01:00,1.09419,1.09500,1.09400,1.09480,1200\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(p.detection.format, std::string("MetaTrader 4 history"));
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{kJan2, kJan2 + kHour}));
        QCOMPARE(s.close, (std::vector<double>{1.09419, 1.0948}));
        QCOMPARE(s.volume, (std::vector<double>{79318, 1200}));
        QCOMPARE(p.detection.time_format, std::string("YYYY.MM.DD + time of day"));
    }

    // ---- data sites ---------------------------------------------------------

    void stooqSingleSymbol() {
        const ImportedPrices p = read(
            "Date,Open,High,Low,Close,Volume\n"
            "2024-01-02,16769.12,16800.5,16700,16750.25,1000\n"
            "2024-01-03,16750.25,16790,16650,16700.5,1100\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{kJan2, kJan2 + kDay}));
        QCOMPARE(s.close, (std::vector<double>{16750.25, 16700.5}));
        // Indices come without volume.
        const ImportedPrices index = read("Date,Open,High,Low,Close\n2024-01-02,1,2,0.5,1.5\n");
        const PriceSeries& no_volume = only_series(index);
        QVERIFY(no_volume.volume.empty());
        QCOMPARE(no_volume.close, (std::vector<double>{1.5}));
    }

    void stooqBulkFileHoldsOneSeriesPerTicker() {
        const ImportedPrices p = read(
            "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n"
            "AAPL.US,D,20240102,000000,187.15,188.44,183.885,185.64,82488674,0\n"
            "AAPL.US,D,20240103,000000,184.22,185.88,183.43,184.25,58414460,0\n"
            "MSFT.US,D,20240102,000000,373.86,375.9,366.77,370.87,25258640,0\n");
        QCOMPARE(p.detection.format, std::string("Stooq bulk file"));
        QCOMPARE(p.detection.tickers, (std::vector<std::string>{"AAPL.US", "MSFT.US"}));
        QCOMPARE(p.series.size(), std::size_t{2});
        QCOMPARE(p.series[0].name, std::string("AAPL.US"));
        QCOMPARE(p.series[0].bars.close, (std::vector<double>{185.64, 184.25}));
        QCOMPARE(p.series[0].bars.time_ms, (std::vector<std::int64_t>{kJan2, kJan2 + kDay}));
        QCOMPARE(p.series[1].name, std::string("MSFT.US"));
        QCOMPARE(p.series[1].bars.close, (std::vector<double>{370.87}));
        QCOMPARE(p.detection.bar_count, std::size_t{3});
        // --symbol cannot name two tickers.
        ImportOptions named;
        named.symbol = "X";
        QVERIFY_THROWS_EXCEPTION(CsvError, read("<TICKER>,<DATE>,<CLOSE>\nA,20240102,1\n"
                                                "B,20240102,2\n",
                                                named));
    }

    // Holidays are rows of "null": skipped and counted, never stored.
    void yahooClassicSkipsNullRows() {
        const ImportedPrices p = read(
            "Date,Open,High,Low,Close,Adj Close,Volume\n"
            "2024-01-02,187.15,188.44,183.89,185.64,184.94,82488700\n"
            "2024-01-03,null,null,null,null,null,null\n"
            "2024-01-04,182.15,183.09,180.88,181.91,181.22,71983600\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(p.detection.format, std::string("Yahoo Finance"));
        QCOMPARE(s.close, (std::vector<double>{185.64, 181.91}));  // not Adj Close
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{kJan2, kJan2 + 2 * kDay}));
        QCOMPARE(p.detection.skipped.size(), std::size_t{1});
        QCOMPARE(p.detection.skipped[0].count, std::size_t{1});
        QCOMPARE(p.detection.skipped[0].first_line, std::size_t{3});
        QCOMPARE(s.warnings.size(), std::size_t{1});
        QVERIFY(s.warnings[0].find("1 row was skipped") != std::string::npos);
    }

    void yfinanceThreeHeaderRows() {
        const ImportedPrices p = read(
            "Price,Close,High,Low,Open,Volume\n"
            "Ticker,AAPL,AAPL,AAPL,AAPL,AAPL\n"
            "Date,,,,,\n"
            "2024-01-02,184.29,187.07,182.55,185.79,82488700\n"
            "2024-01-03,182.91,184.53,182.10,182.88,58414500\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(p.detection.header_rows, std::size_t{3});
        QCOMPARE(s.time_column, std::string("Date"));
        QCOMPARE(s.close, (std::vector<double>{184.29, 182.91}));
        QCOMPARE(s.open, (std::vector<double>{185.79, 182.88}));
        QCOMPARE(s.high, (std::vector<double>{187.07, 184.53}));
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{kJan2, kJan2 + kDay}));
    }

    // Intraday yfinance writes the exchange's offset: converted to UTC.
    void yfinanceIntradayWithOffsets() {
        const ImportedPrices p = read(
            "Price,Close,High,Low,Open,Volume\n"
            "Ticker,AAPL,AAPL,AAPL,AAPL,AAPL\n"
            "Datetime,,,,,\n"
            "2024-01-02 09:30:00-05:00,186.1,188.4,185.9,187.1,9000000\n"
            "2024-01-02 09:35:00-05:00,186.3,186.5,185.8,186.1,2000000\n");
        const PriceSeries& s = only_series(p);
        const std::int64_t open_utc = kJan2 + 14 * kHour + 30 * kMinute;
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{open_utc, open_utc + 5 * kMinute}));
        QCOMPARE(s.time_kind, TimeKind::DateTime);
    }

    void alphaVantageNewestFirst() {
        const ImportedPrices p = read(
            "timestamp,open,high,low,close,volume\n"
            "2024-01-04,182.15,183.09,180.88,181.91,71983600\n"
            "2024-01-03,184.22,185.88,183.43,184.25,58414500\n"
            "2024-01-02,187.15,188.44,183.89,185.64,82488700\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(p.detection.format, std::string("Alpha Vantage"));
        QCOMPARE(s.close, (std::vector<double>{185.64, 184.25, 181.91}));
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{kJan2, kJan2 + kDay, kJan2 + 2 * kDay}));
    }

    // Close comes before open, and the raw close is the close (not adjClose).
    void tiingo() {
        const ImportedPrices p = read(
            "date,close,high,low,open,volume,adjClose,adjHigh,adjLow,adjOpen,adjVolume,divCash,"
            "splitFactor\n"
            "2024-01-02T00:00:00.000Z,185.64,188.44,183.885,187.15,82488674,184.9,187.7,183.2,"
            "186.4,82488674,0.0,1.0\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(p.detection.format, std::string("Tiingo"));
        QCOMPARE(s.close, (std::vector<double>{185.64}));
        QCOMPARE(s.open, (std::vector<double>{187.15}));
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{kJan2}));
    }

    // UNIX seconds, then OHLC, Volume and one column per indicator (ignored).
    void tradingViewChartExport() {
        const ImportedPrices p = read(
            "time,open,high,low,close,Volume,MA,RSI\n"
            "1704205800,187.15,188.44,183.885,185.64,82488674,180.1,55.2\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(p.detection.format, std::string("TradingView chart export"));
        QCOMPARE(s.time_kind, TimeKind::EpochSeconds);
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{kJan2 + 14 * kHour + 30 * kMinute}));
        QCOMPARE(s.volume, (std::vector<double>{82488674}));
    }

    // Quoted fields, "Price" is the close, thousands separators, K/M/B
    // volumes, MM/DD/YYYY (01/16 settles the order), newest first.
    void investingCom() {
        const ImportedPrices p = read(
            "\"Date\",\"Price\",\"Open\",\"High\",\"Low\",\"Vol.\",\"Change %\"\n"
            "\"01/16/2024\",\"3,315.24\",\"3,340.00\",\"3,300.10\",\"3,330.50\",\"1.25M\","
            "\"-0.45%\"\n"
            "\"01/03/2024\",\"3,330.12\",\"3,335.00\",\"3,310.00\",\"3,320.00\",\"850.30K\","
            "\"0.12%\"\n"
            "\"01/02/2024\",\"3,326.10\",\"3,330.00\",\"3,300.00\",\"3,310.00\",\"2.1B\","
            "\"0.10%\"\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(p.detection.format, std::string("investing.com"));
        QCOMPARE(p.detection.date_order, DateOrder::MonthDayYear);
        QCOMPARE(p.detection.thousands_separator, ',');
        QCOMPARE(s.close, (std::vector<double>{3326.10, 3330.12, 3315.24}));
        QCOMPARE(s.volume, (std::vector<double>{2.1e9, 850.30e3, 1.25e6}));
        QCOMPARE(s.time_ms,
                 (std::vector<std::int64_t>{kJan2, kJan2 + kDay, 1'705'363'200'000}));  // 01-16
    }

    // ---- spreadsheets ---------------------------------------------------------

    void germanSpreadsheet() {
        const ImportedPrices p = read(
            "Datum;Eröffnung;Hoch;Tief;Schluss;Volumen\n"
            "02.01.2024;16.769,12;16.800,50;16.700,00;16.750,25;1.234.567\n"
            "03.01.2024;16.750,25;16.790,00;16.650,00;16.700,50;987.654\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(p.detection.format, std::string("German spreadsheet"));
        QCOMPARE(p.detection.delimiter, ';');
        QCOMPARE(p.detection.decimal_separator, ',');
        QCOMPARE(p.detection.thousands_separator, '.');
        QCOMPARE(s.open, (std::vector<double>{16769.12, 16750.25}));
        QCOMPARE(s.close, (std::vector<double>{16750.25, 16700.5}));
        QCOMPARE(s.volume, (std::vector<double>{1234567, 987654}));
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{kJan2, kJan2 + kDay}));
    }

    // French: DD/MM/YYYY (15/01 settles it) and spaces between thousands.
    void frenchSpreadsheet() {
        const ImportedPrices p = read(
            "Date;Ouverture;Plus haut;Plus bas;Clôture;Volume\n"
            "02/01/2024;7 543,18;7 560,00;7 500,10;7 530,55;12 345\n"
            "15/01/2024;7 430,00;7 450,00;7 400,00;7 420,25;10 000\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(p.detection.format, std::string("French spreadsheet"));
        QCOMPARE(p.detection.date_order, DateOrder::DayMonthYear);
        QCOMPARE(s.close, (std::vector<double>{7530.55, 7420.25}));
        QCOMPARE(s.high, (std::vector<double>{7560.0, 7450.0}));
        QCOMPARE(s.volume, (std::vector<double>{12345, 10000}));
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{kJan2, 1'705'276'800'000}));
    }

    void dateAndTimeInTwoColumns() {
        const ImportedPrices p = read(
            "Date,Time,Open,High,Low,Close,Volume\n"
            "2024-01-02,09:30,10,11,9,10.5,100\n"
            "2024-01-02,09:31,10.5,11,10,10.8,120\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(column_of(p.detection, ColumnRole::Date), std::size_t{1});
        QCOMPARE(column_of(p.detection, ColumnRole::TimeOfDay), std::size_t{2});
        QCOMPARE(p.detection.timeframe, std::string("1m"));
        const std::int64_t t = kJan2 + 9 * kHour + 30 * kMinute;
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{t, t + kMinute}));
    }

    // pandas' to_csv: the index column has an empty header.
    void pandasIndexWithOffsets() {
        const ImportedPrices p = read(
            ",Open,High,Low,Close,Volume\n"
            "2024-01-02 00:00:00+00:00,10,11,9,10.5,100\n"
            "2024-01-03 00:00:00+00:00,10.5,11,10,10.8,120\n");
        const PriceSeries& s = only_series(p);
        QCOMPARE(header_of(p.detection, ColumnRole::Time), std::string("column 1"));
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{kJan2, kJan2 + kDay}));
        QCOMPARE(p.detection.timeframe, std::string("1d"));
    }

    // ---- how detection decides ----------------------------------------------

    // The delimiter that splits every line alike wins, not the first one seen.
    void delimiterByConsistency() {
        const ImportedPrices p = read("Date;Note, more;Close\n2024-01-02;a, b;5\n");
        QCOMPARE(p.detection.delimiter, ';');
        QCOMPARE(only_series(p).close, (std::vector<double>{5}));
    }

    void dayMonthOrderThatTheFileCannotSettle() {
        const std::string text = "Date,Close\n01/02/2024,1\n03/04/2024,2\n";
        expect_refused(text, 2, "Date",
                       "no date in the file tells the day from the month: \"01/02/2024\" is "
                       "2024-02-01 read as DD/MM/YYYY and 2024-01-02 read as MM/DD/YYYY; say "
                       "which with --date-order dmy or --date-order mdy");
        ImportOptions dmy;
        dmy.date_order = DateOrder::DayMonthYear;
        QCOMPARE(only_series(read(text, dmy)).time_ms.front(), kJan2 + 30 * kDay);  // 1 Feb
        ImportOptions mdy;
        mdy.date_order = DateOrder::MonthDayYear;
        QCOMPARE(only_series(read(text, mdy)).time_ms.front(), kJan2);
    }

    void datesInBothOrdersAreRefused() {
        expect_refused("Date,Close\n13/01/2024,1\n01/14/2024,2\n", 3, "Date",
                       "the dates mix two orders");
    }

    void sameTimeWithDifferentPricesNamesBothLines() {
        expect_refused("Date,Close\n2024-01-02,1\n2024-01-03,2\n2024-01-02,3\n", 4, "Date",
                       "the time 2024-01-02 appears on lines 2 and 4 with different values");
    }

    void exactRepeatsAreDroppedAndCounted() {
        const ImportedPrices p = read(
            "Date,Close\n2024-01-02,1\n2024-01-03,2\n2024-01-02,1\n2024-01-03,2\n2024-01-04,3\n");
        QCOMPARE(only_series(p).close, (std::vector<double>{1, 2, 3}));
        QCOMPARE(p.detection.skipped.size(), std::size_t{1});
        QCOMPARE(p.detection.skipped[0].count, std::size_t{2});
        QCOMPARE(p.detection.skipped[0].first_line, std::size_t{4});
    }

    // Binance's open_time used to be stored as no time at all. A time column
    // that is there and cannot be read is refused, naming it and a value.
    void unreadableTimeColumnIsRefused() {
        // With ',' the unquoted date is two fields: a row that does not fit.
        expect_refused("Date,Close\nJan 2, 2024,5\n", 2, "",
                       "line has 3 fields but the header has 2");
        expect_refused("Date;Close\nJan 2, 2024;5\n", 2, "Date",
                       "column \"Date\" cannot be read as time: \"Jan 2, 2024\"");
    }

    // A MetaTrader header is not refused with "no column named close" while
    // listing <CLOSE>; a header without any close says what a close is named.
    void refusalsDoNotContradictThemselves() {
        QCOMPARE(only_series(read("<DATE>,<CLOSE>\n2024.01.02,5\n")).close,
                 (std::vector<double>{5}));
        expect_refused("Date,Adj Close\n2024-01-02,5\n", 1, "close",
                       "\"Adj Close\" is not the close");
    }

    void timeZoneForTimesWithoutOffset() {
        ImportOptions berlin;
        berlin.timezone = "Europe/Berlin";
        const ImportedPrices p = read("Date,Time,Close\n2024-01-02,09:00,5\n", berlin);
        QCOMPARE(only_series(p).time_ms, (std::vector<std::int64_t>{kJan2 + 8 * kHour}));
        QCOMPARE(p.detection.timezone, std::string("Europe/Berlin"));
        // Summer time in New York: 09:30 EDT is 13:30 UTC.
        ImportOptions new_york;
        new_york.timezone = "America/New_York";
        QCOMPARE(only_series(read("Datetime,Close\n2024-07-01 09:30,5\n", new_york)).time_ms,
                 (std::vector<std::int64_t>{1'719'840'600'000}));
        // An offset in the text wins; a plain date stays a date.
        QCOMPARE(only_series(read("Datetime,Close\n2024-01-02 09:00+00:00,5\n", berlin)).time_ms,
                 (std::vector<std::int64_t>{kJan2 + 9 * kHour}));
        QCOMPARE(only_series(read("Date,Close\n2024-01-02,5\n", berlin)).time_ms,
                 (std::vector<std::int64_t>{kJan2}));
        ImportOptions nowhere;
        nowhere.timezone = "Mars/Olympus";
        expect_refused("Date,Close\n2024-01-02,5\n", 0, "", "\"Mars/Olympus\" is not in the time",
                       nowhere);
    }

    void columnsAndDelimiterOverrideDetection() {
        // A headerless layout we do not know, named by the user.
        ImportOptions columns;
        columns.columns = parse_column_choices("time=1,close=3");
        const ImportedPrices p = read("2024-01-02,7,5\n2024-01-03,8,6\n", columns);
        QCOMPARE(only_series(p).close, (std::vector<double>{5, 6}));
        QCOMPARE(only_series(p).time_ms, (std::vector<std::int64_t>{kJan2, kJan2 + kDay}));
        // The user's close replaces the detected one.
        ImportOptions other_close;
        other_close.columns = parse_column_choices("close=3");
        QCOMPARE(only_series(read("Date,Close,Last\n2024-01-02,5,6\n", other_close)).close,
                 (std::vector<double>{6}));
        ImportOptions semicolon;
        semicolon.delimiter = ';';
        QCOMPARE(only_series(read("Date;Close\n2024-01-02;5\n", semicolon)).close,
                 (std::vector<double>{5}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parse_column_choices("price=2"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parse_column_choices("close=0"));
    }
};

QTEST_GUILESS_MAIN(TestPriceFormats)
#include "test_price_formats.moc"
