// SPDX-License-Identifier: GPL-3.0-or-later
// The memory tier: LRU order, the byte cap, replacement, counters, and many
// threads getting and putting overlapping keys at once.
#include <QtTest>
#include <atomic>
#include <random>
#include <thread>
#include <vector>

#include "atc/cache/memory_lru.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/compute.hpp"
#include "direct_moving_averages.hpp"
#include "test_result_cache_support.hpp"

using namespace atc;
using namespace atc::cache;
using test::numbered_key;
using test::tagged_scan;

namespace {

double tag_of(const std::optional<CachedValue>& value) {
    return std::get<std::shared_ptr<const SymbolScan>>(*value)->row.average;
}

}  // namespace

class TestResultCacheMemory : public QObject {
    Q_OBJECT

private slots:
    void evictsLeastRecentlyUsedFirst() {
        MemoryLru lru(300);
        for (std::uint64_t i = 0; i < 3; ++i)
            QVERIFY(lru.put(numbered_key(i), tagged_scan(double(i)), 100));
        QCOMPARE(lru.stats().bytes, std::uint64_t{300});
        // Using key 0 makes key 1 the least recently used.
        QCOMPARE(tag_of(lru.get(numbered_key(0))), 0.0);
        QVERIFY(lru.put(numbered_key(3), tagged_scan(3.0), 100));
        QVERIFY(!lru.contains(numbered_key(1)));
        QVERIFY(lru.contains(numbered_key(0)));
        QVERIFY(lru.contains(numbered_key(2)));
        QVERIFY(lru.contains(numbered_key(3)));
        // contains() does not count as a use: 2 is next.
        QVERIFY(lru.put(numbered_key(4), tagged_scan(4.0), 100));
        QVERIFY(!lru.contains(numbered_key(2)));
        QCOMPARE(lru.stats().evictions, std::uint64_t{2});
        QCOMPARE(lru.stats().entries, std::uint64_t{3});
    }

    void staysWithinTheByteCap() {
        MemoryLru lru(1000);
        for (std::uint64_t i = 0; i < 100; ++i) {
            QVERIFY(lru.put(numbered_key(i), tagged_scan(double(i)), 90 + i % 7 * 30));
            QVERIFY(lru.stats().bytes <= 1000);
        }
        // A big entry pushes out as many small ones as needed, oldest first.
        QVERIFY(lru.put(numbered_key(1000), tagged_scan(1.0), 950));
        QCOMPARE(lru.stats().entries, std::uint64_t{1});
        QCOMPARE(lru.stats().bytes, std::uint64_t{950});
        // One larger than the whole cap is not kept and evicts nothing.
        QVERIFY(!lru.put(numbered_key(1001), tagged_scan(2.0), 1001));
        QVERIFY(lru.contains(numbered_key(1000)));
        QVERIFY(!lru.contains(numbered_key(1001)));
        // Shrinking the cap evicts at once.
        lru.set_capacity(500);
        QCOMPARE(lru.stats().entries, std::uint64_t{0});
        QCOMPARE(lru.stats().bytes, std::uint64_t{0});
    }

    void replacingAKeyReplacesItsBytes() {
        MemoryLru lru(1000);
        QVERIFY(lru.put(numbered_key(1), tagged_scan(1.0), 400));
        QVERIFY(lru.put(numbered_key(1), tagged_scan(2.0), 100));
        QCOMPARE(lru.stats().entries, std::uint64_t{1});
        QCOMPARE(lru.stats().bytes, std::uint64_t{100});
        QCOMPARE(tag_of(lru.get(numbered_key(1))), 2.0);
        QVERIFY(lru.erase(numbered_key(1)));
        QVERIFY(!lru.erase(numbered_key(1)));
        QCOMPARE(lru.stats().bytes, std::uint64_t{0});
    }

    // A hit hands out the stored object itself, and eviction does not free one
    // that a caller still holds.
    void hitsShareTheObjectAndOutliveEviction() {
        MemoryLru lru(100);
        const auto scan = tagged_scan(7.0);
        QVERIFY(lru.put(numbered_key(1), scan, 100));
        const auto held = std::get<std::shared_ptr<const SymbolScan>>(*lru.get(numbered_key(1)));
        QCOMPARE(held.get(), scan.get());
        QVERIFY(lru.put(numbered_key(2), tagged_scan(8.0), 100));
        QVERIFY(!lru.contains(numbered_key(1)));
        QCOMPARE(held->row.average, 7.0);
    }

    void estimatedBytesFollowTheVectors() {
        const std::vector<double> close = test::random_walk(1000, 1);
        const AtcResult result = compute_symbol(close, AtcParams{});
        const std::size_t bytes = estimated_bytes(result);
        // 54 x (ma + equity doubles + state bytes) + 6 x 2 signal/equity + average.
        const std::size_t payload = 1000 * (54 * 17 + 13 * 8);
        QVERIFY(bytes >= payload);
        QVERIFY(bytes < payload + 16 * 1024);
        QVERIFY(estimated_bytes(*tagged_scan(1.0)) < 1024);
    }

    void resultCacheCountsMemoryHitsMissesAndEvictions() {
        ResultCacheOptions options;
        options.memory_capacity_bytes = 3 * estimated_bytes(*tagged_scan(0.0));
        ResultCache cache(options);
        QVERIFY(!cache.stats().disk_enabled);
        for (std::uint64_t i = 0; i < 4; ++i)
            QVERIFY(!cache.find_scan(numbered_key(i)));
        for (std::uint64_t i = 0; i < 4; ++i)
            cache.store(numbered_key(i), tagged_scan(double(i)));
        QVERIFY(!cache.find_scan(numbered_key(0)));  // evicted by the fourth
        QCOMPARE(cache.find_scan(numbered_key(3))->row.average, 3.0);
        QCOMPARE(cache.find_scan(numbered_key(2))->row.average, 2.0);
        const CacheStats s = cache.stats();
        QCOMPARE(s.memory_hits, std::uint64_t{2});
        QCOMPARE(s.disk_hits, std::uint64_t{0});
        QCOMPARE(s.misses, std::uint64_t{5});
        QCOMPARE(s.memory_evictions, std::uint64_t{1});
        QCOMPARE(s.memory_entries, std::uint64_t{3});
        QCOMPARE(s.memory_bytes, std::uint64_t{options.memory_capacity_bytes});
        QCOMPARE(s.disk_errors, std::uint64_t{0});
        // A scan that failed or was not reached is no result: not stored.
        auto failed = std::make_shared<SymbolScan>();
        failed->error = "too short";
        cache.store(numbered_key(9), std::shared_ptr<const SymbolScan>(failed));
        QVERIFY(!cache.find_scan(numbered_key(9)));
        cache.clear_memory();
        QCOMPARE(cache.stats().memory_entries, std::uint64_t{0});
    }

    void kindsAreChecked() {
        ResultCache cache;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 cache.find_result(numbered_key(1, EntryKind::Scan)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 cache.find_scan(numbered_key(1, EntryKind::Result)));
    }

    // 8 threads x 200 mixed gets and puts on 24 overlapping keys under a cap that
    // forces evictions: every hit must be the value stored for that key.
    void concurrentGetsAndPuts() {
        MemoryLru lru(16 * 100);
        std::atomic<int> wrong{0};
        std::atomic<int> hits{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&, t] {
                std::mt19937 rng(static_cast<unsigned>(t + 1));
                for (int i = 0; i < 200; ++i) {
                    const std::uint64_t k = rng() % 24;
                    if (rng() % 3 == 0) {
                        lru.put(numbered_key(k), tagged_scan(double(k)), 100);
                    } else if (const auto v = lru.get(numbered_key(k))) {
                        hits.fetch_add(1);
                        if (tag_of(v) != double(k))
                            wrong.fetch_add(1);
                    }
                }
            });
        }
        for (std::thread& th : threads)
            th.join();
        QCOMPARE(wrong.load(), 0);
        QVERIFY(hits.load() > 0);
        const MemoryLruStats s = lru.stats();
        QVERIFY(s.bytes <= 1600);
        QCOMPARE(s.bytes, s.entries * 100);
        QVERIFY(s.evictions > 0);
    }
};

QTEST_APPLESS_MAIN(TestResultCacheMemory)
#include "test_result_cache_memory.moc"
