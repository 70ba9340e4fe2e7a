// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end tests of the `atc` command line program: they run the built binary
// (ATC_CLI_PATH) with QProcess, as a user or a script would, and check exit codes,
// messages and output files.
#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "../support/minute_bars.hpp"
#include "../support/project_version.hpp"
#include "atc/batch.hpp"
#include "atc/compute_service.hpp"
#include "atc/price_csv.hpp"
#include "atc/store/database.hpp"
#include "atc/store/importer.hpp"
#include "atc/store/symbol_store.hpp"
#include "atc/system/cpu_info.hpp"
#include "atc/version.hpp"

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
// Sets an environment variable for the runs of atc in its scope.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const QByteArray& value) : name_(name) {
        qputenv(name, value);
    }
    ~ScopedEnvironment() { qunsetenv(name_); }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

private:
    const char* name_;
};

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

// A new database in `dir` that `atc list` seeded with the 505 bundled
// symbols; "" when that failed.
QString seeded_database(const QTemporaryDir& dir) {
    const QString db = dir.filePath(QStringLiteral("store.sqlite"));
    bool crashed = false;
    const Run r = run_atc({QStringLiteral("list"), QStringLiteral("--db"), db}, &crashed);
    return !crashed && r.exit_code == 0 ? db : QString();
}

// The chunks `atc scan --db db --no-cache --json` computes in (-1 when it fails).
int computed_chunks(const QString& db) {
    bool crashed = false;
    const Run r = run_atc({QStringLiteral("scan"), QStringLiteral("--db"), db,
                           QStringLiteral("--json"), QStringLiteral("--no-cache")},
                          &crashed);
    if (crashed || r.exit_code != 0)
        return -1;
    return QJsonDocument::fromJson(r.out)
        .object()[QLatin1String("memory")]
        .toObject()[QLatin1String("chunks")]
        .toInt(-1);
}

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
// How `atc scan` names a bar, as the app does: its time (ISO 8601, UTC; the
// date alone for dates) where the series has times, else its label.
QString expected_bar_name(const atc::PriceSeries& series, std::size_t bar) {
    if (series.time_ms.empty())
        return QString::fromStdString(std::string(series.labels.at(bar)));
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(series.time_ms.at(bar), QTimeZone::utc());
    return time.toString(series.time_kind == atc::TimeKind::Date
                             ? QStringLiteral("yyyy-MM-dd")
                             : QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

// `atc scan --db DB --json` (with --no-cache unless `use_cache`): its exit
// code (-1 if it crashed) and its JSON.
std::pair<int, QJsonObject> scan_db_json(const QString& db, bool use_cache) {
    QStringList args{QStringLiteral("scan"), QStringLiteral("--db"), db, QStringLiteral("--json")};
    if (!use_cache)
        args << QStringLiteral("--no-cache");
    bool crashed = false;
    const Run run = run_atc(args, &crashed);
    return {crashed ? -1 : run.exit_code, QJsonDocument::fromJson(run.out).object()};
}

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

QByteArray read_proc(const QString& path) {
    // /proc files report size 0: read to the end, not by size.
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        return {};
    }
    QByteArray all;
    for (QByteArray chunk = f.read(65536); !chunk.isEmpty(); chunk = f.read(65536)) {
        all += chunk;
    }
    return all;
}

QStringList json_strings(const QJsonValue& array) {
    QStringList out;
    for (const QJsonValue& v : array.toArray()) {
        out << v.toString();
    }
    return out;
}

// "cpu.model", "gpu.devices", ...: the keys of an object and of its objects.
QStringList json_key_paths(const QJsonObject& object, const QString& prefix = {}) {
    QStringList out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + '.' + it.key();
        if (it.value().isObject()) {
            out += json_key_paths(it.value().toObject(), path);
        } else {
            out << path;
        }
    }
    return out;
}

QString direction_text(atc::Direction d) {
    return d == atc::Direction::Long    ? QStringLiteral("long")
           : d == atc::Direction::Short ? QStringLiteral("short")
                                        : QStringLiteral("flat");
}

// The --timeframe tests' data. M1: one-minute bars over about 333 hours with
// gaps; its last hour is unfinished (the bars stop at :36), so its last 1h and
// 4h bars are forming. M3: three-minute bars. D1: daily bars.
const std::vector<atc::test::TestBar>& m1_bars() {
    static const std::vector<atc::test::TestBar> bars =
        atc::test::random_bars(20'017, atc::test::kMinuteMs);
    return bars;
}
const std::vector<atc::test::TestBar>& m3_bars() {
    static const std::vector<atc::test::TestBar> bars =
        atc::test::random_bars(2'000, 3 * atc::test::kMinuteMs, atc::test::k2024Ms, 3);
    return bars;
}
const std::vector<atc::test::TestBar>& d1_bars() {
    static const std::vector<atc::test::TestBar> bars =
        atc::test::random_bars(300, atc::test::kDayMs, atc::test::k2024Ms, 1);
    return bars;
}

// Writes M1.csv, M3.csv and D1.csv into `dir`.
bool write_timeframe_files(const QString& dir) {
    return write_all(dir + QStringLiteral("/M1.csv"), atc::test::bars_csv(m1_bars())) &&
           write_all(dir + QStringLiteral("/M3.csv"), atc::test::bars_csv(m3_bars())) &&
           write_all(dir + QStringLiteral("/D1.csv"), atc::test::bars_csv(d1_bars()));
}

// A database holding M1, M3 and D1 alone (no bundled samples), imported from
// the files in `dir`; its path, or "" when it could not be made.
QString make_timeframe_store(const QString& dir) {
    if (!write_timeframe_files(dir))
        return {};
    const QString db = dir + QStringLiteral("/timeframes.sqlite");
    atc::store::Database database = atc::store::Database::open(db.toStdString());
    atc::store::SymbolStore store(database);
    for (const char* name : {"M1", "M3", "D1"})
        atc::store::import_csv_file(store,
                                    (dir + '/' + name + QStringLiteral(".csv")).toStdString());
    return db;
}

// Checks an exported CSV against the expected bars, value for value.
QString compare_bars(const QByteArray& csv, const std::vector<atc::test::TestBar>& expected) {
    const Table t = parse_csv(csv);
    if (t.rows.size() != expected.size())
        return QStringLiteral("%1 bars, expected %2").arg(t.rows.size()).arg(expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const atc::test::TestBar& e = expected[i];
        const QList<QByteArray>& row = t.rows[i];
        const double want[] = {e.open, e.high, e.low, e.close, e.volume};
        bool same = row.size() == 6 && row[0] == atc::test::iso_time(e.time_ms);
        for (qsizetype c = 1; same && c < 6; ++c) {
            double v = 0;
            same = to_double(row[c], &v) && v == want[c - 1];
        }
        if (!same)
            return QStringLiteral("bar %1: got '%2', expected time %3")
                .arg(i)
                .arg(QString::fromUtf8(row.join(',')),
                     QString::fromUtf8(atc::test::iso_time(e.time_ms)));
    }
    return {};
}

// The JSON object of `atc scan --json`'s rows and errors, by symbol.
QMap<QString, QJsonObject> by_symbol(const QJsonValue& array) {
    QMap<QString, QJsonObject> out;
    for (const QJsonValue& v : array.toArray())
        out.insert(v.toObject().value(QStringLiteral("symbol")).toString(), v.toObject());
    return out;
}

// The chunks of a CPU scan of `symbols` without a memory limit that binds.
int cpuScanChunks(int symbols) {
    const int chunk = static_cast<int>(atc::kCpuScanChunk);
    return (symbols + chunk - 1) / chunk;
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(QStringLiteral(ATC_CLI_PATH)),
                 "the atc program is not built; build target atc before test_cli");
    }

    // `atc --version` (and -V) prints exactly the version of the top-level
    // CMakeLists.txt's project(), the one place it is set.
    void versionMatchesProject() {
        const QString version = atc::test::cmake_project_version();
        QVERIFY2(!version.isEmpty(),
                 "no project(... VERSION x.y.z) in the top-level CMakeLists.txt");
        for (const QString& option : {QStringLiteral("--version"), QStringLiteral("-V")}) {
            Run r;
            RUN_ATC(r, option);
            QCOMPARE(r.exit_code, 0);
            QCOMPARE(QString::fromUtf8(r.out),
                     QStringLiteral("atc (ATC Studio) %1\n").arg(version));
        }
    }

    // `atc` stays a small command line tool: no Qt at all (the reports, which
    // draw with Qt Charts and Widgets, run in atc-report-render). Read from
    // the program's ELF dynamic section: the libraries it asks the loader for.
    // atc links no Qt (the reports' drawing is atc-report-render's), and no
    // libcurl: downloads load it when they start (feeds/curl_library.hpp),
    // so the other commands do not map its TLS stack.
    void atcLinksNoQt() {
        const QString readelf = QStandardPaths::findExecutable(QStringLiteral("readelf"));
        if (readelf.isEmpty())
            QSKIP("readelf (binutils) is not installed: cannot read what atc links");
        QProcess p;
        p.start(readelf, {QStringLiteral("-d"), QStringLiteral(ATC_CLI_PATH)});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString dynamic = QString::fromUtf8(p.readAllStandardOutput());
        QStringList needed;
        const QRegularExpression entry(QStringLiteral("\\(NEEDED\\).*\\[(.+)\\]"));
        for (auto it = entry.globalMatch(dynamic); it.hasNext();)
            needed << it.next().captured(1);
        QVERIFY2(needed.contains(QStringLiteral("libc.so.6")), qPrintable(dynamic));
        for (const QString& library : needed)
            QVERIFY2(!library.startsWith(QStringLiteral("libQt")) &&
                         !library.startsWith(QStringLiteral("libcurl")),
                     qPrintable(QStringLiteral("atc links ") + library));
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
        QVERIFY2(lines[1].contains(" sample "), lines[1].constData());  // bundled, not "real"
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

    // `atc export` writes the stored bars so that importing the file gives
    // back the same bars: exporting the re-import yields the same bytes.
    void exportRoundTripsThroughImport() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString db = tmp.filePath(QStringLiteral("store.sqlite"));
        // DAX has closes only and no times: those columns stay empty and
        // empty they come back.
        for (const QString& symbol :
             {QStringLiteral("TTRC"), QStringLiteral("GEN-0042"), QStringLiteral("DAX")}) {
            const QString first = tmp.filePath(symbol + QStringLiteral(".csv"));
            Run r;
            RUN_ATC(r, QStringLiteral("export"), QStringLiteral("--symbol"), symbol,
                    QStringLiteral("--out"), first, QStringLiteral("--db"), db);
            QCOMPARE(r.exit_code, 0);
            const QByteArray exported = read_all(first);
            QVERIFY(exported.startsWith("time,open,high,low,close,volume\n"));
            const QList<QByteArray> lines = exported.trimmed().split('\n');
            if (symbol == QStringLiteral("TTRC")) {
                QCOMPARE(lines.size(), 1 + 5550);  // every bar of resources/sample/TTRC.csv
                QCOMPARE(lines[1], QByteArray("1985-01-02T00:00:00Z,3.1800000000000002,"
                                              "3.1800000000000002,3.0800000000000001,"
                                              "3.0800000000000001,1870906"));
            }
            if (symbol == QStringLiteral("DAX"))
                QCOMPARE(lines[1], QByteArray(",,,,1628.75,"));
            RUN_ATC(r, QStringLiteral("import"), first, QStringLiteral("--symbol"),
                    QStringLiteral("COPY"), QStringLiteral("--db"), db);
            QCOMPARE(r.exit_code, 0);
            RUN_ATC(r, QStringLiteral("export"), QStringLiteral("--symbol"), QStringLiteral("COPY"),
                    QStringLiteral("--db"), db);
            QCOMPARE(r.exit_code, 0);
            QVERIFY2(r.out == exported, qPrintable(symbol));
        }
    }

    void exportOfAnUnknownSymbolWritesNothing() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString db = tmp.filePath(QStringLiteral("store.sqlite"));
        const QString out = tmp.filePath(QStringLiteral("kept.csv"));
        QVERIFY(write_all(out, "the user's own file\n"));
        Run r;
        RUN_ATC(r, QStringLiteral("export"), QStringLiteral("--symbol"), QStringLiteral("NOPE"),
                QStringLiteral("--out"), out, QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.contains("no symbol 'NOPE'"), r.err.constData());
        QCOMPARE(read_all(out), QByteArray("the user's own file\n"));
        RUN_ATC(r, QStringLiteral("export"), QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("--symbol"), r.err.constData());
    }

    // --dry-run prints what the detector found and creates no database.
    void importDryRunPrintsTheDetection() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString db = tmp.filePath(QStringLiteral("store.sqlite"));
        const QString klines = tmp.filePath(QStringLiteral("BTCUSDT-1h-2024-01.csv"));
        QVERIFY(write_all(klines,
                          "1704153600000,42283.58,42554.57,42261.02,42475.23,1271.68,"
                          "1704157199999,53957248.97,47134,682.57,28957416.81,0\n"
                          "1704157200000,42475.23,42600.00,42400.00,42500.10,900.50,"
                          "1704160799999,38257248.97,30134,482.57,20957416.81,0\n"));
        Run r;
        RUN_ATC(r, QStringLiteral("import"), QStringLiteral("--dry-run"), klines,
                QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 0);
        for (const char* expected :
             {"format      Binance spot klines", "encoding    UTF-8", "delimiter   ','",
              "header      none", "close=5 (column 5)", "time        epoch ms", "time zone   UTC",
              "bars        2", "first       2024-01-02 00:00:00 UTC",
              "last        2024-01-02 01:00:00 UTC", "timeframe   1h"}) {
            QVERIFY2(r.out.contains(expected), r.out.constData());
        }
        QVERIFY(!QFileInfo::exists(db));
    }

    // A Stooq bulk file: one symbol per ticker; `atc list` shows the
    // detected timeframe.
    void importBulkFileGivesOneSymbolPerTicker() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString db = tmp.filePath(QStringLiteral("store.sqlite"));
        const QString bulk = tmp.filePath(QStringLiteral("d_us_txt.txt"));
        QVERIFY(
            write_all(bulk,
                      "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n"
                      "AAPL.US,D,20240102,000000,187.15,188.44,183.885,185.64,82488674,0\n"
                      "AAPL.US,D,20240103,000000,184.22,185.88,183.43,184.25,58414460,0\n"
                      "MSFT.US,D,20240102,000000,373.86,375.9,366.77,370.87,25258640,0\n"
                      "MSFT.US,D,20240103,000000,369.01,373.26,368.51,370.6,23083465,0\n"));
        Run r;
        RUN_ATC(r, QStringLiteral("import"), bulk, QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.out.contains("imported AAPL.US: 2 bars, 1d"), r.out.constData());
        QVERIFY2(r.out.contains("imported MSFT.US: 2 bars, 1d"), r.out.constData());
        RUN_ATC(r, QStringLiteral("list"), QStringLiteral("--db"), db);
        QVERIFY2(r.out.contains("AAPL.US"), r.out.constData());
        QVERIFY2(r.out.contains("1d"), r.out.constData());
    }

    // The options that override detection, and their usage errors.
    void importOptionsOverrideDetection() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString db = tmp.filePath(QStringLiteral("store.sqlite"));
        const QString slashed = tmp.filePath(QStringLiteral("FR.csv"));
        QVERIFY(write_all(slashed, "Date,Close\n01/02/2024,1\n01/03/2024,2\n"));
        Run r;
        RUN_ATC(r, QStringLiteral("import"), slashed, QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.contains("--date-order dmy or --date-order mdy"), r.err.constData());
        RUN_ATC(r, QStringLiteral("import"), slashed, QStringLiteral("--date-order"),
                QStringLiteral("dmy"), QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.out.contains("imported FR: 2 bars, 1M"), r.out.constData());

        const QString unnamed = tmp.filePath(QStringLiteral("X.txt"));
        QVERIFY(write_all(unnamed, "2024-01-02;7;5\n2024-01-03;8;6\n"));
        RUN_ATC(r, QStringLiteral("import"), unnamed, QStringLiteral("--columns"),
                QStringLiteral("time=1,close=3"), QStringLiteral("--delimiter"),
                QStringLiteral(";"), QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.out.contains("imported X: 2 bars, 1d"), r.out.constData());

        RUN_ATC(r, QStringLiteral("import"), unnamed, QStringLiteral("--date-order"),
                QStringLiteral("ymd"), QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("--date-order must be dmy or mdy"), r.err.constData());
        RUN_ATC(r, QStringLiteral("import"), unnamed, QStringLiteral("--columns"),
                QStringLiteral("price=2"), QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("--columns:"), r.err.constData());
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

    // `atc hw`: one JSON object whose figures agree with what this process
    // reads itself, and whose every key is documented in `atc help hw`.
    void hwPrintsTheHardwareAsJson() {
        Run r;
        RUN_ATC(r, QStringLiteral("hw"));
        QCOMPARE(r.exit_code, 0);
        QVERIFY(r.err.isEmpty());
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(doc.isObject());
        const QJsonObject hw = doc.object();
        QCOMPARE(hw[QLatin1String("engine_version")].toString(),
                 QString::fromLatin1(atc::kEngineVersion));

        const QJsonObject cpu = hw[QLatin1String("cpu")].toObject();
        const int logical = cpu[QLatin1String("logical_cores")].toInt();
        QCOMPARE(logical, static_cast<int>(std::max(1U, std::thread::hardware_concurrency())));
        const int physical = cpu[QLatin1String("physical_cores")].toInt();
        QVERIFY(physical >= 1 && physical <= logical);
        const QString cpuinfo = QString::fromUtf8(read_proc(QStringLiteral("/proc/cpuinfo")));
        const QRegularExpressionMatch model =
            QRegularExpression(QStringLiteral("^model name\\s*:\\s*(.*)$"),
                               QRegularExpression::MultilineOption)
                .match(cpuinfo);
        if (model.hasMatch())
            QCOMPARE(cpu[QLatin1String("model")].toString(), model.captured(1).trimmed());
        const QStringList features = json_strings(cpu[QLatin1String("simd_features")]);
        const QRegularExpressionMatch flags =
            QRegularExpression(QStringLiteral("^flags\\s*:(.*)$"),
                               QRegularExpression::MultilineOption)
                .match(cpuinfo);
        if (flags.hasMatch()) {
            const QStringList cpu_flags = flags.captured(1).split(' ', Qt::SkipEmptyParts);
            QCOMPARE(features.contains(QStringLiteral("avx2")),
                     cpu_flags.contains(QStringLiteral("avx2")));
            // AVX-512 where the CPU has AVX-512F and DQ, unless this build
            // leaves its kernels out (clang, -O0: pipeline/simd.hpp); the
            // engine linked here decides the same as the program's.
            const bool avx2 = cpu_flags.contains(QStringLiteral("avx2"));
            const bool avx512 = cpu_flags.contains(QStringLiteral("avx512f")) &&
                                cpu_flags.contains(QStringLiteral("avx512dq"));
            const QString kernels = cpu[QLatin1String("kernel_simd")].toString();
            QCOMPARE(kernels, QString::fromStdString(std::string(atc::system::simd_level_name(
                                  atc::system::engine_kernel_simd()))));
            if (!avx2)
                QCOMPARE(kernels, QStringLiteral("SSE2"));
            else if (!avx512)
                QCOMPARE(kernels, QStringLiteral("AVX2"));
            else
                QVERIFY2(kernels == QStringLiteral("AVX-512") || kernels == QStringLiteral("AVX2"),
                         qPrintable(kernels));
        }

        const QJsonObject memory = hw[QLatin1String("memory")].toObject();
        const QRegularExpressionMatch total =
            QRegularExpression(QStringLiteral("^MemTotal:\\s*(\\d+) kB$"),
                               QRegularExpression::MultilineOption)
                .match(QString::fromUtf8(read_proc(QStringLiteral("/proc/meminfo"))));
        QVERIFY(total.hasMatch());
        QCOMPARE(memory[QLatin1String("total_bytes")].toDouble(),
                 total.captured(1).toDouble() * 1024.0);
        QVERIFY(memory[QLatin1String("available_bytes")].toDouble() > 0);
        QVERIFY(memory[QLatin1String("available_bytes")].toDouble() <=
                memory[QLatin1String("total_bytes")].toDouble());
        QVERIFY(memory[QLatin1String("process_rss_bytes")].toDouble() > 0);
        QVERIFY(memory[QLatin1String("process_peak_rss_bytes")].toDouble() >=
                memory[QLatin1String("process_rss_bytes")].toDouble());

        // A GPU that cannot run says why ("built without the CUDA backend" in
        // a CPU-only build), and then `auto` runs on the CPU and says so.
        const QJsonObject gpu = hw[QLatin1String("gpu")].toObject();
        QVERIFY(gpu[QLatin1String("devices")].isArray());
        const bool gpu_available = gpu[QLatin1String("available")].toBool();
        const QString gpu_reason = gpu[QLatin1String("reason")].toString();
        QCOMPARE(gpu_reason.isEmpty(), gpu_available);

        const QJsonObject backend = hw[QLatin1String("backend")].toObject();
        const int threads = backend[QLatin1String("threads")].toInt();
        QVERIFY(threads >= 0 && threads <= logical);
        if (!gpu_available) {
            QCOMPARE(backend[QLatin1String("name")].toString(), QStringLiteral("cpu"));
            QVERIFY(threads >= 1);
            // AVX-512 runs a scan's symbol groups only: "AVX-512 and AVX2".
            const QString kernels = cpu[QLatin1String("kernel_simd")].toString();
            QCOMPARE(
                backend[QLatin1String("description")].toString(),
                QStringLiteral("cpu (oneTBB, %1 %2, %3 kernels)")
                    .arg(threads)
                    .arg(threads == 1 ? QStringLiteral("thread") : QStringLiteral("threads"),
                         kernels == QStringLiteral("AVX-512") ? QStringLiteral("AVX-512 and AVX2")
                                                              : kernels));
            QVERIFY2(backend[QLatin1String("reason")].toString().contains(gpu_reason),
                     qPrintable(backend[QLatin1String("reason")].toString()));
        }

        // What auto does with a 500- and a 10,000-symbol scan of 2,000 bars.
        const QJsonArray routes = hw[QLatin1String("scan_routes")].toArray();
        QCOMPARE(routes.size(), 2);
        QCOMPARE(routes[0].toObject()[QLatin1String("symbols")].toInt(), 500);
        QCOMPARE(routes[1].toObject()[QLatin1String("symbols")].toInt(), 10000);
        for (const QJsonValue route : routes) {
            const QJsonObject choice = route.toObject();
            QCOMPARE(choice[QLatin1String("bars_per_symbol")].toInt(), 2000);
            if (!gpu_available) {
                QCOMPARE(choice[QLatin1String("backend")].toString(), QStringLiteral("cpu"));
                QVERIFY(choice[QLatin1String("reason")].toString().contains(gpu_reason));
            }
        }

        // Every key is documented, and every documented key is there.
        Run help;
        RUN_ATC(help, QStringLiteral("help"), QStringLiteral("hw"));
        QCOMPARE(help.exit_code, 0);
        QStringList documented;
        const QRegularExpression key_line(QStringLiteral("^  ([a-z_]+(?:\\.[a-z_]+)?)\\s"),
                                          QRegularExpression::MultilineOption);
        for (auto it = key_line.globalMatch(QString::fromUtf8(help.out)); it.hasNext();)
            documented << it.next().captured(1);
        const QStringList keys = json_key_paths(hw);
        for (const QString& key : keys)
            QVERIFY2(documented.contains(key), qPrintable(key + QStringLiteral(" undocumented")));
        for (const QString& key : documented)
            QVERIFY2(keys.contains(key), qPrintable(key + QStringLiteral(" missing")));

        RUN_ATC(r, QStringLiteral("hw"), QStringLiteral("--verbose"));
        QCOMPARE(r.exit_code, 2);
        QVERIFY(r.err.contains("--verbose"));
    }

    // scan --json lists the rows of the text tables, in their order, with the
    // engine's numbers in full precision, and the skipped file with its reason.
    void scanJsonMatchesTextAndEngine() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QVERIFY(copy_samples(tmp.path()));
        QVERIFY(write_all(tmp.filePath(QStringLiteral("BROKEN.csv")),
                          "date,close\n2020-01-01,10\n2020-01-02,not_a_price\n"));
        const QString params_path = tmp.filePath(QStringLiteral("params.json"));
        QVERIFY(write_all(params_path, R"({"La": 0.03, "robustness": "Wide"})"));

        Run text;
        RUN_ATC(text, QStringLiteral("scan"), QStringLiteral("--csv-dir"), tmp.path(),
                QStringLiteral("--params"), params_path);
        QCOMPARE(text.exit_code, 1);
        Run json_run;
        RUN_ATC(json_run, QStringLiteral("scan"), QStringLiteral("--csv-dir"), tmp.path(),
                QStringLiteral("--params"), params_path, QStringLiteral("--json"));
        QCOMPARE(json_run.exit_code, 1);   // the broken file, as in the text mode
        QCOMPARE(json_run.err, text.err);  // the same "skipped" line on stderr
        QJsonParseError error{};
        const QJsonObject scan = QJsonDocument::fromJson(json_run.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));

        const QJsonObject params = scan[QLatin1String("params")].toObject();
        QCOMPARE(params[QLatin1String("La")].toDouble(), 0.03);
        QCOMPARE(params[QLatin1String("robustness")].toString(), QStringLiteral("Wide"));
        QCOMPARE(params[QLatin1String("ema_len")].toInt(), 28);
        QCOMPARE(scan[QLatin1String("source")].toObject()[QLatin1String("kind")].toString(),
                 QStringLiteral("csv-dir"));
        const QJsonObject backend = scan[QLatin1String("backend")].toObject();
        QCOMPARE(backend[QLatin1String("requested")].toString(), QStringLiteral("auto"));
        const QString ran = backend[QLatin1String("ran")].toString();
        QVERIFY2(ran == QLatin1String("cpu") || ran == QLatin1String("gpu"), qPrintable(ran));
        if (ran == QLatin1String("cpu")) {
            QVERIFY(backend[QLatin1String("description")].toString().startsWith(
                QLatin1String("cpu (oneTBB, ")));
        }
        QVERIFY(!backend[QLatin1String("reason")].toString().isEmpty());

        // The same rows as the text tables, in the same order.
        const std::vector<ScanLine> lines = parse_scan(text.out);
        const QJsonArray rows = scan[QLatin1String("rows")].toArray();
        QCOMPARE(static_cast<std::size_t>(rows.size()), lines.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QJsonObject row = rows[i].toObject();
            const ScanLine& line = lines[static_cast<std::size_t>(i)];
            QCOMPARE(row[QLatin1String("table")].toString().toUpper(), line.section);
            QCOMPARE(row[QLatin1String("rank")].toInt(), line.rank);
            QCOMPARE(row[QLatin1String("symbol")].toString(), line.symbol);
            QCOMPARE(QString::asprintf("%+.3f", row[QLatin1String("average")].toDouble()),
                     line.signal_text);
            QCOMPARE(static_cast<long long>(row[QLatin1String("bars")].toInt()), line.bars);
        }

        // The numbers are the engine's, bit for bit.
        atc::AtcParams p;
        p.lambda = 0.03;
        p.robustness = atc::Robustness::Wide;
        for (const QJsonValue& value : rows) {
            const QJsonObject row = value.toObject();
            const QString symbol = row[QLatin1String("symbol")].toString();
            const atc::PriceSeries series = atc::read_price_csv(
                (sample_dir() + '/' + symbol + QStringLiteral(".csv")).toStdString());
            const std::vector<std::span<const double>> closes{series.close};
            const atc::BatchResult batch = atc::compute_batch(closes, p);
            QVERIFY(batch.symbols[0].ok());
            const atc::ScanRow& expected = batch.symbols[0].row;
            QCOMPARE(row[QLatin1String("average")].toDouble(), expected.average);
            QCOMPARE(row[QLatin1String("last_close")].toDouble(), expected.last_close);
            QCOMPARE(static_cast<std::size_t>(row[QLatin1String("bars")].toInt()), expected.bars);
            QCOMPARE(row[QLatin1String("trend")].toString(), direction_text(expected.trend));
            const QJsonValue entry = row[QLatin1String("last_entry")];
            QCOMPARE(entry.isNull(), !expected.last_marker.has_value());
            if (expected.last_marker) {
                const QJsonObject e = entry.toObject();
                QCOMPARE(static_cast<std::size_t>(e[QLatin1String("bar")].toInt()),
                         expected.last_marker->bar);
                QCOMPARE(e[QLatin1String("direction")].toString(),
                         direction_text(expected.last_marker->direction));
                QCOMPARE(e[QLatin1String("average")].toDouble(), expected.last_marker->average);
                QCOMPARE(e[QLatin1String("label")].toString(),
                         expected_bar_name(series, expected.last_marker->bar));
                const std::size_t entry_bar = expected.last_marker->bar;
                QCOMPARE(static_cast<std::size_t>(e[QLatin1String("bars_since")].toInt()),
                         series.close.size() - 1 - entry_bar);
                QCOMPARE(e[QLatin1String("close")].toDouble(), series.close[entry_bar]);
                QCOMPARE(e[QLatin1String("change_pct")].toDouble(),
                         (series.close.back() / series.close[entry_bar] - 1.0) * 100.0);
            }
            // The family with the largest Layer-2 equity at the last bar.
            const QJsonObject strongest = row[QLatin1String("strongest_family")].toObject();
            const auto top =
                std::max_element(expected.family_equity.begin(), expected.family_equity.end());
            QCOMPARE(strongest[QLatin1String("equity")].toDouble(), *top);
            QCOMPARE(strongest[QLatin1String("type")].toString().toStdString(),
                     std::string(atc::family_name(atc::kAllFamilies[static_cast<std::size_t>(
                         top - expected.family_equity.begin())])));
        }

        const QJsonArray errors = scan[QLatin1String("errors")].toArray();
        QCOMPARE(errors.size(), 1);
        const QJsonObject broken = errors[0].toObject();
        QCOMPARE(broken[QLatin1String("symbol")].toString(), QStringLiteral("BROKEN"));
        QVERIFY(broken[QLatin1String("source")].toString().endsWith(QLatin1String("BROKEN.csv")));
        QVERIFY(broken[QLatin1String("error")].toString().contains(QLatin1String("line 3")));

        const QJsonObject totals = scan[QLatin1String("totals")].toObject();
        QCOMPARE(totals[QLatin1String("symbols")].toInt(), 6);
        QCOMPARE(totals[QLatin1String("computed")].toInt(), 5);
        QCOMPARE(totals[QLatin1String("failed")].toInt(), 1);
        QCOMPARE(totals[QLatin1String("long")].toInt() + totals[QLatin1String("short")].toInt() +
                     totals[QLatin1String("flat")].toInt(),
                 5);
        QVERIFY(text.out.contains(QStringLiteral("6 symbols scanned: %1 long, %2 short")
                                      .arg(totals[QLatin1String("long")].toInt())
                                      .arg(totals[QLatin1String("short")].toInt())
                                      .toUtf8()));
        QVERIFY(scan[QLatin1String("elapsed_seconds")].toDouble() > 0.0);
        QCOMPARE(scan[QLatin1String("from_cache")].toInt(-1), 0);
        QVERIFY(scan[QLatin1String("memory")].toObject()[QLatin1String("budget_bytes")].isNull());

        // --top and --min-signal cut the JSON rows as they cut the tables.
        Run top;
        RUN_ATC(top, QStringLiteral("scan"), QStringLiteral("--csv-dir"), tmp.path(),
                QStringLiteral("--params"), params_path, QStringLiteral("--json"),
                QStringLiteral("--top"), QStringLiteral("1"));
        const QJsonObject cut = QJsonDocument::fromJson(top.out).object();
        for (const QJsonValue& v : cut[QLatin1String("rows")].toArray())
            QCOMPARE(v.toObject()[QLatin1String("rank")].toInt(), 1);
        QCOMPARE(cut[QLatin1String("filters")].toObject()[QLatin1String("top")].toInt(), 1);
        QCOMPARE(cut[QLatin1String("totals")].toObject(), totals);  // totals count every symbol
    }

    void scanBackendOption() {
        // gpu where none can run (as `atc hw` says): a clear error naming the
        // reason, nothing scanned.
        Run r;
        RUN_ATC(r, QStringLiteral("hw"));
        const QJsonObject gpu =
            QJsonDocument::fromJson(r.out).object()[QLatin1String("gpu")].toObject();
        if (!gpu[QLatin1String("available")].toBool()) {
            RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--csv-dir"), sample_dir(),
                    QStringLiteral("--backend"), QStringLiteral("gpu"));
            QCOMPARE(r.exit_code, 1);
            const QString expected =
                QStringLiteral("atc scan: the GPU backend is not available: ") +
                gpu[QLatin1String("reason")].toString();
            QVERIFY2(QString::fromUtf8(r.err).contains(expected), r.err.constData());
            QVERIFY(r.out.isEmpty());
        }

        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--csv-dir"), sample_dir(),
                QStringLiteral("--backend"), QStringLiteral("quantum"));
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("--backend"), r.err.constData());
        QVERIFY(r.out.isEmpty());

        // cpu and auto run the same engine: the same tables.
        Run automatic;
        RUN_ATC(automatic, QStringLiteral("scan"), QStringLiteral("--csv-dir"), sample_dir());
        Run cpu;
        RUN_ATC(cpu, QStringLiteral("scan"), QStringLiteral("--csv-dir"), sample_dir(),
                QStringLiteral("--backend=cpu"));
        QCOMPARE(cpu.exit_code, 0);
        const QRegularExpression time(QStringLiteral("; [0-9.]+ s"));
        QCOMPARE(QString::fromUtf8(cpu.out).remove(time),
                 QString::fromUtf8(automatic.out).remove(time));

        Run json;
        RUN_ATC(json, QStringLiteral("scan"), QStringLiteral("--csv-dir"), sample_dir(),
                QStringLiteral("--backend"), QStringLiteral("cpu"), QStringLiteral("--json"));
        QCOMPARE(json.exit_code, 0);
        const QJsonObject backend =
            QJsonDocument::fromJson(json.out).object()[QLatin1String("backend")].toObject();
        QCOMPARE(backend[QLatin1String("requested")].toString(), QStringLiteral("cpu"));
        QCOMPARE(backend[QLatin1String("ran")].toString(), QStringLiteral("cpu"));
        QCOMPARE(backend[QLatin1String("reason")].toString(), QStringLiteral("requested"));
    }

    // --no-cache neither reads nor writes the result cache: its rows stay as
    // they are (none before the first cached scan, the same 505 after), every
    // symbol is computed, and the rows are the cached scan's. Entry markers
    // are named by their bar's label, else by its date (the generated symbols
    // have times and no labels).
    // A file whose times are Unix seconds: the entry is named by its time, as
    // on the app's chart, not by the digits in the file.
    void scanNamesEntriesByTheirTime() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const atc::PriceSeries ttrc =
            atc::read_price_csv((sample_dir() + QStringLiteral("/TTRC.csv")).toStdString());
        QByteArray csv = "time,close\n";
        const std::int64_t start = 1659999820;  // 2022-08-08T23:03:40Z
        for (std::size_t i = 0; i < ttrc.close.size(); ++i) {
            csv += QByteArray::number(static_cast<qlonglong>(start + 3600 * std::int64_t(i))) +
                   ',' + QByteArray::number(ttrc.close[i], 'g', 17) + '\n';
        }
        QVERIFY(write_all(tmp.filePath(QStringLiteral("HOURLY.csv")), csv));
        Run r;
        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--csv-dir"), tmp.path(),
                QStringLiteral("--json"));
        QCOMPARE(r.exit_code, 0);
        const QJsonObject scan = QJsonDocument::fromJson(r.out).object();
        const QJsonObject row = scan[QLatin1String("rows")].toArray().at(0).toObject();
        const QJsonObject entry = row[QLatin1String("last_entry")].toObject();
        QVERIFY2(!entry.isEmpty(), r.out.constData());  // TTRC's closes have entries
        const auto bar = static_cast<std::int64_t>(entry[QLatin1String("bar")].toInt());
        const QString expected = QDateTime::fromSecsSinceEpoch(start + 3600 * bar, QTimeZone::utc())
                                     .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
        QCOMPARE(entry[QLatin1String("label")].toString(), expected);
    }

    void scanWithoutTheCache() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString db = seeded_database(tmp);
        QVERIFY(!db.isEmpty());
        Run r;
        const auto cache_rows = [&db] {
            atc::store::Database database = atc::store::Database::open(db.toStdString());
            atc::store::Statement q(
                database, "SELECT COUNT(*), COALESCE(MAX(last_used), 0) FROM result_cache");
            q.step();
            return std::pair(q.int64(0), q.int64(1));
        };
        const auto scan_json = [&db](bool use_cache) { return scan_db_json(db, use_cache); };

        const auto [first_exit, first] = scan_json(false);
        QCOMPARE(first_exit, 0);
        QCOMPARE(cache_rows().first, std::int64_t{0});
        QCOMPARE(first[QLatin1String("from_cache")].toInt(-1), 0);

        const auto [cached_exit, cached] = scan_json(true);
        QCOMPARE(cached_exit, 0);
        const auto filled = cache_rows();
        QCOMPARE(filled.first, std::int64_t{505});
        const auto [again_exit, again] = scan_json(false);
        QCOMPARE(again_exit, 0);
        QCOMPARE(cache_rows(), filled);  // not read: no hit refreshed a row's last use
        QCOMPARE(again[QLatin1String("from_cache")].toInt(-1), 0);
        QCOMPARE(again[QLatin1String("rows")], cached[QLatin1String("rows")]);
        QCOMPARE(first[QLatin1String("rows")], cached[QLatin1String("rows")]);

        atc::store::Database database = atc::store::Database::open(db.toStdString());
        atc::store::SymbolStore store(database);
        int named_by_label = 0, named_by_date = 0;
        for (const QJsonValue& value : cached[QLatin1String("rows")].toArray()) {
            const QJsonObject row = value.toObject();
            const QJsonValue entry = row[QLatin1String("last_entry")];
            if (entry.isNull())
                continue;
            const auto bar = static_cast<std::size_t>(entry[QLatin1String("bar")].toInt());
            const atc::PriceSeries bars =
                store.load(row[QLatin1String("symbol")].toString().toStdString());
            QCOMPARE(entry[QLatin1String("label")].toString(), expected_bar_name(bars, bar));
            ++(bars.time_ms.empty() ? named_by_label : named_by_date);
        }
        QVERIFY(named_by_label > 0 && named_by_date > 0);

        // A folder has no cache to leave alone: the flag is accepted there too.
        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--csv-dir"), sample_dir(),
                QStringLiteral("--no-cache"), QStringLiteral("--top"), QStringLiteral("1"));
        QCOMPARE(r.exit_code, 0);
        RUN_ATC(r, QStringLiteral("help"), QStringLiteral("scan"));
        QVERIFY(r.out.contains("--no-cache"));
    }

    // A scan answered from the result cache (found by the close hashes the
    // store keeps, before any bars are read) prints what computing prints,
    // the entry markers' names included; a symbol whose closes changed since,
    // through the store or behind its back, is computed again, never served
    // its old result.
    void cachedDatabaseScanEqualsComputedAndFollowsChangedCloses() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString db = seeded_database(tmp);
        QVERIFY(!db.isEmpty());
        const auto scan_json = [&db](bool use_cache) { return scan_db_json(db, use_cache); };
        const auto row_of = [](const QJsonObject& scan, const QString& symbol) {
            for (const QJsonValue& value : scan[QLatin1String("rows")].toArray()) {
                if (value[QLatin1String("symbol")].toString() == symbol)
                    return value.toObject();
            }
            return QJsonObject();
        };

        const auto [computed_exit, computed] = scan_json(true);
        QCOMPARE(computed_exit, 0);
        QCOMPARE(computed[QLatin1String("from_cache")].toInt(-1), 0);
        const auto [cached_exit, cached] = scan_json(true);
        QCOMPARE(cached_exit, 0);
        QCOMPARE(cached[QLatin1String("from_cache")].toInt(-1), 505);
        QCOMPARE(cached[QLatin1String("rows")], computed[QLatin1String("rows")]);
        int markers = 0;
        for (const QJsonValue& value : cached[QLatin1String("rows")].toArray())
            markers += value[QLatin1String("last_entry")].isNull() ? 0 : 1;
        QVERIFY(markers > 400);

        // New closes for one symbol, saved as an import or a fetch saves them.
        const QString changed = QStringLiteral("GEN-0007");
        {
            atc::store::Database database = atc::store::Database::open(db.toStdString());
            atc::store::SymbolStore store(database);
            const auto info = store.find(changed.toStdString());
            QVERIFY(info.has_value());
            atc::PriceSeries bars = store.load(changed.toStdString());
            for (std::size_t i = bars.close.size() / 2; i < bars.close.size(); ++i)
                bars.close[i] *= 1.5 - 0.001 * static_cast<double>(i % 7);
            store.save(info->meta, bars);
        }
        const auto [after_save_exit, after_save] = scan_json(true);
        QCOMPARE(after_save_exit, 0);
        QCOMPARE(after_save[QLatin1String("from_cache")].toInt(-1), 504);
        QVERIFY(row_of(after_save, changed) != row_of(cached, changed));
        const auto [fresh_exit, fresh] = scan_json(false);
        QCOMPARE(fresh_exit, 0);
        QCOMPARE(after_save[QLatin1String("rows")], fresh[QLatin1String("rows")]);

        // Closes changed by hand (the same length), as another tool might.
        const QString edited = QStringLiteral("GEN-0011");
        {
            atc::store::Database database = atc::store::Database::open(db.toStdString());
            std::vector<double> close =
                atc::store::SymbolStore(database).load(edited.toStdString()).close;
            for (std::size_t i = 0; i < close.size(); i += 3)
                close[i] *= 0.9;
            atc::store::Statement edit(
                database,
                "UPDATE bars SET close = ? WHERE symbol_id = (SELECT id FROM symbols WHERE "
                "name = ?)");
            edit.bind_blob(1, std::as_bytes(std::span<const double>(close)))
                .bind(2, edited.toStdString())
                .run();
        }
        const auto [after_edit_exit, after_edit] = scan_json(true);
        QCOMPARE(after_edit_exit, 0);
        QCOMPARE(after_edit[QLatin1String("from_cache")].toInt(-1), 504);
        QVERIFY(row_of(after_edit, edited) != row_of(cached, edited));
        const auto [edited_fresh_exit, edited_fresh] = scan_json(false);
        QCOMPARE(edited_fresh_exit, 0);
        QCOMPARE(after_edit[QLatin1String("rows")], edited_fresh[QLatin1String("rows")]);

        // A symbol given another's closes by hand is answered by that one's
        // cached result: the key is the closes, whoever holds them.
        {
            atc::store::Database database = atc::store::Database::open(db.toStdString());
            atc::store::Statement copy(
                database,
                "UPDATE bars SET close = (SELECT close FROM bars b JOIN symbols s ON s.id = "
                "b.symbol_id WHERE s.name = 'GEN-0012') WHERE symbol_id = (SELECT id FROM "
                "symbols WHERE name = 'GEN-0013')");
            copy.run();
        }
        const auto [copied_exit, copied] = scan_json(true);
        QCOMPARE(copied_exit, 0);
        QCOMPARE(copied[QLatin1String("from_cache")].toInt(-1), 505);
        for (const char* member : {"average", "last_close"}) {
            QCOMPARE(row_of(copied, QStringLiteral("GEN-0013"))[QLatin1String(member)],
                     row_of(copied, QStringLiteral("GEN-0012"))[QLatin1String(member)]);
        }
    }

    // Under a memory budget the database is scanned in chunks, with the same rows.
    void scanWithinMemoryBudget() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString db = seeded_database(tmp);
        QVERIFY(!db.isEmpty());
        Run r;

        // A budget of what the program itself takes (its libraries, read from
        // `atc hw`) plus 6 MB: a scan of the database in chunks of 64 symbols
        // (their closes, results and buffers, the database's page caches)
        // takes about 9 MB more, so the scan needs smaller chunks.
        RUN_ATC(r, QStringLiteral("hw"));
        const double program_bytes = QJsonDocument::fromJson(r.out)
                                         .object()[QLatin1String("memory")]
                                         .toObject()[QLatin1String("process_rss_bytes")]
                                         .toDouble();
        QVERIFY(program_bytes > 0);
        const int budget_mb = static_cast<int>(std::ceil(program_bytes / (1024 * 1024))) + 6;

        // Budgeted first, so that it computes (the second run reads the cache).
        Run budgeted;
        RUN_ATC(budgeted, QStringLiteral("scan"), QStringLiteral("--db"), db,
                QStringLiteral("--json"), QStringLiteral("--memory-budget"),
                QString::number(budget_mb));
        QVERIFY2(budgeted.exit_code == 0, budgeted.err.constData());
        const QJsonObject chunked = QJsonDocument::fromJson(budgeted.out).object();
        const QJsonObject memory = chunked[QLatin1String("memory")].toObject();
        QCOMPARE(memory[QLatin1String("budget_bytes")].toDouble(), budget_mb * 1024.0 * 1024.0);
        QVERIFY2(memory[QLatin1String("chunks")].toInt() > 1, budgeted.out.constData());
        QCOMPARE(chunked[QLatin1String("from_cache")].toInt(-1), 0);

        Run whole;
        RUN_ATC(whole, QStringLiteral("scan"), QStringLiteral("--db"), db,
                QStringLiteral("--json"));
        const QJsonObject plain = QJsonDocument::fromJson(whole.out).object();
        // Answered from the cache before any bars are read: no chunk to load.
        QCOMPARE(plain[QLatin1String("memory")].toObject()[QLatin1String("chunks")].toInt(-1), 0);
        // Without a budget the chunks are the CPU's (64 symbols); the budget's are smaller.
        const int plain_chunks = computed_chunks(db);
        QCOMPARE(plain_chunks, cpuScanChunks(505));
        QVERIFY2(memory[QLatin1String("chunks")].toInt() > plain_chunks, budgeted.out.constData());
        QCOMPARE(plain[QLatin1String("from_cache")].toInt(), 505);
        QCOMPARE(plain[QLatin1String("rows")].toArray().size(), 505);
        QCOMPARE(chunked[QLatin1String("rows")], plain[QLatin1String("rows")]);
        QCOMPARE(chunked[QLatin1String("totals")], plain[QLatin1String("totals")]);

        for (const QString& bad :
             {QStringLiteral("0"), QStringLiteral("-5"), QStringLiteral("lots")}) {
            RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--db"), db,
                    QStringLiteral("--memory-budget"), bad);
            QCOMPARE(r.exit_code, 2);
            QVERIFY2(r.err.contains("--memory-budget"), r.err.constData());
        }
    }

    // Without --memory-budget a scan is still held to the memory there is
    // (ATC_AVAILABLE_MEMORY_MB pretends a small machine): chunked, same rows.
    void scanChunksToTheAvailableMemory() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString db = seeded_database(tmp);
        QVERIFY(!db.isEmpty());
        Run r;

        Run small;
        {
            // 3/4 of 16 MB next to the program: the universe takes about 30 MB.
            const ScopedEnvironment available("ATC_AVAILABLE_MEMORY_MB", "16");
            RUN_ATC(small, QStringLiteral("scan"), QStringLiteral("--db"), db,
                    QStringLiteral("--json"));
        }
        QVERIFY2(small.exit_code == 0, small.err.constData());
        const QJsonObject chunked = QJsonDocument::fromJson(small.out).object();
        const QJsonObject memory = chunked[QLatin1String("memory")].toObject();
        QVERIFY(memory[QLatin1String("budget_bytes")].isNull());  // none was given
        QVERIFY2(memory[QLatin1String("chunks")].toInt() > 1, small.out.constData());

        Run whole;
        RUN_ATC(whole, QStringLiteral("scan"), QStringLiteral("--db"), db,
                QStringLiteral("--json"));
        const QJsonObject plain = QJsonDocument::fromJson(whole.out).object();
        const int plain_chunks = computed_chunks(db);
        QCOMPARE(plain_chunks, cpuScanChunks(505));
        QVERIFY2(memory[QLatin1String("chunks")].toInt() > plain_chunks, small.out.constData());
        QCOMPARE(plain[QLatin1String("rows")].toArray().size(), 505);
        QCOMPARE(chunked[QLatin1String("rows")], plain[QLatin1String("rows")]);

        const ScopedEnvironment nonsense("ATC_AVAILABLE_MEMORY_MB", "lots");
        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("invalid value for ATC_AVAILABLE_MEMORY_MB: 'lots'"),
                 r.err.constData());
    }

    // A series whose full result would not fit is refused before it is
    // computed, naming the file and the memory; --out is not written.
    void computeRefusesASeriesTooLongForMemory() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString csv = tmp.filePath(QStringLiteral("long.csv"));
        QByteArray text = "close\n";
        for (int i = 0; i < 100000; ++i)
            text += QByteArray::number(100.0 + (i % 97) * 0.25) + '\n';
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        const QString out = tmp.filePath(QStringLiteral("signals.csv"));

        const ScopedEnvironment available("ATC_AVAILABLE_MEMORY_MB", "64");
        Run r;
        RUN_ATC(r, QStringLiteral("compute"), QStringLiteral("--csv"), csv, QStringLiteral("--out"),
                out);
        QCOMPARE(r.exit_code, 1);
        const QByteArray expected =
            "atc compute: " + csv.toUtf8() + ": a full result for 100,000 bars needs ";
        QVERIFY2(r.err.startsWith(expected), r.err.constData());
        QVERIFY2(r.err.contains(" of memory; 64.0 MiB is available, of which one task may use "
                                "48.0 MiB\n"),
                 r.err.constData());
        QVERIFY(!QFileInfo::exists(out));
    }
    // --timeframe 1h on one-minute data: exactly the hourly bars of a plain
    // aggregation, the unfinished last hour included and said to be forming.
    void exportAtTimeframeAggregatesMinuteBars() {
        QTemporaryDir tmp;
        const QString db = make_timeframe_store(tmp.path());
        QVERIFY(!db.isEmpty());
        Run r;
        RUN_ATC(r, QStringLiteral("export"), QStringLiteral("--symbol"), QStringLiteral("M1"),
                QStringLiteral("--timeframe"), QStringLiteral("1h"), QStringLiteral("--db"), db);
        QCOMPARE(r.exit_code, 0);
        const std::vector<atc::test::TestBar> hours =
            atc::test::aggregate(m1_bars(), atc::test::kHourMs);
        const QString diff = compare_bars(r.out, hours);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        const QByteArray note = "atc export: the last 1h bar (" +
                                atc::test::iso_time(hours.back().time_ms) +
                                ") is still forming: the data ends at " +
                                atc::test::iso_time(m1_bars().back().time_ms) + "\n";
        QCOMPARE(r.err, note);

        // The data's own timeframe gives the bars as they are, none forming.
        Run own;
        RUN_ATC(own, QStringLiteral("export"), QStringLiteral("--symbol"), QStringLiteral("M1"),
                QStringLiteral("--timeframe"), QStringLiteral("1m"), QStringLiteral("--db"), db);
        QCOMPARE(own.exit_code, 0);
        QVERIFY2(compare_bars(own.out, m1_bars()).isEmpty(), own.err.constData());
        QVERIFY2(own.err.isEmpty(), own.err.constData());

        // Days of the New York session: midnight there is 05:00 UTC in January,
        // and each day is dated as a daily file dates it.
        Run days;
        RUN_ATC(days, QStringLiteral("export"), QStringLiteral("--symbol"), QStringLiteral("M1"),
                QStringLiteral("--timeframe"), QStringLiteral("1d"), QStringLiteral("--timezone"),
                QStringLiteral("America/New_York"), QStringLiteral("--db"), db);
        QCOMPARE(days.exit_code, 0);
        std::vector<atc::test::TestBar> shifted = m1_bars();
        for (atc::test::TestBar& b : shifted)
            b.time_ms -= 5 * atc::test::kHourMs;
        const std::vector<atc::test::TestBar> ny_days =
            atc::test::aggregate(shifted, atc::test::kDayMs);
        QCOMPARE(atc::test::iso_time(ny_days.front().time_ms), QByteArray("2023-12-31T00:00:00Z"));
        QVERIFY2(compare_bars(days.out, ny_days).isEmpty(),
                 qPrintable(compare_bars(days.out, ny_days)));
        QVERIFY2(
            days.err.contains("the last 1d America/New_York bar (2024-01-14) is still forming"),
            days.err.constData());
    }

    void timeframeRefusals_data() {
        QTest::addColumn<QStringList>("args");  // "DB" stands for the database
        QTest::addColumn<int>("exit_code");
        QTest::addColumn<QString>("message");
        const QString accepted = QStringLiteral(
            "\"4x\" is not a timeframe (write a count and a unit: 15m, 4h, 1d, 1w, 1M; m is "
            "minutes, M is months)");
        for (const char* command : {"export", "scan", "compute"}) {
            QStringList args = {QString::fromLatin1(command), QStringLiteral("--timeframe"),
                                QStringLiteral("4x"), QStringLiteral("--db"), QStringLiteral("DB")};
            if (QByteArray(command) != "scan")
                args << QStringLiteral("--symbol") << QStringLiteral("M1");
            if (QByteArray(command) == "compute")
                args << QStringLiteral("--out") << QStringLiteral("-");
            QTest::addRow("bad text, %s", command)
                << args << 2
                << QStringLiteral("atc %1: --timeframe: %2").arg(QLatin1String(command), accepted);
        }
        QTest::newRow("finer than the data")
            << QStringList{"export", "--symbol", "D1", "--timeframe", "4h", "--db", "DB"} << 1
            << QStringLiteral("atc export: D1: 4h is finer than the data's timeframe (1d)\n");
        QTest::newRow("not a multiple")
            << QStringList{"export", "--symbol", "M3", "--timeframe", "5m", "--db", "DB"} << 1
            << QStringLiteral(
                   "atc export: M3: 5m is not a multiple of the data's timeframe (3m)\n");
        QTest::newRow("compute, finer")
            << QStringList{"compute", "--symbol", "D1",          "--db", "DB",
                           "--out",   "-",        "--timeframe", "1h"}
            << 1 << QStringLiteral("atc compute: D1: 1h is finer than the data's timeframe (1d)\n");
        QTest::newRow("zone for intraday buckets")
            << QStringList{"export", "--symbol", "M1",         "--timeframe",  "4h",
                           "--db",   "DB",       "--timezone", "Europe/Berlin"}
            << 2
            << QStringLiteral(
                   "a session time zone applies to daily and coarser timeframes; 4h "
                   "buckets are counted in UTC");
        QTest::newRow("unknown zone")
            << QStringList{"scan", "--db", "DB", "--timeframe", "1d", "--timezone", "Mars/Base"}
            << 2 << QStringLiteral("the time zone \"Mars/Base\" is not in the time zone database");
        QTest::newRow("zone alone")
            << QStringList{"export", "--symbol", "M1", "--db", "DB", "--timezone", "UTC"} << 2
            << QStringLiteral("--timezone needs a daily or coarser --timeframe");
        QTest::newRow("compute, two inputs")
            << QStringList{"compute", "--symbol", "M1", "--csv", "x.csv", "--out", "-"} << 2
            << QStringLiteral("--csv and --symbol choose different inputs");
    }

    void timeframeRefusals() {
        QFETCH(QStringList, args);
        QFETCH(int, exit_code);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        const QString db = make_timeframe_store(tmp.path());
        QVERIFY(!db.isEmpty());
        args.replaceInStrings(QRegularExpression(QStringLiteral("^DB$")), db);
        Run r;
        RUN_ATC(r, args);
        QCOMPARE(r.exit_code, exit_code);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QVERIFY2(r.out.isEmpty(), r.out.constData());
    }

    // Every symbol at 4h, from a database and from a folder: a symbol whose
    // data cannot be made into 4h is that symbol's error, the others are
    // scanned at 4h, and the outputs name the timeframe.
    void scanAtTimeframe() {
        QTemporaryDir tmp;
        const QString db = make_timeframe_store(tmp.path());
        QVERIFY(!db.isEmpty());
        const auto four_hours = [](const std::vector<atc::test::TestBar>& bars) {
            return static_cast<qint64>(atc::test::aggregate(bars, 4 * atc::test::kHourMs).size());
        };
        const QString report = tmp.filePath(QStringLiteral("scan.csv"));
        Run r;
        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--db"), db,
                QStringLiteral("--timeframe"), QStringLiteral("4h"), QStringLiteral("--json"),
                QStringLiteral("--report"), report);
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.contains("atc scan: skipped D1: 4h is finer than the data's timeframe (1d)"),
                 r.err.constData());
        QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value(QStringLiteral("timeframe")).toString(), QStringLiteral("4h"));
        QMap<QString, QJsonObject> rows = by_symbol(json.value(QStringLiteral("rows")));
        QCOMPARE(rows.keys(), (QStringList{"M1", "M3"}));
        QCOMPARE(rows["M1"].value(QStringLiteral("bars")).toInteger(), four_hours(m1_bars()));
        QCOMPARE(rows["M3"].value(QStringLiteral("bars")).toInteger(), four_hours(m3_bars()));
        QMap<QString, QJsonObject> errors = by_symbol(json.value(QStringLiteral("errors")));
        QCOMPARE(errors.keys(), QStringList{"D1"});
        QCOMPARE(errors["D1"].value(QStringLiteral("error")).toString(),
                 QStringLiteral("4h is finer than the data's timeframe (1d)"));
        const QList<QByteArray> lines = read_all(report).trimmed().split('\n');
        QVERIFY2(lines[0].endsWith(",strongest_family_equity,timeframe"), lines[0].constData());
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[1].endsWith(",4h") && lines[2].endsWith(",4h"), lines[1].constData());

        // The text says it too; the second scan at 4h is the result cache's.
        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--db"), db,
                QStringLiteral("--timeframe"), QStringLiteral("4h"));
        QVERIFY2(r.out.contains("3 symbols scanned at 4h: "), r.out.constData());
        QVERIFY2(r.out.contains("(2 from the result cache)"), r.out.constData());

        // Without --timeframe: each symbol's own bars and no timeframe named.
        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--db"), db, QStringLiteral("--json"),
                QStringLiteral("--report"), report);
        QCOMPARE(r.exit_code, 0);
        json = QJsonDocument::fromJson(r.out).object();
        QVERIFY(!json.contains(QStringLiteral("timeframe")));
        rows = by_symbol(json.value(QStringLiteral("rows")));
        QCOMPARE(rows["M1"].value(QStringLiteral("bars")).toInteger(),
                 static_cast<qint64>(m1_bars().size()));
        QVERIFY(read_all(report).startsWith(
            "table,rank,symbol,average,trend,last_close,bars,entry_direction,entry_bar,"
            "entry_label,scanned_at,bars_since_entry,entry_close,change_since_entry_pct,"
            "strongest_family,strongest_family_equity\n"));

        // A folder: the same files and one without times.
        const QString folder = tmp.filePath(QStringLiteral("csv"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(write_timeframe_files(folder));
        QVERIFY(write_all(folder + QStringLiteral("/NOTIME.csv"), "close\n1\n2\n3\n"));
        RUN_ATC(r, QStringLiteral("scan"), QStringLiteral("--csv-dir"), folder,
                QStringLiteral("--timeframe"), QStringLiteral("4h"), QStringLiteral("--json"));
        QCOMPARE(r.exit_code, 1);
        json = QJsonDocument::fromJson(r.out).object();
        rows = by_symbol(json.value(QStringLiteral("rows")));
        QCOMPARE(rows.keys(), (QStringList{"M1", "M3"}));
        QCOMPARE(rows["M1"].value(QStringLiteral("bars")).toInteger(), four_hours(m1_bars()));
        errors = by_symbol(json.value(QStringLiteral("errors")));
        QCOMPARE(errors.keys(), (QStringList{"D1", "NOTIME"}));
        QVERIFY2(errors["NOTIME"]
                     .value(QStringLiteral("error"))
                     .toString()
                     .contains(QStringLiteral("the data has no times")),
                 r.out.constData());
        QVERIFY2(r.err.contains("NOTIME.csv: the data has no times"), r.err.constData());
    }

    // ATC at 1h on stored minute bars is ATC on a CSV of those hourly bars;
    // a CSV's series is resampled the same way.
    void computeAtTimeframeEqualsComputeOnExportedBars() {
        QTemporaryDir tmp;
        const QString db = make_timeframe_store(tmp.path());
        QVERIFY(!db.isEmpty());
        const QString at_1h = tmp.filePath(QStringLiteral("at_1h.csv"));
        Run r;
        RUN_ATC(r, QStringLiteral("compute"), QStringLiteral("--symbol"), QStringLiteral("M1"),
                QStringLiteral("--db"), db, QStringLiteral("--timeframe"), QStringLiteral("1h"),
                QStringLiteral("--out"), at_1h);
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.err.startsWith("atc compute: the last 1h bar ("), r.err.constData());
        const QByteArray at_1h_signals = read_all(at_1h);
        QCOMPARE(parse_csv(at_1h_signals).rows.size(),
                 atc::test::aggregate(m1_bars(), atc::test::kHourMs).size());

        const QString hourly = tmp.filePath(QStringLiteral("hourly.csv"));
        RUN_ATC(r, QStringLiteral("export"), QStringLiteral("--symbol"), QStringLiteral("M1"),
                QStringLiteral("--db"), db, QStringLiteral("--timeframe"), QStringLiteral("1h"),
                QStringLiteral("--out"), hourly);
        QCOMPARE(r.exit_code, 0);
        RUN_ATC(r, QStringLiteral("compute"), QStringLiteral("--csv"), hourly,
                QStringLiteral("--out"), QStringLiteral("-"));
        QCOMPARE(r.exit_code, 0);
        QCOMPARE(r.out, at_1h_signals);

        RUN_ATC(r, QStringLiteral("compute"), QStringLiteral("--csv"),
                tmp.filePath(QStringLiteral("M1.csv")), QStringLiteral("--timeframe"),
                QStringLiteral("1h"), QStringLiteral("--out"), QStringLiteral("-"));
        QCOMPARE(r.exit_code, 0);
        QCOMPARE(r.out, at_1h_signals);

        // Without --timeframe: every minute.
        RUN_ATC(r, QStringLiteral("compute"), QStringLiteral("--symbol"), QStringLiteral("M1"),
                QStringLiteral("--db"), db, QStringLiteral("--out"), QStringLiteral("-"));
        QCOMPARE(r.exit_code, 0);
        QCOMPARE(parse_csv(r.out).rows.size(), m1_bars().size());
    }
};

QTEST_MAIN(TestCli)
#include "test_cli.moc"
