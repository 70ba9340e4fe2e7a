// SPDX-License-Identifier: GPL-3.0-or-later
// `atc fetch`, `atc update` and `atc import URL` end to end: the built atc
// (ATC_CLI_PATH) run with QProcess against a fake Binance on 127.0.0.1
// (ATC_BINANCE_URL), including an `atc fetch` killed with SIGKILL mid-way.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>

#include "atc/store/database.hpp"
#include "atc/store/symbol_store.hpp"
#include "support/fake_binance.hpp"

using atc::test::FakeAnswer;
using atc::test::FakeBinance;

namespace {

constexpr std::int64_t kHour = 3'600'000;

struct Run {
    int exit_code = -1;
    QString out;
    QString err;
};

class CliFeeds {
public:
    explicit CliFeeds(const FakeBinance& server) : server_url_(server.url()) {}

    QString db() const { return dir_.filePath("feeds.sqlite"); }

    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("ATC_DB", db());
        env.insert("ATC_BINANCE_URL", QString::fromStdString(server_url_));
        env.insert("ATC_BINANCE_FUTURES_URL", QString::fromStdString(server_url_));
        env.insert("no_proxy", "127.0.0.1,localhost");
        return env;
    }

    Run run(const QStringList& args) const {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(ATC_CLI_PATH), args);
        Run r;
        if (!p.waitForFinished(120'000)) {
            p.kill();
            p.waitForFinished();
            r.err = "atc hung";
            return r;
        }
        r.exit_code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // The stored bars' open times of `name`.
    std::vector<std::int64_t> stored_times(const std::string& name) const {
        atc::store::Database database = atc::store::Database::open(db().toStdString());
        atc::store::SymbolStore store(database);
        return store.find(name) ? store.load(name).time_ms : std::vector<std::int64_t>{};
    }

private:
    QTemporaryDir dir_;
    std::string server_url_;
};

QString utc_date(std::int64_t time_ms) {
    return QDateTime::fromMSecsSinceEpoch(time_ms, Qt::UTC).toString("yyyy-MM-ddTHH:mm");
}

bool contiguous(const std::vector<std::int64_t>& times, std::int64_t first, std::int64_t step) {
    for (std::size_t i = 0; i < times.size(); ++i) {
        if (times[i] != first + static_cast<std::int64_t>(i) * step)
            return false;
    }
    return true;
}

}  // namespace

class TestCliFeeds : public QObject {
    Q_OBJECT

private slots:
    void fetchThenUpdate() {
        FakeBinance server;
        const std::int64_t first = atc::test::aligned_open_ms(kHour, 2'500);
        server.add_series("BTCUSDT", "1h", first, kHour, 2'501);
        const CliFeeds cli(server);
        Run r = cli.run({"fetch", "--exchange", "binance", "--symbol", "btcusdt", "--interval",
                         "1h", "--since", utc_date(first)});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("BTCUSDT: 2500 new bars from binance:spot:BTCUSDT:1h"),
                 qPrintable(r.out));
        QVERIFY2(r.err.contains("page 3: 2500 bars stored"), qPrintable(r.err));
        QVERIFY(contiguous(cli.stored_times("BTCUSDT"), first, kHour));
        QCOMPARE(cli.stored_times("BTCUSDT").size(), std::size_t{2'500});

        r = cli.run({"list"});
        QVERIFY2(r.out.contains(
                     QRegularExpression("BTCUSDT +downloaded +2500 +1h .*binance:spot:BTCUSDT:1h")),
                 qPrintable(r.out));

        // Again, and as updates: nothing new, and said so.
        r = cli.run({"fetch", "--exchange", "binance", "--symbol", "BTCUSDT", "--interval", "1h"});
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.out.contains("BTCUSDT: up to date, no new closed bars"), qPrintable(r.out));
        r = cli.run({"update", "BTCUSDT"});
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.out.contains("up to date"), qPrintable(r.out));
        r = cli.run({"update", "--all"});
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.out.contains("1 downloaded symbol checked"), qPrintable(r.out));
        QCOMPARE(cli.stored_times("BTCUSDT").size(), std::size_t{2'500});

        // The bundled samples have no source record.
        r = cli.run({"update", "DAX", "BTCUSDT"});
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.contains("\"DAX\" cannot be updated"), qPrintable(r.err));
        QVERIFY2(r.out.contains("BTCUSDT: up to date"), qPrintable(r.out));

        // --as and the futures market.
        server.add_series("ETHUSDT", "1d", atc::test::aligned_open_ms(24 * kHour, 30), 24 * kHour,
                          31);
        r = cli.run({"fetch", "--exchange", "binance", "--market", "futures", "--symbol", "ETHUSDT",
                     "--interval", "1d", "--as", "ETH-PERP"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("ETH-PERP: 30 new bars from binance:futures:ETHUSDT:1d"),
                 qPrintable(r.out));
        QVERIFY(server.targets().back().starts_with("/fapi/v1/klines?symbol=ETHUSDT"));
    }

    void wrongCallsAreUsageErrors() {
        FakeBinance server;
        const CliFeeds cli(server);
        const QStringList good = {"--exchange", "binance",    "--symbol",
                                  "BTCUSDT",    "--interval", "1h"};
        const QList<QPair<QStringList, QString>> wrong = {
            {{"fetch", "--symbol", "BTCUSDT", "--interval", "1h"}, "--exchange"},
            {QStringList{"fetch"} + good + QStringList{"--market", "margin"}, "--market"},
            {{"fetch", "--exchange", "kraken", "--symbol", "X", "--interval", "1h"}, "binance"},
            {{"fetch", "--exchange", "binance", "--symbol", "X", "--interval", "1s"}, "--interval"},
            {QStringList{"fetch"} + good + QStringList{"--since", "2024-02-30"}, "--since"},
            {{"update"}, "--all"},
            {{"update", "--all", "BTCUSDT"}, "--all"},
        };
        for (const auto& [args, says] : wrong) {
            const Run r = cli.run(args);
            QVERIFY2(r.exit_code == 2, qPrintable(args.join(' ') + ": " + r.err));
            QVERIFY2(r.err.contains(says), qPrintable(r.err));
        }
        QVERIFY(server.targets().empty());
        const Run help = cli.run({"help", "fetch"});
        QVERIFY(help.out.contains("--since DATE") && help.out.contains("1,000 candles back"));
    }

    void banIsReportedWithItsEnd() {
        FakeBinance server;
        server.queue({418, "{\"code\":-1003,\"msg\":\"banned\"}", {{"Retry-After", "600"}}, 0});
        const CliFeeds cli(server);
        const Run r =
            cli.run({"fetch", "--exchange", "binance", "--symbol", "BTCUSDT", "--interval", "1h"});
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(
            r.err.contains(QRegularExpression("banned this IP address until \\d{4}-\\d\\d-\\d\\d "
                                              "\\d\\d:\\d\\d:\\d\\d UTC")),
            qPrintable(r.err));
        QCOMPARE(server.targets().size(), std::size_t{1});
    }

    void importsCsvFromUrl() {
        FakeBinance server;
        server.add_file("/data/ACME-daily.csv",
                        "date,open,high,low,close,volume\n"
                        "2024-01-02,10,11,9,10.5,100\n2024-01-03,10.5,12,10,11.5,120\n"
                        "2024-01-04,11.5,12,11,11.8,90\n");
        const CliFeeds cli(server);
        const QString url = QString::fromStdString(server.url()) + "/data/ACME-daily.csv";
        Run r = cli.run({"import", url});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("imported ACME-daily: 3 bars, 1d from " + url), qPrintable(r.out));
        r = cli.run({"list"});
        QVERIFY2(r.out.contains(QRegularExpression("ACME-daily +imported .*" +
                                                   QRegularExpression::escape(url))),
                 qPrintable(r.out));
        r = cli.run({"import", "--dry-run", url});
        QVERIFY2(r.out.contains("bars        3"), qPrintable(r.out));

        r = cli.run({"import", QString::fromStdString(server.url()) + "/data/missing.csv"});
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.contains("HTTP 404") && r.err.contains("nothing imported"),
                 qPrintable(r.err));
    }

    // SIGKILL in the middle of a slow fetch: every page committed before it
    // is stored whole, and `atc update` resumes right after the last stored
    // bar, with no gap and no bar twice.
    void killedFetchResumes() {
        FakeBinance server;
        const std::int64_t first = atc::test::aligned_open_ms(kHour, 5'000);
        server.add_series("BTCUSDT", "1h", first, kHour, 5'001);
        server.set_delay(std::chrono::milliseconds(400));
        const CliFeeds cli(server);
        QProcess fetch;
        fetch.setProcessEnvironment(cli.environment());
        fetch.start(QStringLiteral(ATC_CLI_PATH),
                    {"fetch", "--exchange", "binance", "--symbol", "BTCUSDT", "--interval", "1h",
                     "--since", utc_date(first)});
        QVERIFY(fetch.waitForStarted());
        QByteArray err;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (!err.contains("page 2:") && std::chrono::steady_clock::now() < deadline) {
            fetch.waitForReadyRead(100);
            err += fetch.readAllStandardError();
        }
        QVERIFY2(err.contains("page 2:"), err.constData());
        fetch.kill();  // SIGKILL: no chance to clean up
        QVERIFY(fetch.waitForFinished());
        QCOMPARE(fetch.exitStatus(), QProcess::CrashExit);

        const std::vector<std::int64_t> kept = cli.stored_times("BTCUSDT");
        QVERIFY2(kept.size() >= 2'000 && kept.size() < 5'000 && kept.size() % 1'000 == 0,
                 qPrintable(QString::number(kept.size())));
        QVERIFY(contiguous(kept, first, kHour));

        server.set_delay(std::chrono::milliseconds(0));
        const std::size_t asked_before = server.targets().size();
        const Run r = cli.run({"update", "BTCUSDT"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        const std::string resume = "startTime=" + std::to_string(kept.back() + 1);
        QVERIFY(server.targets()[asked_before].ends_with(resume));
        const std::vector<std::int64_t> all = cli.stored_times("BTCUSDT");
        QCOMPARE(all.size(), std::size_t{5'000});
        QVERIFY(contiguous(all, first, kHour));
    }
};

QTEST_GUILESS_MAIN(TestCliFeeds)
#include "test_cli_feeds.moc"
