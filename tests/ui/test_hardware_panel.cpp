// SPDX-License-Identifier: GPL-3.0-or-later
// The hardware and performance panel shows what the engine detected, the
// cache's counters, the process's memory and the figures of the last scan.
#include <QComboBox>
#include <QLineSeries>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QtTest>
#include <thread>

#include "atc/cache/cached_compute.hpp"
#include "atc/sample_universe.hpp"
#include "core/engine_service.hpp"
#include "status/byte_text.hpp"
#include "status/hardware_panel.hpp"
#include "status/memory_chart.hpp"

using namespace atc;
using namespace atc::ui;

class TestHardwarePanel : public QObject {
    Q_OBJECT

private slots:
    void showsTheDetectedHardware() {
        system::HardwareReport report = system::detect_hardware();
        system::MemoryMonitor monitor;
        cache::ResultCache cache;
        HardwarePanel panel(report, monitor, cache);
        QCOMPARE(panel.valueText(QStringLiteral("cpu_model")),
                 QString::fromStdString(report.cpu.model));
        QVERIFY(
            panel.valueText(QStringLiteral("cores"))
                .contains(QStringLiteral("%1 logical").arg(std::thread::hardware_concurrency())));
        QVERIFY(
            panel.valueText(QStringLiteral("simd"))
                .startsWith(QString::fromUtf8(system::simd_level_name(report.cpu.simd).data())));
        QVERIFY(panel.valueText(QStringLiteral("simd"))
                    .contains(QStringLiteral("(engine kernels: %1)")
                                  .arg(QString::fromStdString(
                                      system::kernel_simd_description(report.cpu.kernel_simd)))));
        QVERIFY(
            panel.valueText(QStringLiteral("ram")).startsWith(byteText(report.ram.total_bytes)));
        QCOMPARE(panel.valueText(QStringLiteral("backend")),
                 QString::fromStdString(report.backend.description));
        // No GPU in this report's probe: the reason is said, not hidden, and
        // "Compute on: GPU" cannot be chosen.
        QVERIFY(!report.gpu.available);
        QCOMPARE(
            panel.valueText(QStringLiteral("cuda")),
            QStringLiteral("no CUDA device: %1").arg(QString::fromStdString(report.gpu.reason)));
        auto* items = qobject_cast<QStandardItemModel*>(panel.computeOnBox()->model());
        QVERIFY(items);
        const QStandardItem* gpu = items->item(
            panel.computeOnBox()->findData(static_cast<int>(system::BackendRequest::Gpu)));
        QVERIFY(!gpu->isEnabled());
        QCOMPARE(gpu->toolTip(), QString::fromStdString(report.gpu.reason));
    }

    void showsDevicesWhenTheProbeFindsThem() {
        system::HardwareReport report;
        report.gpu.available = true;
        system::GpuDevice device;
        device.name = "NVIDIA H100 80GB HBM3";
        device.memory_bytes = std::uint64_t{80} << 30;
        device.compute_capability_major = 9;
        device.driver_version = "13.0";
        device.runtime_version = "13.0";
        report.gpu.devices.push_back(device);
        system::MemoryMonitor monitor;
        cache::ResultCache cache;
        HardwarePanel panel(report, monitor, cache);
        const QString cuda = panel.valueText(QStringLiteral("cuda"));
        QVERIFY2(cuda.contains(QStringLiteral("NVIDIA H100 80GB HBM3")) &&
                     cuda.contains(QStringLiteral("80.00 GiB")) &&
                     cuda.contains(QStringLiteral("compute 9.0")),
                 qPrintable(cuda));
    }

    void followsTheCacheAndTheMemoryMonitor() {
        system::MemoryMonitorOptions options;
        // Samples taken by the test only, so nothing changes between reads.
        options.interval = std::chrono::hours(1);
        system::MemoryMonitor monitor(options);
        cache::ResultCache cache;
        HardwarePanel panel(system::detect_hardware(), monitor, cache);
        panel.resize(900, 500);
        panel.show();

        UniverseSpec spec;
        spec.symbols = 3;
        spec.bars = 500;
        const auto universe = generate_universe(spec);
        const AtcParams params;
        for (int round = 0; round < 2; ++round)  // a miss, then a hit, per symbol
            for (const auto& s : universe)
                cache::compute_symbol_cached(cache, s.bars.close, params);
        monitor.sample_now();
        monitor.sample_now();
        panel.refresh();
        const cache::CacheStats stats = cache.stats();
        QVERIFY(panel.valueText(QStringLiteral("cache_hits"))
                    .startsWith(QString::number(stats.memory_hits)));
        QCOMPARE(panel.valueText(QStringLiteral("cache_misses")), QString::number(stats.misses));
        QCOMPARE(stats.misses, std::uint64_t{3});
        const system::MemoryStatus m = monitor.status();
        QVERIFY(m.current.rss_bytes > 0);
        QCOMPARE(panel.valueText(QStringLiteral("rss_peak")), byteText(m.peak_rss_bytes));
        // The live plot holds the monitor's history.
        QVERIFY(panel.memoryChart()->rssSeries()->count() >= 2);
        if (const QString dir = qEnvironmentVariable("ATC_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(panel.grab().save(dir + QStringLiteral("/hardware-panel.png")));
    }

    void showsTheLastScan() {
        system::MemoryMonitor monitor;
        cache::ResultCache cache;
        HardwarePanel panel(system::HardwareReport{}, monitor, cache);
        ScanOutcome outcome;
        outcome.names = {QStringLiteral("A"), QStringLiteral("B")};
        outcome.elapsed_ms = 500.0;
        outcome.bars_computed = 4000;
        outcome.stage_times.moving_averages = 0.0123;
        outcome.stage_times.layer1 = 0.002;
        outcome.stage_times.fused = 0.0315;
        panel.showScan(outcome);
        QCOMPARE(panel.valueText(QStringLiteral("stage_mas")), QStringLiteral("12.3 ms"));
        QCOMPARE(panel.valueText(QStringLiteral("stage_layer1")), QStringLiteral("2.0 ms"));
        QCOMPARE(panel.valueText(QStringLiteral("stage_fused")),
                 QStringLiteral("31.5 ms (all stages in one pass)"));
        QCOMPARE(panel.valueText(QStringLiteral("bars_per_second")),
                 QStringLiteral("8,000 bars/s"));
        QVERIFY(
            panel.valueText(QStringLiteral("symbols_per_second")).startsWith(QStringLiteral("4 ")));
    }

    // Long counts and times read like the tables: digits grouped in thousands.
    void groupsLongNumbers() {
        system::MemoryMonitor monitor;
        cache::ResultCache cache;
        HardwarePanel panel(system::HardwareReport{}, monitor, cache);
        ScanOutcome outcome;
        for (int i = 0; i < 12'000; ++i)
            outcome.names << QStringLiteral("S%1").arg(i);
        outcome.elapsed_ms = 2'500.0;
        outcome.bars_computed = 24'000'000;
        outcome.compute.from_cache = 1'500;
        outcome.stage_times.moving_averages = 12.3456;
        panel.showScan(outcome);
        QCOMPARE(panel.valueText(QStringLiteral("scan_symbols")),
                 QStringLiteral("12,000 in 2,500 ms (1,500 from the cache)"));
        QCOMPARE(panel.valueText(QStringLiteral("stage_mas")), QStringLiteral("12,345.6 ms"));
        QCOMPARE(panel.valueText(QStringLiteral("bars_per_second")),
                 QStringLiteral("9,600,000 bars/s"));
        QCOMPARE(panel.valueText(QStringLiteral("symbols_per_second")),
                 QStringLiteral("4,800 symbols/s"));
    }
};

QTEST_MAIN(TestHardwarePanel)
#include "test_hardware_panel.moc"
