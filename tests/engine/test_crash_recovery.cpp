// SPDX-License-Identifier: GPL-3.0-or-later
// A process killed while it writes the result cache (and symbols) leaves a
// database that the next start opens as it is: consistent (WAL), every symbol
// and its bars bit for bit, every committed cache entry decoding to the right
// result, and whatever was not committed cleanly absent.
//
// The writer is a separate program (cache_writer_child): it is killed with
// SIGKILL, several times, after different numbers of commits and at different
// moments within one. No fork() here: this process runs threads.
#include <signal.h>
#include <sys/types.h>

#include <QProcess>
#include <QtTest>
#include <chrono>
#include <filesystem>
#include <random>
#include <set>
#include <thread>

#include "atc/batch.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/store/database.hpp"
#include "atc/store/symbol_store.hpp"
#include "crash_child_data.hpp"
#include "test_result_cache_support.hpp"

using namespace atc;
namespace fs = std::filesystem;

namespace {

// What a killed child said it had committed.
struct ChildLog {
    std::set<std::size_t> cache_entries;
    std::set<std::size_t> symbols;
    std::size_t lines = 0;

    void read(const QByteArray& text) {
        for (const QByteArray& line : text.split('\n')) {
            const QList<QByteArray> parts = line.trimmed().split(' ');
            if (parts.size() != 2)
                continue;
            const auto i = static_cast<std::size_t>(parts[1].toULongLong());
            if (parts[0] == "cache")
                cache_entries.insert(i);
            else if (parts[0] == "symbol")
                symbols.insert(i);
            ++lines;
        }
    }
};

bool same_bars(const PriceSeries& a, const PriceSeries& b) {
    return test::same_bits(a.close, b.close) && a.time_ms == b.time_ms &&
           test::same_bits(a.open, b.open) && test::same_bits(a.high, b.high) &&
           test::same_bits(a.low, b.low) && test::same_bits(a.volume, b.volume) &&
           a.labels == b.labels;
}

SymbolScan expected_scan(unsigned seed, std::size_t i) {
    const std::vector<double> close = test::child_close(seed, i);
    const std::span<const double> one[] = {close};
    BatchOptions keep;
    keep.keep_series = true;
    return std::move(compute_batch(one, AtcParams{}, keep).symbols.front());
}

}  // namespace

class TestCrashRecovery : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    fs::path file_;
    std::vector<std::pair<std::string, PriceSeries>> user_symbols_;
    int fully_checked_after_kill_ = 0;  // opens that found a WAL left behind

    // Starts the child, lets it commit `lines` lines, waits `extra` more, kills it.
    ChildLog run_and_kill(unsigned seed, std::size_t lines, std::chrono::microseconds extra) {
        QProcess child;
        child.setProgram(QStringLiteral(ATC_CACHE_WRITER_CHILD));
        child.setArguments({QString::fromStdString(file_.string()), QString::number(seed)});
        child.start();
        if (!child.waitForStarted(10'000))
            qFatal("cache_writer_child did not start: %s", qPrintable(child.errorString()));
        ChildLog log;
        QByteArray seen;
        QElapsedTimer waited;
        waited.start();
        while (static_cast<std::size_t>(seen.count('\n')) < lines && waited.elapsed() < 30'000) {
            if (child.state() != QProcess::Running)
                qFatal("cache_writer_child stopped by itself: %s",
                       child.readAllStandardError().constData());
            child.waitForReadyRead(100);
            seen += child.readAllStandardOutput();
        }
        std::this_thread::sleep_for(extra);
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        child.waitForFinished(10'000);
        seen += child.readAllStandardOutput();
        log.read(seen);
        const QByteArray errors = child.readAllStandardError();
        if (!errors.isEmpty())
            qFatal("cache_writer_child reported: %s", errors.constData());
        return log;
    }

    void verify_after_kill(unsigned seed, const ChildLog& log) {
        // A killed writer leaves its WAL: the open that finds it reads the
        // whole file (SQLite's quick_check), not only the small tables.
        fs::path wal = file_;
        wal += "-wal";
        std::error_code ec;
        const bool wal_left = fs::exists(wal, ec) && fs::file_size(wal, ec) > 0;
        store::OpenReport report;
        store::Database db = store::Database::open(file_, &report);
        QVERIFY2(report.moved_aside.empty(), report.problem.c_str());
        QCOMPARE(report.access, store::Access::ReadWrite);
        if (wal_left) {
            QVERIFY(report.fully_checked);
            ++fully_checked_after_kill_;
        }
        {
            store::Statement check(db, "PRAGMA integrity_check");
            QVERIFY(check.step());
            QCOMPARE(check.text(0), std::string("ok"));
        }
        store::SymbolStore symbols(db);
        for (const auto& [name, bars] : user_symbols_)
            QVERIFY2(same_bars(symbols.load(name), bars), name.c_str());
        for (const std::size_t i : log.symbols)
            QVERIFY(symbols.find(test::child_symbol_name(seed, i)).has_value());
        // Every child symbol there (reported or committed just before the kill)
        // is whole.
        for (const store::SymbolInfo& info : symbols.list()) {
            const QString name = QString::fromStdString(info.meta.name);
            if (!name.startsWith(QStringLiteral("CHILD-%1-").arg(seed)))
                continue;
            const auto i = static_cast<std::size_t>(name.section('-', 2).toULongLong());
            QVERIFY2(same_bars(symbols.load(info.meta.name), test::child_bars(seed, i)),
                     qPrintable(name));
        }

        cache::ResultCacheOptions options;
        options.database = file_;
        std::atomic<int> disk_errors{0};
        options.on_disk_error = [&](const std::string&) { disk_errors.fetch_add(1); };
        cache::ResultCache cache(options);
        const std::size_t last = log.cache_entries.empty() ? 0 : *log.cache_entries.rbegin();
        for (std::size_t i = 0; i <= last + 1; ++i) {
            const std::vector<double> close = test::child_close(seed, i);
            const auto found =
                cache.find_scan(cache.key(cache::EntryKind::Scan, close, AtcParams{}));
            if (log.cache_entries.count(i))
                QVERIFY2(found, qPrintable(QStringLiteral("committed entry %1 lost").arg(i)));
            if (found) {  // the one after the last line may have committed unreported
                const std::string diff = test::scan_difference(*found, expected_scan(seed, i));
                QVERIFY2(diff.empty(), diff.c_str());
            }
        }
        QCOMPARE(disk_errors.load(), 0);  // no damaged row was found
    }

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        file_ = fs::path(tmp_.path().toStdString()) / "atc.sqlite";
        store::Database db = store::Database::open(file_);
        store::SymbolStore symbols(db);
        for (unsigned s = 0; s < 3; ++s) {
            PriceSeries bars;
            bars.close = test::random_walk(900, 500 + s);
            for (const double c : bars.close) {
                bars.open.push_back(c * 0.999);
                bars.high.push_back(c * 1.01);
                bars.low.push_back(c * 0.99);
            }
            const std::string name = "USER" + std::to_string(s);
            symbols.save({name, "user.csv", "1d", "", store::SymbolKind::Imported, 0}, bars);
            user_symbols_.emplace_back(name, std::move(bars));
        }
    }

    void killedWriterLeavesAConsistentDatabase() {
        // After how many lines, and how long after that, each run is killed.
        std::mt19937 rng(20251125);
        std::uniform_int_distribution<int> extra_us(0, 4000);
        const std::size_t lines[] = {1, 2, 5, 9, 14, 3, 20};
        std::size_t total_entries = 0;
        for (unsigned run = 0; run < std::size(lines); ++run) {
            const auto extra = std::chrono::microseconds(extra_us(rng));
            const ChildLog log = run_and_kill(run + 1, lines[run], extra);
            QVERIFY2(log.lines >= lines[run], "the child was killed before it wrote");
            verify_after_kill(run + 1, log);
            if (QTest::currentTestFailed())
                return;
            total_entries += log.cache_entries.size();
        }
        qInfo("%zu committed cache entries survived %zu kills; %d reopens checked the whole file",
              total_entries, std::size(lines), fully_checked_after_kill_);
        // A killed writer leaves its WAL nearly always (it checkpoints only
        // every 1,000 pages): most reopens must have read the whole file.
        QVERIFY2(fully_checked_after_kill_ >= 4, "no kill left a WAL behind to check");
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "test_crash_recovery.moc"
