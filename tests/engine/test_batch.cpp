// SPDX-License-Identifier: GPL-3.0-or-later
// The oneTBB batch runner: identical numbers to the single-symbol path on a
// random universe, per-symbol errors, progress and cancellation.
#include <QtTest>
#include <atomic>
#include <cmath>
#include <mutex>
#include <vector>

#include "atc/batch.hpp"
#include "atc/compute.hpp"
#include "atc/validation.hpp"
#include "direct_moving_averages.hpp"
#include "series_equality.hpp"

using namespace atc;

namespace {

using test::same_values;

// Symbols of different lengths, so workers reuse buffers across sizes.
std::vector<std::vector<double>> universe(std::size_t count) {
    std::vector<std::vector<double>> series;
    for (std::size_t s = 0; s < count; ++s) {
        series.push_back(test::random_walk(300 + (s * 37) % 900, unsigned(s + 1),
                                           20.0 + static_cast<double>(s)));
    }
    return series;
}

std::vector<std::span<const double>> views(const std::vector<std::vector<double>>& series) {
    return {series.begin(), series.end()};
}

}  // namespace

class TestBatch : public QObject {
    Q_OBJECT

private slots:
    void identicalToSingleSymbol() {
        const auto series = universe(64);
        AtcParams p;
        p.cutout = 5;
        p.robustness = Robustness::Narrow;
        const BatchResult batch = compute_batch(views(series), p);
        QCOMPARE(batch.symbols.size(), series.size());
        QVERIFY(!batch.cancelled);
        for (std::size_t s = 0; s < series.size(); ++s) {
            const AtcResult single = compute_symbol(series[s], p);
            const SymbolScan& scan = batch.symbols[s];
            QVERIFY(scan.ok());
            for (std::size_t t = 0; t < kFamilyCount; ++t) {
                QVERIFY2(same_values(scan.layer1_signals[t], single.families[t].signal),
                         qPrintable(QString::number(s)));
                QVERIFY(same_values(scan.layer2_equities[t], single.families[t].weight_equity));
            }
            QVERIFY(same_values(scan.average, single.average));
            QCOMPARE(scan.markers.size(), single.markers.size());
            QCOMPARE(scan.row.average, single.row.average);
            QCOMPARE(scan.row.trend, single.row.trend);
            QCOMPARE(scan.row.last_close, series[s].back());
        }
    }

    void summaryOnlyKeepsNoSeries() {
        const auto series = universe(16);
        BatchOptions options;
        options.keep_series = false;
        const BatchResult lean = compute_batch(views(series), AtcParams{}, options);
        const BatchResult full = compute_batch(views(series), AtcParams{});
        for (std::size_t s = 0; s < series.size(); ++s) {
            QVERIFY(lean.symbols[s].average.empty());
            QVERIFY(lean.symbols[s].layer1_signals[0].empty());
            QCOMPARE(lean.symbols[s].row.average, full.symbols[s].row.average);
            QCOMPARE(lean.symbols[s].markers.size(), full.symbols[s].markers.size());
        }
    }

    void badSymbolDoesNotStopTheOthers() {
        auto series = universe(5);
        series[2][10] = -1.0;
        series[3].resize(3);
        AtcParams p;
        p.cutout = 5;
        const BatchResult r = compute_batch(views(series), p);
        QVERIFY(r.symbols[0].ok());
        QVERIFY(!r.symbols[2].ok());
        QVERIFY(QString::fromStdString(r.symbols[2].error).contains("bar 10"));
        QVERIFY(!r.symbols[3].ok());
        QVERIFY(QString::fromStdString(r.symbols[3].error).contains("cutout"));
        QVERIFY(r.symbols[4].ok());
    }

    void invalidParametersThrowUpFront() {
        const auto series = universe(2);
        AtcParams p;
        p.decay = -5;
        QVERIFY_THROWS_EXCEPTION(InvalidInput, compute_batch(views(series), p));
    }

    void progressCountsEverySymbol() {
        const auto series = universe(40);
        std::atomic<std::size_t> calls{0};
        std::atomic<std::size_t> last_total{0};
        std::mutex m;
        std::size_t max_done = 0;
        BatchOptions options;
        options.progress = [&](std::size_t done, std::size_t total) {
            ++calls;
            last_total = total;
            std::lock_guard lock(m);
            max_done = std::max(max_done, done);
        };
        compute_batch(views(series), AtcParams{}, options);
        QCOMPARE(calls.load(), series.size());
        QCOMPARE(last_total.load(), series.size());
        QCOMPARE(max_done, series.size());
    }

    void cancelStopsEarly() {
        const auto series = universe(400);
        std::atomic<bool> cancel{false};
        BatchOptions options;
        options.cancel = &cancel;
        options.progress = [&](std::size_t done, std::size_t) {
            if (done >= 10)
                cancel = true;
        };
        const BatchResult r = compute_batch(views(series), AtcParams{}, options);
        QVERIFY(r.cancelled);
        std::size_t computed = 0;
        for (const auto& s : r.symbols)
            computed += s.computed ? 1 : 0;
        QVERIFY2(computed < series.size(), qPrintable(QString::number(computed)));
        QVERIFY(computed >= 10);
    }

    void emptyUniverse() {
        const BatchResult r = compute_batch({}, AtcParams{});
        QVERIFY(r.symbols.empty());
        QVERIFY(!r.cancelled);
    }
};

QTEST_APPLESS_MAIN(TestBatch)
#include "test_batch.moc"
