// SPDX-License-Identifier: GPL-3.0-or-later
// Scanning within a memory budget: the estimates against the exact workspace
// gauge, the chunk planner, and compute_batch_within_budget giving results
// bit-identical to one compute_batch call, with progress, cancel, a chunk
// sink and the result cache giving way.
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>
#include <vector>

#include "atc/batch.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/scan_budget.hpp"
#include "atc/validation.hpp"
#include "direct_moving_averages.hpp"

using namespace atc;

namespace {

using Series = std::vector<std::vector<double>>;

Series universe(std::size_t count, std::size_t min_bars, std::size_t spread) {
    Series s;
    for (std::size_t i = 0; i < count; ++i)
        s.push_back(test::random_walk(min_bars + (i * 7919) % (spread + 1), unsigned(i + 1),
                                      20.0 + static_cast<double>(i % 50)));
    return s;
}

std::vector<std::span<const double>> views(const Series& s) {
    return {s.begin(), s.end()};
}

// Same bits, NaN included (a -0.0 for a +0.0 would fail too).
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

bool same_marker(const EntryMarker& a, const EntryMarker& b) {
    return a.bar == b.bar && a.direction == b.direction &&
           std::memcmp(&a.average, &b.average, sizeof(double)) == 0;
}

// Every field of two scans.
QString difference(const SymbolScan& a, const SymbolScan& b) {
    if (a.error != b.error || a.computed != b.computed)
        return QStringLiteral("error/computed");
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        if (!same_bits(a.layer1_signals[t], b.layer1_signals[t]))
            return QStringLiteral("layer1 %1").arg(t);
        if (!same_bits(a.layer2_equities[t], b.layer2_equities[t]))
            return QStringLiteral("layer2 %1").arg(t);
    }
    if (!same_bits(a.average, b.average))
        return QStringLiteral("average");
    if (a.markers.size() != b.markers.size())
        return QStringLiteral("marker count");
    for (std::size_t m = 0; m < a.markers.size(); ++m)
        if (!same_marker(a.markers[m], b.markers[m]))
            return QStringLiteral("marker %1").arg(m);
    const ScanRow& x = a.row;
    const ScanRow& y = b.row;
    if (x.bars != y.bars || x.trend != y.trend ||
        std::memcmp(&x.average, &y.average, sizeof(double)) != 0 ||
        std::memcmp(&x.last_close, &y.last_close, sizeof(double)) != 0 ||
        std::memcmp(&x.entry_close, &y.entry_close, sizeof(double)) != 0 ||
        std::memcmp(x.family_equity.data(), y.family_equity.data(), sizeof(x.family_equity)) != 0)
        return QStringLiteral("row");
    if (x.last_marker.has_value() != y.last_marker.has_value() ||
        (x.last_marker && !same_marker(*x.last_marker, *y.last_marker)))
        return QStringLiteral("row marker");
    return {};
}

// What one symbol of `bars` costs a scan when `workers` run it, by the estimates.
std::uint64_t budget_for(std::size_t symbols, std::size_t bars, bool keep_series,
                         unsigned workers) {
    return symbols * estimate_scan_output_bytes(bars, keep_series) +
           workers * estimate_worker_scratch_bytes(bars, true);
}

}  // namespace

class TestScanBudget : public QObject {
    Q_OBJECT

private slots:
    void scratchEstimateBoundsTheGauge_data() {
        QTest::addColumn<std::size_t>("count");
        QTest::addColumn<std::size_t>("minBars");
        QTest::addColumn<std::size_t>("spread");
        QTest::addColumn<bool>("keepSeries");
        const std::size_t one = 0;  // spread: every series of minBars bars
        QTest::newRow("one length, summary") << std::size_t{8} << std::size_t{4000} << one << false;
        QTest::newRow("one length, series") << std::size_t{8} << std::size_t{4000} << one << true;
        QTest::newRow("mixed lengths")
            << std::size_t{120} << std::size_t{1500} << std::size_t{1000} << false;
        QTest::newRow("short series")
            << std::size_t{40} << std::size_t{60} << std::size_t{200} << false;
    }

    void scratchEstimateBoundsTheGauge() {
        QFETCH(std::size_t, count);
        QFETCH(std::size_t, minBars);
        QFETCH(std::size_t, spread);
        QFETCH(bool, keepSeries);
        const Series series = universe(count, minBars, spread);
        std::size_t longest = 0;
        for (const auto& s : series)
            longest = std::max(longest, s.size());

        WorkspaceGauge gauge;
        std::atomic<std::uint64_t> seen_while_running{0};
        BatchOptions options;
        options.keep_series = keepSeries;
        options.workspace_gauge = &gauge;
        options.progress = [&](std::size_t, std::size_t) {
            seen_while_running.store(std::max(seen_while_running.load(), gauge.bytes()));
        };
        compute_batch(views(series), AtcParams{}, options);

        QVERIFY(seen_while_running.load() > 0);     // live while the batch runs
        QCOMPARE(gauge.bytes(), std::uint64_t{0});  // the buffers died with the batch
        const auto workers =
            static_cast<std::uint64_t>(std::min<std::size_t>(count, QThread::idealThreadCount()));
        const std::uint64_t estimate = workers * estimate_worker_scratch_bytes(longest, spread > 0);
        QVERIFY2(
            gauge.peak_bytes() <= estimate,
            qPrintable(
                QStringLiteral("measured %1, estimated %2").arg(gauge.peak_bytes()).arg(estimate)));
        // For one long length the estimate is close, not just safe: one
        // worker's buffers after 4000 bars against the estimate for it.
        if (spread == 0 && !keepSeries) {
            WorkspaceGauge one;
            BatchOptions single;
            single.keep_series = false;
            single.workspace_gauge = &one;
            compute_batch(views(Series{series[0]}), AtcParams{}, single);
            QVERIFY2(one.peak_bytes() >= estimate_worker_scratch_bytes(minBars, false) * 9 / 10,
                     qPrintable(QString::number(one.peak_bytes())));
        }
    }

    void gaugeForwardsToParent() {
        WorkspaceGauge parent;
        {
            WorkspaceGauge child(&parent);
            child.grow(100);
            child.grow(50);
            QCOMPARE(parent.bytes(), std::uint64_t{150});
            child.release(150);
            QCOMPARE(child.peak_bytes(), std::uint64_t{150});
        }
        QCOMPARE(parent.bytes(), std::uint64_t{0});
        QCOMPARE(parent.peak_bytes(), std::uint64_t{150});
    }

    void plannerChunks() {
        const std::vector<std::size_t> bars(100, 1000);
        const ChunkPlan one = plan_scan_chunks(bars, false, true, 0, 2);
        QCOMPARE(one.chunks.size(), std::size_t{1});
        QCOMPARE(one.chunks[0].first, std::size_t{0});
        QCOMPARE(one.chunks[0].last, std::size_t{100});
        QVERIFY(one.within_budget);

        // Room for about ten symbols: the chunks cover every symbol once, in
        // order, and each fits.
        const std::uint64_t room = budget_for(10, 1000, true, 2);
        const ChunkPlan plan = plan_scan_chunks(bars, true, false, room, 2);
        QVERIFY2(plan.chunks.size() >= 5, qPrintable(QString::number(plan.chunks.size())));
        std::size_t next = 0;
        for (const ChunkRange& c : plan.chunks) {
            QCOMPARE(c.first, next);
            QVERIFY(c.size() >= 8 || c.last == bars.size());  // four symbols per worker
            next = c.last;
        }
        QCOMPARE(next, bars.size());
        QVERIFY(plan.within_budget);
        QVERIFY(plan.estimated_peak_bytes <= room);

        // Kept outputs add up: the same room with outputs kept needs more chunks
        // and at last cannot fit.
        const ChunkPlan kept = plan_scan_chunks(bars, true, true, room, 2);
        QVERIFY(kept.chunks.size() > plan.chunks.size());
        QVERIFY(!kept.within_budget);

        // A room smaller than one symbol: minimum chunks (4 symbols per worker),
        // honestly over budget.
        const ChunkPlan tiny = plan_scan_chunks(bars, false, false, 1, 4);
        QCOMPARE(tiny.chunks.size(), std::size_t{7});  // 6 x 16 + 4
        QCOMPARE(tiny.chunks[0].size(), std::size_t{16});
        QVERIFY(!tiny.within_budget);

        QVERIFY(plan_scan_chunks({}, false, true, 1000, 2).chunks.empty());
    }

    void budgetedScanIsBitIdentical_data() {
        QTest::addColumn<bool>("keepSeries");
        QTest::addColumn<bool>("sink");
        QTest::newRow("summary, kept") << false << false;
        QTest::newRow("series, kept") << true << false;
        QTest::newRow("series, sink") << true << true;
    }

    void budgetedScanIsBitIdentical() {
        QFETCH(bool, keepSeries);
        QFETCH(bool, sink);
        const Series series = universe(300, 400, 800);
        AtcParams params;
        params.cutout = 3;
        BatchOptions options;
        options.keep_series = keepSeries;
        const BatchResult whole = compute_batch(views(series), params, options);

        // Room for the chunk-local memory of about 40 symbols.
        ScanBudget budget;
        budget.workers = 2;
        budget.bytes_in_use = 1000;
        budget.budget_bytes = budget.bytes_in_use + budget_for(40, 1200, keepSeries, 2);
        std::vector<SymbolScan> received(series.size());
        if (sink) {
            budget.on_chunk = [&](std::size_t first, std::span<SymbolScan> scans) {
                for (std::size_t k = 0; k < scans.size(); ++k)
                    received[first + k] = std::move(scans[k]);
            };
        }

        std::mutex mutex;
        std::vector<std::size_t> progress;
        options.progress = [&](std::size_t done, std::size_t total) {
            const std::lock_guard lock(mutex);
            QCOMPARE(total, series.size());
            progress.push_back(done);
        };
        StageTimes times;
        options.stage_times = &times;
        BudgetedBatchResult chunked =
            compute_batch_within_budget(views(series), params, options, budget);

        QVERIFY2(chunked.chunks.size() >= 5, qPrintable(QString::number(chunked.chunks.size())));
        QVERIFY(chunked.peak_workspace_bytes > 0);
        QVERIFY(!chunked.batch.cancelled);
        if (sink) {
            // Outputs handed on per chunk: the scan fits the budget.
            QVERIFY(chunked.within_budget);
            QVERIFY(chunked.estimated_peak_bytes <= budget.budget_bytes - budget.bytes_in_use);
            QVERIFY(chunked.batch.symbols.empty());
        } else {
            // Kept outputs add up whatever the chunking; the result says so.
            QCOMPARE(chunked.within_budget,
                     chunked.estimated_peak_bytes <= budget.budget_bytes - budget.bytes_in_use);
            received = std::move(chunked.batch.symbols);
        }
        QCOMPARE(received.size(), series.size());
        for (std::size_t s = 0; s < series.size(); ++s) {
            QVERIFY(received[s].ok());
            const QString diff = difference(received[s], whole.symbols[s]);
            QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("symbol %1: ").arg(s) + diff));
        }
        // Progress counts across chunks: every symbol once, ending at the total.
        QCOMPARE(progress.size(), series.size());
        QCOMPARE(*std::max_element(progress.begin(), progress.end()), series.size());
        std::sort(progress.begin(), progress.end());
        QVERIFY(std::adjacent_find(progress.begin(), progress.end()) == progress.end());
        QVERIFY(times.total() > 0.0);
    }

    void noBudgetIsOneBatch() {
        const Series series = universe(20, 300, 100);
        const BudgetedBatchResult r =
            compute_batch_within_budget(views(series), AtcParams{}, BatchOptions{}, ScanBudget{});
        QCOMPARE(r.chunks.size(), std::size_t{1});
        QCOMPARE(r.batch.symbols.size(), series.size());
        QVERIFY(r.within_budget);

        const BudgetedBatchResult none =
            compute_batch_within_budget({}, AtcParams{}, BatchOptions{}, ScanBudget{});
        QVERIFY(none.chunks.empty());
        QVERIFY(none.batch.symbols.empty());
    }

    void cancelStopsBetweenChunks() {
        const Series series = universe(200, 300, 200);
        std::atomic<bool> cancel{false};
        BatchOptions options;
        options.keep_series = false;
        options.cancel = &cancel;
        options.progress = [&](std::size_t done, std::size_t) {
            if (done >= 30)
                cancel = true;
        };
        ScanBudget budget;
        budget.workers = 2;
        budget.budget_bytes = budget_for(20, 500, false, 2);
        const BudgetedBatchResult r =
            compute_batch_within_budget(views(series), AtcParams{}, options, budget);
        QVERIFY(r.batch.cancelled);
        QVERIFY(r.chunks.size() >= 1);
        const std::size_t reached = r.chunks.back().last;
        QVERIFY(reached < series.size());
        const BatchResult whole = compute_batch(views(series), AtcParams{}, BatchOptions{});
        std::size_t computed = 0;
        for (std::size_t s = 0; s < series.size(); ++s) {
            const SymbolScan& scan = r.batch.symbols[s];
            if (s >= reached) {
                QVERIFY(!scan.computed);  // never started
            } else if (scan.computed) {
                ++computed;
                QCOMPARE(scan.row.average, whole.symbols[s].row.average);
            }
        }
        QVERIFY(computed >= 30);
    }

    void chunkSinkTakesTheOutputs() {
        const Series series = universe(120, 500, 500);
        const BatchResult whole = compute_batch(views(series), AtcParams{}, BatchOptions{});
        ScanBudget budget;
        budget.workers = 2;
        budget.budget_bytes = budget_for(15, 1000, true, 2);
        std::vector<SymbolScan> received(series.size());
        std::size_t expected_first = 0;
        budget.on_chunk = [&](std::size_t first, std::span<SymbolScan> scans) {
            QCOMPARE(first, expected_first);
            for (std::size_t k = 0; k < scans.size(); ++k)
                received[first + k] = std::move(scans[k]);
            expected_first = first + scans.size();
        };
        const BudgetedBatchResult r =
            compute_batch_within_budget(views(series), AtcParams{}, BatchOptions{}, budget);
        QVERIFY(r.batch.symbols.empty());
        QVERIFY(r.chunks.size() >= 4);
        QCOMPARE(expected_first, series.size());
        // Only one chunk's outputs are ever held, so the plan fits where
        // keeping every output (about 120 x 0.6 MB) would not.
        QVERIFY(r.within_budget);
        for (std::size_t s = 0; s < series.size(); ++s)
            QVERIFY2(difference(received[s], whole.symbols[s]).isEmpty(),
                     qPrintable(QString::number(s)));
    }

    void cacheGivesWayWhenTheScanDoesNotFit() {
        const Series series = universe(60, 800, 0);
        cache::ResultCache cache;  // memory only, 512 MB cap
        const auto context = cache.context(AtcParams{});
        const BatchResult filler = compute_batch(views(series), AtcParams{}, BatchOptions{});
        for (std::size_t s = 0; s < series.size(); ++s) {
            const auto key = cache::make_key(cache::EntryKind::Scan, series[s], context);
            cache.store(key, std::make_shared<const SymbolScan>(filler.symbols[s]));
        }
        const std::uint64_t filled = cache.stats().memory_bytes;
        QVERIFY(filled > 0);

        // Ample budget: the cache keeps everything.
        ScanBudget ample;
        ample.cache = &cache;
        ample.workers = 2;
        ample.budget_bytes = std::uint64_t{4} << 30;
        compute_batch_within_budget(views(series), AtcParams{}, BatchOptions{}, ample);
        QCOMPARE(cache.stats().memory_bytes, filled);

        // The scan alone takes nearly all of a small budget: the cache's memory
        // tier shrinks to what is left and evicts down to it.
        ScanBudget tight = ample;
        BatchOptions summary;
        summary.keep_series = false;
        tight.budget_bytes = budget_for(2, 800, false, 2) + filled / 4;
        const BudgetedBatchResult r =
            compute_batch_within_budget(views(series), AtcParams{}, summary, tight);
        const cache::CacheStats after = cache.stats();
        QVERIFY2(after.memory_capacity_bytes < filled,
                 qPrintable(QString::number(after.memory_capacity_bytes)));
        QVERIFY(after.memory_bytes <= after.memory_capacity_bytes);
        QVERIFY(after.memory_evictions > 0);
        QCOMPARE(r.batch.symbols.size(), series.size());
    }

    void cacheCapacityCanBeSet() {
        const Series series = universe(10, 500, 0);
        cache::ResultCache cache;
        const auto context = cache.context(AtcParams{});
        const BatchResult batch = compute_batch(views(series), AtcParams{}, BatchOptions{});
        for (std::size_t s = 0; s < series.size(); ++s)
            cache.store(cache::make_key(cache::EntryKind::Scan, series[s], context),
                        std::make_shared<const SymbolScan>(batch.symbols[s]));
        const std::uint64_t one = cache.stats().memory_bytes / series.size();
        cache.set_memory_capacity(static_cast<std::size_t>(3 * one + one / 2));
        QCOMPARE(cache.stats().memory_entries, std::uint64_t{3});
        QVERIFY(cache.stats().memory_bytes <= cache.stats().memory_capacity_bytes);
        cache.set_memory_capacity(0);
        QCOMPARE(cache.stats().memory_entries, std::uint64_t{0});
    }

    void invalidParamsThrowBeforeRunning() {
        const Series series = universe(4, 300, 0);
        AtcParams bad;
        bad.decay = 150.0;
        QVERIFY_THROWS_EXCEPTION(
            InvalidInput,
            compute_batch_within_budget(views(series), bad, BatchOptions{}, ScanBudget{}));
    }
};

QTEST_APPLESS_MAIN(TestScanBudget)
#include "test_scan_budget.moc"
