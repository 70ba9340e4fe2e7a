// SPDX-License-Identifier: GPL-3.0-or-later
// The price CSV reader as an importer of real exports: vendor layouts, the time
// column (ISO-8601 dates and date-times, Unix seconds and milliseconds), time
// order, duplicate times, the optional open/high/low/volume columns with their
// errors and warnings, and the bundled sample files.
#include <QtTest>
#include <cstdint>
#include <string>
#include <vector>

#include "atc/price_csv.hpp"

using namespace atc;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(atc::TimeKind)

namespace {

const std::string kSource = "data.csv";

// Milliseconds of some days at midnight UTC (checked against Python's datetime).
constexpr std::int64_t k2024_01_01 = 1'704'067'200'000;
constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kHour = 3'600'000;

bool contains(const std::string& text, const std::string& fragment) {
    return text.find(fragment) != std::string::npos;
}

// Parsing must fail at `line` with column() == `column` and a message containing
// `fragment`; what() must read "data.csv:LINE: ..." and, when a column is at
// fault, the problem must name it as column "NAME".
void expect_error(const std::string& text, std::size_t line, const std::string& column,
                  const std::string& fragment) {
    try {
        parse_price_csv(text, kSource);
    } catch (const CsvError& e) {
        QCOMPARE(e.source(), kSource);
        QCOMPARE(e.line(), line);
        QCOMPARE(e.column(), column);
        const std::string what = e.what();
        QVERIFY2(contains(e.problem(), fragment), e.what());
        QVERIFY2(what.starts_with(kSource + ":" + std::to_string(line) + ": "), e.what());
        QVERIFY2(contains(what, fragment), e.what());
        return;
    }
    QFAIL(qPrintable("accepted: " + QString::fromStdString(text)));
}

PriceSeries parse(const std::string& text) {
    return parse_price_csv(text, kSource);
}

// The series' warnings joined, for messages and searching.
std::string all_warnings(const PriceSeries& s) {
    std::string out;
    for (const auto& w : s.warnings)
        out += w + "\n";
    return out;
}

}  // namespace

class TestPriceCsvImport : public QObject {
    Q_OBJECT

private slots:
    // ---- layouts ------------------------------------------------------------

    void yahooLayoutUsesCloseNotAdjClose() {
        const PriceSeries s = parse(
            "Date,Open,High,Low,Close,Adj Close,Volume\n"
            "2024-01-02,187.15,188.44,183.89,185.64,184.94,82488700\n"
            "2024-01-03,184.22,185.88,183.43,184.25,183.56,58414500\n");
        QCOMPARE(s.close, (std::vector<double>{185.64, 184.25}));
        QCOMPARE(s.open, (std::vector<double>{187.15, 184.22}));
        QCOMPARE(s.high, (std::vector<double>{188.44, 185.88}));
        QCOMPARE(s.low, (std::vector<double>{183.89, 183.43}));
        QCOMPARE(s.volume, (std::vector<double>{82488700.0, 58414500.0}));
        QCOMPARE(s.time_kind, TimeKind::Date);
        QCOMPARE(s.time_column, std::string("Date"));
        QCOMPARE(s.time_ms,
                 (std::vector<std::int64_t>{k2024_01_01 + kDay, k2024_01_01 + 2 * kDay}));
        QCOMPARE(s.label_column, std::string("Date"));
        QCOMPARE(s.labels, (LabelColumn{"2024-01-02", "2024-01-03"}));
        QVERIFY2(s.warnings.empty(), all_warnings(s).c_str());
    }

    void onlyAdjCloseIsNoCloseColumn() {
        expect_error("Date,Adj Close\n2024-01-02,1\n", 1, "close",
                     "no column named close in the header (columns found: \"Date\", \"Adj "
                     "Close\")");
    }

    void columnNamesIgnoreCaseSpacesAndUnderscores() {
        const PriceSeries s = parse(
            "Time_Stamp;OPEN;h_i_g_h;Lo W; Close ;VOLUME\n"
            "2024-01-01T00:00Z;2;3;1;2.5;0\n");
        QCOMPARE(s.time_column, std::string("Time_Stamp"));
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{k2024_01_01}));
        QCOMPARE(s.open, (std::vector<double>{2.0}));
        QCOMPARE(s.high, (std::vector<double>{3.0}));
        QCOMPARE(s.low, (std::vector<double>{1.0}));
        QCOMPARE(s.close, (std::vector<double>{2.5}));
        QCOMPARE(s.volume, (std::vector<double>{0.0}));  // 0 is a valid volume
        // "Adj Close" and "adj_close" are the same name, and neither is close.
        expect_error("adj_close,Adj Close\n1,2\n", 1, "close", "no column named close");
    }

    void closeOnlyHasNoOtherColumns() {
        const PriceSeries s = parse("Close\n10\n11\n");
        QCOMPARE(s.close, (std::vector<double>{10.0, 11.0}));
        QVERIFY(s.time_ms.empty());
        QCOMPARE(s.time_kind, TimeKind::None);
        QVERIFY(s.time_column.empty());
        QVERIFY(s.open.empty() && s.high.empty() && s.low.empty() && s.volume.empty());
        QVERIFY(s.labels.empty());
        QVERIFY(s.warnings.empty());
    }

    void partialColumnsAreReadAlone() {
        const PriceSeries s = parse("date,close,volume\n2024-01-01,5,100\n");
        QCOMPARE(s.volume, (std::vector<double>{100.0}));
        QVERIFY(s.open.empty() && s.high.empty() && s.low.empty());
    }

    void epochSecondsLayout() {
        const PriceSeries s = parse(
            "time,open,high,low,close,volume\n"
            "1704067200,1,2,0.5,1.5,10\n"
            "1704070800,1.5,2,1,1.75,12.5\n");
        QCOMPARE(s.time_kind, TimeKind::EpochSeconds);
        QCOMPARE(s.time_column, std::string("time"));
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{k2024_01_01, k2024_01_01 + kHour}));
        QCOMPARE(s.volume, (std::vector<double>{10.0, 12.5}));
        QCOMPARE(s.labels, (LabelColumn{"1704067200", "1704070800"}));
    }

    void epochMillisecondsLayout() {
        const PriceSeries s = parse(
            "time,open,high,low,close,volume\n"
            "1704067200000,1,2,0.5,1.5,10\n"
            "1704067260500,1.5,2,1,1.75,12\n");
        QCOMPARE(s.time_kind, TimeKind::EpochMilliseconds);
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{k2024_01_01, k2024_01_01 + 60'500}));
    }

    // The unit is decided by the magnitude: below 1e11 seconds, from 1e11 on
    // milliseconds, from 1e14 on microseconds (each starts at
    // 1973-03-03T09:46:40Z).
    void epochUnitBoundary_data() {
        QTest::addColumn<std::string>("value");
        QTest::addColumn<TimeKind>("kind");
        QTest::addColumn<qint64>("ms");
        QTest::addRow("smallest seconds")
            << std::string("100000000") << TimeKind::EpochSeconds << qint64{100'000'000'000};
        QTest::addRow("largest seconds")
            << std::string("99999999999") << TimeKind::EpochSeconds << qint64{99'999'999'999'000};
        QTest::addRow("smallest milliseconds")
            << std::string("100000000000") << TimeKind::EpochMilliseconds
            << qint64{100'000'000'000};
        QTest::addRow("largest milliseconds")
            << std::string("99999999999999") << TimeKind::EpochMilliseconds
            << qint64{99'999'999'999'999};
        // Microseconds start where milliseconds would pass the year 5138, at
        // 1e14 (1973-03-03 again): Binance's spot klines since 2025.
        QTest::addRow("smallest microseconds")
            << std::string("100000000000000") << TimeKind::EpochMicroseconds
            << qint64{100'000'000'000};
        QTest::addRow("year 9999 in microseconds")
            << std::string("253402300799999999") << TimeKind::EpochMicroseconds
            << qint64{253'402'300'799'999};
    }

    void epochUnitBoundary() {
        QFETCH(std::string, value);
        QFETCH(TimeKind, kind);
        QFETCH(qint64, ms);
        const PriceSeries s = parse("timestamp,close\n" + value + ",1\n");
        QCOMPARE(s.time_kind, kind);
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{ms}));
    }

    void isoValues_data() {
        QTest::addColumn<std::string>("value");
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<TimeKind>("kind");
        const auto date = TimeKind::Date;
        const auto datetime = TimeKind::DateTime;
        QTest::addRow("leap day") << std::string("2024-02-29") << qint64{1'709'164'800'000} << date;
        QTest::addRow("leap day of 2000")
            << std::string("2000-02-29") << qint64{951'782'400'000} << date;
        QTest::addRow("TTRC's first day")
            << std::string("1985-01-02") << qint64{473'472'000'000} << date;
        QTest::addRow("before 1970")
            << std::string("1900-03-01") << qint64{-2'203'891'200'000} << date;
        QTest::addRow("year 1") << std::string("0001-01-01") << qint64{-62'135'596'800'000} << date;
        QTest::addRow("offset east") << std::string("2024-01-01T10:00:00+02:00")
                                     << qint64{k2024_01_01 + 8 * kHour} << datetime;
        QTest::addRow("offset west, half hour")
            << std::string("2024-01-01T10:00:00-05:30") << qint64{1'704'123'000'000} << datetime;
        QTest::addRow("offset without colon")
            << std::string("2024-01-01T10:00+0200") << qint64{k2024_01_01 + 8 * kHour} << datetime;
        QTest::addRow("Z") << std::string("2024-01-01T10:00:00Z")
                           << qint64{k2024_01_01 + 10 * kHour} << datetime;
        QTest::addRow("no offset is UTC")
            << std::string("2024-01-01T10:00:00") << qint64{k2024_01_01 + 10 * kHour} << datetime;
        QTest::addRow("space instead of T")
            << std::string("2024-01-01 10:00:00") << qint64{k2024_01_01 + 10 * kHour} << datetime;
        QTest::addRow("no seconds") << std::string("2024-01-01 10:30")
                                    << qint64{k2024_01_01 + 10 * kHour + 1'800'000} << datetime;
        QTest::addRow("milliseconds")
            << std::string("2024-01-01T00:00:01.250Z") << qint64{k2024_01_01 + 1'250} << datetime;
        QTest::addRow("one fraction digit")
            << std::string("2024-01-01T00:00:01.5") << qint64{k2024_01_01 + 1'500} << datetime;
        QTest::addRow("microseconds are dropped") << std::string("2024-01-01T00:00:00.123999+00:00")
                                                  << qint64{k2024_01_01 + 123} << datetime;
        QTest::addRow("offset crosses midnight")
            << std::string("2024-01-01T01:00+02:00") << qint64{k2024_01_01 - kHour} << datetime;
        QTest::addRow("pre-epoch second")
            << std::string("1969-12-31T23:59:59Z") << qint64{-1'000} << datetime;
        QTest::addRow("last millisecond of 9999")
            << std::string("9999-12-31T23:59:59.999Z") << qint64{253'402'300'799'999} << datetime;
    }

    void isoValues() {
        QFETCH(std::string, value);
        QFETCH(qint64, ms);
        QFETCH(TimeKind, kind);
        const PriceSeries s = parse("datetime,close\n" + value + ",1\n");
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{ms}));
        QCOMPARE(s.time_kind, kind);
        QCOMPARE(s.labels, (LabelColumn{value}));  // labels keep the raw text
    }

    void dateAndDateTimeRowsMix() {
        const PriceSeries s = parse("date,close\n2024-01-01,1\n2024-01-01T12:00,2\n");
        QCOMPARE(s.time_kind, TimeKind::DateTime);
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{k2024_01_01, k2024_01_01 + 12 * kHour}));
    }

    void quotedTimeField() {
        const PriceSeries s = parse("\"Date\",\"Close\"\n\"2024-01-01\",\"3\"\n");
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{k2024_01_01}));
    }

    void labelAndTimeColumnsMayDiffer() {
        // The golden ttrc file: "bar" labels the bars, "date" times them.
        const PriceSeries s = parse("bar,close,date\n0,3.08,1985-01-02\n1,3.11,1985-01-03\n");
        QCOMPARE(s.label_column, std::string("bar"));
        QCOMPARE(s.labels, (LabelColumn{"0", "1"}));
        QCOMPARE(s.time_column, std::string("date"));
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{473'472'000'000, 473'472'000'000 + kDay}));
    }

    // The date column is the time; the time-named column with a time of day
    // next to it gives the hour (Date,Time,... layouts).
    void dateAndTimeOfDayColumnsMakeTheTime() {
        const PriceSeries s = parse("time,date,close\n09:30,2024-01-01,5\n");
        QCOMPARE(s.label_column, std::string("time"));
        QCOMPARE(s.time_column, std::string("date"));
        QCOMPARE(s.time_kind, TimeKind::DateTime);
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{k2024_01_01 + 9 * kHour + 30 * 60'000}));
        QVERIFY2(s.warnings.empty(), all_warnings(s).c_str());
    }

    // Dates that used to be left unread are read now.
    void otherDateFormsAreRead_data() {
        QTest::addColumn<std::string>("value");
        QTest::newRow("German date") << std::string("02.01.2024");
        QTest::newRow("YYYYMMDD") << std::string("20240102");  // not 1970-08-23 in seconds
        QTest::newRow("MetaTrader date") << std::string("2024.01.02");
        QTest::newRow("day-first, day above 12") << std::string("02/01/2024");
    }

    void otherDateFormsAreRead() {
        QFETCH(std::string, value);
        // 13/01/2024 can only be day-first, which settles 02/01/2024 too.
        const std::string second = value == "02/01/2024" ? "13/01/2024" : "";
        const PriceSeries s =
            parse("Date,Close\n" + value + ",5\n" + (second.empty() ? "" : second + ",6\n"));
        QCOMPARE(s.time_kind, TimeKind::Date);
        QCOMPARE(s.time_ms.front(), k2024_01_01 + kDay);
    }

    // A time column that is there but cannot be read is an error naming the
    // column and the value: never a series without times.
    void timeColumnThatIsNoTimeIsRefused_data() {
        QTest::addColumn<std::string>("value");
        QTest::newRow("US text date") << std::string("Jan 2 2024");
        QTest::newRow("time of day alone") << std::string("09:30");
        QTest::newRow("date with text") << std::string("2024-01-02 close");
        QTest::newRow("fractional epoch") << std::string("1704067200.5");
        QTest::newRow("small number") << std::string("12345");
    }

    void timeColumnThatIsNoTimeIsRefused() {
        QFETCH(std::string, value);
        expect_error("Date,Close\n" + value + ",5\n", 2, "Date",
                     "column \"Date\" cannot be read as time: \"" + value + "\" is no date");
    }

    // ---- time order ---------------------------------------------------------

    void rowsOutOfOrderAreSortedWithWarning() {
        const PriceSeries s = parse(
            "date,open,close,volume\n"
            "2024-01-03,3,30,300\n"    // line 2
            "2024-01-01,1,10,100\n"    // line 3: earlier than line 2
            "2024-01-02,2,20,200\n"    // line 4
            "2024-01-05,5,50,500\n"    // line 5
            "2024-01-04,4,40,400\n");  // line 6: earlier than line 5
        QCOMPARE(s.close, (std::vector<double>{10, 20, 30, 40, 50}));
        QCOMPARE(s.open, (std::vector<double>{1, 2, 3, 4, 5}));
        QCOMPARE(s.volume, (std::vector<double>{100, 200, 300, 400, 500}));
        QCOMPARE(s.labels, (LabelColumn{"2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04",
                                        "2024-01-05"}));
        for (std::size_t i = 0; i < 5; ++i)
            QCOMPARE(s.time_ms[i], k2024_01_01 + static_cast<std::int64_t>(i) * kDay);
        QCOMPARE(s.warnings.size(), std::size_t{1});
        const std::string& w = s.warnings.front();
        QVERIFY2(contains(w, "2 rows were out of time order"), w.c_str());
        QVERIFY2(contains(w, "first at line 3"), w.c_str());
    }

    void newestFirstFileIsReversed() {
        const PriceSeries s = parse("date,close\n\n2024-01-03,3\n2024-01-02,2\n2024-01-01,1\n");
        QCOMPARE(s.close, (std::vector<double>{1, 2, 3}));
        QCOMPARE(s.warnings.size(), std::size_t{1});
        // Line 1 is the header, line 2 blank: the first row out of order is line 4.
        QVERIFY2(contains(s.warnings.front(),
                          "2 rows were out of time order (earlier than the "
                          "row before them; first at line 4)"),
                 s.warnings.front().c_str());
    }

    void sortingUsesUtcNotText() {
        // 10:00+02:00 is 08:00Z, before 09:00Z although its text sorts later.
        const PriceSeries s =
            parse("datetime,close\n2024-01-01T09:00Z,9\n2024-01-01T10:00+02:00,8\n");
        QCOMPARE(s.close, (std::vector<double>{8, 9}));
        QCOMPARE(s.time_ms,
                 (std::vector<std::int64_t>{k2024_01_01 + 8 * kHour, k2024_01_01 + 9 * kHour}));
        QCOMPARE(s.warnings.size(), std::size_t{1});
    }

    void inOrderFileHasNoWarning() {
        const PriceSeries s = parse("date,close\n2024-01-01,1\n2024-01-02,2\n");
        QVERIFY(s.warnings.empty());
    }

    void duplicateTimeNamesBothLines() {
        expect_error("date,close\n2024-01-01,1\n2024-01-02,2\n2024-01-02,3\n", 4, "date",
                     "column \"date\": the time 2024-01-02 appears on lines 3 and 4");
    }

    void duplicateTimeFoundAfterSorting() {
        // Lines 2 and 5 hold the same instant written with different offsets.
        expect_error(
            "datetime,close\n"
            "2024-01-01T10:00+02:00,1\n"
            "2024-01-03T00:00Z,2\n"
            "2024-01-02T00:00Z,3\n"
            "2024-01-01T08:00:00Z,4\n",
            5, "datetime", "the time 2024-01-01T08:00:00Z appears on lines 2 and 5");
    }

    void firstDuplicateInTheFileIsReported() {
        // Two pairs; after sorting the 01-01 pair comes first, but the file
        // reaches the 01-01 pair's second line (4) before the 01-02 pair's (5).
        expect_error("date,close\n2024-01-01,1\n2024-01-02,2\n2024-01-01,3\n2024-01-02,4\n", 4,
                     "date", "the time 2024-01-01 appears on lines 2 and 4");
        expect_error("date,close\n2024-01-02,1\n2024-01-01,2\n2024-01-02,3\n2024-01-01,4\n", 4,
                     "date", "the time 2024-01-02 appears on lines 2 and 4");
    }

    void duplicateEpochTime() {
        expect_error("time,close\n1704067200,1\n1704067200,2\n", 3, "time",
                     "the time 2024-01-01T00:00:00Z appears on lines 2 and 3");
    }

    // ---- refused values -----------------------------------------------------

    void errors_data() {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<std::string>("column");
        QTest::addColumn<std::string>("fragment");
        const std::string ok_date = "Date,Close\n2024-01-01,1\n";
        const std::string iso = " (expected YYYY-MM-DD or ISO-8601 date-time)";

        QTest::addRow("month 13") << ok_date + "2024-13-01,2\n"
                                  << 3 << std::string("Date")
                                  << "column \"Date\": \"2024-13-01\" is not a date: there is no "
                                     "month 13" +
                                         iso;
        QTest::addRow("month 13 on the first row")
            << std::string("Date,Close\n2024-13-01,2\n") << 2 << std::string("Date")
            << std::string("\"2024-13-01\" is not a date");
        QTest::addRow("month 00") << ok_date + "2024-00-10,2\n"
                                  << 3 << std::string("Date")
                                  << std::string("there is no month 00");
        QTest::addRow("day 00") << ok_date + "2024-01-00,2\n"
                                << 3 << std::string("Date")
                                << std::string("January 2024 has 31 days");
        QTest::addRow("April 31") << ok_date + "2024-04-31,2\n"
                                  << 3 << std::string("Date")
                                  << std::string("April 2024 has 30 days");
        QTest::addRow("Feb 29 in a common year")
            << ok_date + "2023-02-29,2\n"
            << 3 << std::string("Date") << std::string("February 2023 has 28 days");
        QTest::addRow("Feb 29 1900")
            << ok_date + "1900-02-29,2\n"
            << 3 << std::string("Date") << std::string("February 1900 has 28 days");
        QTest::addRow("hour 24") << ok_date + "2024-01-02T24:00,2\n"
                                 << 3 << std::string("Date")
                                 << std::string("\"2024-01-02T24:00\" is not a date-time: hour 24");
        QTest::addRow("minute 60") << ok_date + "2024-01-02 10:60,2\n"
                                   << 3 << std::string("Date") << std::string("minute 60");
        QTest::addRow("second 60") << ok_date + "2024-01-02T10:00:60Z,2\n"
                                   << 3 << std::string("Date") << std::string("second 60");
        QTest::addRow("offset hour 24")
            << ok_date + "2024-01-02T10:00+24:00,2\n"
            << 3 << std::string("Date") << std::string("the offset +24:00 is out of range");
        QTest::addRow("short date")
            << ok_date + "2024-1-2,2\n"
            << 3 << std::string("Date") << "\"2024-1-2\" is not a date" + iso;
        QTest::addRow("hour only")
            << ok_date + "2024-01-02T10,2\n"
            << 3 << std::string("Date") << "\"2024-01-02T10\" is not a date-time" + iso;
        QTest::addRow("junk after the date")
            << ok_date + "2024-01-02x,2\n"
            << 3 << std::string("Date") << std::string("\"2024-01-02x\" is not a date-time");
        QTest::addRow("junk after the offset")
            << ok_date + "2024-01-02T10:00Z+,2\n"
            << 3 << std::string("Date") << std::string("is not a date-time");
        QTest::addRow("empty fraction")
            << ok_date + "2024-01-02T10:00:00.Z,2\n"
            << 3 << std::string("Date") << std::string("is not a date-time");
        QTest::addRow("empty date")
            << ok_date + ",2\n"
            << 3 << std::string("Date") << "column \"Date\": the field is empty" + iso;
        QTest::addRow("text date after ISO dates")
            << ok_date + "Jan 2 2024,2\n"
            << 3 << std::string("Date") << std::string("\"Jan 2 2024\" is not a date (");

        const std::string ok_unix = "time,close\n1704067200,1\n";
        QTest::addRow("not a Unix time")
            << ok_unix + "abc,2\n"
            << 3 << std::string("time")
            << std::string(
                   "column \"time\": \"abc\" is not a Unix time (expected whole seconds, "
                   "milliseconds or microseconds since 1970-01-01 UTC)");
        QTest::addRow("negative Unix time")
            << ok_unix + "-5,2\n"
            << 3 << std::string("time") << std::string("\"-5\" is not a Unix time");
        QTest::addRow("ISO date in a Unix column")
            << ok_unix + "2024-01-02,2\n"
            << 3 << std::string("time") << std::string("\"2024-01-02\" is not a Unix time");
        QTest::addRow("tiny Unix time")
            << ok_unix + "12345,2\n"
            << 3 << std::string("time") << std::string("\"12345\" is too small for a Unix time");
        QTest::addRow("seconds then milliseconds")
            << ok_unix + "1704067260000,2\n"
            << 3 << std::string("time")
            << std::string(
                   "\"1704067260000\" is in milliseconds but the first time (line 2) is "
                   "in seconds");
        QTest::addRow("milliseconds then seconds")
            << std::string("time,close\n1704067200000,1\n1704067260,2\n") << 3
            << std::string("time") << std::string("is in seconds but the first time");
        QTest::addRow("after 9999") << std::string("time,close\n253402300800000000,1\n") << 2
                                    << std::string("time") << std::string("is after the year 9999");
        QTest::addRow("empty Unix time")
            << ok_unix + ",2\n"
            << 3 << std::string("time") << std::string("the field is empty");

        const std::string ohlcv = "date,open,high,low,close,volume\n2024-01-01,1,2,0.5,1.5,10\n";
        QTest::addRow("open not a number")
            << ohlcv + "2024-01-02,abc,2,0.5,1.5,10\n"
            << 3 << std::string("open") << std::string("column \"open\": \"abc\" is not a number");
        // With ';' between fields and "99,5" among the values the file writes
        // decimal commas, so it is the point of "100.25" that is refused.
        QTest::addRow("decimal point in a decimal-comma file")
            << std::string("Datum;Open;Close\n02.01.2024;99,5;100.25\n") << 2
            << std::string("Close")
            << std::string(
                   "close is \"100.25\", not a number (this file writes decimals with a comma; "
                   "a point may only group thousands)");
        QTest::addRow("decimal comma in a comma file")
            << std::string("Date,Open,Close\n2024-01-02,\"99,5\",100.25\n") << 2
            << std::string("Open")
            << std::string(
                   "column \"Open\": \"99,5\" is not a number (use a point as the decimal "
                   "separator)");
        QTest::addRow("open zero") << ohlcv + "2024-01-02,0,2,0.5,1.5,10\n"
                                   << 3 << std::string("open")
                                   << std::string(
                                          "column \"open\": \"0\" is not a valid price "
                                          "(prices must be finite numbers greater than 0)");
        QTest::addRow("high negative")
            << ohlcv + "2024-01-02,1,-2,0.5,1.5,10\n"
            << 3 << std::string("high") << std::string("\"-2\" is not a valid price");
        QTest::addRow("low nan") << ohlcv + "2024-01-02,1,2,nan,1.5,10\n"
                                 << 3 << std::string("low")
                                 << std::string("\"nan\" is not a valid price");
        QTest::addRow("high inf") << ohlcv + "2024-01-02,1,inf,0.5,1.5,10\n"
                                  << 3 << std::string("high")
                                  << std::string("\"inf\" is not a valid price");
        QTest::addRow("low empty")
            << ohlcv + "2024-01-02,1,2,,1.5,10\n"
            << 3 << std::string("low") << std::string("column \"low\": the field is empty");
        QTest::addRow("open out of range")
            << ohlcv + "2024-01-02,1e999,2,0.5,1.5,10\n"
            << 3 << std::string("open") << std::string("\"1e999\" is out of range");
        QTest::addRow("volume negative")
            << ohlcv + "2024-01-02,1,2,0.5,1.5,-1\n"
            << 3 << std::string("volume")
            << std::string(
                   "column \"volume\": \"-1\" is not a valid volume (volumes must be finite "
                   "numbers of 0 or more)");
        QTest::addRow("volume empty")
            << ohlcv + "2024-01-02,1,2,0.5,1.5,\n"
            << 3 << std::string("volume") << std::string("column \"volume\": the field is empty");
        QTest::addRow("volume not a number")
            << ohlcv + "2024-01-02,1,2,0.5,1.5,n/a\n"
            << 3 << std::string("volume") << std::string("\"n/a\" is not a number");
        // Close keeps its long-standing messages, now with column() set.
        QTest::addRow("close not a number")
            << ohlcv + "2024-01-02,1,2,0.5,x,10\n"
            << 3 << std::string("close") << std::string("close is \"x\", not a number");
        QTest::addRow("close zero, header as written")
            << std::string("Date,Close\n2024-01-01,0\n") << 2 << std::string("Close")
            << std::string("close is 0: prices must be greater than 0");

        QTest::addRow("two open columns")
            << std::string("open,Open,close\n1,2,3\n") << 1 << std::string("Open")
            << std::string("two columns named open (columns 1 and 2)");
        QTest::addRow("two volume columns")
            << std::string("close,volume,Vol_ume\n1,2,3\n") << 1 << std::string("Vol_ume")
            << std::string("two columns named volume");
        QTest::addRow("missing close")
            << std::string("date,open\n2024-01-01,1\n") << 1 << std::string("close")
            << std::string("no column named close");
    }

    void errors() {
        QFETCH(std::string, text);
        QFETCH(int, line);
        QFETCH(std::string, column);
        QFETCH(std::string, fragment);
        expect_error(text, static_cast<std::size_t>(line), column, fragment);
    }

    void wholeFileErrorsHaveNoColumn() {
        for (const std::string& text : {std::string(), std::string("date,close\n")}) {
            try {
                parse(text);
                QFAIL("accepted");
            } catch (const CsvError& e) {
                QCOMPARE(e.line(), std::size_t{0});
                QVERIFY(e.column().empty());
                QVERIFY2(contains(e.what(), "no price rows"), e.what());
            }
        }
    }

    void errorConstructors() {
        const CsvError old_style("f.csv", 3, "line has 2 fields but the header has 3");
        QVERIFY(old_style.column().empty());
        QCOMPARE(std::string(old_style.what()),
                 std::string("f.csv:3: line has 2 fields but the header has 3"));
        const CsvError with_column("f.csv", 0, "Date", "column \"Date\": x");
        QCOMPARE(with_column.column(), std::string("Date"));
        QCOMPARE(std::string(with_column.what()), std::string("f.csv: column \"Date\": x"));
    }

    // ---- inconsistent bars are kept, with warnings --------------------------

    void highBelowLowWarns() {
        const PriceSeries s = parse(
            "date,open,high,low,close\n"
            "2024-01-01,1,2,0.5,1.5\n"
            "2024-01-02,1,0.9,1.1,1\n"  // line 3
            "2024-01-03,1,0.8,1.2,1\n");
        QCOMPARE(s.close.size(), std::size_t{3});
        QCOMPARE(s.high[1], 0.9);  // kept as it is
        QCOMPARE(s.warnings.size(), std::size_t{1});
        QVERIFY2(contains(s.warnings.front(), "2 bars have a high below the low (first at line 3)"),
                 s.warnings.front().c_str());
    }

    void closeOrOpenOutsideRangeWarns() {
        const PriceSeries s = parse(
            "date,open,high,low,close\n"
            "2024-01-01,1,2,0.5,1.5\n"
            "2024-01-02,1,2,0.5,2.5\n"    // line 3: close above high
            "2024-01-03,0.4,2,0.5,1\n"    // line 4: open below low
            "2024-01-04,1,2,0.5,2\n"      // on the high: fine
            "2024-01-05,3,2,2.5,2.6\n");  // line 6: high below low, counted there only
        QCOMPARE(s.warnings.size(), std::size_t{2});
        const std::string w = all_warnings(s);
        QVERIFY2(contains(w, "1 bar has a high below the low (first at line 6)"), w.c_str());
        QVERIFY2(contains(w,
                          "2 bars have an open or close outside the low-high range (first at "
                          "line 3)"),
                 w.c_str());
    }

    void closeAboveHighWithoutLowWarns() {
        const PriceSeries s = parse("date,high,close\n2024-01-01,2,3\n2024-01-02,2,1\n");
        QCOMPARE(s.warnings.size(), std::size_t{1});
        QVERIFY2(contains(s.warnings.front(),
                          "1 bar has a close outside the low-high range "
                          "(first at line 2)"),
                 s.warnings.front().c_str());
    }

    void warningLinesAreFileLinesEvenWhenSorted() {
        const PriceSeries s = parse(
            "date,high,low,close\n"
            "2024-01-02,2,1,1.5\n"
            "2024-01-01,2,1,5\n");  // line 3: out of order and above the high
        QCOMPARE(s.warnings.size(), std::size_t{2});
        const std::string w = all_warnings(s);
        QVERIFY2(contains(w, "1 row was out of time order"), w.c_str());
        QVERIFY2(contains(w, "1 bar has a close outside the low-high range (first at line 3)"),
                 w.c_str());
        QCOMPARE(s.close, (std::vector<double>{5, 1.5}));
    }

    // ---- bundled sample data ------------------------------------------------

    void sampleTtrcHasDates() {
        const PriceSeries s = read_price_csv(ATC_SAMPLE_DIR "/TTRC.csv");
        QCOMPARE(s.close.size(), std::size_t{5550});
        QCOMPARE(s.time_kind, TimeKind::Date);
        QCOMPARE(s.time_column, std::string("date"));
        QCOMPARE(s.time_ms.size(), std::size_t{5550});
        QCOMPARE(s.time_ms.front(), std::int64_t{473'472'000'000});   // 1985-01-02
        QCOMPARE(s.time_ms.back(), std::int64_t{1'167'350'400'000});  // 2006-12-29
        QVERIFY(std::is_sorted(s.time_ms.begin(), s.time_ms.end()));
        QCOMPARE(s.open.front(), 3.18);
        QCOMPARE(s.high.front(), 3.18);
        QCOMPARE(s.low.front(), 3.08);
        QCOMPARE(s.close.front(), 3.08);
        QCOMPARE(s.volume.front(), 1870906.0);
        QCOMPARE(s.volume.back(), 4943331.0);
        QCOMPARE(s.labels.front(), std::string_view("1985-01-02"));
        QVERIFY2(s.warnings.empty(), all_warnings(s).c_str());
    }

    void sampleDaxHasYearLabelsAndNoTime() {
        const PriceSeries s = read_price_csv(ATC_SAMPLE_DIR "/DAX.csv");
        QCOMPARE(s.close.size(), std::size_t{1860});
        QCOMPARE(s.close.front(), 1628.75);
        QCOMPARE(s.label_column, std::string("year"));
        QCOMPARE(s.labels.front(), std::string_view("1991.496153846154"));
        QVERIFY(s.time_ms.empty());
        QCOMPARE(s.time_kind, TimeKind::None);
        QVERIFY(s.open.empty() && s.high.empty() && s.low.empty() && s.volume.empty());
        QVERIFY2(s.warnings.empty(), all_warnings(s).c_str());
    }

    void everySampleFileParses() {
        for (const char* name : {"CAC", "DAX", "FTSE", "SMI", "TTRC"}) {
            const PriceSeries s = read_price_csv(std::string(ATC_SAMPLE_DIR) + "/" + name + ".csv");
            QVERIFY2(!s.close.empty(), name);
            QVERIFY2(s.warnings.empty(), name);
        }
    }

    void timeKindNames() {
        QCOMPARE(time_kind_name(TimeKind::None), std::string_view("none"));
        QCOMPARE(time_kind_name(TimeKind::Date), std::string_view("date"));
        QCOMPARE(time_kind_name(TimeKind::DateTime), std::string_view("datetime"));
        QCOMPARE(time_kind_name(TimeKind::EpochSeconds), std::string_view("epoch_s"));
        QCOMPARE(time_kind_name(TimeKind::EpochMilliseconds), std::string_view("epoch_ms"));
        // The numbers are stored in the symbol database.
        QCOMPARE(static_cast<int>(TimeKind::None), 0);
        QCOMPARE(static_cast<int>(TimeKind::EpochMilliseconds), 4);
    }
};

QTEST_APPLESS_MAIN(TestPriceCsvImport)
#include "test_price_csv_import.moc"
