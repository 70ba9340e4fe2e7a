// SPDX-License-Identifier: GPL-3.0-or-later
// The disk tier: results survive a reopen of the database, the byte cap evicts
// the least recently used rows, damaged rows are misses that get deleted, and a
// failing database never fails a computation.
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <filesystem>
#include <random>
#include <thread>
#include <vector>

#include "atc/cache/cached_compute.hpp"
#include "atc/cache/codec.hpp"
#include "atc/cache/disk_cache.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/compute.hpp"
#include "atc/store/database.hpp"
#include "direct_moving_averages.hpp"
#include "test_result_cache_support.hpp"

using namespace atc;
using namespace atc::cache;
using test::numbered_key;
using test::tagged_scan;
namespace fs = std::filesystem;

namespace {

std::int64_t count_rows(const fs::path& db_path, const char* where = "1") {
    store::Database db = store::Database::connect(db_path);
    store::Statement q(db, std::string("SELECT COUNT(*) FROM result_cache WHERE ") + where);
    q.step();
    return q.int64(0);
}

void exec_sql(const fs::path& db_path, const std::string& sql) {
    store::Database db = store::Database::connect(db_path);
    db.exec(sql);
}

// The real engine, counting its calls.
struct CountingCompute {
    std::shared_ptr<std::atomic<int>> calls = std::make_shared<std::atomic<int>>(0);
    SymbolComputeFn fn() const {
        return [calls = calls](std::span<const double> close, const AtcParams& p, KeptSeries kept) {
            calls->fetch_add(1);
            return compute_symbol(close, p, kept);
        };
    }
};

std::size_t encoded_size_of_tag() {
    return encode_scan(*tagged_scan(1.0)).size();
}

}  // namespace

class TestResultCacheDisk : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    fs::path db_path_;
    int case_ = 0;

    ResultCacheOptions options(std::size_t memory_cap = 64 << 20) const {
        ResultCacheOptions o;
        o.database = db_path_;
        o.memory_capacity_bytes = memory_cap;
        return o;
    }

private slots:
    // A fresh database (schema 2, with result_cache) for every test.
    void init() {
        QVERIFY(dir_.isValid());
        db_path_ =
            fs::path(dir_.path().toStdString()) / ("cache" + std::to_string(++case_) + ".db");
        store::Database::open(db_path_);
    }

    void persistsAcrossReopen() {
        const std::vector<double> close = test::random_walk(2000, 21);
        AtcParams p;
        p.cutout = 3;
        CountingCompute counter;
        std::shared_ptr<const AtcResult> first;
        {
            ResultCache cache(options());
            QVERIFY(cache.stats().disk_enabled);
            first = CachedCompute(cache, counter.fn()).symbol(close, p);
            QCOMPARE(counter.calls->load(), 1);
            QCOMPARE(cache.stats().disk_entries, std::uint64_t{1});
            QVERIFY(cache.stats().disk_bytes > 2000 * 54 * 17);
        }
        QCOMPARE(count_rows(db_path_), std::int64_t{1});
        ResultCache reopened(options());
        CachedCompute compute(reopened, counter.fn());
        const auto again = compute.symbol(close, p);
        QCOMPARE(counter.calls->load(), 1);  // answered from disk
        const std::string diff = test::result_difference(*first, *again);
        QVERIFY2(diff.empty(), diff.c_str());
        // Promoted to memory: the next hit is a memory hit of the same object.
        QCOMPARE(compute.symbol(close, p).get(), again.get());
        const CacheStats s = reopened.stats();
        QCOMPARE(s.disk_hits, std::uint64_t{1});
        QCOMPARE(s.memory_hits, std::uint64_t{1});
        QCOMPARE(s.misses, std::uint64_t{0});
        QCOMPARE(s.disk_entries, std::uint64_t{1});
        QCOMPARE(s.disk_errors, std::uint64_t{0});
    }

    void scansPersistAcrossReopen() {
        const CacheKey key = numbered_key(5, EntryKind::ScanSummary);
        {
            ResultCache cache(options());
            cache.store(key, tagged_scan(0.75));
        }
        ResultCache reopened(options());
        const auto scan = reopened.find_scan(key);
        QVERIFY(scan);
        QCOMPARE(scan->row.average, 0.75);
        QVERIFY(scan->ok());
        QCOMPARE(reopened.stats().disk_hits, std::uint64_t{1});
    }

    // Kinds left out of DiskKinds stay in memory only.
    void diskKindsSelectWhatIsWritten() {
        const std::vector<double> close = test::random_walk(300, 6);
        CountingCompute counter;
        ResultCacheOptions o = options();
        o.disk_kinds.result = false;
        {
            ResultCache cache(o);
            CachedCompute(cache, counter.fn()).symbol(close, AtcParams{});
            cache.store(numbered_key(1), tagged_scan(1.0));
        }
        QCOMPARE(count_rows(db_path_, "kind = 1"), std::int64_t{0});
        QCOMPARE(count_rows(db_path_, "kind = 3"), std::int64_t{1});
        ResultCache reopened(o);
        CachedCompute(reopened, counter.fn()).symbol(close, AtcParams{});
        QCOMPARE(counter.calls->load(), 2);
        QVERIFY(reopened.find_scan(numbered_key(1)));
    }

    void anotherEngineVersionMissesOnDisk() {
        const std::vector<double> close = test::random_walk(400, 2);
        CountingCompute counter;
        {
            ResultCache v1(options());
            CachedCompute(v1, counter.fn()).symbol(close, AtcParams{});
        }
        ResultCacheOptions o = options();
        o.engine_version = "atc-engine-test-next";
        ResultCache v2(o);
        CachedCompute(v2, counter.fn()).symbol(close, AtcParams{});
        QCOMPARE(counter.calls->load(), 2);
        QCOMPARE(v2.stats().disk_hits, std::uint64_t{0});
        QCOMPARE(count_rows(db_path_), std::int64_t{2});
        QCOMPARE(count_rows(db_path_, "engine_version = 'atc-engine-test-next'"), std::int64_t{1});
    }

    // Memory holds nothing (cap 0), so every lookup reaches the disk tier and
    // refreshes last_used; the cap fits three rows.
    void diskCapEvictsLeastRecentlyUsed() {
        const std::size_t row = encoded_size_of_tag();
        ResultCacheOptions o = options(0);
        o.disk_capacity_bytes = 3 * row + row / 2;
        ResultCache cache(o);
        for (std::uint64_t i = 0; i < 3; ++i)
            cache.store(numbered_key(i), tagged_scan(double(i)));
        QCOMPARE(cache.stats().disk_entries, std::uint64_t{3});
        QVERIFY(cache.find_scan(numbered_key(0)));  // 1 is now the least recently used
        cache.store(numbered_key(3), tagged_scan(3.0));
        QVERIFY(cache.find_scan(numbered_key(0)));
        QVERIFY(!cache.find_scan(numbered_key(1)));
        QVERIFY(cache.find_scan(numbered_key(2)));
        QVERIFY(cache.find_scan(numbered_key(3)));
        CacheStats s = cache.stats();
        QCOMPARE(s.disk_evictions, std::uint64_t{1});
        QCOMPARE(s.disk_entries, std::uint64_t{3});
        QCOMPARE(s.disk_bytes, std::uint64_t{3 * row});
        QCOMPARE(count_rows(db_path_), std::int64_t{3});
        // Several at once, in one transaction: still within the cap, newest kept.
        std::vector<std::pair<CacheKey, std::shared_ptr<const SymbolScan>>> batch;
        for (std::uint64_t i = 10; i < 15; ++i)
            batch.emplace_back(numbered_key(i), tagged_scan(double(i)));
        cache.store(batch);
        s = cache.stats();
        QVERIFY(s.disk_bytes <= o.disk_capacity_bytes);
        QCOMPARE(count_rows(db_path_), std::int64_t{3});
        QVERIFY(cache.find_scan(numbered_key(14)));
        QVERIFY(!cache.find_scan(numbered_key(0)));
        QCOMPARE(s.disk_evictions, std::uint64_t{6});
        // An entry larger than the whole cap is not written at all.
        const fs::path other = db_path_.parent_path() / "tiny.db";
        store::Database::open(other);
        ResultCacheOptions tiny = options(0);
        tiny.database = other;
        tiny.disk_capacity_bytes = row - 1;
        ResultCache small(tiny);
        small.store(numbered_key(99), tagged_scan(9.0));
        QCOMPARE(count_rows(other), std::int64_t{0});
        QCOMPARE(small.stats().disk_errors, std::uint64_t{0});
    }

    // Many keys at once: the same answers as one at a time, in the keys'
    // order, misses null; the disk hits are counted as such.
    void findScansAnswersManyKeysAtOnce() {
        {
            ResultCache writer(options());
            for (std::uint64_t i = 0; i < 40; i += 2)
                writer.store(numbered_key(i), tagged_scan(double(i)));
        }
        ResultCache cache(options());
        std::vector<CacheKey> keys;
        for (std::uint64_t i = 40; i-- > 0;)
            keys.push_back(numbered_key(i));
        const auto found = cache.find_scans(keys);
        QCOMPARE(found.size(), keys.size());
        for (std::size_t k = 0; k < keys.size(); ++k) {
            const std::uint64_t i = 39 - k;
            if (i % 2 == 1) {
                QVERIFY(!found[k]);
                continue;
            }
            QVERIFY(found[k]);
            QCOMPARE(found[k]->row.average, double(i));
        }
        CacheStats s = cache.stats();
        QCOMPARE(s.disk_hits, std::uint64_t{20});
        QCOMPARE(s.misses, std::uint64_t{20});
        QCOMPARE(s.disk_entries, std::uint64_t{20});  // counted when first asked for
        // Asked again, the memory tier answers.
        QVERIFY(cache.find_scans(keys)[1]);
        QCOMPARE(cache.stats().memory_hits, std::uint64_t{20});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 cache.find_scans(std::vector{numbered_key(1, EntryKind::Result)}));
    }

    // Reading the cache writes nothing to the file where the rows read were
    // used within the hour; an older use is brought up to date when the
    // cache closes, so LRU eviction between sessions stays right by the hour.
    void hitsRewriteOnlyStaleLastUse() {
        {
            ResultCache writer(options());
            writer.store(numbered_key(1), tagged_scan(1.0));
            writer.store(numbered_key(2), tagged_scan(2.0));
        }
        const auto last_used = [this](std::uint64_t n) {
            store::Database db = store::Database::connect(db_path_);
            store::Statement q(db, "SELECT last_used FROM result_cache WHERE key = ?");
            q.bind_blob(1, numbered_key(n).bytes());
            return q.step() ? q.int64(0) : std::int64_t{-1};
        };
        const std::int64_t two_hours_ago = last_used(2) - std::int64_t{7200} * 1'000'000;
        {
            store::Database db = store::Database::connect(db_path_);
            store::Statement age(db, "UPDATE result_cache SET last_used = ? WHERE key = ?");
            age.bind(1, two_hours_ago).bind_blob(2, numbered_key(2).bytes()).run();
        }
        QCOMPARE(last_used(2), two_hours_ago);
        const std::int64_t recent = last_used(1);
        {
            ResultCache cache(options(0));
            QVERIFY(cache.find_scans(std::vector{numbered_key(1), numbered_key(2)})[0]);
            QVERIFY(cache.find_scan(numbered_key(1)));
        }
        QCOMPARE(last_used(1), recent);
        QVERIFY2(last_used(2) > recent, "a use two hours old must be brought up to date");
    }

    void corruptPayloadIsAMissAndIsDeleted() {
        const std::vector<double> close = test::random_walk(300, 8);
        CountingCompute counter;
        std::vector<std::string> reported;
        {
            ResultCache cache(options());
            CachedCompute(cache, counter.fn()).symbol(close, AtcParams{});
            cache.store(numbered_key(1), tagged_scan(1.0));
            cache.store(numbered_key(2), tagged_scan(2.0));
            auto with_series = std::make_shared<SymbolScan>(*tagged_scan(3.0));
            for (std::size_t t = 0; t < kFamilyCount; ++t) {
                with_series->layer1_signals[t].assign(10, 0.5);
                with_series->layer2_equities[t].assign(10, 1.0);
            }
            with_series->average.assign(10, 0.25);
            const CacheKey scan_key = numbered_key(3, EntryKind::Scan);
            cache.store(scan_key, std::shared_ptr<const SymbolScan>(with_series));
            QVERIFY(cache.find_scan(scan_key));
        }
        // Garble the result's bytes in place (same length), cut one scan short
        // (its bytes column then disagrees), replace another's with noise, and
        // relabel the last with another engine version (it no longer matches its key).
        exec_sql(db_path_,
                 "UPDATE result_cache SET payload = zeroblob(bytes) WHERE kind = 1;"
                 "UPDATE result_cache SET payload = substr(payload, 1, 20) WHERE key = (SELECT key "
                 "FROM result_cache WHERE kind = 3 ORDER BY last_used LIMIT 1);"
                 "UPDATE result_cache SET payload = randomblob(bytes) "
                 "WHERE key = (SELECT key FROM result_cache WHERE kind = 3 ORDER "
                 "BY last_used DESC LIMIT 1);"
                 "UPDATE result_cache SET engine_version = 'atc-engine-0' WHERE kind = 2;");
        ResultCacheOptions o = options();
        std::mutex m;
        o.on_disk_error = [&](const std::string& message) {
            const std::lock_guard lock(m);
            reported.push_back(message);
        };
        ResultCache cache(o);
        const auto result = CachedCompute(cache, counter.fn()).symbol(close, AtcParams{});
        QCOMPARE(counter.calls->load(), 2);  // recomputed
        const std::string diff =
            test::result_difference(*result, compute_symbol(close, AtcParams{}));
        QVERIFY2(diff.empty(), diff.c_str());
        QVERIFY(!cache.find_scan(numbered_key(1)));
        QVERIFY(!cache.find_scan(numbered_key(2)));
        QVERIFY(!cache.find_scan(numbered_key(3, EntryKind::Scan)));
        const CacheStats s = cache.stats();
        QCOMPARE(s.disk_errors, std::uint64_t{4});
        QCOMPARE(s.disk_hits, std::uint64_t{0});
        QCOMPARE(s.misses, std::uint64_t{4});
        QCOMPARE(reported.size(), std::size_t{4});
        QVERIFY(QString::fromStdString(reported.front()).contains("damaged"));
        QVERIFY(!s.last_disk_error.empty());
        // The damaged rows are gone; the recomputed result was written back.
        QCOMPARE(count_rows(db_path_, "kind = 3"), std::int64_t{0});
        QCOMPARE(count_rows(db_path_, "kind = 2"), std::int64_t{0});
        QCOMPARE(count_rows(db_path_, "kind = 1"), std::int64_t{1});
        ResultCache fresh(options());
        QVERIFY(fresh.find_result(fresh.key(EntryKind::Result, close, AtcParams{})));
    }

    // The table disappears under the cache (standing in for a busy, full or
    // broken database): computing goes on, every failure is counted.
    void databaseFailuresNeverFailTheComputation() {
        const std::vector<double> close = test::random_walk(300, 4);
        std::atomic<int> reported{0};
        ResultCacheOptions o = options();
        o.on_disk_error = [&](const std::string&) { reported.fetch_add(1); };
        ResultCache cache(o);
        CountingCompute counter;
        CachedCompute compute(cache, counter.fn());
        exec_sql(db_path_, "DROP TABLE result_cache");
        const auto result = compute.symbol(close, AtcParams{});  // read and write both fail
        QVERIFY(result);
        QCOMPARE(counter.calls->load(), 1);
        QCOMPARE(cache.stats().disk_errors, std::uint64_t{2});
        QCOMPARE(reported.load(), 2);
        // Memory still serves it.
        QCOMPARE(compute.symbol(close, AtcParams{}).get(), result.get());
        QCOMPARE(counter.calls->load(), 1);
        const auto scans =
            CachedCompute(cache).scan(std::vector<std::span<const double>>{close}, AtcParams{});
        QVERIFY(scans.symbols.front()->ok());
    }

    void memoryOnlyWhenTheDatabaseIsUnusable() {
        for (const fs::path& bad :
             {fs::path(dir_.path().toStdString()) / "missing" / "none.db",  // never opened
              fs::path(dir_.path().toStdString())}) {                       // a folder
            std::atomic<int> reported{0};
            ResultCacheOptions o;
            o.database = bad;
            o.on_disk_error = [&](const std::string&) { reported.fetch_add(1); };
            ResultCache cache(o);
            const CacheStats s = cache.stats();
            QVERIFY(!s.disk_enabled);
            QCOMPARE(s.disk_errors, std::uint64_t{1});
            QCOMPARE(reported.load(), 1);
            QVERIFY(!s.last_disk_error.empty());
            const std::vector<double> close = test::random_walk(200, 1);
            CachedCompute compute(cache);
            const auto a = compute.symbol(close, AtcParams{});
            QCOMPARE(compute.symbol(close, AtcParams{}).get(), a.get());
        }
        // A database of an older schema (no result_cache table).
        const fs::path old = fs::path(dir_.path().toStdString()) / "old.db";
        store::Database::open(old);
        exec_sql(old, "DROP TABLE result_cache");
        ResultCacheOptions o;
        o.database = old;
        ResultCache cache(o);
        QVERIFY(!cache.stats().disk_enabled);
    }

    // 8 threads x 200 mixed lookups and stores on overlapping keys, with a tiny
    // memory tier so that most lookups go to the shared disk connection.
    void concurrentUseThroughTheDisk() {
        ResultCacheOptions o = options(4 * 1024);
        ResultCache cache(o);
        std::atomic<int> wrong{0};
        std::atomic<int> hits{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&, t] {
                std::mt19937 rng(static_cast<unsigned>(t + 1));
                for (int i = 0; i < 200; ++i) {
                    const std::uint64_t k = rng() % 40;
                    if (i % 4 == 0) {
                        cache.store(numbered_key(k), tagged_scan(double(k)));
                    } else if (const auto scan = cache.find_scan(numbered_key(k))) {
                        hits.fetch_add(1);
                        if (scan->row.average != double(k))
                            wrong.fetch_add(1);
                    }
                }
            });
        }
        for (std::thread& th : threads)
            th.join();
        QCOMPARE(wrong.load(), 0);
        const CacheStats s = cache.stats();
        QCOMPARE(s.disk_errors, std::uint64_t{0});
        QVERIFY(s.disk_hits > 0);
        QCOMPARE(s.memory_hits + s.disk_hits, std::uint64_t(hits.load()));
        QCOMPARE(s.memory_hits + s.disk_hits + s.misses, std::uint64_t{8 * 150});
        QCOMPARE(std::int64_t(s.disk_entries), count_rows(db_path_));
    }
};

QTEST_APPLESS_MAIN(TestResultCacheDisk)
#include "test_result_cache_disk.moc"
