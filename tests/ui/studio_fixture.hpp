// SPDX-License-Identifier: GPL-3.0-or-later
// The whole application as the GUI suites drive it: a new database seeded with
// the bundled data (the real series and the 500 × 2000 generated universe the
// latency probes need), its result cache configured as the app does, the
// engine bridge and the main window, shown at 1600 × 1000.
#pragma once

#include <QObject>
#include <QProgressBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <memory>

#include "atc/backend_router.hpp"
#include "atc/bundled_samples.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/store/database.hpp"
#include "atc/store/importer.hpp"
#include "core/engine_service.hpp"
#include "shell/main_window.hpp"

namespace atc::ui::gui_test {

// The router of a machine without a GPU: every suite computes on the CPU,
// whatever the machine running it has (test_compute_routing hands in an
// emulated GPU instead).
inline std::unique_ptr<BackendRouter> cpu_router() {
    return make_cpu_router("the GUI suites compute on the CPU");
}

class StudioTestBase : public QObject {
protected:
    // Call from initTestCase(); on failure the test case is marked failed.
    void open_studio() {
        QVERIFY(dir_.isValid());
        db_path_ = std::filesystem::path(dir_.path().toStdString()) / "studio.sqlite";
        {
            store::Database db = store::Database::open(db_path_);
            store::SymbolStore symbols(db);
            QVERIFY(store::seed_if_empty(symbols, bundled_samples()).seeded);
        }
        settings_ = std::make_unique<QSettings>(dir_.filePath(QStringLiteral("settings.ini")),
                                                QSettings::IniFormat);
        cache::ResultCacheOptions options;
        options.database = db_path_;
        options.disk_kinds = cache::DiskKinds::summaries_only();  // as the app does
        cache_ = std::make_unique<cache::ResultCache>(options);
        engine_ = std::make_unique<EngineService>(db_path_, *cache_, *router_);
        StudioContext context{db_path_, *cache_, *engine_, *settings_};
        context.alert_notifier = alert_notifier_;
        window_ = std::make_unique<MainWindow>(context);
        window_->resize(1600, 1000);
        window_->show();
    }

    // Call from cleanupTestCase(): the window before the engine it listens to.
    void close_studio() {
        window_.reset();
        engine_.reset();
    }

    // Until `name` is drawn and nothing is computing any more.
    bool wait_for_symbol(const QString& name) {
        return QTest::qWaitFor(
            [&] {
                const auto data = window_->currentData();
                return data && data->name == name && !window_->busyIndicator()->isVisible();
            },
            10000);
    }

    QTemporaryDir dir_;
    std::filesystem::path db_path_;
    std::unique_ptr<QSettings> settings_;
    std::unique_ptr<cache::ResultCache> cache_;
    std::unique_ptr<BackendRouter> router_ = cpu_router();
    std::unique_ptr<EngineService> engine_;
    // Set before open_studio() to see the alerts the window announces.
    AlertNotifier* alert_notifier_ = nullptr;
    std::unique_ptr<MainWindow> window_;
};

}  // namespace atc::ui::gui_test
