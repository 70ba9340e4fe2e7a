// SPDX-License-Identifier: GPL-3.0-or-later
// The CUDA backend on a real device against the CPU backend: the golden cases
// and a 200-symbol random universe under several parameter sets, series kept
// and not, in one chunk and in many. Crossing states show in the Layer-1
// signals, which must be identical, as must trends and markers; values within
// ATC_SPEC.md's tolerance, and by design (no fused multiply-add, the CPU's
// order of operations) bit for bit. Where no usable GPU exists the whole suite
// is skipped with the reason the probe gives.
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>

#include "atc/backend.hpp"
#include "atc/batch.hpp"
#include "atc/gpu/gpu_backend.hpp"
#include "atc/validation.hpp"
#include "batch_comparison.hpp"
#include "golden_case.hpp"
#include "gpu_test_cases.hpp"

using namespace atc;
using test::batch_difference;
using test::Exactness;

namespace {

BatchOptions keeping(bool keep_series) {
    BatchOptions options;
    options.keep_series = keep_series;
    return options;
}

}  // namespace

class TestGpuBackend : public QObject {
    Q_OBJECT

    system::GpuReport report_;
    std::shared_ptr<BatchBackend> gpu_;
    std::shared_ptr<BatchBackend> chunked_;  // a few symbols per chunk

    void compare(std::span<const std::span<const double>> closes, const AtcParams& params,
                 bool keep, BatchBackend& backend, const QString& what) {
        const BatchResult cpu = compute_batch(closes, params, keeping(keep));
        const BatchResult gpu = backend.compute(closes, params, keeping(keep));
        const std::string within = batch_difference(gpu, cpu, Exactness::SpecTolerance);
        QVERIFY2(within.empty(), qPrintable(what + ": " + QString::fromStdString(within)));
        const std::string bitwise = batch_difference(gpu, cpu, Exactness::Bitwise);
        QVERIFY2(bitwise.empty(), qPrintable(what + " (within tolerance, not bit for bit): " +
                                             QString::fromStdString(bitwise)));
    }

private slots:
    void initTestCase() {
        report_ = gpu::probe();
        if (!report_.available)
            QSKIP(qPrintable("no CUDA device: " + QString::fromStdString(report_.reason)));
        gpu_ = gpu::make_backend(report_);
        gpu::GpuBackendOptions small;
        small.max_chunk_bytes = 4'000'000;
        chunked_ = gpu::make_backend(report_, small);
        QVERIFY(gpu_ && chunked_);
        qInfo("device: %s", gpu_->description().c_str());
    }

    void goldenCases() {
        for (const QString& name : test::golden_case_names()) {
            const test::GoldenCase c = test::load_golden_case(name);
            const std::vector<std::span<const double>> closes = {c.close};
            for (const bool keep : {true, false})
                compare(closes, c.params, keep, *gpu_, name);
        }
    }

    void randomUniverse_data() {
        QTest::addColumn<int>("set");
        QTest::addColumn<bool>("keep");
        QTest::addColumn<bool>("chunked");
        const auto sets = test::gpu_parameter_sets();
        for (std::size_t i = 0; i < sets.size(); ++i) {
            for (const bool keep : {true, false}) {
                for (const bool chunked : {false, true}) {
                    const std::string row = sets[i].name + (keep ? ", series" : ", scan") +
                                            (chunked ? ", chunked" : "");
                    QTest::newRow(row.c_str()) << static_cast<int>(i) << keep << chunked;
                }
            }
        }
    }

    void randomUniverse() {
        QFETCH(int, set);
        QFETCH(bool, keep);
        QFETCH(bool, chunked);
        static const auto series = test::gpu_test_universe(200);
        compare(test::spans_of(series),
                test::gpu_parameter_sets()[static_cast<std::size_t>(set)].params, keep,
                chunked ? *chunked_ : *gpu_, QString::fromLatin1(QTest::currentDataTag()));
    }

    void longSeries() {
        const std::vector<double> close = test::random_walk(100'000, 77, 40.0);
        const std::vector<std::span<const double>> closes = {close};
        AtcParams params;
        params.robustness = Robustness::Wide;
        params.lengths = {28, 270, 28, 28, 300, 28};
        compare(closes, params, true, *gpu_, "100,000 bars");
    }

    void manySymbols() {
        // Enough blocks to fill the device: 5,000 symbols x 2,000 bars.
        std::vector<std::vector<double>> series;
        for (unsigned s = 0; s < 5000; ++s)
            series.push_back(test::random_walk(2000, 5000 + s, 10.0 + s % 90));
        compare(test::spans_of(series), AtcParams{}, false, *gpu_, "5000 x 2000");
    }

    void progressAndCancel() {
        const auto series = test::gpu_test_universe(150);
        std::atomic<bool> cancel{false};
        std::mutex m;
        std::size_t last = 0;
        BatchOptions options;
        options.cancel = &cancel;
        options.progress = [&](std::size_t done, std::size_t) {
            const std::lock_guard lock(m);
            last = std::max(last, done);
            if (done >= 10)
                cancel = true;
        };
        const BatchResult r = chunked_->compute(test::spans_of(series), AtcParams{}, options);
        QVERIFY(r.cancelled);
        QVERIFY(last >= 10);
        QVERIFY(std::any_of(r.symbols.begin(), r.symbols.end(),
                            [](const SymbolScan& s) { return !s.computed; }));
    }

    void invalidParametersThrowLikeTheCpu() {
        const auto series = test::gpu_test_universe(3);
        AtcParams params;
        params.decay = -5;
        QVERIFY_THROWS_EXCEPTION(InvalidInput, gpu_->compute(test::spans_of(series), params, {}));
    }
};

QTEST_APPLESS_MAIN(TestGpuBackend)
#include "test_gpu_backend.moc"
