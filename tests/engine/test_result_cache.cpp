// SPDX-License-Identifier: GPL-3.0-or-later
// Computing through the cache: a repeated request does not compute again; any
// change of data, parameters or engine version does; a scan sends only its
// misses to the engine, in one call, and answers in input order; several
// threads scanning at once get the right numbers.
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "atc/cache/cached_compute.hpp"
#include "atc/compute.hpp"
#include "atc/store/database.hpp"
#include "atc/validation.hpp"
#include "direct_moving_averages.hpp"
#include "test_result_cache_support.hpp"

using namespace atc;
using namespace atc::cache;
namespace fs = std::filesystem;

namespace {

using Series = std::vector<std::vector<double>>;

Series universe(std::size_t count, unsigned seed0) {
    Series s;
    for (std::size_t i = 0; i < count; ++i)
        s.push_back(test::random_walk(200 + (i * 53) % 700, seed0 + unsigned(i)));
    return s;
}

std::vector<std::span<const double>> views(const Series& s) {
    return {s.begin(), s.end()};
}

// The real engine behind counters: calls, and symbols sent to the batch.
struct Counting {
    std::atomic<int> symbol_calls{0};
    std::atomic<int> batch_calls{0};
    std::atomic<int> batch_symbols{0};

    SymbolComputeFn symbol() {
        return [this](std::span<const double> close, const AtcParams& p, KeptSeries kept) {
            symbol_calls.fetch_add(1);
            return compute_symbol(close, p, kept);
        };
    }
    BatchComputeFn batch() {
        return [this](std::span<const std::span<const double>> closes, const AtcParams& p,
                      const BatchOptions& o) {
            batch_calls.fetch_add(1);
            batch_symbols.fetch_add(static_cast<int>(closes.size()));
            return compute_batch(closes, p, o);
        };
    }
};

// Every scan equals a direct compute_batch of the same series, bit for bit.
std::string check_against_engine(const CachedBatchResult& got, const Series& series,
                                 const AtcParams& p, bool keep_series = true) {
    if (got.symbols.size() != series.size())
        return "size";
    BatchOptions o;
    o.keep_series = keep_series;
    const BatchResult want = compute_batch(views(series), p, o);
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (!got.symbols[i])
            return "null at " + std::to_string(i);
        const std::string diff = test::scan_difference(*got.symbols[i], want.symbols[i]);
        if (!diff.empty())
            return "symbol " + std::to_string(i) + ": " + diff;
    }
    return {};
}

}  // namespace

class TestResultCache : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    fs::path fresh_database(const char* name) {
        const fs::path p = fs::path(dir_.path().toStdString()) / name;
        store::Database::open(p);
        return p;
    }

private slots:
    void repeatedRequestDoesNotCompute() {
        ResultCache cache;
        Counting n;
        CachedCompute compute(cache, n.symbol(), n.batch());
        const std::vector<double> close = test::random_walk(1000, 1);
        const auto a = compute.symbol(close, AtcParams{});
        const auto b = compute.symbol(close, AtcParams{});
        QCOMPARE(n.symbol_calls.load(), 1);
        QCOMPARE(b.get(), a.get());  // the same object: no copy on a hit
        const std::string diff = test::result_difference(*a, compute_symbol(close, AtcParams{}));
        QVERIFY2(diff.empty(), diff.c_str());
        // An equal copy of the data (another vector) is the same key.
        const std::vector<double> copy = close;
        QCOMPARE(compute.symbol(copy, AtcParams{}).get(), a.get());
        QCOMPARE(n.symbol_calls.load(), 1);
        QCOMPARE(cache.stats().memory_hits, std::uint64_t{2});
        QCOMPARE(cache.stats().misses, std::uint64_t{1});
    }

    // A drawn (lean) result and a full one are different entries: neither
    // answers for the other, and the lean one never goes to disk.
    void drawnAndFullResultsAreKeptApart() {
        ResultCacheOptions options;
        options.database = fresh_database("drawn.sqlite");  // every kind on disk
        ResultCache cache(options);
        Counting n;
        CachedCompute compute(cache, n.symbol(), n.batch());
        const std::vector<double> close = test::random_walk(1000, 3);
        QVERIFY(!(cache.key(result_kind(KeptSeries::drawn()), close, AtcParams{}) ==
                  cache.key(result_kind(KeptSeries::everything()), close, AtcParams{})));
        const auto lean = compute.symbol(close, AtcParams{}, {}, nullptr, KeptSeries::drawn());
        QVERIFY(lean->kept == KeptSeries::drawn());
        QCOMPARE(cache.stats().disk_entries, std::uint64_t{0});
        bool from_cache = true;
        const auto full = compute.symbol(close, AtcParams{}, {}, &from_cache);
        QVERIFY(!from_cache);
        QVERIFY(full->kept == KeptSeries::everything());
        QCOMPARE(full->families[0].members[5].equity.size(), close.size());
        QCOMPARE(cache.stats().disk_entries, std::uint64_t{1});
        QCOMPARE(compute.symbol(close, AtcParams{}, {}, &from_cache, KeptSeries::drawn()).get(),
                 lean.get());
        QVERIFY(from_cache);
        QCOMPARE(n.symbol_calls.load(), 2);
        QCOMPARE(cache.stats().disk_errors, std::uint64_t{0});
    }

    void changedCloseOrParameterComputesAgain() {
        ResultCache cache;
        Counting n;
        CachedCompute compute(cache, n.symbol(), n.batch());
        std::vector<double> close = test::random_walk(800, 2);
        compute.symbol(close, AtcParams{});
        close[400] += 0.01;  // one close value
        const auto changed = compute.symbol(close, AtcParams{});
        QCOMPARE(n.symbol_calls.load(), 2);
        QVERIFY(test::result_difference(*changed, compute_symbol(close, AtcParams{})).empty());
        AtcParams p;
        p.lambda = 0.025;  // one parameter
        const auto with_p = compute.symbol(close, p);
        QCOMPARE(n.symbol_calls.load(), 3);
        QVERIFY(with_p->params == p);
        compute.symbol(close, p);
        compute.symbol(close, AtcParams{});
        QCOMPARE(n.symbol_calls.load(), 3);  // both are cached now
        std::vector<double> shorter(close.begin(), close.end() - 1);
        compute.symbol(shorter, p);  // one bar less
        QCOMPARE(n.symbol_calls.load(), 4);
    }

    void otherEngineVersionComputesAgain() {
        const fs::path db = fresh_database("versions.db");
        const std::vector<double> close = test::random_walk(600, 3);
        Counting n;
        auto make = [&db](const char* version) {
            ResultCacheOptions o;
            o.database = db;
            o.engine_version = version;
            return o;
        };
        {
            ResultCache v1(make("atc-engine-1"));
            CachedCompute(v1, n.symbol(), n.batch()).symbol(close, AtcParams{});
        }
        {
            ResultCache v2(make("atc-engine-2"));
            QCOMPARE(v2.engine_version(), std::string("atc-engine-2"));
            CachedCompute(v2, n.symbol(), n.batch()).symbol(close, AtcParams{});
            QCOMPARE(n.symbol_calls.load(), 2);
        }
        ResultCache v1_again(make("atc-engine-1"));
        CachedCompute(v1_again, n.symbol(), n.batch()).symbol(close, AtcParams{});
        QCOMPARE(n.symbol_calls.load(), 2);  // its own entry is still on disk
        QCOMPARE(ResultCache().engine_version(), std::string(kEngineVersion));
    }

    void invalidRequestsThrowAndAreNotCached() {
        ResultCache cache;
        Counting n;
        CachedCompute compute(cache, n.symbol(), n.batch());
        const std::vector<double> close = test::random_walk(100, 4);
        AtcParams bad;
        bad.decay = 150.0;
        QVERIFY_THROWS_EXCEPTION(InvalidInput, compute.symbol(close, bad));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, compute.scan(views(Series{close}), bad));
        QCOMPARE(n.symbol_calls.load(), 0);
        AtcParams long_cutout;
        long_cutout.cutout = 500;  // longer than the series
        QVERIFY_THROWS_EXCEPTION(InvalidInput, compute.symbol(close, long_cutout));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, compute.symbol(close, long_cutout));
        QCOMPARE(n.symbol_calls.load(), 2);
        QCOMPARE(cache.stats().memory_entries, std::uint64_t{0});
    }

    void scanSendsOnlyMissesInOneCall() {
        ResultCache cache;
        Counting n;
        CachedCompute compute(cache, n.symbol(), n.batch());
        const Series first = universe(10, 100);
        AtcParams p;
        p.cutout = 2;
        CachedBatchResult r = compute.scan(views(first), p);
        QCOMPARE(n.batch_calls.load(), 1);
        QCOMPARE(n.batch_symbols.load(), 10);
        QCOMPARE(r.computed, std::size_t{10});
        QCOMPARE(r.from_cache, std::size_t{0});
        QVERIFY2(check_against_engine(r, first, p).empty(),
                 check_against_engine(r, first, p).c_str());

        // Five known symbols interleaved with three new ones.
        Series mixed;
        const Series fresh = universe(3, 500);
        for (std::size_t i = 0; i < 5; ++i) {
            mixed.push_back(first[i * 2]);
            if (i < 3)
                mixed.push_back(fresh[i]);
        }
        std::vector<std::pair<std::size_t, std::size_t>> progress;
        std::mutex progress_mutex;
        BatchOptions o;
        o.progress = [&](std::size_t done, std::size_t total) {
            const std::lock_guard lock(progress_mutex);
            progress.emplace_back(done, total);
        };
        r = compute.scan(views(mixed), p, o);
        QCOMPARE(n.batch_calls.load(), 2);
        QCOMPARE(n.batch_symbols.load(), 13);
        QCOMPARE(r.from_cache, std::size_t{5});
        QCOMPARE(r.computed, std::size_t{3});
        QVERIFY2(check_against_engine(r, mixed, p).empty(),
                 check_against_engine(r, mixed, p).c_str());
        QVERIFY(!progress.empty());
        std::size_t most = 0;
        for (const auto& [done, total] : progress) {
            QCOMPARE(total, mixed.size());
            most = std::max(most, done);
        }
        QCOMPARE(most, mixed.size());

        // All cached now: no call at all, and the same objects as before.
        const CachedBatchResult again = compute.scan(views(mixed), p);
        QCOMPARE(n.batch_calls.load(), 2);
        for (std::size_t i = 0; i < mixed.size(); ++i)
            QCOMPARE(again.symbols[i].get(), r.symbols[i].get());

        // A changed close in one symbol: only that one is computed.
        Series edited = mixed;
        edited[4][edited[4].size() / 2] += 0.01;
        r = compute.scan(views(edited), p);
        QCOMPARE(n.batch_calls.load(), 3);
        QCOMPARE(n.batch_symbols.load(), 14);
        QVERIFY(check_against_engine(r, edited, p).empty());
    }

    // Summary scans (no series) are entries of their own: a full scan is never
    // answered by a summary, nor the other way round.
    void summaryAndFullScansAreSeparate() {
        ResultCache cache;
        Counting n;
        CachedCompute compute(cache, n.symbol(), n.batch());
        const Series s = universe(4, 40);
        BatchOptions lean;
        lean.keep_series = false;
        CachedBatchResult r = compute.scan(views(s), AtcParams{}, lean);
        QVERIFY(check_against_engine(r, s, AtcParams{}, false).empty());
        r = compute.scan(views(s), AtcParams{});
        QCOMPARE(n.batch_calls.load(), 2);
        QVERIFY(check_against_engine(r, s, AtcParams{}, true).empty());
        compute.scan(views(s), AtcParams{}, lean);
        compute.scan(views(s), AtcParams{});
        QCOMPARE(n.batch_calls.load(), 2);
    }

    // Refused series (errors) and symbols a cancelled batch never reached are
    // returned as they are and asked for again next time.
    void errorsAndCancelledSymbolsAreNotCached() {
        ResultCache cache;
        Counting n;
        Series s = universe(4, 70);
        s[1] = {100.0, 101.0};  // shorter than the cutout
        AtcParams p;
        p.cutout = 5;
        CachedCompute compute(cache, n.symbol(), n.batch());
        CachedBatchResult r = compute.scan(views(s), p);
        QVERIFY(!r.symbols[1]->ok());
        QVERIFY(!r.symbols[1]->error.empty());
        QVERIFY(r.symbols[0]->ok() && r.symbols[2]->ok() && r.symbols[3]->ok());
        r = compute.scan(views(s), p);
        QCOMPARE(n.batch_calls.load(), 2);
        QCOMPARE(n.batch_symbols.load(), 5);  // 4, then only the refused one
        QCOMPARE(r.from_cache, std::size_t{3});

        // A batch that stops after the first symbol, as a cancel does.
        std::atomic<int> calls{0};
        CachedCompute cancelling(
            cache, engine_symbol_compute(),
            [&calls](std::span<const std::span<const double>> closes, const AtcParams& q,
                     const BatchOptions& o) {
                calls.fetch_add(1);
                BatchResult out = compute_batch(closes.first(1), q, o);
                out.symbols.resize(closes.size());  // the rest: not computed, no error
                out.cancelled = true;
                return out;
            });
        const Series t = universe(3, 900);
        r = cancelling.scan(views(t), AtcParams{});
        QVERIFY(r.cancelled);
        QVERIFY(r.symbols[0]->ok());
        QVERIFY(!r.symbols[1]->computed && !r.symbols[2]->computed);
        r = cancelling.scan(views(t), AtcParams{});
        QCOMPARE(calls.load(), 2);
        QCOMPARE(r.from_cache, std::size_t{1});  // only the finished one was kept
    }

    void freeFunctionsUseTheRealEngine() {
        ResultCache cache;
        const Series s = universe(3, 5);
        const auto a = compute_symbol_cached(cache, s[0], AtcParams{});
        QVERIFY(test::result_difference(*a, compute_symbol(s[0], AtcParams{})).empty());
        QCOMPARE(compute_symbol_cached(cache, s[0], AtcParams{}).get(), a.get());
        const CachedBatchResult r = compute_scan_cached(cache, views(s), AtcParams{});
        QVERIFY(check_against_engine(r, s, AtcParams{}).empty());
        QCOMPARE(compute_scan_cached(cache, views(s), AtcParams{}).from_cache, s.size());
    }

    // Four threads scan overlapping universes (and chart single symbols) through
    // one cache with a disk tier and a memory tier too small for everything.
    void concurrentScansGetTheRightNumbers() {
        ResultCacheOptions o;
        o.database = fresh_database("concurrent.db");
        o.memory_capacity_bytes = 2 << 20;
        ResultCache cache(o);
        const Series all = universe(24, 3000);
        AtcParams p;
        p.cutout = 1;
        std::atomic<int> failures{0};
        std::mutex message_mutex;
        std::string first_failure;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                try {
                    for (int round = 0; round < 4; ++round) {
                        Series part;
                        for (std::size_t i = 0; i < 12; ++i)
                            part.push_back(all[(static_cast<std::size_t>(t * 4 + round * 3) + i) %
                                               all.size()]);
                        const auto r = compute_scan_cached(cache, views(part), p);
                        std::string diff = check_against_engine(r, part, p);
                        const auto chart = compute_symbol_cached(cache, part[0], p);
                        if (diff.empty())
                            diff = test::result_difference(*chart, compute_symbol(part[0], p));
                        if (!diff.empty()) {
                            failures.fetch_add(1);
                            const std::lock_guard lock(message_mutex);
                            first_failure = diff;
                        }
                    }
                } catch (const std::exception& e) {
                    failures.fetch_add(1);
                    const std::lock_guard lock(message_mutex);
                    first_failure = e.what();
                }
            });
        }
        for (std::thread& th : threads)
            th.join();
        QVERIFY2(failures.load() == 0, first_failure.c_str());
        const CacheStats s = cache.stats();
        QCOMPARE(s.disk_errors, std::uint64_t{0});
        QVERIFY(s.memory_hits + s.disk_hits > 0);
        QVERIFY(s.memory_bytes <= o.memory_capacity_bytes);
    }
};

QTEST_APPLESS_MAIN(TestResultCache)
#include "test_result_cache.moc"
