// SPDX-License-Identifier: GPL-3.0-or-later
// The memory monitor: readings of the process's own memory and CPU time, the
// background sampling (history, peak, bound), a 100 MB allocation showing up
// in the samples, the budget flag, the engine gauge and a prompt stop.
#include <QtTest>

#include <atomic>
#include <chrono>
#include <cstring>
#include <memory>
#include <thread>

#include "atc/system/memory_monitor.hpp"
#include "atc/system/process_memory.hpp"

using namespace atc::system;
using namespace std::chrono_literals;

namespace {

constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;

// Waits (polling, up to a generous deadline) until `done` holds.
template <typename Pred>
bool eventually(Pred done) {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

}  // namespace

class TestMemoryMonitor : public QObject {
    Q_OBJECT

private slots:
    void parsesProcessStatus() {
        const ProcessMemory m = parse_process_status(
            "Name:\tatc\nVmPeak:\t  300000 kB\nVmHWM:\t    9000 kB\nVmRSS:\t    8000 kB\n");
        QCOMPARE(m.rss_bytes, std::uint64_t{8000} * 1024);
        QCOMPARE(m.peak_rss_bytes, std::uint64_t{9000} * 1024);
        QCOMPARE(parse_process_status("").rss_bytes, std::uint64_t{0});
    }

    void parsesProcessStartTime() {
        // A command name with spaces and parentheses: fields count after the last ')'.
        const char* stat =
            "4242 (atc (x) y) S 1 4242 4242 0 -1 4194560 900 0 0 0 12 3 0 0 20 0 "
            "7 0 123456 25000000 3000";
        QCOMPARE(parse_start_ticks(stat), std::optional<std::uint64_t>(123456));
        QCOMPARE(parse_start_ticks("4242 (atc) S 1 2"), std::nullopt);
        QCOMPARE(parse_start_ticks(""), std::nullopt);
    }

    void readsOwnMemoryAndCpu() {
        const ProcessMemory m = read_process_memory();
        QVERIFY(m.rss_bytes > 0);
        QVERIFY(m.peak_rss_bytes >= m.rss_bytes);
        QVERIFY(process_cpu_seconds() > 0.0);
        // Started before this test, not before the machine: under a day here.
        const std::optional<double> age = process_age_ms();
        QVERIFY(age.has_value());
        QVERIFY2(*age >= 0.0 && *age < 86'400'000.0, qPrintable(QString::number(*age)));
    }

    void samplesInTheBackground() {
        MemoryMonitorOptions options;
        options.interval = 5ms;
        MemoryMonitor monitor(options);
        QVERIFY(monitor.running());
        // Sampled at creation. Not "exactly one": with a 5 ms interval the
        // thread adds the next whenever this one is descheduled that long
        // (ThreadSanitizer's slowdown under ctest -j made it so).
        QVERIFY(!monitor.history().empty());
        QVERIFY(eventually([&] { return monitor.history().size() >= 5; }));

        const std::vector<MemorySample> history = monitor.history();
        for (std::size_t i = 1; i < history.size(); ++i)
            QVERIFY(history[i].seconds >= history[i - 1].seconds);
        const MemoryStatus status = monitor.status();
        QVERIFY(status.current.rss_bytes > 0);
        QVERIFY(status.peak_rss_bytes >= status.current.rss_bytes);
        QVERIFY(status.samples_taken >= 5);
        QVERIFY(!status.over_budget);
        QCOMPARE(status.budget_bytes, std::uint64_t{0});
        for (const MemorySample& s : history) {
            QVERIFY(s.cpu_fraction >= 0.0 && s.cpu_fraction <= 1.0);
            QVERIFY(s.cpu_cores >= 0.0);
        }
    }

    void historyIsBounded() {
        MemoryMonitorOptions options;
        options.interval = std::chrono::hours(1);  // only the samples taken here
        options.history_capacity = 3;
        MemoryMonitor monitor(options);
        for (int i = 0; i < 9; ++i)
            monitor.sample_now();
        QCOMPARE(monitor.history().size(), std::size_t{3});
        QCOMPARE(monitor.status().samples_taken, std::uint64_t{10});
    }

    void allocationRaisesSampledRss() {
        MemoryMonitorOptions options;
        options.interval = std::chrono::hours(1);
        MemoryMonitor monitor(options);
        const std::uint64_t before = monitor.sample_now().rss_bytes;
        constexpr std::size_t kBytes = 100 * kMiB;
        std::unique_ptr<char[]> block(new char[kBytes]);
        std::memset(block.get(), 1, kBytes);  // touch every page, or it is not resident
        const std::uint64_t during = monitor.sample_now().rss_bytes;
        QVERIFY2(during >= before + 90 * kMiB,
                 qPrintable(
                     QStringLiteral("RSS %1 MiB -> %2 MiB").arg(before / kMiB).arg(during / kMiB)));
        QVERIFY(monitor.status().peak_rss_bytes >= during);
        QCOMPARE(block[kBytes - 1], char{1});

        block.reset();
        monitor.sample_now();
        // The peak remembers the spike after the memory is given back.
        QVERIFY(monitor.status().peak_rss_bytes >= during);
        QVERIFY(monitor.status().peak_rss_bytes >= monitor.status().current.rss_bytes);
    }

    void measuresCpuUse() {
        MemoryMonitorOptions options;
        options.interval = std::chrono::hours(1);
        MemoryMonitor monitor(options);
        monitor.sample_now();
        // Burn some CPU time on this thread, then sample: the share is above 0.
        const double start = process_cpu_seconds();
        volatile double sink = 0.0;
        while (process_cpu_seconds() < start + 0.05)
            for (int i = 0; i < 100000; ++i)
                sink = sink + 1e-9 * i;
        const MemorySample busy = monitor.sample_now();
        QVERIFY2(busy.cpu_cores > 0.0, qPrintable(QString::number(busy.cpu_cores)));
        QVERIFY(busy.cpu_fraction > 0.0 && busy.cpu_fraction <= 1.0);
    }

    void budgetAndEngineGauge() {
        std::atomic<std::uint64_t> engine{12345};
        MemoryMonitorOptions options;
        options.interval = std::chrono::hours(1);
        options.budget_bytes = 1;  // any process is over one byte
        options.engine_bytes = [&engine] { return engine.load(); };
        MemoryMonitor monitor(options);
        QCOMPARE(monitor.status().current.engine_bytes, std::uint64_t{12345});
        QVERIFY(monitor.status().over_budget);
        QCOMPARE(monitor.budget_bytes(), std::uint64_t{1});

        engine = 777;
        monitor.set_budget_bytes(std::uint64_t{1} << 50);
        QCOMPARE(monitor.sample_now().engine_bytes, std::uint64_t{777});
        QVERIFY(!monitor.status().over_budget);
        monitor.set_budget_bytes(0);
        QVERIFY(!monitor.status().over_budget);
    }

    void stopIsPrompt() {
        // The thread sleeps for an hour between samples; stop() must not wait for it.
        MemoryMonitorOptions options;
        options.interval = std::chrono::hours(1);
        MemoryMonitor monitor(options);
        QElapsedTimer timer;
        timer.start();
        monitor.stop();
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!monitor.running());
        monitor.stop();                                      // idempotent
        QCOMPARE(monitor.history().size(), std::size_t{1});  // still readable

        // The destructor stops as promptly.
        timer.restart();
        { MemoryMonitor other(options); }
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_APPLESS_MAIN(TestMemoryMonitor)
#include "test_memory_monitor.moc"
