// SPDX-License-Identifier: GPL-3.0-or-later
// Every bad input ATC Studio has been tried with, in one table: what was fed
// to which reader and what must come back. A refused input must name its
// problem (a piece of the message) and its place (the line, the column, the
// key, the position in the JSON); an input that looks odd but is fine is an
// "accepted" row with what was read. docs/BAD_INPUT.md is this table in prose;
// the readers' own suites (test_price_csv, test_params_json, the cache and
// store suites) test the details around each row.
//
// The readers are the product's entry points: parse_price_csv,
// parse_params_json, the cache codec's decoders and Database::open.
#include <QByteArray>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>
#include <string>
#include <vector>

#include "atc/cache/codec.hpp"
#include "atc/compute.hpp"
#include "atc/params_json.hpp"
#include "atc/price_csv.hpp"
#include "atc/store/database.hpp"
#include "atc/validation.hpp"

using namespace atc;

namespace {

// What a reader made of one input.
struct Outcome {
    bool accepted = false;
    std::string text;   // the error's what(), or a summary of what was read
    std::string place;  // where the error points; "accepted" when there was none
};

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// "3 bars: close 1 2 3; time date; warning: ...": what a CSV gave, briefly.
std::string summary_of(const PriceSeries& s) {
    std::string text = std::to_string(s.close.size()) + " bars: close";
    for (std::size_t i = 0; i < s.close.size() && i < 5; ++i) {
        text += ' ';
        text += number(s.close[i]);
    }
    text += "; time " + std::string(time_kind_name(s.time_kind));
    for (const std::string& warning : s.warnings)
        text += "; warning: " + warning;
    return text;
}

Outcome read_csv(const QByteArray& input) {
    try {
        const PriceSeries s = parse_price_csv(input.toStdString(), "prices.csv");
        return {true, summary_of(s), "accepted"};
    } catch (const CsvError& e) {
        // The line is both in the message ("prices.csv:3: ...") and in line().
        const std::string where =
            e.line() == 0 ? "prices.csv: " : "prices.csv:" + std::to_string(e.line()) + ": ";
        if (!std::string(e.what()).starts_with(where))
            return {false, "message does not start with " + where + ": " + e.what(), "?"};
        std::string place = e.line() == 0 ? "file" : "line " + std::to_string(e.line());
        if (!e.column().empty())
            place += ", column " + e.column();
        return {false, e.what(), place};
    }
}

Outcome read_params(const QByteArray& input) {
    try {
        const AtcParams p = parse_params_json(input.toStdString(), "params.json");
        return {true, params_to_json(p), "accepted"};
    } catch (const ParamsError& e) {
        if (!e.key().empty())
            return {false, e.what(), "key " + e.key()};
        // A syntax error: "params.json:LINE:COLUMN: problem".
        const std::string what = e.what();
        const std::string prefix = "params.json:";
        const std::size_t end = what.find(": ", prefix.size());
        if (!what.starts_with(prefix) || end == std::string::npos)
            return {false, what, "?"};
        return {false, what, what.substr(prefix.size(), end - prefix.size())};
    }
}

std::span<const std::byte> bytes_of(const QByteArray& input) {
    return {reinterpret_cast<const std::byte*>(input.constData()),
            static_cast<std::size_t>(input.size())};
}

Outcome read_result_blob(const QByteArray& input) {
    try {
        const AtcResult r = cache::decode_result(bytes_of(input));
        return {true, std::to_string(r.bars) + " bars", "accepted"};
    } catch (const cache::CodecError& e) {
        return {false, e.what(), "blob"};
    }
}

Outcome read_scan_blob(const QByteArray& input) {
    try {
        const SymbolScan s = cache::decode_scan(bytes_of(input));
        return {true, std::to_string(s.row.bars) + " bars", "accepted"};
    } catch (const cache::CodecError& e) {
        return {false, e.what(), "blob"};
    }
}

// The file is written as given and opened as the tools open their database.
// A damaged file is not an error: it is moved aside and a new database
// started, so its row reads "moved aside" with the problem found.
Outcome open_database(const QByteArray& input) {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(input.constData(), 1, static_cast<std::size_t>(input.size()), f);
        std::fclose(f);
    }
    try {
        store::OpenReport report;
        store::Database::open(path, &report);
        if (!report.moved_aside.empty())
            return {false, report.problem, "moved aside"};
        return {true, report.created ? "created" : "opened", "accepted"};
    } catch (const store::StoreError& e) {
        return {false, e.what(), "refused"};
    }
}

// The parameters are fine on their own; the 100-bar series they run on is
// what they do not fit.
Outcome compute_100_bars(const QByteArray& input) {
    std::vector<double> close;
    for (int i = 0; i < 100; ++i)
        close.push_back(50.0 + (i % 9) * 0.5);
    try {
        const AtcParams params = parse_params_json(input.toStdString(), "params.json");
        const AtcResult r = compute_symbol(close, params);
        return {true, "computed " + std::to_string(r.bars) + " bars", "accepted"};
    } catch (const InvalidInput& e) {
        return {false, e.what(), "key " + e.key()};
    } catch (const ParamsError& e) {
        return {false, e.what(), "params"};
    }
}

Outcome run_reader(const QString& reader, const QByteArray& input) {
    if (reader == QLatin1String("csv"))
        return read_csv(input);
    if (reader == QLatin1String("params"))
        return read_params(input);
    if (reader == QLatin1String("result blob"))
        return read_result_blob(input);
    if (reader == QLatin1String("scan blob"))
        return read_scan_blob(input);
    if (reader == QLatin1String("database"))
        return open_database(input);
    if (reader == QLatin1String("compute"))
        return compute_100_bars(input);
    return {false, "no reader named " + reader.toStdString(), "?"};
}

QByteArray bytes(const std::string& s) {
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

// Real blobs to damage: a full result and a scan row of a short series.
struct Blobs {
    QByteArray result;
    QByteArray scan;
};

Blobs valid_blobs() {
    std::vector<double> close;
    for (int i = 0; i < 60; ++i)
        close.push_back(100.0 + (i % 7) - 0.5 * (i % 3));
    const AtcResult result = compute_symbol(close, AtcParams{});
    const auto encoded_result = cache::encode_result(result);
    SymbolScan scan;
    scan.row = result.row;
    scan.markers = result.markers;
    scan.computed = true;
    const auto encoded_scan = cache::encode_scan(scan);
    const auto to_bytes = [](const std::vector<std::byte>& v) {
        return QByteArray(reinterpret_cast<const char*>(v.data()),
                          static_cast<qsizetype>(v.size()));
    };
    return {to_bytes(encoded_result), to_bytes(encoded_scan)};
}

QByteArray with_byte(QByteArray blob, qsizetype at, char value) {
    blob[at] = value;
    return blob;
}

// A real database of the current schema, as the tools create it.
QByteArray valid_database() {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("seed.sqlite")).toStdString();
    {
        store::Database db = store::Database::open(path);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

}  // namespace

class TestBadInputs : public QObject {
    Q_OBJECT

private slots:
    void table_data() {
        QTest::addColumn<QString>("reader");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");  // a piece of the message or summary
        QTest::addColumn<QString>("place");     // what the error names; "accepted" if none
        const auto row = [](const char* name, const char* reader, const QByteArray& input,
                            const char* expected, const char* place) {
            QTest::newRow(name) << QString::fromLatin1(reader) << input
                                << QString::fromUtf8(expected) << QString::fromLatin1(place);
        };
        using std::string;

        // ---- price CSV: values --------------------------------------------
        row("csv: malformed number", "csv", "date,close\n2024-01-02,1\n2024-01-03,abc\n",
            "close is \"abc\", not a number", "line 3, column close");
        row("csv: number with trailing junk", "csv", "bar,close\n0,12.5abc\n",
            "close is \"12.5abc\", not a number", "line 2, column close");
        row("csv: hexadecimal number", "csv", "bar,close\n0,0x1A\n",
            "close is \"0x1A\", not a number", "line 2, column close");
        row("csv: NaN close", "csv", "bar,close\n0,nan\n", "close is nan: prices must be finite",
            "line 2, column close");
        row("csv: infinite close", "csv", "bar,close\n0,1\n1,inf\n",
            "close is inf: prices must be finite", "line 3, column close");
        row("csv: number beyond double", "csv", "close\n1e400\n",
            "close is 1e400: the number is out of range", "line 2, column close");
        row("csv: zero close", "csv", "bar,close\n0,1\n1,0\n",
            "close is 0: prices must be greater than 0", "line 3, column close");
        row("csv: negative close", "csv", "bar,close\n0,-3\n",
            "close is -3: prices must be greater than 0", "line 2, column close");
        row("csv: zero open", "csv", "date,open,close\n2024-01-02,0,5\n", "\"0\"",
            "line 2, column open");
        row("csv: negative volume", "csv", "date,close,volume\n2024-01-02,5,-10\n", "\"-10\"",
            "line 2, column volume");
        row("csv: empty close", "csv", "date,close,volume\n2024-01-02, ,3\n", "close is empty",
            "line 2, column close");
        // Accepted since issue 17: with ';' between fields a comma is the
        // decimal separator (European spreadsheets).
        row("csv: decimal comma with semicolons", "csv", "date;close\n2024-01-02;1,5\n",
            "1 bars: close 1.5; time date", "accepted");
        row("csv: decimal comma in a comma file", "csv", "date,close\n2024-01-02,\"1,5\"\n",
            "close is \"1,5\", not a number (use a point as the decimal separator)",
            "line 2, column close");
        row("csv: decimal comma with comma delimiter", "csv", "date,close\n2024-01-02,1,5\n",
            "line has 3 fields but the header has 2", "line 2");

        // ---- price CSV: shape ---------------------------------------------
        row("csv: blank lines are skipped, still counted", "csv",
            "\n\nbar,close\n\n0,1\n   \n1,x\n", "close is \"x\", not a number",
            "line 7, column close");
        row("csv: UTF-8 byte-order mark", "csv",
            "\xEF\xBB\xBF"
            "Date,Close\n2024-01-02,100.5\n",
            "1 bars: close 100.5; time date", "accepted");
        row("csv: CRLF line ends", "csv", "Date,Close\r\n2024-01-02,1\r\n2024-01-03,2\r\n",
            "2 bars: close 1 2; time date", "accepted");
        row("csv: CR-only line ends (classic Mac)", "csv",
            "Date,Close\r2024-01-02,1\r2024-01-03,2\r", "CR-only line ends", "line 1");
        row("csv: line over 1 MiB", "csv",
            bytes("bar,close\n0,1\n1," + string(2u << 20, '7') + "\n"),
            "the line is 2.0 MiB long; a row of prices is at most 1.0 MiB", "line 3");
        // (append, not +, which GCC 12 takes for an out-of-bounds copy here: a
        // false -Warray-bounds)
        row("csv: header over 1 MiB", "csv", bytes(string(1u << 20, 'x').append(",close\n0,1\n")),
            "a row of prices is at most 1.0 MiB", "line 1");
        row("csv: too many fields", "csv", "bar,close\n0,1,2\n",
            "line has 3 fields but the header has 2", "line 2");
        row("csv: too few fields", "csv", "bar,open,high,low,close,volume\n1,2,3,4,5,6\n1,2,3,4\n",
            "line has 4 fields but the header has 6", "line 3");
        row("csv: no close column", "csv", "date,open,value\n2024-01-02,2,3\n",
            "no column named close", "line 1");
        // Accepted since issue 17: investing.com calls its close "Price".
        row("csv: Price is the close", "csv", "date,open,price\n2024-01-02,2,3\n",
            "1 bars: close 3; time date", "accepted");
        row("csv: MetaTrader <CLOSE>", "csv", "<DATE>\t<CLOSE>\n2024.01.02\t3\n",
            "1 bars: close 3; time date", "accepted");
        row("csv: only Adj Close", "csv", "Date,Adj Close\n2024-01-02,5\n", "no column named close",
            "line 1");
        row("csv: no header, one column", "csv", "\n1628.75\n1613.63\n",
            "the file has no header and 1 column", "line 2");
        row("csv: two close columns", "csv", "close,Close\n1,2\n", "two columns named close",
            "line 1");
        row("csv: unclosed quote", "csv", "date,close\n\"2024-01-02,5\n",
            "broken quoting: a quoted field is not closed on this line", "line 2");
        row("csv: text after a closing quote", "csv", "date,close\n2024,\"5\"x\n",
            "broken quoting: unexpected text after a closing quote", "line 2");
        row("csv: quote inside an unquoted field", "csv", "date,close\n2024\"-01-02,5\n",
            "broken quoting: a quote inside an unquoted field", "line 2");
        row("csv: quoted fields", "csv", "\"Date\",\"Close\"\n\"2024-01-02\",\"12.5\"\n",
            "1 bars: close 12.5; time date", "accepted");
        row("csv: semicolon delimiter", "csv", "date;close\n2024-01-02;10\n",
            "1 bars: close 10; time date", "accepted");
        row("csv: NUL byte", "csv", bytes(string("bar,close\n0,1\n1,\0\n", 17)),
            "not a text file (binary data at line 3)", "file");
        row("csv: invalid UTF-8", "csv", "bar,close\n0,1\n1,2\n\xC3\x28,3\n",
            "not a text file (binary data at line 4)", "file");
        // Accepted since issue 17: UTF-16 is converted.
        row("csv: UTF-16 text", "csv",
            bytes(string("\xFF\xFE"
                         "c\0l\0o\0s\0e\0\n\0"
                         "1\0\n\0",
                         16)),
            "1 bars: close 1; time none", "accepted");
        row("csv: UTF-16 text cut short", "csv",
            bytes(string("\xFF\xFE"
                         "c\0l\0o",
                         7)),
            "UTF-16 text has an even number of bytes", "file");
        row("csv: empty file", "csv", "", "no price rows: the file is empty", "file");
        row("csv: only blank lines", "csv", "\n  \r\n\n", "no price rows: the file is empty",
            "file");
        row("csv: header only", "csv", "date,close\r\n\r\n",
            "no price rows: the file has a header but no data", "file");

        // ---- price CSV: times ---------------------------------------------
        row("csv: February 30", "csv", "date,close\n2024-02-29,1\n2024-02-30,2\n",
            "\"2024-02-30\" is not a date", "line 3, column date");
        row("csv: February 29 of a common year", "csv", "date,close\n2023-02-29,1\n",
            "\"2023-02-29\" is not a date", "line 2, column date");
        row("csv: month 13", "csv", "date,close\n2024-13-01,1\n", "\"2024-13-01\" is not a date",
            "line 2, column date");
        row("csv: hour 24", "csv", "datetime,close\n2024-01-02T24:00:00,1\n", "is not a date-time",
            "line 2, column datetime");
        // Read since issue 17 (DD.MM.YYYY); before, the bars had no time.
        row("csv: a date that is not ISO", "csv", "date,close\n02.01.2024,1\n03.01.2024,2\n",
            "2 bars: close 1 2; time date", "accepted");
        row("csv: a time column that cannot be read", "csv", "date,close\nJan 2 2024,1\n",
            "column \"date\" cannot be read as time: \"Jan 2 2024\"", "line 2, column date");
        row("csv: day and month cannot be told apart", "csv",
            "date,close\n01/02/2024,1\n03/04/2024,2\n",
            "2024-02-01 read as DD/MM/YYYY and 2024-01-02 read as MM/DD/YYYY; say which with "
            "--date-order dmy",
            "line 2, column date");
        row("csv: exact repeat of a row", "csv", "date,close\n2024-01-02,1\n2024-01-02,1\n",
            "1 bars: close 1; time date; warning: 1 row was skipped: an exact repeat", "accepted");
        row("csv: empty time", "csv", "date,close\n2024-01-02,1\n,2\n", "the field is empty",
            "line 3, column date");
        row("csv: duplicate timestamps", "csv", "date,close\n2024-01-02,1\n2024-01-02,2\n",
            "the time 2024-01-02 appears on lines 2 and 3", "line 3, column date");
        row("csv: unsorted timestamps", "csv",
            "date,close\n2024-01-03,3\n2024-01-02,2\n2024-01-04,4\n",
            "3 bars: close 2 3 4; time date; warning: 1 row", "accepted");
        row("csv: epoch seconds then milliseconds", "csv",
            "time,close\n1700000000,1\n1700000060000,2\n",
            "is in milliseconds but the first time (line 2) is in seconds", "line 3, column time");
        row("csv: epoch before 1973", "csv", "time,close\n1700000000,1\n99999,2\n",
            "too small for a Unix time", "line 3, column time");
        row("csv: epoch after 9999", "csv", "time,close\n1700000000000,1\n999999999999999999,2\n",
            "after the year 9999", "line 3, column time");

        // ---- params JSON: syntax --------------------------------------------
        row("params: missing comma", "params", "{\n  \"ema_len\": 28\n  \"hull_len\": 28\n}",
            "expected ',' or '}'", "3:3");
        row("params: trailing comma", "params", "{\"ema_len\": 28,}",
            "expected a key in double quotes", "1:16");
        row("params: trailing garbage", "params", "{\"ema_len\": 28} x", "unexpected content after",
            "1:17");
        row("params: two objects", "params", "{}\n{}", "unexpected content after", "2:1");
        row("params: empty text", "params", "", "expected '{'", "1:1");
        row("params: top level is an array", "params", "[1]", "expected '{'", "1:1");
        row("params: top level is a number", "params", "28", "expected '{'", "1:1");
        row("params: top level is a string", "params", "\"ema_len\"", "expected '{'", "1:1");
        row("params: NaN literal", "params", "{\"La\": NaN}", "expected a value", "1:8");
        row("params: Infinity literal", "params", "{\"La\": Infinity}", "expected a value", "1:8");
        row("params: number beyond double", "params", "{\"La\": 1e400}",
            "the number 1e400 is out of range", "1:8");
        row("params: hexadecimal number", "params", "{\"cutout\": 0x10}",
            "\"0x10\" is not a number: JSON numbers are decimal", "1:12");
        row("params: number with a unit", "params", "{\"ema_len\": 28bars}",
            "\"28bars\" is not a number", "1:13");
        row("params: single-quoted string", "params", "{\"robustness\": 'Wide'}",
            "expected a value", "1:16");
        row("params: comment", "params", "{\"ema_len\": 28 // fast\n}", "expected ',' or '}'",
            "1:16");
        row("params: unclosed string", "params", "{\"robustness\": \"Wide}",
            "a string is not closed (it starts here)", "1:16");
        row("params: deep nesting", "params", bytes("{\"ema_len\": " + string(1000, '[')),
            "nested too deeply", "1:");
        row("params: byte-order mark", "params", "\xEF\xBB\xBF{\"ema_len\": 30}", "\"ema_len\": 30",
            "accepted");

        // ---- params JSON: keys and types ------------------------------------
        row("params: unknown key", "params", "{\"ema_length\": 28}", "unknown key \"ema_length\"",
            "key ema_length");
        row("params: key in the wrong case", "params", "{\"la\": 0.1}", "did you mean \"La\"?",
            "key la");
        row("params: duplicate key", "params", "{\n\"cutout\": 1,\n\"cutout\": 2}",
            "duplicate key \"cutout\" (first given on line 2)", "key cutout");
        row("params: string for a length", "params", "{\"hull_len\": \"28\"}",
            "hull_len must be a whole number, not a string", "key hull_len");
        row("params: fraction for a length", "params", "{\"ema_len\": 28.5}",
            "ema_len = 28.5 is not a whole number", "key ema_len");
        row("params: whole number written as a fraction", "params", "{\"ema_len\": 30.0}",
            "\"ema_len\": 30", "accepted");
        row("params: bool for a length", "params", "{\"wma_len\": true}",
            "wma_len must be a whole number, not true/false", "key wma_len");
        row("params: null for a length", "params", "{\"kama_len\": null}",
            "kama_len must be a whole number, not null", "key kama_len");
        row("params: array for a length", "params", "{\"dema_len\": [28]}",
            "dema_len must be a whole number, not an array", "key dema_len");
        row("params: length beyond int", "params", "{\"ema_len\": 1e10}",
            "ema_len = 1e10 is out of range", "key ema_len");
        row("params: string for a weight", "params", "{\"hma_w\": \"heavy\"}",
            "hma_w must be a number, not a string", "key hma_w");
        row("params: bool for a threshold", "params", "{\"long_threshold\": false}",
            "must be a number, not true/false", "key long_threshold");
        row("params: number for strategy_mode", "params", "{\"strategy_mode\": 1}",
            "must be true or false, not a number", "key strategy_mode");
        row("params: unknown robustness", "params", "{\"robustness\": \"Huge\"}",
            "use one of \"Narrow\", \"Medium\", \"Wide\"", "key robustness");
        row("params: robustness in lower case", "params", "{\"robustness\": \"wide\"}",
            "\"robustness\": \"Wide\"", "accepted");
        row("params: unknown profile", "params", "{\"profile\": \"tradingview\"}",
            "use one of \"reference\", \"pine\"", "key profile");

        // ---- params JSON: ranges --------------------------------------------
        row("params: zero length", "params", "{\"ema_len\": 0}", "ema_len = 0 is out of range",
            "key ema_len");
        row("params: negative length", "params", "{\"lsma_len\": -28}",
            "lsma_len = -28 is out of range", "key lsma_len");
        row("params: length too short for its offsets", "params", "{\"hull_len\": 6}",
            "the allowed range is 7 to 100000 bars", "key hull_len");
        row("params: length over the maximum", "params", "{\"ema_len\": 100001}",
            "the allowed range is 7 to 100000 bars", "key ema_len");
        row("params: zero weight", "params", "{\"dema_w\": 0}",
            "dema_w = 0 is invalid: an initial weight must be a finite number greater than 0",
            "key dema_w");
        row("params: negative weight", "params", "{\"kama_w\": -1.5}", "greater than 0",
            "key kama_w");
        row("params: De over 100", "params", "{\"De\": 100.5}", "allowed 0 to 100", "key De");
        row("params: negative De", "params", "{\"De\": -0.1}", "allowed 0 to 100", "key De");
        row("params: negative cutout", "params", "{\"cutout\": -1}", "must be 0 or more",
            "key cutout");
        row("params: fractional cutout", "params", "{\"cutout\": 2.5}",
            "cutout = 2.5 is not a whole number", "key cutout");
        row("params: thresholds crossed", "params",
            "{\"long_threshold\": -0.2, \"short_threshold\": 0.2}",
            "long_threshold (-0.2) must be greater than short_threshold (0.2)",
            "key long_threshold");
        row("params: thresholds equal", "params",
            "{\"long_threshold\": 0.1, \"short_threshold\": 0.1}",
            "long_threshold (0.1) must be greater than short_threshold (0.1)",
            "key long_threshold");

        // ---- parameters against a series of 100 bars ------------------------
        row("compute: cutout beyond the series", "compute", "{\"cutout\": 100}",
            "cutout = 100 leaves no bars: the series has only 100 bars, so cutout must be at "
            "most 99",
            "key cutout");
        row("compute: La whose growth overflows", "compute", "{\"La\": 10000}",
            "La (growth) = 10000 is too large for 100 bars", "key La");
        row("params: huge La is finite, so the JSON is fine", "params", "{\"La\": 1e308}",
            "\"La\": 1e+308", "accepted");
        row("compute: lengths beyond the series (NaN warm-up)", "compute",
            "{\"ema_len\": 500, \"hull_len\": 500, \"wma_len\": 500, \"dema_len\": 500, "
            "\"lsma_len\": 500, \"kama_len\": 500}",
            "computed 100 bars", "accepted");
        row("compute: longest length allowed", "compute", "{\"kama_len\": 100000}",
            "computed 100 bars", "accepted");

        // ---- result cache blobs -------------------------------------------
        const Blobs blobs = valid_blobs();
        row("result blob: intact", "result blob", blobs.result, "60 bars", "accepted");
        row("result blob: empty", "result blob", QByteArray(), "cached result:", "blob");
        row("result blob: not a blob", "result blob", "hello, I am text, not a cached result",
            "cached result:", "blob");
        row("result blob: truncated to half", "result blob",
            blobs.result.left(blobs.result.size() / 2), "cached result:", "blob");
        row("result blob: last byte missing", "result blob", blobs.result.chopped(1),
            "cached result:", "blob");
        row("result blob: one extra byte", "result blob", blobs.result + QByteArray(1, '\0'),
            "cached result:", "blob");
        row("result blob: wrong magic", "result blob", with_byte(blobs.result, 0, 'X'),
            "cached result:", "blob");
        row("result blob: newer format version", "result blob", with_byte(blobs.result, 4, 9),
            "cached result:", "blob");
        row("result blob: bar count garbled", "result blob", with_byte(blobs.result, 15, 0x7f),
            "cached result:", "blob");
        row("result blob: one value flipped", "result blob",
            with_byte(blobs.result, blobs.result.size() / 2,
                      static_cast<char>(blobs.result[blobs.result.size() / 2] ^ 0x40)),
            "checksum", "blob");
        row("scan blob: intact", "scan blob", blobs.scan, "60 bars", "accepted");
        row("scan blob: truncated", "scan blob", blobs.scan.chopped(3), "cached result:", "blob");
        row("scan blob: a result blob", "scan blob", blobs.result, "cached result:", "blob");
        row("scan blob: checksum flipped", "scan blob",
            with_byte(blobs.scan, blobs.scan.size() - 1,
                      static_cast<char>(blobs.scan[blobs.scan.size() - 1] ^ 0x01)),
            "checksum", "blob");

        // ---- the database file ----------------------------------------------
        const QByteArray database = valid_database();
        row("database: intact", "database", database, "opened", "accepted");
        row("database: empty file (SQLite's empty database)", "database", QByteArray(), "opened",
            "accepted");
        row("database: a text file", "database", "date,close\n2024-01-02,1\n", "not a database",
            "moved aside");
        row("database: truncated to half", "database", database.left(database.size() / 2), "",
            "moved aside");
        row("database: header overwritten", "database", QByteArray(100, 'x') + database.mid(100),
            "not a database", "moved aside");
    }

    void table() {
        QFETCH(QString, reader);
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        QFETCH(QString, place);
        const Outcome outcome = run_reader(reader, input);
        const QString text = QString::fromStdString(outcome.text);
        QVERIFY2(text.contains(expected), qPrintable(QStringLiteral("got: ") + text));
        QVERIFY2(QString::fromStdString(outcome.place).startsWith(place),
                 qPrintable(QStringLiteral("named ") + QString::fromStdString(outcome.place) +
                            QStringLiteral(" (") + text + QStringLiteral(")")));
        QCOMPARE(outcome.accepted, place == QLatin1String("accepted"));
    }
};

QTEST_GUILESS_MAIN(TestBadInputs)
#include "test_bad_inputs.moc"
