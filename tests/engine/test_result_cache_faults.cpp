// SPDX-License-Identifier: GPL-3.0-or-later
// The result cache when its database stops taking writes: a full disk or a
// read-only file turns the disk tier off once (said once, with the reason),
// results stay in memory, and the file keeps everything it had.
//
// "Full" is real SQLite: every connection opened while the test's auto
// extension is registered gets PRAGMA max_page_count just above its current
// size, so SQLite itself answers SQLITE_FULL when a write would grow the file,
// exactly as it does for a full disk. The product's code is not told.
#include <sqlite3.h>

#include <QtTest>
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "atc/batch.hpp"
#include "atc/cache/cached_compute.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/store/database.hpp"
#include "atc/store/database_location.hpp"
#include "atc/store/symbol_store.hpp"
#include "direct_moving_averages.hpp"
#include "test_result_cache_support.hpp"

using namespace atc;
using namespace atc::cache;
namespace fs = std::filesystem;

namespace {

// Bytes a limited connection may add to the file.
std::atomic<int> g_spare_bytes{0};

int pragma_int(sqlite3* db, const char* pragma) {
    sqlite3_stmt* q = nullptr;
    int value = 0;
    if (sqlite3_prepare_v2(db, pragma, -1, &q, nullptr) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        value = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return value;
}

int limit_file_growth(sqlite3* db, const char**, const sqlite3_api_routines*) {
    // In pages of the file's own size (new stores use 64 KiB pages).
    const int pages = pragma_int(db, "PRAGMA page_count");
    const int page_size = std::max(1, pragma_int(db, "PRAGMA page_size"));
    const std::string limit =
        "PRAGMA max_page_count = " + std::to_string(pages + g_spare_bytes.load() / page_size);
    return sqlite3_exec(db, limit.c_str(), nullptr, nullptr, nullptr);
}

// Connections opened while it lives cannot grow their file by more than `bytes`.
class FileGrowthLimit {
public:
    explicit FileGrowthLimit(int bytes) {
        g_spare_bytes = bytes;
        sqlite3_auto_extension(reinterpret_cast<void (*)()>(&limit_file_growth));
    }
    ~FileGrowthLimit() {
        sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(&limit_file_growth));
    }
    FileGrowthLimit(const FileGrowthLimit&) = delete;
    FileGrowthLimit& operator=(const FileGrowthLimit&) = delete;
};

std::string integrity(const fs::path& file) {
    store::Database db = store::Database::connect(file);
    store::Statement check(db, "PRAGMA integrity_check");
    return check.step() ? check.text(0) : std::string("no answer");
}

// Records what the cache reports, from whichever thread.
struct Reports {
    std::mutex mutex;
    std::vector<std::string> off;
    std::atomic<int> errors{0};

    void attach(ResultCacheOptions& o) {
        o.on_disk_off = [this](const std::string& reason) {
            const std::lock_guard lock(mutex);
            off.push_back(reason);
        };
        o.on_disk_error = [this](const std::string&) { errors.fetch_add(1); };
    }
};

}  // namespace

class TestResultCacheFaults : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    fs::path file_;
    PriceSeries symbol_bars_;
    std::vector<std::vector<double>> closes_;

    std::shared_ptr<const SymbolScan> scan_of(std::size_t i) const {
        BatchOptions keep;
        keep.keep_series = true;
        const std::span<const double> one[] = {closes_[i]};
        return std::make_shared<const SymbolScan>(
            std::move(compute_batch(one, AtcParams{}, keep).symbols.front()));
    }

    CacheKey key_of(const ResultCache& cache, std::size_t i) const {
        return cache.key(EntryKind::Scan, closes_[i], AtcParams{});
    }

    void verify_symbol_intact() {
        store::Database db = store::Database::connect(file_);
        const PriceSeries loaded = store::SymbolStore(db).load("ACME");
        QVERIFY(test::same_bits(loaded.close, symbol_bars_.close));
        QCOMPARE(integrity(file_), std::string("ok"));
    }

private slots:
    void init() {
        QVERIFY(tmp_.isValid());
        file_ = fs::path(tmp_.path().toStdString()) /
                (std::string(QTest::currentTestFunction()) + ".sqlite");
        symbol_bars_.close = test::random_walk(500, 99);
        store::Database db = store::Database::open(file_);
        store::SymbolStore(db).save({"ACME", "", "1d", "", store::SymbolKind::Imported, 0},
                                    symbol_bars_);
        closes_.clear();
        for (unsigned i = 0; i < 24; ++i)
            closes_.push_back(test::random_walk(600, 7 + i));
    }

    void diskFullTurnsTheDiskTierOffOnce() {
        Reports reports;
        ResultCacheOptions o;
        o.database = file_;
        reports.attach(o);
        std::optional<ResultCache> cache;
        {
            // A scan with series of 600 bars is ~60 KB: a few fit in 160 KiB.
            FileGrowthLimit limit(160 * 1024);
            cache.emplace(o);
        }
        QVERIFY(cache->stats().disk_enabled);
        std::size_t first_refused = closes_.size();
        std::vector<std::shared_ptr<const SymbolScan>> stored;
        for (std::size_t i = 0; i < closes_.size(); ++i) {
            stored.push_back(scan_of(i));
            cache->store(key_of(*cache, i), stored.back());
            if (!reports.off.empty() && first_refused == closes_.size())
                first_refused = i;
        }
        QVERIFY2(first_refused > 0 && first_refused < closes_.size(),
                 "the file never filled up, or filled at once");
        // Said once, with the reason, however many stores came after.
        QCOMPARE(reports.off.size(), std::size_t{1});
        QVERIFY2(QString::fromStdString(reports.off.front())
                     .contains(QStringLiteral("the disk holding %1 is full")
                                   .arg(QString::fromStdString(file_.parent_path().string()))),
                 reports.off.front().c_str());
        QCOMPARE(reports.errors.load(), 1);  // the write that hit the limit; none after
        const CacheStats s = cache->stats();
        QVERIFY(!s.disk_enabled);
        QCOMPARE(s.disk_off_reason, reports.off.front());
        // Every result is still answered, from memory, bit for bit.
        for (std::size_t i = 0; i < closes_.size(); ++i) {
            const auto found = cache->find_scan(key_of(*cache, i));
            QVERIFY(found);
            QCOMPARE(found.get(), stored[i].get());
        }
        cache.reset();
        verify_symbol_intact();
        // A later session without the limit: what was written before the disk
        // filled decodes correctly; what was refused is cleanly absent.
        ResultCache next(o);
        for (std::size_t i = 0; i < closes_.size(); ++i) {
            const auto found = next.find_scan(key_of(next, i));
            if (i < first_refused) {
                QVERIFY2(found, qPrintable(QStringLiteral("entry %1 lost").arg(i)));
                const std::string diff = test::scan_difference(*found, *stored[i]);
                QVERIFY2(diff.empty(), diff.c_str());
            } else {
                QVERIFY(!found);
            }
        }
        QCOMPARE(next.stats().disk_errors, std::uint64_t{0});
    }

    // SQLite refuses to write through a read-only URI whoever runs the test.
    void readOnlyDatabaseTurnsTheDiskTierOffOnce() {
        Reports reports;
        ResultCacheOptions o;
        o.database = store::file_uri(file_, "mode=ro");
        reports.attach(o);
        ResultCache cache(o);
        for (std::size_t i = 0; i < 3; ++i)
            cache.store(key_of(cache, i), scan_of(i));
        QCOMPARE(reports.off.size(), std::size_t{1});
        QVERIFY2(QString::fromStdString(reports.off.front()).endsWith("opened read-only (mode=ro)"),
                 reports.off.front().c_str());
        QVERIFY(!cache.stats().disk_enabled);
        for (std::size_t i = 0; i < 3; ++i)
            QVERIFY(cache.find_scan(key_of(cache, i)));
        verify_symbol_intact();
        store::Database db = store::Database::connect(file_);
        store::Statement rows(db, "SELECT COUNT(*) FROM result_cache");
        QVERIFY(rows.step());
        QCOMPARE(rows.int64(0), std::int64_t{0});
    }

    // The application knows before the cache does (a read-only database): the
    // cache is memory-only and its stats say why.
    void memoryOnlyReasonIsReported() {
        ResultCacheOptions o;
        o.memory_only_reason = "/data is read-only (Permission denied)";
        ResultCache cache(o);
        QCOMPARE(cache.stats().disk_off_reason, o.memory_only_reason);
        QVERIFY(!cache.stats().disk_enabled);
    }
};

QTEST_GUILESS_MAIN(TestResultCacheFaults)
#include "test_result_cache_faults.moc"
