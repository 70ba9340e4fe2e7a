// SPDX-License-Identifier: GPL-3.0-or-later
// `atc report` and `atc scan --report` end to end: the built binary run as a
// user would, without a display (no DISPLAY, no QT_QPA_PLATFORM: the command
// must draw off screen by itself), against a throwaway database.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <filesystem>
#include <span>

#include "../support/drawing_pixels.hpp"
#include "../support/minute_bars.hpp"
#include "../support/pdf_tools.hpp"
#include "../support/project_version.hpp"
#include "atc/compute.hpp"
#include "atc/price_csv.hpp"
#include "atc/store/drawing_store.hpp"
#include "atc/store/symbol_store.hpp"
#include "charts/chart_format.hpp"

namespace {

struct Run {
    bool finished = false;  // false: crashed or hung
    int exit_code = -1;
    QByteArray out;
    QByteArray err;
};

QByteArray contents(const QString& file) {
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestCliReport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    // A headless environment: whatever display the test runner has is hidden.
    // `program` is the built atc unless given; `renderer` sets
    // ATC_REPORT_RENDERER (else atc finds its report renderer itself).
    Run atc(const QStringList& args, const QString& program = QStringLiteral(ATC_CLI_PATH),
            const QString& renderer = {}) const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name :
             {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "ATC_REPORT_RENDERER"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("ATC_DB"), path(QStringLiteral("store.sqlite")));
        if (!renderer.isEmpty())
            env.insert(QStringLiteral("ATC_REPORT_RENDERER"), renderer);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(program, args);
        Run r;
        r.finished = p.waitForStarted(30000) && p.waitForFinished(300000) &&
                     p.exitStatus() == QProcess::NormalExit;
        if (!r.finished) {
            p.kill();
            p.waitForFinished(5000);
        }
        r.exit_code = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    // The exit code, after checking the run ended by itself.
    static int code(const Run& r) { return r.finished ? r.exit_code : -1; }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // The first command creates the database with the bundled data.
        const Run r = atc({QStringLiteral("list")});
        QCOMPARE(code(r), 0);
        QVERIFY(r.out.contains("DAX"));
    }

    void pdfNamesSymbolParametersAndSignal() {
        QVERIFY2(!atc::test::poppler_tool(QStringLiteral("pdftotext")).isEmpty(),
                 atc::test::poppler_hint());
        const QString out = path(QStringLiteral("DAX.pdf"));
        const Run r =
            atc({QStringLiteral("report"), QStringLiteral("--symbol"), QStringLiteral("DAX"),
                 QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), out});
        QVERIFY2(code(r) == 0, r.err.constData());
        QVERIFY(contents(out).startsWith("%PDF-"));
        const atc::PriceSeries bars = atc::read_price_csv(std::string(ATC_SAMPLE_DIR) + "/DAX.csv");
        const atc::AtcResult expected = atc::compute_symbol(bars.close, atc::AtcParams{});
        const QString text = atc::test::pdf_text(out);
        // The header names the release, the version of the top-level CMakeLists.txt.
        const QString version = atc::test::cmake_project_version();
        QVERIFY(!version.isEmpty());
        for (const QString& needle :
             {QStringLiteral("DAX"), QStringLiteral("ema_len"), QStringLiteral("Medium"),
              QStringLiteral("Latest signals"), atc::ui::formatAverage(expected.average.back()),
              QStringLiteral("ATC Studio %1 · atc-engine-").arg(version)}) {
            QVERIFY2(text.contains(needle), qPrintable(QStringLiteral("missing: ") + needle));
        }
    }

    // The same columns and digits as `atc compute`, plus date and marker.
    void csvIsComputePlusDateAndMarker() {
        const QString report = path(QStringLiteral("DAX.csv"));
        const QString computed = path(QStringLiteral("DAX-compute.csv"));
        QCOMPARE(code(atc({QStringLiteral("report"), QStringLiteral("--symbol"),
                           QStringLiteral("DAX"), QStringLiteral("--out"), report})),
                 0);
        QCOMPARE(code(atc({QStringLiteral("compute"), QStringLiteral("--csv"),
                           QStringLiteral(ATC_SAMPLE_DIR "/DAX.csv"), QStringLiteral("--out"),
                           computed})),
                 0);
        const QList<QByteArray> ours = contents(report).split('\n');
        const QList<QByteArray> theirs = contents(computed).split('\n');
        QCOMPARE(ours.size(), theirs.size());
        for (qsizetype i = 0; i + 1 < ours.size(); ++i) {
            QList<QByteArray> f = ours[i].split(',');
            QCOMPARE(f.size(), 18);
            f.removeAt(1);           // date
            f.resize(f.size() - 3);  // marker, position, strategy_equity
            QCOMPARE(f.join(','), theirs[i]);
        }
        QVERIFY(ours[0].startsWith("bar,date,EMA_Signal,"));
        QVERIFY(ours[0].endsWith(",Average_Signal,marker,position,strategy_equity"));
    }

    void jsonAndPngByExtension() {
        const QString json = path(QStringLiteral("TTRC.json"));
        QCOMPARE(code(atc({QStringLiteral("report"), QStringLiteral("--symbol"),
                           QStringLiteral("TTRC"), QStringLiteral("--out"), json})),
                 0);
        const QJsonObject doc = QJsonDocument::fromJson(contents(json)).object();
        QCOMPARE(doc[QStringLiteral("symbol")].toString(), QStringLiteral("TTRC"));
        QVERIFY(!doc[QStringLiteral("data")]
                     .toObject()[QStringLiteral("provenance")]
                     .toString()
                     .isEmpty());
        const QJsonObject long_short = doc[QStringLiteral("performance")].toObject();
        QCOMPARE(long_short[QStringLiteral("mode")].toString(), QStringLiteral("long_short"));

        // --mode and --cost-bps reach the performance figures.
        const QString costly = path(QStringLiteral("TTRC-long-only.json"));
        QCOMPARE(code(atc({QStringLiteral("report"), QStringLiteral("--symbol"),
                           QStringLiteral("TTRC"), QStringLiteral("--mode"),
                           QStringLiteral("long-only"), QStringLiteral("--cost-bps"),
                           QStringLiteral("2.5"), QStringLiteral("--out"), costly})),
                 0);
        const QJsonObject long_only = QJsonDocument::fromJson(contents(costly))
                                          .object()[QStringLiteral("performance")]
                                          .toObject();
        QCOMPARE(long_only[QStringLiteral("mode")].toString(), QStringLiteral("long_only"));
        QCOMPARE(long_only[QStringLiteral("cost_bps")].toDouble(), 2.5);
        QVERIFY(long_only[QStringLiteral("time_in_market")].toDouble() <
                long_short[QStringLiteral("time_in_market")].toDouble());
        QCOMPARE(long_only[QStringLiteral("buy_and_hold_return")].toDouble(),
                 long_short[QStringLiteral("buy_and_hold_return")].toDouble());

        const QString png = path(QStringLiteral("TTRC.png"));
        QCOMPARE(code(atc({QStringLiteral("report"), QStringLiteral("--symbol"),
                           QStringLiteral("TTRC"), QStringLiteral("--size"),
                           QStringLiteral("640x400"), QStringLiteral("--out"), png})),
                 0);
        QCOMPARE(QImage(png).size(), QSize(640, 400));
    }

    // The symbol's drawings, as the app saved them, are in its report's charts.
    void reportDrawsTheSymbolsDrawings() {
        const QString png = path(QStringLiteral("TTRC-drawn.png"));
        const auto blue = [&] {
            const Run r = atc({QStringLiteral("report"), QStringLiteral("--symbol"),
                               QStringLiteral("TTRC"), QStringLiteral("--size"),
                               QStringLiteral("800x500"), QStringLiteral("--out"), png});
            return code(r) == 0 ? atc::test::drawingBluePixels(QImage(png)) : -1;
        };
        const int without = blue();
        QVERIFY(without >= 0);
        const std::filesystem::path db_path = path(QStringLiteral("store.sqlite")).toStdString();
        {
            atc::store::Database db = atc::store::Database::open(db_path);
            const atc::PriceSeries bars = atc::store::SymbolStore(db).load("TTRC");
            const auto [low, high] = std::minmax_element(bars.close.end() - 400, bars.close.end());
            const double middle = (*low + *high) / 2.0;
            const std::int64_t at = bars.time_ms[bars.time_ms.size() - 100];
            const atc::store::Drawing line{
                atc::store::DrawingKind::HorizontalLine, false, {at, middle}, {at, middle}, false};
            atc::store::DrawingStore(db).save("TTRC", std::span(&line, 1));
        }
        const int with = blue();
        {
            atc::store::Database db = atc::store::Database::open(db_path);
            atc::store::DrawingStore(db).save("TTRC", {});
        }
        // The line across the plot (its price tag's blue too).
        QVERIFY2(with - without > 400,
                 qPrintable(QStringLiteral("%1 blue pixels, %2 without").arg(with).arg(without)));
    }

    // Each cell of `atc sweep --json` is `atc report`'s performance for its
    // parameters, key for key and bit for bit (JSON numbers read back exactly).
    void sweepCellsAreTheReportsPerformance() {
        const QStringList performance = {QStringLiteral("--mode"), QStringLiteral("long-only"),
                                         QStringLiteral("--cost-bps"), QStringLiteral("5")};
        const Run sweep =
            atc(QStringList{QStringLiteral("sweep"), QStringLiteral("--symbol=TTRC"),
                            QStringLiteral("--vary=La=0.01,0.05"), QStringLiteral("--vary"),
                            QStringLiteral("ema_len=20:40:20"), QStringLiteral("--json")} +
                performance);
        QVERIFY2(code(sweep) == 0, sweep.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(sweep.out).object();
        const QJsonArray cells = doc[QStringLiteral("cells")].toArray();
        QCOMPARE(cells.size(), 4);
        QCOMPARE(doc[QStringLiteral("vary")].toArray()[1].toObject()[QStringLiteral("values")],
                 QJsonValue(QJsonArray{20, 40}));
        // The last cell: La = 0.05, ema_len = 40 (the first --vary slowest).
        const QJsonObject cell = cells[3].toObject();
        QCOMPARE(cell[QStringLiteral("La")].toDouble(), 0.05);
        QCOMPARE(cell[QStringLiteral("ema_len")].toInt(), 40);
        QVERIFY(cell[QStringLiteral("error")].isNull());

        const QString params = path(QStringLiteral("sweep-cell.json"));
        QFile file(params);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"La": 0.05, "ema_len": 40})");
        file.close();
        const QString json = path(QStringLiteral("sweep-cell-report.json"));
        const Run report =
            atc(QStringList{QStringLiteral("report"), QStringLiteral("--symbol=TTRC"),
                            QStringLiteral("--params"), params, QStringLiteral("--out"), json} +
                performance);
        QVERIFY2(code(report) == 0, report.err.constData());
        const QJsonObject reported = QJsonDocument::fromJson(contents(json))
                                         .object()[QStringLiteral("performance")]
                                         .toObject();
        QCOMPARE(reported.size(), 16);
        QCOMPARE(cell[QStringLiteral("performance")].toObject(), reported);
        // And the cells differ, so a sweep that ignored an axis could not pass.
        QVERIFY(cells[0].toObject()[QStringLiteral("performance")].toObject() != reported);
    }

    // The table names the best cell and warns that it is in-sample; --split
    // adds the figures on the bars that played no part in the choice.
    void sweepTableAndSplit() {
        const QStringList args = {QStringLiteral("sweep"), QStringLiteral("--symbol=TTRC"),
                                  QStringLiteral("--vary=De=0.01:0.05:0.02")};
        const Run plain = atc(args);
        QVERIFY2(code(plain) == 0, plain.err.constData());
        const QString text = QString::fromUtf8(plain.out);
        QVERIFY2(text.contains(QStringLiteral("Best by Sharpe: De=")), plain.out.constData());
        QVERIFY(text.contains(QStringLiteral("overstates what the signal will do")));
        QVERIFY(text.contains(QStringLiteral("3 cells in")));

        const Run split =
            atc(args + QStringList{QStringLiteral("--split=70"), QStringLiteral("--json")});
        QVERIFY2(code(split) == 0, split.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(split.out).object();
        QCOMPARE(doc[QStringLiteral("split")].toObject()[QStringLiteral("bar")].toInt(),
                 qRound(0.7 * (5550 - 1)));
        const QJsonObject cell = doc[QStringLiteral("cells")].toArray()[0].toObject();
        QVERIFY(cell[QStringLiteral("in_sample")].isObject());
        QVERIFY(cell[QStringLiteral("out_of_sample")].isObject());
        QVERIFY(cell[QStringLiteral("in_sample")].toObject()[QStringLiteral("total_return")] !=
                cell[QStringLiteral("out_of_sample")].toObject()[QStringLiteral("total_return")]);
    }

    void sweepMistakes_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exit");
        QTest::addColumn<QString>("message");
        const QString symbol = QStringLiteral("--symbol=TTRC");
        QTest::newRow("no vary") << QStringList{symbol} << 2 << QStringLiteral("give --vary");
        QTest::newRow("three") << QStringList{symbol, QStringLiteral("--vary=La=1"),
                                              QStringLiteral("--vary=De=1"),
                                              QStringLiteral("--vary=cutout=1")}
                               << 2 << QStringLiteral("once or twice");
        QTest::newRow("unknown") << QStringList{symbol, QStringLiteral("--vary=la=1")} << 2
                                 << QStringLiteral("did you mean \"La\"");
        QTest::newRow("twice") << QStringList{symbol, QStringLiteral("--vary=La=1"),
                                              QStringLiteral("--vary=La=2")}
                               << 2 << QStringLiteral("--vary names La twice");
        QTest::newRow("too many") << QStringList{symbol, QStringLiteral("--vary=ema_len=1:200:1")}
                                  << 2 << QStringLiteral("at most 50");
        QTest::newRow("split") << QStringList{symbol, QStringLiteral("--vary=La=1"),
                                              QStringLiteral("--split=100")}
                               << 2 << QStringLiteral("invalid value for --split: '100'");
        QTest::newRow("metric") << QStringList{symbol, QStringLiteral("--vary=La=1"),
                                               QStringLiteral("--metric=profit")}
                                << 2 << QStringLiteral("expected one of sharpe, total_return");
        QTest::newRow("no cell runs")
            << QStringList{symbol, QStringLiteral("--vary=cutout=6000,7000")} << 1
            << QStringLiteral("no cell could run");
        QTest::newRow("no symbol")
            << QStringList{QStringLiteral("--symbol=NOPE"), QStringLiteral("--vary=La=1")} << 1
            << QStringLiteral("no symbol 'NOPE'");
    }

    void sweepMistakes() {
        QFETCH(QStringList, args);
        QFETCH(int, exit);
        QFETCH(QString, message);
        const Run r = atc(QStringList{QStringLiteral("sweep")} + args);
        QCOMPARE(code(r), exit);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void mistakesAreUsageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString out = QStringLiteral("--out=x.pdf");
        QTest::newRow("bad format")
            << QStringList{QStringLiteral("--symbol=DAX"), QStringLiteral("--format=docx"), out}
            << QStringLiteral("invalid value for --format: 'docx'");
        QTest::newRow("no format")
            << QStringList{QStringLiteral("--symbol=DAX"), QStringLiteral("--out=x")}
            << QStringLiteral("give --format");
        QTest::newRow("size for pdf")
            << QStringList{QStringLiteral("--symbol=DAX"), QStringLiteral("--size=800x600"), out}
            << QStringLiteral("--size is for --format png only");
        QTest::newRow("bad size") << QStringList{QStringLiteral("--symbol=DAX"),
                                                 QStringLiteral("--size=10x10"),
                                                 QStringLiteral("--out=x.png")}
                                  << QStringLiteral("invalid value for --size");
        QTest::newRow("no symbol")
            << QStringList{out} << QStringLiteral("missing required option --symbol");
        QTest::newRow("bad mode")
            << QStringList{QStringLiteral("--symbol=DAX"), QStringLiteral("--mode=sideways"), out}
            << QStringLiteral(
                   "invalid value for --mode: 'sideways' (expected long-short or "
                   "long-only)");
        QTest::newRow("negative cost")
            << QStringList{QStringLiteral("--symbol=DAX"), QStringLiteral("--cost-bps=-1"), out}
            << QStringLiteral("invalid value for --cost-bps: '-1'");
        QTest::newRow("bad timeframe")
            << QStringList{QStringLiteral("--symbol=DAX"), QStringLiteral("--timeframe=4x"), out}
            << QStringLiteral("--timeframe: \"4x\" is not a timeframe (write a count and a unit");
    }

    void mistakesAreUsageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = atc(QStringList{QStringLiteral("report")} + args);
        QCOMPARE(code(r), 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    // An unknown symbol or an unwritable file: exit 1, nothing written, and an
    // existing file keeps what it had.
    void failuresLeaveNothing() {
        const QString kept = path(QStringLiteral("kept.pdf"));
        {
            QFile f(kept);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old");
        }
        Run r = atc({QStringLiteral("report"), QStringLiteral("--symbol"), QStringLiteral("NOPE"),
                     QStringLiteral("--out"), kept});
        QCOMPARE(code(r), 1);
        QVERIFY2(r.err.contains("no symbol 'NOPE'"), r.err.constData());
        QCOMPARE(contents(kept), QByteArray("old"));

        const QString unwritable = path(QStringLiteral("no/such/dir/DAX.pdf"));
        r = atc({QStringLiteral("report"), QStringLiteral("--symbol"), QStringLiteral("DAX"),
                 QStringLiteral("--out"), unwritable});
        QCOMPARE(code(r), 1);
        QVERIFY2(r.err.contains("atc report:"), r.err.constData());
        QVERIFY(!QFile::exists(unwritable));
    }

    // At 4h from one-minute data whose last 4 hours are unfinished: the report
    // names the timeframe and the data's own, and says the last bar is forming.
    void reportFollowsTheTimeframe() {
        QVERIFY2(!atc::test::poppler_tool(QStringLiteral("pdftotext")).isEmpty(),
                 atc::test::poppler_hint());
        // 3,000 minutes from 2024-01-01T00:00Z: the last bar, at 01:59 on the
        // 3rd, is 2 hours into its 4-hour bucket.
        const std::vector<atc::test::TestBar> minutes =
            atc::test::random_bars(3'000, atc::test::kMinuteMs);
        const std::vector<atc::test::TestBar> buckets =
            atc::test::aggregate(minutes, 4 * atc::test::kHourMs);
        const QString csv = path(QStringLiteral("MINUTES.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(atc::test::bars_csv(minutes));
        }
        QCOMPARE(code(atc({QStringLiteral("import"), csv})), 0);

        const QString json = path(QStringLiteral("MINUTES-4h.json"));
        Run r = atc({QStringLiteral("report"), QStringLiteral("--symbol"),
                     QStringLiteral("MINUTES"), QStringLiteral("--timeframe"), QStringLiteral("4h"),
                     QStringLiteral("--out"), json});
        QVERIFY2(code(r) == 0, r.err.constData());
        QCOMPARE(r.err, QByteArray("atc report: the last 4h bar (2024-01-03T00:00:00Z) is still "
                                   "forming: the data ends at 2024-01-03T01:59:00Z\n"));
        QJsonObject doc = QJsonDocument::fromJson(contents(json)).object();
        QJsonObject data = doc[QStringLiteral("data")].toObject();
        QCOMPARE(data[QStringLiteral("timeframe")].toString(), QStringLiteral("4h"));
        QCOMPARE(data[QStringLiteral("source_timeframe")].toString(), QStringLiteral("1m"));
        QCOMPARE(data[QStringLiteral("bars")].toInteger(), static_cast<qint64>(buckets.size()));
        QCOMPARE(data[QStringLiteral("last")].toString(), QStringLiteral("2024-01-03T00:00:00Z"));
        QCOMPARE(doc[QStringLiteral("latest")].toObject()[QStringLiteral("forming")].toBool(),
                 true);
        QCOMPARE(doc[QStringLiteral("latest")].toObject()[QStringLiteral("close")].toDouble(),
                 buckets.back().close);

        const QString pdf = path(QStringLiteral("MINUTES-4h.pdf"));
        r = atc({QStringLiteral("report"), QStringLiteral("--symbol"), QStringLiteral("MINUTES"),
                 QStringLiteral("--timeframe"), QStringLiteral("4h"), QStringLiteral("--out"),
                 pdf});
        QVERIFY2(code(r) == 0, r.err.constData());
        const QString text = atc::test::pdf_text(pdf).simplified();
        for (const QString& needle :
             {QStringLiteral("Timeframe 4h (from 1m data) · %1 bars").arg(buckets.size()),
              QStringLiteral("the last bar is still forming"),
              QStringLiteral("2024-01-03 00:00 · forming")}) {
            QVERIFY2(text.contains(needle), qPrintable(QStringLiteral("missing: ") + needle));
        }

        // At the data's own timeframe: every minute, nothing forming.
        r = atc({QStringLiteral("report"), QStringLiteral("--symbol"), QStringLiteral("MINUTES"),
                 QStringLiteral("--out"), json});
        QVERIFY2(code(r) == 0, r.err.constData());
        doc = QJsonDocument::fromJson(contents(json)).object();
        data = doc[QStringLiteral("data")].toObject();
        QCOMPARE(data[QStringLiteral("timeframe")].toString(), QStringLiteral("1m"));
        QCOMPARE(data[QStringLiteral("source_timeframe")].toString(), QStringLiteral("1m"));
        QCOMPARE(data[QStringLiteral("bars")].toInteger(), static_cast<qint64>(minutes.size()));
        QCOMPARE(doc[QStringLiteral("latest")].toObject()[QStringLiteral("forming")].toBool(),
                 false);

        // Data that cannot be made into 4h: the symbol and the reason.
        r = atc({QStringLiteral("report"), QStringLiteral("--symbol"), QStringLiteral("TTRC"),
                 QStringLiteral("--timeframe"), QStringLiteral("4h"), QStringLiteral("--out"),
                 json});
        QCOMPARE(code(r), 1);
        QCOMPARE(r.err,
                 QByteArray("atc report: TTRC: 4h is finer than the data's timeframe (1d)\n"));

        // A scan's PDF report names the timeframe it was made at.
        const QString folder = path(QStringLiteral("minutes"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(csv, folder + QStringLiteral("/MINUTES.csv")));
        const QString scan_pdf = path(QStringLiteral("scan-4h.pdf"));
        r = atc({QStringLiteral("scan"), QStringLiteral("--csv-dir"), folder,
                 QStringLiteral("--timeframe"), QStringLiteral("4h"), QStringLiteral("--report"),
                 scan_pdf});
        QVERIFY2(code(r) == 0, r.err.constData());
        QVERIFY(atc::test::pdf_text(scan_pdf).contains(QStringLiteral("timeframe 4h")));
    }

    // 50,000 minutes: the PDF names the last 50 trades and how many there
    // are, in a few pages; the JSON and the CSV list every trade.
    void pdfSummarisesTheTradesOfManyBars() {
        QVERIFY2(!atc::test::poppler_tool(QStringLiteral("pdftotext")).isEmpty(),
                 atc::test::poppler_hint());
        const QString csv = path(QStringLiteral("MANY.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(atc::test::bars_csv(atc::test::random_bars(50'000, atc::test::kMinuteMs)));
        }
        QCOMPARE(code(atc({QStringLiteral("import"), csv})), 0);
        const auto report = [this](const QString& file) {
            return atc({QStringLiteral("report"), QStringLiteral("--symbol"),
                        QStringLiteral("MANY"), QStringLiteral("--out"), file});
        };
        const QString json = path(QStringLiteral("MANY.json"));
        Run r = report(json);
        QVERIFY2(code(r) == 0, r.err.constData());
        const qsizetype trades = QJsonDocument::fromJson(contents(json))
                                     .object()[QStringLiteral("markers")]
                                     .toArray()
                                     .size();
        QVERIFY2(trades > 200, qPrintable(QString::number(trades)));
        const QString table = path(QStringLiteral("MANY-report.csv"));
        r = report(table);
        QVERIFY2(code(r) == 0, r.err.constData());
        const QByteArray rows = contents(table);
        QCOMPARE(rows.count(",long,") + rows.count(",short,"), trades);

        const QString pdf = path(QStringLiteral("MANY.pdf"));
        r = report(pdf);
        QVERIFY2(code(r) == 0, r.err.constData());
        const QString text = atc::test::pdf_text(pdf).simplified();
        const QString needle = QStringLiteral(
                                   "last 50 of %1 trades; every trade is in the CSV "
                                   "and JSON reports")
                                   .arg(QLocale(QLocale::English).toString(trades));
        QVERIFY2(text.contains(needle), qPrintable(QStringLiteral("missing: ") + needle));
        QVERIFY(atc::test::pdf_pages(atc::test::pdf_text(pdf)) <= 4);
        QVERIFY(QFileInfo(pdf).size() < 1'000'000);
    }

    // atc runs the reports in atc-report-render, which it looks for beside
    // itself as installed (../libexec/atc-studio/) and as built (its folder).
    // A broken install says what is missing and where it looked, writes
    // nothing and exits 1.
    void reportsRunInTheRenderer() {
        const QString bin = path(QStringLiteral("usr/bin"));
        const QString libexec = path(QStringLiteral("usr/libexec/atc-studio"));
        QVERIFY(QDir().mkpath(bin) && QDir().mkpath(libexec));
        // As atc sees itself (/proc/self/exe): with any symlink resolved.
        const QString real_bin = QFileInfo(bin).canonicalFilePath();
        const QString real_libexec = QFileInfo(libexec).canonicalFilePath();
        const QString program = bin + QStringLiteral("/atc");
        QVERIFY(QFile::copy(QStringLiteral(ATC_CLI_PATH), program));
        const QString out = path(QStringLiteral("renderer.csv"));
        const QStringList report = {QStringLiteral("report"), QStringLiteral("--symbol=DAX"),
                                    QStringLiteral("--out"), out};
        Run r = atc(report, program);
        QCOMPARE(code(r), 1);
        QCOMPARE(QString::fromUtf8(r.err),
                 QStringLiteral("atc report: cannot find the report renderer, which writes the "
                                "reports: no program at %1/atc-report-render or "
                                "%2/atc-report-render (reinstall atc-studio, or set "
                                "ATC_REPORT_RENDERER to the renderer)\n")
                     .arg(real_libexec, real_bin));
        QVERIFY(!QFile::exists(out));

        const QString built = QFileInfo(QStringLiteral(ATC_CLI_PATH))
                                  .dir()
                                  .filePath(QStringLiteral("atc-report-render"));
        QVERIFY(QFile::link(built, libexec + QStringLiteral("/atc-report-render")));
        r = atc(report, program);
        QVERIFY2(code(r) == 0, r.err.constData());
        QVERIFY(contents(out).startsWith("bar,date,"));

        // ATC_REPORT_RENDERER, for a scan too: nothing is scanned.
        const QString nowhere = path(QStringLiteral("no-renderer"));
        r = atc(
            {QStringLiteral("scan"), QStringLiteral("--csv-dir"), QStringLiteral(ATC_SAMPLE_DIR),
             QStringLiteral("--report"), path(QStringLiteral("orphan.pdf"))},
            QStringLiteral(ATC_CLI_PATH), nowhere);
        QCOMPARE(code(r), 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(QString::fromUtf8(r.err),
                 QStringLiteral("atc scan: cannot find the report renderer, which writes the "
                                "reports: no program at %1 (ATC_REPORT_RENDERER)\n")
                     .arg(nowhere));
        QVERIFY(!QFile::exists(path(QStringLiteral("orphan.pdf"))));
    }

    void scanWritesItsReport() {
        for (const QString& ext :
             {QStringLiteral("pdf"), QStringLiteral("csv"), QStringLiteral("json")}) {
            const QString out = path(QStringLiteral("scan.") + ext);
            const Run r = atc({QStringLiteral("scan"), QStringLiteral("--csv-dir"),
                               QStringLiteral(ATC_SAMPLE_DIR), QStringLiteral("--report"), out});
            QVERIFY2(code(r) == 0, r.err.constData());
            QVERIFY(r.out.contains("LONG"));  // the tables are still printed
            const QByteArray bytes = contents(out);
            QVERIFY(bytes.contains(ext == QStringLiteral("pdf") ? "%PDF-" : "DAX"));
            if (ext == QStringLiteral("pdf")) {
                const QString text = atc::test::pdf_text(out);
                QVERIFY(text.contains(QStringLiteral("ATC scan")));
                QVERIFY(text.contains(QStringLiteral("TTRC")));
            }
        }
        // Refused before anything is scanned: no chart in a scan, and an unknown kind.
        Run r = atc({QStringLiteral("scan"), QStringLiteral("--csv-dir"),
                     QStringLiteral(ATC_SAMPLE_DIR), QStringLiteral("--report"),
                     path(QStringLiteral("scan.png"))});
        QCOMPARE(code(r), 2);
        QVERIFY(r.out.isEmpty());
        const QString unwritable = path(QStringLiteral("missing/scan.csv"));
        r = atc({QStringLiteral("scan"), QStringLiteral("--csv-dir"),
                 QStringLiteral(ATC_SAMPLE_DIR), QStringLiteral("--report"), unwritable});
        QCOMPARE(code(r), 1);
        QVERIFY(!QFile::exists(unwritable));
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "test_cli_report.moc"
