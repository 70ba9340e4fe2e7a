// SPDX-License-Identifier: GPL-3.0-or-later
// The price CSV reader: the file shapes it must accept, and for every kind of
// bad input, that it is refused with the line and the problem named.
#include <QDate>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "atc/price_csv.hpp"

using namespace atc;
using namespace std::string_literals;

// Every heap allocation of this test program is counted (the global operator
// new is replaced, and operator new[] calls it), so that a test can tell how
// many a call makes.
namespace {
std::atomic<std::size_t> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size))
        return p;
    throw std::bad_alloc();
}
// The nothrow form too (std::stable_sort's buffer): its memory comes back
// through the operator delete below, which must match.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(size == 0 ? 1 : size);
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}

namespace {

const std::string kSource = "prices.csv";

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// Parsing must fail at `line` (0: the whole file) with a message containing `fragment`;
// what() must read "prices.csv:LINE: ..." so the user can find the spot.
void expect_error(const std::string& text, std::size_t line, const std::string& fragment) {
    try {
        parse_price_csv(text, kSource);
    } catch (const CsvError& e) {
        QCOMPARE(e.source(), kSource);
        QCOMPARE(e.line(), line);
        QVERIFY2(e.problem().find(fragment) != std::string::npos, e.what());
        const std::string prefix =
            line == 0 ? kSource + ": " : kSource + ":" + std::to_string(line) + ": ";
        QVERIFY2(std::string(e.what()).starts_with(prefix), e.what());
        QVERIFY2(std::string(e.what()).find(fragment) != std::string::npos, e.what());
        return;
    }
    QFAIL(qPrintable("accepted: " + q(text)));
}

// What reading `text` gives: the series written out (every value's bits,
// times, labels, warnings), or the error's what() and column.
std::string outcome_of(const std::string& text) {
    try {
        const PriceSeries s = parse_price_csv(text, kSource);
        std::string out;
        const auto bits = [&out](const std::vector<double>& values) {
            for (const double v : values)
                out += std::to_string(std::bit_cast<std::uint64_t>(v)) + " ";
            out += "|";
        };
        for (const auto* values : {&s.close, &s.open, &s.high, &s.low, &s.volume})
            bits(*values);
        for (const std::int64_t t : s.time_ms)
            out += std::to_string(t) + " ";
        for (const std::string_view label : s.labels)
            out.append(label).append(" ");
        out += std::to_string(static_cast<int>(s.time_kind)) + "|" + s.time_column + "|" +
               s.label_column;
        for (const std::string& warning : s.warnings)
            out += "|" + warning;
        return out;
    } catch (const CsvError& e) {
        return std::string("error: ") + e.what() + " [" + e.column() + "]";
    }
}

// `rows` daily bars with date-time labels (longer than a std::string's
// small-string buffer, so a label per std::string would allocate each).
std::string date_time_rows(std::size_t rows) {
    std::string text = "time,open,high,low,close,volume\n";
    const QDate first(2000, 1, 1);
    for (std::size_t i = 0; i < rows; ++i) {
        const QDate day = first.addDays(static_cast<qint64>(i));
        text += day.toString(QStringLiteral("yyyy-MM-dd")).toStdString() + "T09:30:00Z,";
        text += std::to_string(100 + i % 7) + ".25," + std::to_string(110 + i % 5) + ".5,";
        text += std::to_string(90 + i % 3) + ".75," + std::to_string(100 + i % 9) + ".01,";
        text += std::to_string(1000 + i) + "\n";
    }
    return text;
}

// How many heap allocations parsing `text` makes.
std::size_t allocations_parsing(const std::string& text) {
    const std::size_t before = g_allocations.load();
    const PriceSeries s = parse_price_csv(text, kSource);
    const std::size_t count = g_allocations.load() - before;
    if (s.labels.size() != s.close.size() || s.close.empty())
        return 0;  // not parsed as expected: the caller's comparison fails
    return count;
}

std::string write_temp_file(const QTemporaryDir& dir, const char* name, const std::string& text) {
    const std::string path = dir.filePath(QString::fromLatin1(name)).toStdString();
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr)
        return {};
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
    return path;
}

}  // namespace

class TestPriceCsv : public QObject {
    Q_OBJECT

private slots:
    // ---- accepted shapes --------------------------------------------------

    void readsGoldenBarCloseFile() {
        const PriceSeries s = read_price_csv(ATC_GOLDEN_DIR "/dax_default/input.csv");
        QCOMPARE(s.close.size(), std::size_t{1860});
        QCOMPARE(s.close.front(), 1628.75);
        QCOMPARE(s.close[1], 1613.63);
        QCOMPARE(s.label_column, std::string("bar"));
        QCOMPARE(s.labels.size(), std::size_t{1860});
        QCOMPARE(s.labels.front(), std::string_view("0"));
        QCOMPARE(s.labels.back(), std::string_view("1859"));
    }

    void readsOhlcvWithDate() {
        const PriceSeries s = parse_price_csv(
            "date,open,high,low,close,volume\n"
            "1985-01-02,3.18,3.18,3.08,3.08,1870906\n"
            "1985-01-03,3.09,3.15,3.09,3.11,3099506\n",
            kSource);
        QCOMPARE(s.close, (std::vector<double>{3.08, 3.11}));
        QCOMPARE(s.label_column, std::string("date"));
        QCOMPARE(s.labels, (LabelColumn{"1985-01-02", "1985-01-03"}));
    }

    void acceptsBomAndCrlf() {
        const PriceSeries s = parse_price_csv(
            "\xEF\xBB\xBF"
            "Date,Close\r\n2024-01-02,100.5\r\n2024-01-03,101\r\n",
            kSource);
        QCOMPARE(s.close, (std::vector<double>{100.5, 101.0}));
        // The BOM must not stick to the first header name.
        QCOMPARE(s.label_column, std::string("Date"));
        QCOMPARE(s.labels.back(), std::string_view("2024-01-03"));
    }

    void acceptsSemicolonDelimiter() {
        // Open is read now, so it must be a number too ("99,5" is refused: see
        // rejectsDecimalCommaInOpen in test_price_csv_import).
        const PriceSeries s =
            parse_price_csv("Datum;Open;Close\n02.01.2024;99.5;100.25\n03.01.2024;1;2\n", kSource);
        QCOMPARE(s.close, (std::vector<double>{100.25, 2.0}));
        QCOMPARE(s.open, (std::vector<double>{99.5, 1.0}));
        QVERIFY(s.label_column.empty());  // "Datum" is not a label name
        QVERIFY(s.labels.empty());
        // but it is a time name, and DD.MM.YYYY a date: 2 and 3 January 2024.
        QCOMPARE(s.time_column, std::string("Datum"));
        QCOMPARE(s.time_ms, (std::vector<std::int64_t>{1'704'153'600'000, 1'704'240'000'000}));
    }

    void acceptsTabDelimiter() {
        const PriceSeries s =
            parse_price_csv("timestamp\tclose\n1700000000\t 42.5 \n1700000060\t43\n", kSource);
        QCOMPARE(s.close, (std::vector<double>{42.5, 43.0}));
        QCOMPARE(s.label_column, std::string("timestamp"));
        QCOMPARE(s.labels.front(), std::string_view("1700000000"));
    }

    void acceptsQuotedFields() {
        const PriceSeries s = parse_price_csv(
            "\"Bar\",\"Note\",\"Close\"\n"
            "\"Jan 2, 2024\",\"said \"\"hi\"\", left\",\"12.5\"\n"
            "  \"Jan 3, 2024\"  ,plain, 13 \n",
            kSource);
        QCOMPARE(s.close, (std::vector<double>{12.5, 13.0}));
        QCOMPARE(s.labels, (LabelColumn{"Jan 2, 2024", "Jan 3, 2024"}));
        QCOMPARE(s.label_column, std::string("Bar"));
    }

    void closeColumnMatchedIgnoringCaseAndSpaces() {
        const PriceSeries s = parse_price_csv("Bar , CLOSE \n1,5\n", kSource);
        QCOMPARE(s.close, (std::vector<double>{5.0}));
        QCOMPARE(s.label_column, std::string("Bar"));
    }

    void firstLabelColumnWins() {
        const PriceSeries s = parse_price_csv("index,bar,close\n7,09:30,5\n", kSource);
        QCOMPARE(s.label_column, std::string("index"));
        QCOMPARE(s.labels, (LabelColumn{"7"}));
    }

    void singleColumnFile() {
        const PriceSeries s = parse_price_csv("close\n1\n2\n3", kSource);
        QCOMPARE(s.close, (std::vector<double>{1.0, 2.0, 3.0}));
        QVERIFY(s.labels.empty());
    }

    void skipsBlankLines() {
        const PriceSeries s = parse_price_csv("\n\nbar,close\n\n0,1\n   \n1,2\n\n", kSource);
        QCOMPARE(s.close, (std::vector<double>{1.0, 2.0}));
    }

    void numberForms() {
        const PriceSeries s = parse_price_csv(
            "close\n+12.5\n 7 \n1e2\n0.1\n.5\n1628.75\n3.0000000000000004\n", kSource);
        QCOMPARE(s.close,
                 (std::vector<double>{12.5, 7.0, 100.0, 0.1, 0.5, 1628.75, 3.0000000000000004}));
    }

    void readsFileFromDisk() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = write_temp_file(dir, "p.csv",
                                                 "\xEF\xBB\xBF"
                                                 "date;close\r\n2024-01-02;10\r\n");
        const PriceSeries s = read_price_csv(path);
        QCOMPARE(s.close, (std::vector<double>{10.0}));
    }

    void parsesManyRowsQuickly() {
        // Each row has its own date: two bars at the same time are an error now.
        std::string text = "date,open,high,low,close,volume\n";
        const QDate first(1800, 1, 1);
        for (int i = 0; i < 100000; ++i) {
            text += first.addDays(i).toString(Qt::ISODate).toStdString() + ",100.25,101.5,99.75," +
                    std::to_string(100 + i % 50) + ".125,1234567\n";
        }
        QElapsedTimer timer;
        timer.start();
        const PriceSeries s = parse_price_csv(text, kSource);
        const qint64 ms = timer.elapsed();
        QCOMPARE(s.close.size(), std::size_t{100000});
        QCOMPARE(s.close[3], 103.125);
        QCOMPARE(s.time_ms.size(), std::size_t{100000});
        QCOMPARE(s.time_ms[1] - s.time_ms[0], std::int64_t{86'400'000});
        QCOMPARE(s.volume.back(), 1234567.0);
        qInfo("100k rows parsed in %lld ms", ms);
        // Generous so a debug build on a busy machine passes; the target is well under 100 ms.
        QVERIFY2(ms < 1000, qPrintable(QString::number(ms) + " ms"));
    }

    // ---- refused input ----------------------------------------------------

    void rejectsNonNumber() {
        expect_error("bar,close\n0,1\n1,abc\n", 3, "close is \"abc\", not a number");
    }

    void rejectsTrailingJunk() {
        expect_error("bar,close\n0,12.5abc\n", 2, "close is \"12.5abc\", not a number");
    }

    void rejectsHex() { expect_error("bar,close\n0,0x1A\n", 2, "close is \"0x1A\", not a number"); }

    void rejectsDoubleSign() { expect_error("close\n+-1\n", 2, "close is \"+-1\", not a number"); }

    // With ';' between the fields a comma is the decimal separator (European
    // spreadsheets); in a comma-separated file a quoted "1,5" still is no number.
    void acceptsDecimalCommaWithSemicolons() {
        const PriceSeries s = parse_price_csv("date;close\n2024-01-02;1,5\n", kSource);
        QCOMPARE(s.close, (std::vector<double>{1.5}));
    }

    void rejectsDecimalCommaInCommaFile() {
        expect_error("date,close\n2024-01-02,\"1,5\"\n", 2,
                     "close is \"1,5\", not a number (use a point as the decimal separator)");
    }

    void rejectsZero() {
        expect_error("bar,close\n0,1\n1,2\n2,0\n", 4, "close is 0: prices must be greater than 0");
    }

    void rejectsNegative() {
        expect_error("bar,close\n0,-3\n", 2, "close is -3: prices must be greater than 0");
    }

    void rejectsNan() {
        expect_error("bar,close\n0,nan\n", 2, "close is nan: prices must be finite");
    }

    void rejectsInf() {
        expect_error("bar,close\n0,1\n1,inf\n", 3, "close is inf: prices must be finite");
    }

    void rejectsOutOfRange() {
        expect_error("close\n1e999\n", 2, "close is 1e999: the number is out of range");
    }

    void rejectsEmptyClose() {
        expect_error("bar,close,volume\nx,1,2\ny, ,3\n", 3, "close is empty");
    }

    void rejectsWrongFieldCount() {
        expect_error("bar,open,high,low,close,volume\n1,2,3,4,5,6\n1,2,3,4\n", 3,
                     "line has 4 fields but the header has 6");
        expect_error("bar,close\n0,1,2\n", 2, "line has 3 fields but the header has 2");
    }

    void lineNumbersCountBlankLines() {
        expect_error("\nbar,close\n\n0,1\r\n\r\n1,x\n", 6, "close is \"x\", not a number");
    }

    void rejectsNulByte() {
        expect_error("bar,close\n0,1\n1,\0\n"s, 0, "not a text file (binary data at line 3)");
    }

    void rejectsInvalidUtf8() {
        expect_error("bar,close\n0,1\n1,2\n\xC3\x28,3\n", 0,
                     "not a text file (binary data at line 4)");
        // A zip file (xlsx) starts with "PK\x03\x04" and soon has bytes that are not UTF-8.
        expect_error("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xA0"s, 0,
                     "not a text file (binary data at line 1)");
    }

    void acceptsUtf8Text() {
        const PriceSeries s = parse_price_csv("bar,close\n2024-01-02 \xE2\x82\xAC,5\n", kSource);
        QCOMPARE(s.labels.front(), std::string_view("2024-01-02 \xE2\x82\xAC"));
    }

    // UTF-16 is read (test_price_formats); cut off in the middle of a
    // character it is not.
    void rejectsTruncatedUtf16() {
        expect_error(
            "\xFF\xFE"
            "c\0l\0o"s,
            0, "UTF-16 text has an even number of bytes");
    }

    void rejectsEmptyFile() {
        expect_error("", 0, "no price rows");
        expect_error("\n  \r\n\n", 0, "no price rows");
    }

    void rejectsHeaderOnly() { expect_error("date,close\r\n\r\n", 0, "no price rows"); }

    void rejectsMissingCloseColumn() {
        expect_error("date,open,value\n1,2,3\n", 1,
                     "no column named close in the header (columns found: \"date\", \"open\", "
                     "\"value\")");
        // A first line of numbers is data: a headerless file, and no layout
        // we know has a single column.
        expect_error("\n1628.75\n1613.63\n", 2, "the file has no header and 1 column");
    }

    void rejectsTwoCloseColumns() {
        expect_error("close,Close\n1,2\n", 1, "two columns named close");
    }

    void rejectsUnclosedQuote() {
        expect_error("date,close\n\"2024-01-02,5\n", 2, "broken quoting");
    }

    void rejectsJunkAfterClosingQuote() {
        expect_error("date,close\n\"2024\"-01-02,5\n", 2, "broken quoting");
        expect_error("date,close\n2024,\"5\"x\n", 2, "broken quoting");
    }

    void rejectsBrokenQuotingInHeader() {
        expect_error("\"date,close\n1,2\n", 1, "broken quoting");
    }

    // ---- speed: what must not grow with the rows -------------------------

    // The reader allocates per file (the columns, the detection), never per
    // row: ten times the rows, the same allocations (a margin of a few for a
    // column that outgrows its reservation).
    void allocationsDoNotGrowWithRows() {
        const std::string small = date_time_rows(1'000);
        const std::string large = date_time_rows(10'000);
        const std::size_t for_small = allocations_parsing(small);
        const std::size_t for_large = allocations_parsing(large);
        QVERIFY(for_small > 0);
        QVERIFY2(for_large <= for_small + 4,
                 qPrintable(QStringLiteral("%1 allocations for 1,000 rows, %2 for 10,000")
                                .arg(for_small)
                                .arg(for_large)));
    }

    // Plain decimals of up to 15 digits are read as an integer divided by a
    // power of ten (csv_values.cpp), others by fast_float: either way every
    // value must be the double std::from_chars gives, the correctly rounded
    // one. 20,000 seeded random numbers of 1 to 17 digits with the decimal
    // point anywhere, as volume (0 allowed) and as close.
    void numbersReadExactlyAsFromChars() {
        std::uint64_t state = 20261206;
        const auto next = [&state] {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return state >> 33;
        };
        std::string text = "close,volume\n";
        std::vector<std::string> numbers;
        for (int row = 0; row < 20'000; ++row) {
            const std::size_t digits = 1 + next() % 17;
            std::string number;
            for (std::size_t d = 0; d < digits; ++d)
                number.push_back(static_cast<char>('0' + next() % 10));
            const std::size_t point = next() % (digits + 1);  // == digits: no point
            if (point < digits)
                number.insert(point == 0 ? 0 : point, point == 0 ? "0." : ".");
            if (number.find_first_not_of("0.") == std::string::npos)
                number = "1" + number;  // a close must be above 0
            numbers.push_back(number);
            text.append(number).append(",").append(number).append("\n");
        }
        const PriceSeries series = parse_price_csv(text, kSource);
        QCOMPARE(series.close.size(), numbers.size());
        for (std::size_t i = 0; i < numbers.size(); ++i) {
            double expected = 0.0;
            const std::string& n = numbers[i];
            std::from_chars(n.data(), n.data() + n.size(), expected);
            QVERIFY2(series.close[i] == expected && series.volume[i] == expected, n.c_str());
        }
    }

    // Rows of plain fields are read by a fast path (plain_row.hpp) that
    // must accept exactly what the general path accepts, with the same
    // values, and leave every other row to it. A file read both ways: its
    // last column (which no role uses) is quoted in the second copy, which
    // sends every row to the general path. 20,000 seeded random rows whose
    // fields come from shapes near the fast path's edges.
    void plainRowsReadAsTheGeneralPathReadsThem() {
        std::uint64_t state = 20261207;
        const auto next = [&state](std::size_t n) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return static_cast<std::size_t>((state >> 33) % n);
        };
        const std::vector<std::string> numbers = {"1",
                                                  "0",
                                                  "-1",
                                                  "+1.5",
                                                  "1.",
                                                  ".5",
                                                  "00012.50",
                                                  "12345678",
                                                  "1234567.1",
                                                  "1.2345678",
                                                  "1234.567",
                                                  "123456789012345",
                                                  "1234567890123456",
                                                  "12345678.123456",
                                                  "1e3",
                                                  " 12.5",
                                                  "12.5 ",
                                                  "null",
                                                  "",
                                                  "1,5",
                                                  "12K",
                                                  "0.0",
                                                  "-0",
                                                  "99999999.99",
                                                  "7",
                                                  "135.54",
                                                  "0.001",
                                                  "5.",
                                                  "1.2.3",
                                                  "1-2",
                                                  "\t3",
                                                  "4\x80",
                                                  "2\r5"};
        const std::vector<std::string> dates = {
            "2020-01-06", "2020-13-01", "2020-02-30",           "2020-02-29", "2019-02-29",
            "2020/01/06", "20200106",   "2020-01-06 10:00:00",  "",           " 2020-01-06",
            "2020-1-06",  "abcd-ef-gh", "2020-01-06T09:30:00Z", "0000-01-01", "9999-12-31",
            "2020.01.06", "2020-01-07"};
        const auto row = [&](std::size_t fields) {
            std::string line = dates[next(dates.size())];
            for (std::size_t f = 1; f < fields; ++f)
                line += "," + numbers[next(numbers.size())];
            return line;
        };
        for (int file = 0; file < 2'000; ++file) {
            std::string plain = "Date,Open,High,Low,Close,Volume,Note\n";
            std::string quoted = plain;
            for (int r = 0; r < 10; ++r) {
                // Mostly good rows, some odd ones, now and then a field too many or too few.
                const std::size_t width = next(20) == 0 ? 5 + next(3) : 6;
                std::string line = next(3) == 0
                                       ? row(width)
                                       : "2021-03-" + std::to_string(10 + r) +
                                             ",10.5,11,9.25,10.75," + std::to_string(100 * r);
                plain += line + ",x\n";
                quoted += line + ",\"x\"\n";
            }
            QCOMPARE(q(outcome_of(plain)), q(outcome_of(quoted)));
        }
    }

    // Small files are read into a buffer each thread keeps for the next
    // file, files over 4 MiB are mapped (FileBytes): a short file read after
    // a longer one sees only its own bytes, and every size reads like its text.
    void readsFilesOfAnySizeLikeTheirText() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string longer = date_time_rows(2'000);
        const std::string shorter = date_time_rows(3);
        const std::string large = date_time_rows(100'000);
        QVERIFY(large.size() > (std::size_t{4} << 20));
        for (const auto& [name, text] :
             {std::pair{"longer.csv", &longer}, std::pair{"shorter.csv", &shorter},
              std::pair{"large.csv", &large}, std::pair{"shorter-again.csv", &shorter}}) {
            const PriceSeries from_file = read_price_csv(write_temp_file(dir, name, *text));
            const PriceSeries from_text = parse_price_csv(*text, kSource);
            QVERIFY2(from_file.close == from_text.close && from_file.labels == from_text.labels &&
                         from_file.time_ms == from_text.time_ms,
                     name);
        }
    }

    void missingFileNamesPathAndReason() {
        const std::string path = "/nonexistent-dir-atc/prices.csv";
        try {
            read_price_csv(path);
        } catch (const CsvError& e) {
            QCOMPARE(e.line(), std::size_t{0});
            QCOMPARE(e.source(), path);
            QVERIFY2(std::string(e.what()).starts_with(path + ": "), e.what());
            QVERIFY2(std::string(e.what()).find("No such file or directory") != std::string::npos,
                     e.what());
            return;
        }
        QFAIL("missing file was accepted");
    }

    void directoryIsNotAPriceFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY_THROWS_EXCEPTION(CsvError, read_price_csv(dir.path().toStdString()));
        try {
            read_price_csv(dir.path().toStdString());
        } catch (const CsvError& e) {
            QCOMPARE(e.line(), std::size_t{0});
            QVERIFY(e.column().empty());
            QVERIFY2(e.problem().starts_with("cannot read the file: "), e.what());
            QVERIFY2(e.problem().find("Is a directory") != std::string::npos, e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestPriceCsv)
#include "test_price_csv.moc"
