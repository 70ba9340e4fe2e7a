// SPDX-License-Identifier: GPL-3.0-or-later
// The router and its fallback, on any machine: a GPU backend that fails makes
// the request run on the CPU with the reason logged and returned; auto weighs
// the cost model; gpu without a GPU is refused with the probe's reason; the
// factory reports this machine's GPU side honestly.
#include <QtTest>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "atc/backend.hpp"
#include "atc/backend_cost.hpp"
#include "atc/backend_router.hpp"
#include "atc/gpu/gpu_backend.hpp"
#include "atc/validation.hpp"
#include "batch_comparison.hpp"
#include "gpu_test_cases.hpp"

using namespace atc;
using system::BackendKind;
using system::BackendRequest;

namespace {

// A GPU backend for tests: computes with the CPU engine, or fails like a
// device that lost its context.
class FakeGpu final : public BatchBackend {
public:
    explicit FakeGpu(bool fail, bool warm = true) : fail_(fail), warm_(warm) {}
    BackendKind kind() const override { return BackendKind::Gpu; }
    std::string description() const override { return "gpu (fake)"; }
    bool warmed_up() const override { return warm_; }
    BatchResult compute(std::span<const std::span<const double>> closes, const AtcParams& params,
                        const BatchOptions& options) override {
        ++calls;
        if (fail_)
            throw BackendError("CUDA error while computing a chunk on the GPU: simulated");
        return compute_batch(closes, params, options);
    }
    std::atomic<int> calls{0};

private:
    bool fail_;
    bool warm_;
};

system::GpuReport usable_gpu() {
    system::GpuReport report;
    report.available = true;
    system::GpuDevice device;
    device.name = "Fake H100";
    report.devices.push_back(device);
    return report;
}

Workload work(std::size_t symbols, std::size_t bars) {
    Workload w;
    w.symbols = symbols;
    w.bars = static_cast<std::uint64_t>(symbols * bars);
    return w;
}

}  // namespace

class TestBackendRouter : public QObject {
    Q_OBJECT

private slots:
    void failingGpuFallsBackToTheCpu() {
        auto gpu = std::make_shared<FakeGpu>(/*fail=*/true);
        BackendRouter router(std::make_shared<CpuBackend>(), gpu, usable_gpu());
        std::vector<std::string> log;
        router.set_log([&](const std::string& message) { log.push_back(message); });
        const auto series = test::gpu_test_universe(20);
        const auto closes = test::spans_of(series);

        const RoutedBatch routed = router.compute(BackendRequest::Gpu, closes, AtcParams{});
        QCOMPARE(gpu->calls.load(), 1);
        QVERIFY(routed.ran == BackendKind::Cpu);
        QVERIFY(routed.decision.choice.kind == BackendKind::Gpu);
        QVERIFY(QString::fromStdString(routed.fallback).contains("simulated"));
        QCOMPARE(log.size(), std::size_t{1});
        QVERIFY(QString::fromStdString(log[0]).contains("computing on the CPU instead"));
        // Never a wrong result: exactly the CPU's.
        const BatchResult cpu = compute_batch(closes, AtcParams{});
        const std::string d = test::batch_difference(routed.result, cpu, test::Exactness::Bitwise);
        QVERIFY2(d.empty(), d.c_str());

        // auto does not try the failed GPU again; gpu asked for explicitly does.
        QVERIFY(QString::fromStdString(router.gpu_failure()).contains("simulated"));
        const RouteDecision later = router.decide(BackendRequest::Auto, work(10000, 5000));
        QVERIFY(later.choice.kind == BackendKind::Cpu);
        QVERIFY(QString::fromStdString(later.choice.reason).contains("failed earlier"));
    }

    void invalidInputIsNotAGpuFailure() {
        auto gpu = std::make_shared<FakeGpu>(/*fail=*/false);
        BackendRouter router(std::make_shared<CpuBackend>(), gpu, usable_gpu());
        AtcParams bad;
        bad.decay = -1;
        const auto series = test::gpu_test_universe(2);
        QVERIFY_THROWS_EXCEPTION(InvalidInput,
                                 router.compute(BackendRequest::Gpu, test::spans_of(series), bad));
        QVERIFY(router.gpu_failure().empty());
    }

    void autoWeighsTheCostModel() {
        auto cold = std::make_shared<FakeGpu>(false, /*warm=*/false);
        BackendRouter router(std::make_shared<CpuBackend>(), cold, usable_gpu());
        // One symbol: the CPU, whatever the GPU.
        QVERIFY(router.decide(BackendRequest::Auto, work(1, 5000)).choice.kind == BackendKind::Cpu);
        // A large scan: the GPU even with its start-up.
        const RouteDecision big = router.decide(BackendRequest::Auto, work(10000, 5000));
        QVERIFY(big.choice.kind == BackendKind::Gpu);
        QVERIFY(big.gpu_seconds < big.cpu_seconds);
        QVERIFY2(QString::fromStdString(big.choice.reason).startsWith("auto: estimated"),
                 big.choice.reason.c_str());
        // A 500-symbol scan: start-up outweighs it while cold, not once warm.
        QVERIFY(router.decide(BackendRequest::Auto, work(500, 2000)).choice.kind ==
                BackendKind::Cpu);
        auto warm = std::make_shared<FakeGpu>(false, /*warm=*/true);
        BackendRouter warm_router(std::make_shared<CpuBackend>(), warm, usable_gpu());
        QVERIFY(warm_router.decide(BackendRequest::Auto, work(500, 2000)).choice.kind ==
                BackendKind::Gpu);
        // cpu is never overruled.
        const RouteDecision cpu = router.decide(BackendRequest::Cpu, work(10000, 5000));
        QVERIFY(cpu.choice.kind == BackendKind::Cpu);
        QCOMPARE(QString::fromStdString(cpu.choice.reason), QStringLiteral("requested"));
    }

    void autoSummarySaysWhereTheGpuStarts() {
        BackendRouter with_gpu(std::make_shared<CpuBackend>(), std::make_shared<FakeGpu>(false),
                               usable_gpu());
        const QString summary = QString::fromStdString(with_gpu.auto_summary());
        QVERIFY2(summary.contains("gpu (fake)") && summary.contains("from about"),
                 qPrintable(summary));
        system::GpuReport none;
        none.reason = "no CUDA device found (cudaErrorNoDevice)";
        BackendRouter without(std::make_shared<CpuBackend>(), nullptr, none);
        QCOMPARE(QString::fromStdString(without.auto_summary()),
                 QStringLiteral("auto: no usable GPU (no CUDA device found (cudaErrorNoDevice))"));
    }

    void settingChangesTheRoute() {
        auto gpu = std::make_shared<FakeGpu>(false);
        BackendRouter router(std::make_shared<CpuBackend>(), gpu, usable_gpu());
        QVERIFY(router.request() == BackendRequest::Auto);
        router.set_request(BackendRequest::Cpu);
        const auto series = test::gpu_test_universe(5);
        const RoutedBatch routed = router.compute(test::spans_of(series), AtcParams{});
        QVERIFY(routed.ran == BackendKind::Cpu);
        QCOMPARE(gpu->calls.load(), 0);
        router.set_request(BackendRequest::Gpu);
        const RoutedBatch on_gpu = router.compute(test::spans_of(series), AtcParams{});
        QVERIFY(on_gpu.ran == BackendKind::Gpu);
        QCOMPARE(gpu->calls.load(), 1);
    }

    void batchFunctionReportsEachRoute() {
        BackendRouter router(std::make_shared<CpuBackend>(), nullptr,
                             system::gpu_report_without_backend());
        int routed = 0;
        auto fn = router.batch_function([&](const RoutedBatch& r) {
            ++routed;
            QVERIFY(r.ran == BackendKind::Cpu);
        });
        const auto series = test::gpu_test_universe(4);
        const BatchResult result = fn(test::spans_of(series), AtcParams{}, {});
        QCOMPARE(routed, 1);
        QCOMPARE(result.symbols.size(), series.size());
    }

    void gpuWithoutAGpuIsRefusedWithTheReason() {
        system::GpuReport none;
        none.reason = "no NVIDIA driver (cudaErrorInsufficientDriver)";
        BackendRouter router(std::make_shared<CpuBackend>(), nullptr, none);
        const RouteDecision d = router.decide(BackendRequest::Gpu, work(100, 100));
        QVERIFY(!d.choice.usable);
        QVERIFY(QString::fromStdString(d.choice.reason).contains("no NVIDIA driver"));
        const auto series = test::gpu_test_universe(2);
        QVERIFY_THROWS_EXCEPTION(BackendUnavailable,
                                 router.compute(BackendRequest::Gpu, test::spans_of(series), {}));
        const RouteDecision a = router.decide(BackendRequest::Auto, work(10000, 5000));
        QVERIFY(a.choice.kind == BackendKind::Cpu);
        QVERIFY(QString::fromStdString(a.choice.reason).contains("no NVIDIA driver"));
    }

    void reportCannotPromiseAMissingBackend() {
        BackendRouter router(std::make_shared<CpuBackend>(), nullptr, usable_gpu());
        QVERIFY(!router.gpu_report().available);
        QVERIFY(!router.decide(BackendRequest::Gpu, work(1, 1)).choice.usable);
    }

    void costModelConstants() {
        const CostModel model;
        // The measured CPU rate: 500 x 2,000 in ~67 ms on two threads.
        QVERIFY(qAbs(model.cpu_seconds(work(500, 2000), 2) - 1e6 / 15e6) < 1e-9);
        const Workload scan = work(1000, 2000);
        Workload kept = scan;
        kept.keep_series = true;
        QCOMPARE(CostModel::transfer_bytes(scan), 2e6 * 8.0 + 1000 * kBytesPerSymbol);
        QVERIFY(CostModel::transfer_bytes(kept) > 13 * CostModel::transfer_bytes(scan));
        QVERIFY(qAbs(model.gpu_seconds(scan, false) - model.gpu_seconds(scan, true) -
                     kGpuStartupSeconds) < 1e-12);
    }

    void factoryReportsThisMachineHonestly() {
        const auto router = gpu::make_router();
        const system::GpuReport& report = router->gpu_report();
        qInfo("built with CUDA: %s; GPU: %s", gpu::built_with_cuda() ? "yes" : "no",
              report.available ? "available" : report.reason.c_str());
        QCOMPARE(router->has_gpu(), report.available);
        if (!gpu::built_with_cuda())
            QCOMPARE(QString::fromStdString(report.reason),
                     QStringLiteral("built without the CUDA backend"));
        if (report.available)
            return;
        QVERIFY(!report.reason.empty());
        // Whatever is asked, nothing but the CPU runs, and gpu says why not.
        const auto series = test::gpu_test_universe(3);
        const RoutedBatch routed =
            router->compute(BackendRequest::Auto, test::spans_of(series), {});
        QVERIFY(routed.ran == BackendKind::Cpu);
        const RouteDecision gpu = router->decide(BackendRequest::Gpu, work(1, 1));
        QVERIFY(!gpu.choice.usable);
        QVERIFY(QString::fromStdString(gpu.choice.reason)
                    .contains(QString::fromStdString(report.reason)));
    }
};

QTEST_APPLESS_MAIN(TestBackendRouter)
#include "test_backend_router.moc"
