// End-to-end tests of the `atc` command line program: they run the built binary
// (ATC_CLI_PATH) with QProcess, as a user or a script would, and check exit codes,
// messages and output files.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Run {
    int exit_code = -1;
    QByteArray out;
    QByteArray err;
};

// Runs atc with `args`. A crash or hang is reported as a test failure by the caller
// through `crashed`, since QProcess's exit code means nothing then.
// The database every run uses unless it passes --db: a throwaway file, so the
// tests never touch the user's own store (ATC_DB overrides the default location).
QString sandbox_database() {
    static QTemporaryDir dir;
    return dir.filePath(QStringLiteral("sandbox.sqlite"));
}

Run run_atc(const QStringList& args, bool* crashed) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ATC_DB"), sandbox_database());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ATC_CLI_PATH), args);
    Run r;
    const bool started = p.waitForStarted(30000);
    const bool finished = started && p.waitForFinished(300000);
    if (!finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    *crashed = !finished || p.exitStatus() != QProcess::NormalExit;
    r.exit_code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

#define RUN_ATC(result, ...)                                                             \
    do {                                                                                 \
        bool crashed_ = false;                                                           \
        result = run_atc(QStringList{__VA_ARGS__}, &crashed_);                           \
        QVERIFY2(!crashed_, qPrintable(QStringLiteral("atc crashed or hung; stderr: ") + \
                                       QString::fromUtf8(result.err)));                  \
    } while (false)

QByteArray read_all(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return f.readAll();
}

bool write_all(const QString& path, const QByteArray& data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

struct Table {
    QList<QByteArray> header;
    std::vector<QList<QByteArray>> rows;
};

// The output CSV is plain (no quoting), so a split on ',' is exact.
Table parse_csv(const QByteArray& text) {
    Table t;
    QList<QByteArray> lines = text.split('\n');
    while (!lines.isEmpty() && lines.back().isEmpty()) {
        lines.removeLast();
    }
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        if (i == 0) {
            t.header = line.split(',');
        } else {
            t.rows.push_back(line.split(','));
        }
    }
    return t;
}

// Exact decimal-to-double conversion, as the golden README asks.
bool to_double(const QByteArray& field, double* v) {
    const std::string s = field.toStdString();
    char* end = nullptr;
    *v = std::strtod(s.c_str(), &end);
    return !s.empty() && end == s.c_str() + s.size();
}

const char* const kExpectedHeader =
    "bar,EMA_Signal,HMA_Signal,WMA_Signal,DEMA_Signal,LSMA_Signal,KAMA_Signal,"
    "EMA_S,HMA_S,WMA_S,DEMA_S,LSMA_S,KAMA_S,Average_Signal";

// Compares a computed table with a golden one. Returns an empty string when they
// agree within the spec's tolerances, else a description of the first difference.
QString compare_with_golden(const Table& ours, const Table& ref) {
    if (ours.header != ref.header) {
        return QStringLiteral("header differs: ") + QString::fromUtf8(ours.header.join(','));
    }
    if (ours.rows.size() != ref.rows.size()) {
        return QStringLiteral("%1 rows, expected %2").arg(ours.rows.size()).arg(ref.rows.size());
    }
    for (std::size_t r = 0; r < ref.rows.size(); ++r) {
        const auto& a = ours.rows[r];
        const auto& b = ref.rows[r];
        if (a.size() != b.size()) {
            return QStringLiteral("row %1: %2 fields, expected %3")
                .arg(r)
                .arg(a.size())
                .arg(b.size());
        }
        for (qsizetype c = 0; c < b.size(); ++c) {
            const QString where = QStringLiteral("row %1, column %2: got '%3', expected '%4'")
                                      .arg(r)
                                      .arg(QString::fromUtf8(ref.header[c]),
                                           QString::fromUtf8(a[c]), QString::fromUtf8(b[c]));
            if (b[c].isEmpty() || a[c].isEmpty()) {
                if (a[c].isEmpty() != b[c].isEmpty()) {
                    return where + QStringLiteral(" (NaN placement)");
                }
                continue;
            }
            double x = 0;
            double y = 0;
            if (!to_double(a[c], &x) || !to_double(b[c], &y)) {
                return where + QStringLiteral(" (not a number)");
            }
            const bool layer1 =
                ref.header[c].endsWith("_Signal") && ref.header[c] != "Average_Signal";
            const double tol = c == 0 ? 0.0 : layer1 ? 1e-12 : 1e-9 * std::max(1.0, std::fabs(y));
            if (!(std::fabs(x - y) <= tol)) {
                return where + QStringLiteral(" (difference %1)").arg(x - y, 0, 'g', 3);
            }
        }
    }
    return {};
}

QString golden_dir() {
    return QStringLiteral(ATC_GOLDEN_DIR);
}
QString sample_dir() {
    return QStringLiteral(ATC_SAMPLE_DIR);
}

// One data row of a scan table.
struct ScanLine {
    QString section;  // "LONG" or "SHORT"
    int rank = 0;
    QString symbol;
    double signal = 0;
    QString signal_text;
    long long bars = 0;
};

// Reads the LONG and SHORT tables of `atc scan` back: a section starts at its
// title line, its rows start with the rank, and it ends at an empty line.
std::vector<ScanLine> parse_scan(const QByteArray& out) {
    std::vector<ScanLine> lines;
    QString section;
    for (const QString& raw : QString::fromUtf8(out).split('\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("FLAT"))) {
            section.clear();
        } else if (line.startsWith(QLatin1String("LONG"))) {
            section = QStringLiteral("LONG");
        } else if (line.startsWith(QLatin1String("SHORT"))) {
            section = QStringLiteral("SHORT");
        } else if (!section.isEmpty() && line.front().isDigit()) {
            const QStringList f = line.split(QRegularExpression(QStringLiteral("\\s+")));
            if (f.size() >= 5) {
                ScanLine s;
                s.section = section;
                s.rank = f[0].toInt();
                s.symbol = f[1];
                s.signal_text = f[2];
                s.signal = f[2].toDouble();
                s.bars = f[4].toLongLong();
                lines.push_back(s);
            }
        }
    }
    return lines;
}

int count_tokens(const QByteArray& text, const QString& token) {
    const QStringList tokens = QString::fromUtf8(text).split(
        QRegularExpression(QStringLiteral("[\\s,():]+")), Qt::SkipEmptyParts);
    return static_cast<int>(tokens.count(token));
}

const QStringList kSampleSymbols = {QStringLiteral("CAC"), QStringLiteral("DAX"),
                                    QStringLiteral("FTSE"), QStringLiteral("SMI"),
                                    QStringLiteral("TTRC")};

// Copies the bundled sample files into `dir`; FTSE with an upper-case extension,
// since the scan must match *.csv case-insensitively.
bool copy_samples(const QString& dir) {
    for (const QString& s : kSampleSymbols) {
        const QString target =
            s == QLatin1String("FTSE") ? s + QStringLiteral(".CSV") : s + QStringLiteral(".csv");
        if (!QFile::copy(sample_dir() + '/' + s + QStringLiteral(".csv"), dir + '/' + target)) {
            return false;
        }
    }
    return true;
}

const QByteArray kPrevious = "previous content, must survive a failed run\n";

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(QStringLiteral(ATC_CLI_PATH)),
                 "the atc program is not built; build target atc before test_cli");
    }

    void versionMatchesProject() {
        // The version the project declares in its top-level CMakeLists.txt.
        const QByteArray cmake = read_all(sample_dir() + QStringLiteral("/../../CMakeLists.txt"));
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("project\\s*\\(\\s*\\w+\\s+VERSION\\s+([0-9.]+)"))
                .match(QString::fromUtf8(cmake));
        QVERIFY2(m.hasMatch(), "no project(... VERSION x.y.z) in the top-level CMakeLists.txt");
        Run r;
        RUN_ATC(r, QStringLiteral("--version"));
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.out.contains(m.captured(1).toUtf8()), r.out.constData());
    }

    void helpAndUsageErrors() {
        Run r;
        RUN_ATC(r, QStringLiteral("--help"));
        QCOMPARE(r.exit_code, 0);
        QVERIFY(r.out.contains("compute"));
        QVERIFY(r.out.contains("scan"));

        RUN_ATC(r, QStringLiteral("help"), QStringLiteral("compute"));
        QCOMPARE(r.exit_code, 0);
        QVERIFY(r.out.contains("--csv"));
        QVERIFY(r.out.contains("--out"));

        RUN_ATC(r, QStringLiteral("help"), QStringLiteral("scan"));
        QCOMPARE(r.exit_code, 0);
        QVERIFY(r.out.contains("--csv-dir"));
        QVERIFY(r.out.contains("--min-signal"));

        RUN_ATC(r, QStringLiteral("frobnicate"));
        QCOMPARE(r.exit_code, 2);
        QVERIFY(r.err.contains("frobnicate"));
        QVERIFY(r.err.contains("Usage"));
        QVERIFY(r.out.isEmpty());

        RUN_ATC(r);
        QCOMPARE(r.exit_code, 2);
        QVERIFY(r.err.contains("Usage"));

        RUN_ATC(r, QStringLiteral("--frobnicate"));
        QCOMPARE(r.exit_code, 2);
        QVERIFY(r.err.contains("--frobnicate"));

        RUN_ATC(r, QStringLiteral("help"), QStringLiteral("frobnicate"));
        QCOMPARE(r.exit_code, 2);

        RUN_ATC(r, QStringLiteral("compute"), QStringLiteral("--bogus"), QStringLiteral("x"));
        QCOMPARE(r.exit_code, 2);
        QVERIFY(r.err.contains("--bogus"));
        QVERIFY(r.err.contains("Usage"));

        // A required option left out is named.
        RUN_ATC(r, QStringLiteral("compute"), QStringLiteral("--out"), QStringLiteral("-"));
        QCOMPARE(r.exit_code, 2);
        QVERIFY(r.err.contains("--csv"));

        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--csv-dir"), QStringLiteral("x"),
                QStringLiteral("--db"), QStringLiteral("y.sqlite"));
        QCOMPARE(r.exit_code, 2);
        QVERIFY(r.err.contains("--csv-dir and --db"));

        RUN_ATC(r, QStringLiteral("import"));
        QCOMPARE(r.exit_code, 2);
        QVERIFY(r.err.contains("no file to import"));
    }

    void computeMatchesGolden_data() {
        QTest::addColumn<QString>("caseDir");
        const QStringList cases = QDir(golden_dir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString& c : cases) {
            if (QFileInfo::exists(golden_dir() + '/' + c + QStringLiteral("/expected.csv"))) {
                QTest::newRow(qPrintable(c)) << golden_dir() + '/' + c;
            }
        }
        QVERIFY2(cases.size() >= 6, "golden cases missing");
    }

    void computeMatchesGolden() {
        QFETCH(QString, caseDir);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString out = tmp.filePath(QStringLiteral("signals.csv"));
        Run r;
        RUN_ATC(r, QStringLiteral("compute"), QStringLiteral("--csv"), caseDir + "/input.csv",
                QStringLiteral("--params"), caseDir + "/params.json", QStringLiteral("--out"), out);
        QVERIFY2(r.exit_code == 0, r.err.constData());
        QVERIFY(r.out.isEmpty());  // the table went to the file, nothing to stdout

        const QByteArray text = read_all(out);
        QVERIFY(text.startsWith(QByteArray(kExpectedHeader) + '\n'));
        const QString diff =
            compare_with_golden(parse_csv(text), parse_csv(read_all(caseDir + "/expected.csv")));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void computeWithoutParamsUsesDefaults() {
        // dax_default's params.json holds the defaults; leaving it out must not matter.
        const QString c = golden_dir() + QStringLiteral("/dax_default");
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString out = tmp.filePath(QStringLiteral("signals.csv"));
        Run r;
        RUN_ATC(r, QStringLiteral("compute"), QStringLiteral("--csv"), c + "/input.csv",
                QStringLiteral("--out"), out);
        QVERIFY2(r.exit_code == 0, r.err.constData());
        const QString diff =
            compare_with_golden(parse_csv(read_all(out)), parse_csv(read_all(c + "/expected.csv")));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void computeToStdoutEqualsFile() {
        const QString c = golden_dir() + QStringLiteral("/short_series");
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString out = tmp.filePath(QStringLiteral("signals.csv"));
        Run file_run;
        RUN_ATC(file_run, QStringLiteral("compute"), QStringLiteral("--csv"), c + "/input.csv",
                QStringLiteral("--params"), c + "/params.json", QStringLiteral("--out"), out);
        QCOMPARE(file_run.exit_code, 0);
        Run stdout_run;
        RUN_ATC(stdout_run, QStringLiteral("compute"), QStringLiteral("--csv"), c + "/input.csv",
                QStringLiteral("--params"), c + "/params.json", QStringLiteral("--out=-"));
        QCOMPARE(stdout_run.exit_code, 0);
        QVERIFY(!stdout_run.out.isEmpty());
        QCOMPARE(stdout_run.out, read_all(out));
        QVERIFY(!QFileInfo::exists(QStringLiteral("-")) || QFileInfo(QStringLiteral("-")).isDir());
    }

    void computeAcceptsBomAndCrlf() {
        const QString c = golden_dir() + QStringLiteral("/dax_default");
        QByteArray plain = read_all(c + "/input.csv");
        QVERIFY(!plain.isEmpty());
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QByteArray windows = plain;
        windows.replace("\r\n", "\n");
        windows.replace("\n", "\r\n");
        windows.prepend("\xEF\xBB\xBF");
        QVERIFY(write_all(tmp.filePath(QStringLiteral("windows.csv")), windows));

        Run a;
        RUN_ATC(a, QStringLiteral("compute"), QStringLiteral("--csv"), c + "/input.csv",
                QStringLiteral("--out"), QStringLiteral("-"));
        QCOMPARE(a.exit_code, 0);
        Run b;
        RUN_ATC(b, QStringLiteral("compute"), QStringLiteral("--csv"),
                tmp.filePath(QStringLiteral("windows.csv")), QStringLiteral("--out"),
                QStringLiteral("-"));
        QVERIFY2(b.exit_code == 0, b.err.constData());
        QCOMPARE(b.out, a.out);
    }

    void malformedCsvLeavesOutputUntouched() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString csv = tmp.filePath(QStringLiteral("broken_prices.csv"));
        // Line 4 (the header is line 1) has a close that is not a number.
        QVERIFY(write_all(csv, "bar,close\n0,100.5\n1,101.25\n2,abc\n3,102\n"));
        const QString out = tmp.filePath(QStringLiteral("signals.csv"));
        QVERIFY(write_all(out, kPrevious));

        Run r;
        RUN_ATC(r, QStringLiteral("compute"), QStringLiteral("--csv"), csv, QStringLiteral("--out"),
                out);
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.startsWith("atc compute: "), r.err.constData());
        QVERIFY2(r.err.contains("broken_prices.csv:4"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);  // one line
        QCOMPARE(read_all(out), kPrevious);
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files).size(), 2);  // no stray temp file
    }

    void missingInputFileIsReported() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString out = tmp.filePath(QStringLiteral("signals.csv"));
        Run r;
        RUN_ATC(r, QStringLiteral("compute"), QStringLiteral("--csv"),
                tmp.filePath(QStringLiteral("no_such_file.csv")), QStringLiteral("--out"), out);
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.contains("no_such_file.csv"), r.err.constData());
        QVERIFY(!QFileInfo::exists(out));
    }

    void invalidSeriesForParamsIsReported() {
        // cutout must be below the number of bars: a problem only the series reveals.
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString params = tmp.filePath(QStringLiteral("params.json"));
        QVERIFY(write_all(params, "{ \"cutout\": 5000 }"));
        const QString out = tmp.filePath(QStringLiteral("signals.csv"));
        QVERIFY(write_all(out, kPrevious));
        Run r;
        RUN_ATC(r, QStringLiteral("compute"), QStringLiteral("--csv"),
                golden_dir() + QStringLiteral("/short_series/input.csv"),
                QStringLiteral("--params"), params, QStringLiteral("--out"), out);
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.startsWith("atc compute: "), r.err.constData());
        QVERIFY2(r.err.contains("cutout"), r.err.constData());
        QCOMPARE(read_all(out), kPrevious);
    }

    void unwritableOutputIsReported() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString out = tmp.filePath(QStringLiteral("no_such_dir/signals.csv"));
        Run r;
        RUN_ATC(r, QStringLiteral("compute"), QStringLiteral("--csv"),
                golden_dir() + QStringLiteral("/short_series/input.csv"), QStringLiteral("--out"),
                out);
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.startsWith("atc compute: "), r.err.constData());
        QVERIFY(!QFileInfo::exists(out));
    }

    void badParamsLeaveOutputUntouched_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArrayList>("mustMention");
        QTest::newRow("unknown key") << QByteArray("{ \"ema_len\": 28, \"lambda_typo\": 1 }")
                                     << QByteArrayList{"lambda_typo"};
        QTest::newRow("De out of range")
            << QByteArray("{ \"De\": 150 }") << QByteArrayList{"De", "100"};
        QTest::newRow("wrong type")
            << QByteArray("{ \"hull_len\": \"long\" }") << QByteArrayList{"hull_len"};
        QTest::newRow("bad robustness")
            << QByteArray("{ \"robustness\": \"Huge\" }") << QByteArrayList{"robustness"};
        QTest::newRow("syntax error") << QByteArray("{ \"ema_len\": 28, ") << QByteArrayList{};
    }

    void badParamsLeaveOutputUntouched() {
        QFETCH(QByteArray, json);
        QFETCH(QByteArrayList, mustMention);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString params = tmp.filePath(QStringLiteral("my_params.json"));
        QVERIFY(write_all(params, json));
        const QString out = tmp.filePath(QStringLiteral("signals.csv"));
        QVERIFY(write_all(out, kPrevious));

        Run r;
        RUN_ATC(r, QStringLiteral("compute"), QStringLiteral("--csv"),
                golden_dir() + QStringLiteral("/short_series/input.csv"),
                QStringLiteral("--params"), params, QStringLiteral("--out"), out);
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.startsWith("atc compute: "), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        for (const QByteArray& word : mustMention) {
            QVERIFY2(r.err.contains(word), r.err.constData());
        }
        QCOMPARE(read_all(out), kPrevious);
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files).size(), 2);
    }

    void invalidOptionValuesAreNamed_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("option");
        QTest::newRow("min-signal abc")
            << QStringList{QStringLiteral("--min-signal"), QStringLiteral("abc")}
            << QByteArray("--min-signal");
        QTest::newRow("min-signal negative")
            << QStringList{QStringLiteral("--min-signal"), QStringLiteral("-0.5")}
            << QByteArray("--min-signal");
        QTest::newRow("min-signal trailing text")
            << QStringList{QStringLiteral("--min-signal=0.5x")} << QByteArray("--min-signal");
        QTest::newRow("min-signal missing value")
            << QStringList{QStringLiteral("--min-signal")} << QByteArray("--min-signal");
        QTest::newRow("top zero") << QStringList{QStringLiteral("--top"), QStringLiteral("0")}
                                  << QByteArray("--top");
        QTest::newRow("top not a number")
            << QStringList{QStringLiteral("--top"), QStringLiteral("ten")} << QByteArray("--top");
    }

    void invalidOptionValuesAreNamed() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, option);
        Run r;
        RUN_ATC(r, QStringList{QStringLiteral("scan"), QStringLiteral("--csv-dir"), sample_dir()} +
                       args);
        QVERIFY(r.exit_code != 0);
        QVERIFY2(r.err.contains(option), r.err.constData());
        QVERIFY(r.out.isEmpty());  // refused before scanning anything
    }

    void scanReportsBrokenFileAndRanksTheRest() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QVERIFY(copy_samples(tmp.path()));
        QVERIFY(write_all(tmp.filePath(QStringLiteral("BROKEN.csv")),
                          "date,close\n2020-01-01,10\n2020-01-02,not_a_price\n"));
        QVERIFY(write_all(tmp.filePath(QStringLiteral("notes.txt")), "not a price file\n"));

        Run r;
        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--csv-dir"), tmp.path());
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.contains("skipped"), r.err.constData());
        QVERIFY2(r.err.contains("BROKEN.csv"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);  // only the broken file is reported
        QVERIFY(!r.err.contains("notes.txt"));

        QVERIFY2(r.out.contains("LONG"), r.out.constData());
        QVERIFY2(r.out.contains("SHORT"), r.out.constData());
        QVERIFY(!r.out.contains("BROKEN"));
        QVERIFY(!r.out.contains("notes"));
        for (const QString& s : kSampleSymbols) {
            QVERIFY2(
                count_tokens(r.out, s) == 1,
                qPrintable(s + QStringLiteral(" not listed once:\n") + QString::fromUtf8(r.out)));
        }
        QVERIFY2(r.out.contains("6 symbols scanned"), r.out.constData());
        QVERIFY2(r.out.contains("1 failed"), r.out.constData());

        // The tables agree with `atc compute`: each symbol sits in the table of the
        // sign of its last Average_Signal, with that value and its bar count.
        const std::vector<ScanLine> lines = parse_scan(r.out);
        QMap<QString, ScanLine> by_symbol;
        for (const ScanLine& l : lines) {
            by_symbol.insert(l.symbol, l);
        }
        for (const QString& s : kSampleSymbols) {
            Run c;
            RUN_ATC(c, QStringLiteral("compute"), QStringLiteral("--csv"),
                    sample_dir() + '/' + s + QStringLiteral(".csv"), QStringLiteral("--out"),
                    QStringLiteral("-"));
            QCOMPARE(c.exit_code, 0);
            const Table t = parse_csv(c.out);
            QVERIFY(!t.rows.empty());
            double last = 0;
            QVERIFY(to_double(t.rows.back().back(), &last));
            if (last == 0.0) {
                QVERIFY2(!by_symbol.contains(s), qPrintable(s + QStringLiteral(" is flat")));
                continue;
            }
            QVERIFY2(by_symbol.contains(s), qPrintable(s + QStringLiteral(" missing from tables")));
            const ScanLine& l = by_symbol[s];
            QCOMPARE(l.section, last > 0 ? QStringLiteral("LONG") : QStringLiteral("SHORT"));
            QCOMPARE(l.signal_text, QString::asprintf("%+.3f", last));
            QCOMPARE(l.bars, static_cast<long long>(t.rows.size()));
        }

        // Ranks count 1, 2, ... and strength never increases down a table.
        for (const QString& section : {QStringLiteral("LONG"), QStringLiteral("SHORT")}) {
            int expected_rank = 1;
            double previous = 2.0;
            for (const ScanLine& l : lines) {
                if (l.section != section) {
                    continue;
                }
                QCOMPARE(l.rank, expected_rank++);
                QVERIFY(section == QLatin1String("LONG") ? l.signal > 0 : l.signal < 0);
                QVERIFY(std::fabs(l.signal) <= previous);
                previous = std::fabs(l.signal);
            }
        }
    }

    void scanMinSignalAndTopFilterRows() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QVERIFY(copy_samples(tmp.path()));
        Run all;
        RUN_ATC(all, QStringLiteral("scan"), QStringLiteral("--csv-dir"), tmp.path());
        QVERIFY2(all.exit_code == 0, all.err.constData());  // nothing skipped: success
        QVERIFY(all.err.isEmpty());
        const std::vector<ScanLine> lines = parse_scan(all.out);
        QVERIFY2(lines.size() >= 2, all.out.constData());

        // A threshold halfway between two printed strengths (they differ by at least
        // 0.001 and are rounded to 0.001) splits the rows unambiguously.
        std::vector<double> strengths;
        for (const ScanLine& l : lines) {
            strengths.push_back(std::fabs(l.signal));
        }
        std::sort(strengths.begin(), strengths.end());
        strengths.erase(std::unique(strengths.begin(), strengths.end()), strengths.end());
        QVERIFY2(strengths.size() >= 2, all.out.constData());
        const double threshold = (strengths[0] + strengths[1]) / 2;
        const auto expected_kept =
            std::count_if(lines.begin(), lines.end(),
                          [&](const ScanLine& l) { return std::fabs(l.signal) > threshold; });

        Run some;
        RUN_ATC(some, QStringLiteral("scan"), QStringLiteral("--csv-dir"), tmp.path(),
                QStringLiteral("--min-signal"), QString::number(threshold, 'f', 6));
        QCOMPARE(some.exit_code, 0);
        const std::vector<ScanLine> kept = parse_scan(some.out);
        QCOMPARE(static_cast<long>(kept.size()), static_cast<long>(expected_kept));
        for (const ScanLine& l : kept) {
            QVERIFY(std::fabs(l.signal) > threshold);
        }
        QVERIFY(some.out.contains("5 symbols scanned"));  // totals count every symbol

        Run none;
        RUN_ATC(none, QStringLiteral("scan"), QStringLiteral("--csv-dir"), tmp.path(),
                QStringLiteral("--min-signal"), QStringLiteral("1.5"));
        QCOMPARE(none.exit_code, 0);
        QVERIFY(parse_scan(none.out).empty());
        QVERIFY(none.out.contains("LONG"));
        QVERIFY(none.out.contains("SHORT"));

        Run top;
        RUN_ATC(top, QStringLiteral("scan"), QStringLiteral("--csv-dir"), tmp.path(),
                QStringLiteral("--top"), QStringLiteral("1"));
        QCOMPARE(top.exit_code, 0);
        for (const ScanLine& l : parse_scan(top.out)) {
            QCOMPARE(l.rank, 1);
        }
    }

    void scanWithoutCsvFilesFails() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        Run r;
        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--csv-dir"), tmp.path());
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.startsWith("atc scan: "), r.err.constData());
        QVERIFY2(r.err.contains(tmp.path().toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());

        QVERIFY(write_all(tmp.filePath(QStringLiteral("readme.txt")), "no prices here\n"));
        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--csv-dir"), tmp.path());
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.contains("CSV"), r.err.constData());
        QVERIFY(r.out.isEmpty());

        const QString missing = tmp.filePath(QStringLiteral("no_such_dir"));
        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--csv-dir"), missing);
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.contains(missing.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void scanWithBadParamsFails() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString params = tmp.filePath(QStringLiteral("p.json"));
        QVERIFY(write_all(params, "{ \"De\": 150 }"));
        Run r;
        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--csv-dir"), sample_dir(),
                QStringLiteral("--params"), params);
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.contains("De"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    // First use of a new database loads the bundled data; list shows real
    // series first; a scan of the store ranks them all.
    void newDatabaseIsSeededListedAndScanned() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString db = tmp.filePath(QStringLiteral("fresh/store.sqlite"));
        Run r;
        RUN_ATC(r, QStringLiteral("list"), QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.err.contains("loaded the bundled sample data (5 real series, 500 generated)"),
                 r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 505);
        QVERIFY(lines[1].startsWith("DAX "));
        QVERIFY(lines[5].startsWith("TTRC "));
        QVERIFY(lines[5].contains("1985-01-02"));
        QVERIFY(lines[6].startsWith("GEN-0001 "));
        QVERIFY(lines[6].contains("generated"));

        RUN_ATC(r, QStringLiteral("list"), QStringLiteral("--db"), db);
        QVERIFY2(!r.err.contains("loaded"), "a store with symbols is not seeded again");

        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--db"), db, QStringLiteral("--top"),
                QStringLiteral("3"));
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.out.contains("505 symbols scanned"), r.out.constData());
        QVERIFY2(!r.out.contains("result cache"), "the first scan computes everything");
        const std::vector<ScanLine> first = parse_scan(r.out);
        QVERIFY(!first.empty());

        // The same scan again is answered by the persistent cache, with the same tables.
        Run again;
        RUN_ATC(again, QStringLiteral("scan"), QStringLiteral("--db"), db, QStringLiteral("--top"),
                QStringLiteral("3"));
        QCOMPARE(again.exit_code, 0);
        QVERIFY2(again.out.contains("(505 from the result cache)"), again.out.constData());
        const std::vector<ScanLine> second = parse_scan(again.out);
        QCOMPARE(second.size(), first.size());
        for (std::size_t i = 0; i < first.size(); ++i) {
            QCOMPARE(second[i].symbol, first[i].symbol);
            QCOMPARE(second[i].signal_text, first[i].signal_text);
        }

        // Other parameters miss the cache.
        const QString params = tmp.filePath(QStringLiteral("params.json"));
        QFile file(params);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"La": 0.03})");
        file.close();
        RUN_ATC(again, QStringLiteral("scan"), QStringLiteral("--db"), db,
                QStringLiteral("--params"), params, QStringLiteral("--top"), QStringLiteral("3"));
        QCOMPARE(again.exit_code, 0);
        QVERIFY2(!again.out.contains("result cache"), again.out.constData());
    }

    void importReplacesAndReportsBadFiles() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString db = tmp.filePath(QStringLiteral("store.sqlite"));
        const QString good = tmp.filePath(QStringLiteral("ACME.csv"));
        QVERIFY(write_all(good, "date,close\n2024-01-02,10\n2024-01-03,11\n2024-01-04,12\n"));
        const QString bad = tmp.filePath(QStringLiteral("BROKEN.csv"));
        QVERIFY(write_all(bad, "date,close\n2024-01-02,10\n2024-01-03,-4\n"));
        Run r;
        RUN_ATC(r, QStringLiteral("import"), good, bad, QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.out.contains("imported ACME: 3 bars, 1d"), r.out.constData());
        QVERIFY2(r.err.contains("BROKEN.csv:3"), r.err.constData());
        QVERIFY(r.err.contains("nothing imported from it"));

        RUN_ATC(r, QStringLiteral("list"), QStringLiteral("--db"), db);
        QVERIFY(r.out.contains("\nACME "));
        QVERIFY(!r.out.contains("BROKEN"));

        RUN_ATC(r, QStringLiteral("import"), good, QStringLiteral("--symbol"),
                QStringLiteral("ACME"), QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.out.contains("replaced ACME"), r.out.constData());
    }

    void damagedDatabaseIsMovedAsideAndReported() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString db = tmp.filePath(QStringLiteral("store.sqlite"));
        QVERIFY(write_all(db, QByteArray(8192, 'z')));
        Run r;
        RUN_ATC(r, QStringLiteral("list"), QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.err.contains("was damaged"), r.err.constData());
        const QStringList kept =
            QDir(tmp.path()).entryList({QStringLiteral("store.sqlite.corrupt-*")});
        QCOMPARE(kept.size(), 1);
        QCOMPARE(read_all(tmp.filePath(kept.first())), QByteArray(8192, 'z'));
    }
};

QTEST_MAIN(TestCli)
#include "test_cli.moc"
