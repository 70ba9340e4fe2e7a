// SPDX-License-Identifier: GPL-3.0-or-later
// The app computes through the router: a scan whose size is above the cost
// model's break-even runs on the "GPU" (the CUDA backend's own request runner
// and kernels' code, emulated on the host), and the scanner, the status bar
// and the hardware panel say so; a smaller scan and every chart run on the
// CPU, and say that. The numbers are the CPU engine's, bit for bit, whichever
// backend computed them. Runs everywhere: no GPU is needed.
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <memory>

#include "atc/backend.hpp"
#include "atc/backend_router.hpp"
#include "atc/batch.hpp"
#include "atc/sample_universe.hpp"
#include "atc/store/database.hpp"
#include "atc/store/symbol_store.hpp"
#include "atc/system/memory_monitor.hpp"
#include "core/compute_setting.hpp"
#include "core/engine_service.hpp"
#include "host/emulated_executor.hpp"
#include "host/executor_backend.hpp"
#include "scanner/scanner_panel.hpp"
#include "shell/main_window.hpp"
#include "status/hardware_panel.hpp"

using namespace atc;
using namespace atc::ui;

namespace {

constexpr std::size_t kSymbols = 24;
constexpr std::size_t kBars = 300;
// Scans of more symbols than this (of kBars bars) go to the GPU.
constexpr std::size_t kBreakEvenSymbols = 10;
const char* const kDeviceName = "Emulated GPU (host)";

// A cost model with a break-even the test controls: the GPU costs a fixed
// 50 ms per request and nothing else; the CPU is slow enough that
// kBreakEvenSymbols x kBars bars take exactly those 50 ms on this machine's
// worker threads.
CostModel test_cost_model() {
    CostModel model;
    model.gpu_request_seconds = 0.05;
    model.gpu_startup_seconds = 0.0;
    model.gpu_host_seconds_per_symbol = 0.0;
    model.gpu_seconds_per_bar_step = 0.0;
    model.gpu_bars_per_second = 1e18;
    model.pcie_bytes_per_second = 1e18;
    model.host_copy_bytes_per_second = 1e18;
    const double break_even_bars = static_cast<double>(kBreakEvenSymbols * kBars);
    model.cpu_bars_per_second_per_thread =
        break_even_bars / model.gpu_request_seconds / system::cpu_backend_threads();
    return model;
}

std::unique_ptr<BackendRouter> emulated_gpu_router() {
    system::GpuReport report;
    report.available = true;
    system::GpuDevice device;
    device.name = kDeviceName;
    device.memory_bytes = std::uint64_t{1} << 30;
    device.compute_capability_major = 9;
    report.devices.push_back(device);
    // append, not +: GCC 12 takes `string + const char*` here for an
    // out-of-bounds copy (a false -Warray-bounds).
    auto gpu = std::make_shared<gpu::host::ExecutorBackend>(
        std::make_unique<gpu::host::EmulatedExecutor>(),
        std::string("gpu (").append(kDeviceName).append(")"));
    return std::make_unique<BackendRouter>(std::make_shared<CpuBackend>(), gpu, report,
                                           test_cost_model());
}

// Every scan output of `got` equals the CPU engine's for the same series.
QString differences(const ScanOutcome& got, const std::vector<GeneratedSymbol>& universe) {
    std::vector<std::span<const double>> closes;
    for (const QString& name : got.names) {
        const auto it = std::find_if(universe.begin(), universe.end(), [&](const auto& s) {
            return QString::fromStdString(s.name) == name;
        });
        closes.emplace_back(it->bars.close);
    }
    BatchOptions options;
    options.keep_series = false;
    const BatchResult cpu = compute_batch(closes, got.params, options);
    for (std::size_t i = 0; i < closes.size(); ++i) {
        const SymbolScan& a = *got.results[i];
        const SymbolScan& b = cpu.symbols[i];
        bool same = a.ok() && b.ok() && a.row.average == b.row.average &&
                    a.row.trend == b.row.trend && a.markers.size() == b.markers.size();
        for (std::size_t m = 0; same && m < b.markers.size(); ++m)
            same = a.markers[m].bar == b.markers[m].bar &&
                   a.markers[m].average == b.markers[m].average;
        if (!same)
            return got.names[static_cast<qsizetype>(i)] + QStringLiteral(" differs from the CPU");
    }
    return {};
}

// The width of what is drawn on a tab (its label): the columns holding pixels
// unlike the tab's own background beside the label in the same row.
int labelInkWidth(QTabBar* tabs, int tab) {
    const QImage image = tabs->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QRect rect = tabs->tabRect(tab).adjusted(4, 3, -4, -3);
    int first = -1;
    int last = -1;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        const int background = qGray(image.pixel(rect.left(), y));
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (std::abs(qGray(image.pixel(x, y)) - background) > 40) {
                first = first < 0 ? x : std::min(first, x);
                last = std::max(last, x);
            }
        }
    }
    return first < 0 ? 0 : last - first + 1;
}

}  // namespace

class TestComputeRouting : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::filesystem::path db_path_;
    std::vector<GeneratedSymbol> universe_;
    std::unique_ptr<QSettings> settings_;
    std::unique_ptr<cache::ResultCache> cache_;
    std::unique_ptr<BackendRouter> router_;
    std::unique_ptr<EngineService> engine_;
    std::unique_ptr<system::MemoryMonitor> monitor_;
    system::HardwareReport hardware_;
    std::unique_ptr<MainWindow> window_;

    QString status_text() const {
        return window_->findChild<QLabel*>(QStringLiteral("statusText"))->text();
    }
    HardwarePanel* panel() const { return window_->findChild<HardwarePanel*>(); }

    // Each scan with other parameters than the ones before, so that the
    // result cache cannot answer it.
    std::shared_ptr<const ScanOutcome> scan(const QStringList& names, int cutout) {
        AtcParams params;
        params.cutout = cutout;
        QSignalSpy finished(engine_.get(), &EngineService::scanFinished);
        engine_->requestScan(names, params);
        if (!finished.wait(60000))
            return nullptr;
        return finished.takeFirst().at(0).value<std::shared_ptr<const ScanOutcome>>();
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        db_path_ = std::filesystem::path(dir_.path().toStdString()) / "routing.sqlite";
        UniverseSpec spec;
        spec.symbols = kSymbols;
        spec.bars = kBars;
        universe_ = generate_universe(spec);
        {
            store::Database db = store::Database::open(db_path_);
            store::SymbolStore symbols(db);
            std::vector<std::pair<store::SymbolMeta, PriceSeries>> rows;
            for (const GeneratedSymbol& s : universe_)
                rows.push_back({{s.name, "generator", "1d", "test universe"}, s.bars});
            symbols.save_all(rows);
        }
        settings_ = std::make_unique<QSettings>(dir_.filePath(QStringLiteral("settings.ini")),
                                                QSettings::IniFormat);
        cache_ = std::make_unique<cache::ResultCache>();  // memory only, empty
        router_ = emulated_gpu_router();
        engine_ = std::make_unique<EngineService>(db_path_, *cache_, *router_);
        monitor_ = std::make_unique<system::MemoryMonitor>();
        hardware_ = router_->hardware_report();
        window_ = std::make_unique<MainWindow>(
            StudioContext{db_path_, *cache_, *engine_, *settings_, &hardware_, monitor_.get()});
        window_->resize(1600, 1000);
        window_->show();
        QVERIFY(panel());
    }

    void cleanupTestCase() {
        window_.reset();
        engine_.reset();
    }

    // The panel lists the device and what auto does with a 500- and a
    // 10,000-symbol scan before anything ran.
    void panelShowsTheDeviceAndTheRoutes() {
        QVERIFY(panel()->valueText(QStringLiteral("cuda")).contains(kDeviceName));
        QVERIFY2(panel()->valueText(QStringLiteral("route_small")).contains(kDeviceName),
                 qPrintable(panel()->valueText(QStringLiteral("route_small"))));
        QVERIFY(panel()->valueText(QStringLiteral("route_large")).contains(kDeviceName));
        QCOMPARE(panel()->computeOnBox()->currentData().toInt(),
                 static_cast<int>(system::BackendRequest::Auto));
        auto* items = qobject_cast<QStandardItemModel*>(panel()->computeOnBox()->model());
        QVERIFY(items
                    ->item(panel()->computeOnBox()->findData(
                        static_cast<int>(system::BackendRequest::Gpu)))
                    ->isEnabled());
    }

    // The dock's title reads "Hardware & performance" wherever it is shown:
    // its title bar and tab as written, the View menu's entry with its "&"
    // doubled (a menu reads a single "&" as a mnemonic marker).
    void hardwareDockTitleReadsAsWritten() {
        const QString title = QStringLiteral("Hardware & performance");
        auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("hardwareDock"));
        QVERIFY(dock);
        QCOMPARE(dock->windowTitle(), title);
        QAction* entry = dock->toggleViewAction();
        QCOMPARE(entry->text(), QStringLiteral("Hardware && performance"));
        QCOMPARE(entry->iconText(), title);  // the text without mnemonic markers
        QMenu* view = nullptr;
        for (QAction* menu : window_->menuBar()->actions()) {
            if (menu->text() == QStringLiteral("Vie&w"))
                view = menu->menu();
        }
        QVERIFY(view && view->actions().contains(entry));
        // The tab under the docks: the title, wide enough to be shown whole.
        QTabBar* tabs = nullptr;
        int tab = -1;
        for (QTabBar* bar : window_->findChildren<QTabBar*>()) {
            for (int i = 0; i < bar->count(); ++i) {
                if (bar->tabText(i).startsWith(QStringLiteral("Hardware"))) {
                    tabs = bar;
                    tab = i;
                }
            }
        }
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(tab), title);
        // Drawn with its "&": the label's ink is as wide as the whole title
        // (a tab bar drawing "&" as a mnemonic marker leaves out "& ").
        const QFontMetrics metrics = tabs->fontMetrics();
        const int ink = labelInkWidth(tabs, tab);
        QVERIFY2(
            ink > metrics.horizontalAdvance(title) - metrics.horizontalAdvance(QLatin1Char('&')),
            qPrintable(QStringLiteral("label %1 px wide, the title %2 px")
                           .arg(ink)
                           .arg(metrics.horizontalAdvance(title))));
    }

    void largeScanRunsOnTheGpuAndSaysSo() {
        // Clicked as a user would: Scan, every symbol of the watchlist.
        auto* scanner = window_->findChild<ScannerPanel*>();
        QSignalSpy finished(engine_.get(), &EngineService::scanFinished);
        QTest::mouseClick(scanner->scanButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        const auto outcome = finished.takeFirst().at(0).value<std::shared_ptr<const ScanOutcome>>();
        QCOMPARE(outcome->names.size(), qsizetype(kSymbols));
        QCOMPARE(outcome->compute.choice.kind, system::BackendKind::Gpu);
        QCOMPARE(outcome->compute.computed, kSymbols);
        QVERIFY(outcome->compute.fallback.empty());
        QVERIFY2(differences(*outcome, universe_).isEmpty(),
                 qPrintable(differences(*outcome, universe_)));
        QTRY_VERIFY(status_text().contains(QStringLiteral("computed on the GPU")));
        // Which device and why: the tooltip.
        const QString tip = window_->findChild<QLabel*>(QStringLiteral("statusText"))->toolTip();
        QVERIFY2(tip.contains(kDeviceName) && tip.contains(QStringLiteral("auto: estimated")),
                 qPrintable(tip));
        QVERIFY(panel()->valueText(QStringLiteral("scan_backend")).contains(kDeviceName));
        QVERIFY(panel()
                    ->valueText(QStringLiteral("scan_backend_reason"))
                    .startsWith(QStringLiteral("auto: estimated")));
        QVERIFY(scanner->findChild<QLabel*>(QStringLiteral("scanStatus"))
                    ->text()
                    .contains(QStringLiteral("computed on the GPU")));
        if (const QString dir = qEnvironmentVariable("ATC_SCREENSHOT_DIR"); !dir.isEmpty()) {
            window_->findChild<QDockWidget*>(QStringLiteral("hardwareDock"))->raise();
            QTest::qWait(200);
            QVERIFY(window_->grab().save(dir + QStringLiteral("/gpu-scan.png")));
        }
    }

    void smallScanRunsOnTheCpuAndSaysSo() {
        QStringList few;
        for (std::size_t i = 0; i < kBreakEvenSymbols / 2; ++i)
            few << QString::fromStdString(universe_[i].name);
        const auto outcome = scan(few, 1);
        QVERIFY(outcome);
        QCOMPARE(outcome->compute.choice.kind, system::BackendKind::Cpu);
        QVERIFY(differences(*outcome, universe_).isEmpty());
        QTRY_VERIFY(status_text().contains(QStringLiteral("computed on the CPU")));
        QVERIFY(
            panel()->valueText(QStringLiteral("scan_backend")).startsWith(QStringLiteral("cpu")));
        QVERIFY2(panel()
                     ->valueText(QStringLiteral("scan_backend_reason"))
                     .contains(QStringLiteral("outweigh")),
                 qPrintable(panel()->valueText(QStringLiteral("scan_backend_reason"))));
    }

    // "Compute on: CPU" keeps even a large scan on the CPU, and is remembered.
    void theSettingIsObeyedAndSaved() {
        QComboBox* box = panel()->computeOnBox();
        const int cpu = box->findData(static_cast<int>(system::BackendRequest::Cpu));
        box->setFocus();
        box->setCurrentIndex(cpu);
        emit box->activated(cpu);  // what a click on the item sends
        QCOMPARE(router_->request(), system::BackendRequest::Cpu);
        QCOMPARE(savedBackendRequest(*settings_), system::BackendRequest::Cpu);
        QVERIFY(
            panel()->valueText(QStringLiteral("route_large")).startsWith(QStringLiteral("cpu")));
        QStringList all;
        for (const GeneratedSymbol& s : universe_)
            all << QString::fromStdString(s.name);
        const auto outcome = scan(all, 2);
        QVERIFY(outcome);
        QCOMPARE(outcome->compute.choice.kind, system::BackendKind::Cpu);
        const int automatic = box->findData(static_cast<int>(system::BackendRequest::Auto));
        box->setCurrentIndex(automatic);
        emit box->activated(automatic);
        QCOMPARE(router_->request(), system::BackendRequest::Auto);
    }

    // A chart's full result is the CPU pipeline's: the status bar says so.
    void chartsRunOnTheCpu() {
        QSignalSpy shown(window_.get(), &MainWindow::symbolShown);
        window_->openSymbol(QString::fromStdString(universe_.front().name));
        QVERIFY(shown.wait(30000));
        QVERIFY2(status_text().contains(QStringLiteral("computed on the CPU")),
                 qPrintable(status_text()));
    }
};

QTEST_MAIN(TestComputeRouting)
#include "test_compute_routing.moc"
