// SPDX-License-Identifier: GPL-3.0-or-later
// The GPU backend without a GPU: the kernels' own code (gpu/src/device/*.cuh)
// run by the host emulation through the real request runner (validation,
// sorting, chunking, two slots, packing, markers, unpacking), held against the
// CPU backend bit for bit on the golden cases and a random universe. The CUDA
// kernels call the same functions in the same order and are compiled without
// fused multiply-add, so what this proves for the arithmetic holds on the
// device; test_gpu_backend checks the device itself where there is one.
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <mutex>
#include <vector>

#include "atc/backend.hpp"
#include "atc/batch.hpp"
#include "atc/validation.hpp"
#include "batch_comparison.hpp"
#include "golden_case.hpp"
#include "gpu_test_cases.hpp"
#include "host/chunk_plan.hpp"
#include "host/emulated_executor.hpp"
#include "host/executor_backend.hpp"

using namespace atc;
using test::batch_difference;
using test::Exactness;

namespace {

gpu::host::ExecutorBackend emulated(gpu::host::ChunkLimits limits = {}) {
    return gpu::host::ExecutorBackend(std::make_unique<gpu::host::EmulatedExecutor>(limits),
                                      "emulated gpu");
}

// Chunks of a handful of symbols: many chunks, both slots, partial blocks.
gpu::host::ChunkLimits small_chunks() {
    gpu::host::ChunkLimits limits;
    limits.device_bytes = 2'000'000;
    limits.staging_bytes = 200'000;
    return limits;
}

BatchOptions keeping(bool keep_series) {
    BatchOptions options;
    options.keep_series = keep_series;
    return options;
}

}  // namespace

class TestGpuEmulated : public QObject {
    Q_OBJECT

private slots:
    void goldenCasesBitForBit() {
        for (const QString& name : test::golden_case_names()) {
            const test::GoldenCase c = test::load_golden_case(name);
            const std::vector<std::span<const double>> closes = {c.close};
            auto backend = emulated();
            for (const bool keep : {true, false}) {
                const BatchResult cpu = compute_batch(closes, c.params, keeping(keep));
                const BatchResult gpu = backend.compute(closes, c.params, keeping(keep));
                const std::string d = batch_difference(gpu, cpu, Exactness::Bitwise);
                QVERIFY2(d.empty(), qPrintable(name + ": " + QString::fromStdString(d)));
                QVERIFY(gpu.symbols[0].ok());
            }
        }
    }

    void randomUniverseBitForBit_data() {
        QTest::addColumn<int>("set");
        QTest::addColumn<bool>("keep");
        const auto sets = test::gpu_parameter_sets();
        for (std::size_t i = 0; i < sets.size(); ++i) {
            for (const bool keep : {true, false}) {
                QTest::newRow((sets[i].name + (keep ? ", series" : ", scan")).c_str())
                    << static_cast<int>(i) << keep;
            }
        }
    }

    void randomUniverseBitForBit() {
        QFETCH(int, set);
        QFETCH(bool, keep);
        static const auto series = test::gpu_test_universe(200);
        const auto closes = test::spans_of(series);
        const AtcParams params = test::gpu_parameter_sets()[static_cast<std::size_t>(set)].params;
        const BatchResult cpu = compute_batch(closes, params, keeping(keep));
        auto backend = emulated(small_chunks());
        const BatchResult gpu = backend.compute(closes, params, keeping(keep));
        const std::string d = batch_difference(gpu, cpu, Exactness::Bitwise);
        QVERIFY2(d.empty(), d.c_str());
        // The universe's invalid symbols fail on both; the rest are computed.
        QVERIFY(!gpu.symbols[5].ok());
        const auto computed = std::count_if(gpu.symbols.begin(), gpu.symbols.end(),
                                            [](const SymbolScan& s) { return s.ok(); });
        QVERIFY2(computed > 190, qPrintable(QString::number(computed)));
    }

    void longSeriesReanchoring() {
        // 100,000 bars: hundreds of re-anchorings of every window.
        const std::vector<double> close = test::random_walk(100'000, 77, 40.0);
        const std::vector<std::span<const double>> closes = {close};
        AtcParams params;
        params.robustness = Robustness::Wide;
        params.lengths = {28, 270, 28, 28, 300, 28};
        const BatchResult cpu = compute_batch(closes, params);
        auto backend = emulated();
        const BatchResult gpu = backend.compute(closes, params, {});
        const std::string d = batch_difference(gpu, cpu, Exactness::Bitwise);
        QVERIFY2(d.empty(), d.c_str());
    }

    void chunkingKeepsOrderAndCoversEverySymbol() {
        const auto series = test::gpu_test_universe(120);
        const auto closes = test::spans_of(series);
        std::vector<std::size_t> order;
        for (std::size_t s = 0; s < closes.size(); ++s)
            order.push_back(s);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return closes[a].size() > closes[b].size();
        });
        const auto chunks = gpu::host::plan_chunks(order, closes, true, 6, small_chunks());
        QVERIFY(chunks.size() > 4);
        std::size_t covered = 0;
        for (const auto& chunk : chunks) {
            QVERIFY(!chunk.symbols.empty());
            QCOMPARE(chunk.stride % 32, 0);
            QCOMPARE(chunk.max_bars, chunk.bars.front());  // longest first
            QCOMPARE(chunk.block_bars.size(), (chunk.symbols.size() + 31) / 32);
            for (std::size_t j = 0; j < chunk.symbols.size(); ++j)
                QCOMPARE(order[covered + j], chunk.symbols[j]);
            const std::uint64_t bytes = gpu::host::chunk_device_bytes(
                chunk.symbols.size(), static_cast<std::size_t>(chunk.max_bars),
                static_cast<std::uint64_t>(chunk.packed_bars), true, 6);
            QVERIFY(chunk.symbols.size() == 1 || bytes <= small_chunks().device_bytes);
            covered += chunk.symbols.size();
        }
        QCOMPARE(covered, order.size());
    }

    void invalidParametersThrowLikeTheCpu() {
        const auto series = test::gpu_test_universe(3);
        AtcParams params;
        params.decay = -5;
        auto backend = emulated();
        QVERIFY_THROWS_EXCEPTION(InvalidInput, backend.compute(test::spans_of(series), params, {}));
    }

    void progressReachesTheTotal() {
        const auto series = test::gpu_test_universe(70);
        std::mutex m;
        std::size_t last_done = 0;
        std::size_t last_total = 0;
        BatchOptions options;
        options.progress = [&](std::size_t done, std::size_t total) {
            const std::lock_guard lock(m);
            QVERIFY(done >= last_done);
            last_done = done;
            last_total = total;
        };
        auto backend = emulated(small_chunks());
        backend.compute(test::spans_of(series), AtcParams{}, options);
        QCOMPARE(last_done, series.size());
        QCOMPARE(last_total, series.size());
    }

    void cancelStopsBetweenChunks() {
        const auto series = test::gpu_test_universe(150);
        std::atomic<bool> cancel{false};
        BatchOptions options;
        options.cancel = &cancel;
        options.progress = [&](std::size_t done, std::size_t) {
            if (done >= 10)
                cancel = true;
        };
        auto backend = emulated(small_chunks());
        const BatchResult r = backend.compute(test::spans_of(series), AtcParams{}, options);
        QVERIFY(r.cancelled);
        std::size_t computed = 0;
        for (const SymbolScan& s : r.symbols)
            computed += s.computed ? 1 : 0;
        QVERIFY(computed >= 8);
        QVERIFY2(computed < series.size() - 1, qPrintable(QString::number(computed)));
    }

    void emptyRequest() {
        auto backend = emulated();
        const BatchResult r = backend.compute({}, AtcParams{}, {});
        QVERIFY(r.symbols.empty());
        QVERIFY(!r.cancelled);
    }
};

QTEST_APPLESS_MAIN(TestGpuEmulated)
#include "test_gpu_emulated.moc"
