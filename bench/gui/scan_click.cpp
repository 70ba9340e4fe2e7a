// SPDX-License-Identifier: GPL-3.0-or-later
// atc-scan-bench [--runs N]
//
// Seeds a new database with the bundled symbols (505: the real samples and
// the generated universe), opens the ATC Studio window on it (offscreen
// unless QT_QPA_PLATFORM says otherwise) and clicks the Scanner's Scan
// button as a trader does, `runs` times. Each scan is timed from the click to
// the ranked tables repainted: load, compute on the workers (or the result
// cache), the tables filled and drawn. Every run scans twice: first with the
// result cache emptied (computed), then again (answered from the cache).
// Prints one row per run and the medians.
#include <QApplication>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "atc/backend_router.hpp"
#include "atc/bundled_samples.hpp"
#include "atc/store/database.hpp"
#include "atc/store/importer.hpp"
#include "atc/store/symbol_store.hpp"
#include "scanner/scanner_panel.hpp"
#include "shell/main_window.hpp"

namespace {

using namespace atc;

double median_of(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int runs = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::string(argv[i]) == "--runs")
            runs = std::max(1, std::atoi(argv[i + 1]));
    }

    QTemporaryDir dir;
    const std::filesystem::path db_path =
        dir.filePath(QStringLiteral("bench.sqlite")).toStdString();
    std::size_t symbols = 0;
    {
        store::Database db = store::Database::open(db_path);
        store::SymbolStore store(db);
        store::seed_if_empty(store, bundled_samples());
        symbols = store.count();
    }
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    cache::ResultCache cache(cache::ResultCacheOptions{});
    auto router = make_cpu_router("atc-scan-bench computes on the CPU");
    ui::EngineService engine(db_path, cache, *router);
    ui::MainWindow window(ui::StudioContext{db_path, cache, engine, settings});
    window.resize(1600, 1000);
    window.show();
    ui::ScannerPanel* scanner = window.scanner();
    // The window opens its first symbol: let that finish before timing scans.
    if (!QTest::qWaitFor([&] { return !engine.isBusy(); }, 60'000)) {
        std::fprintf(stderr, "atc-scan-bench: the window did not settle within a minute\n");
        return 1;
    }

    const auto timed_scan = [&]() {
        bool shown = false;
        const QMetaObject::Connection done =
            QObject::connect(scanner, &ui::ScannerPanel::resultsShown, [&] { shown = true; });
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(scanner->scanButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return shown; }, 120'000)) {
            std::fprintf(stderr, "atc-scan-bench: no results within two minutes\n");
            std::exit(1);
        }
        window.grab();  // the repaint of the tables, as a screen would
        QObject::disconnect(done);
        return static_cast<double>(clock.nsecsElapsed()) / 1e6;
    };

    std::printf("atc-scan-bench: %zu symbols; click to ranked tables, ms\n", symbols);
    std::printf("%-4s %10s %12s\n", "run", "computed", "from cache");
    std::vector<double> computed, cached;
    for (int run = 0; run < runs; ++run) {
        cache.clear_memory();
        computed.push_back(timed_scan());
        cached.push_back(timed_scan());
        std::printf("%-4d %10.1f %12.1f\n", run + 1, computed.back(), cached.back());
    }
    std::printf("median %8.1f %12.1f\n", median_of(computed), median_of(cached));
    return 0;
}
