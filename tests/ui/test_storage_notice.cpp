// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app when its data cannot be saved: a database that cannot be
// created gives an in-memory store with the bundled data that the whole app
// works on; a read-only one is shown as it is; and each case, like a result
// cache turned off by a full disk, is told in the status bar and a non-modal
// notice (the window stays usable) and in the performance panel.
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <thread>

#include "atc/cache/result_cache.hpp"
#include "atc/store/database.hpp"
#include "atc/store/database_location.hpp"
#include "atc/store/symbol_store.hpp"
#include "core/engine_service.hpp"
#include "core/open_store.hpp"
#include "core/storage_status.hpp"
#include "panels/watchlist_panel.hpp"
#include "shell/main_window.hpp"
#include "shell/storage_notice_view.hpp"
#include "status/hardware_panel.hpp"
#include "studio_fixture.hpp"

using namespace atc;
using namespace atc::ui;
namespace fs = std::filesystem;

namespace {

QList<QMessageBox*> notice_boxes(const QWidget& window) {
    return window.findChildren<QMessageBox*>(QStringLiteral("storageNoticeBox"));
}

}  // namespace

class TestStorageNotice : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    fs::path path(const std::string& name) const {
        return fs::path(dir_.path().toStdString()) / name;
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    // A regular file where the folder should be: nobody, root included, can
    // create the database. The app runs on a store in memory instead.
    void uncreatableDatabaseRunsInMemory() {
        std::ofstream(path("blocker")) << "x";
        const fs::path file = path("blocker") / "atc" / "atc-studio.sqlite";
        OpenedStore opened = openStore(file);
        QCOMPARE(opened.report.access, store::Access::Memory);
        QVERIFY2(QString::fromStdString(opened.report.not_writable).contains("is not a folder"),
                 opened.report.not_writable.c_str());
        QVERIFY(opened.keeper.has_value());
        QVERIFY(opened.seeded.seeded && opened.seeded.real > 0);
        QVERIFY(!fs::exists(file));

        // The whole app on it: the watchlist lists it, the engine computes from it.
        StorageStatus storage;
        storage.report(memoryDatabaseNotice(file, opened.report.not_writable));
        cache::ResultCacheOptions options;
        options.memory_only_reason = opened.report.not_writable;
        cache::ResultCache cache(options);
        const auto router = gui_test::cpu_router();
        EngineService engine(opened.location, cache, *router);
        QSettings settings(dir_.filePath(QStringLiteral("memory.ini")), QSettings::IniFormat);
        MainWindow window({opened.location, cache, engine, settings, nullptr, nullptr, &storage});
        window.resize(1200, 800);
        window.show();
        QSignalSpy shown(&window, &MainWindow::symbolShown);
        window.restoreSession();
        QVERIFY(shown.wait(20'000));
        QVERIFY(window.currentData() && window.currentData()->barCount() > 0);

        QTRY_COMPARE(notice_boxes(window).size(), 1);
        QMessageBox* box = notice_boxes(window).front();
        QVERIFY(box->isVisible());
        QCOMPARE(box->windowModality(), Qt::NonModal);
        QVERIFY(box->text().contains(QString::fromStdString(file.string())));
        QVERIFY(box->text().contains(QStringLiteral("in memory")));
        QVERIFY(QApplication::activeModalWidget() == nullptr);  // the window stays usable
        QLabel* label = window.storageNotices()->label();
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().startsWith(QStringLiteral("⚠ Nothing will be saved: ")),
                 qPrintable(label->text()));
        window.close();
    }

    // Works as root: SQLite refuses writes through the read-only URI.
    void readOnlyDatabaseIsShownAsItIs() {
        const fs::path file = path("ro.sqlite");
        {
            store::Database db = store::Database::open(file);
            PriceSeries bars;
            for (int i = 0; i < 300; ++i)
                bars.close.push_back(100.0 + (i % 11) * 0.5);
            store::SymbolStore(db).save({"ONLY", "", "1d", "", store::SymbolKind::Imported, 0},
                                        bars);
        }
        OpenedStore opened = openStore(store::file_uri(file, "mode=ro"));
        QCOMPARE(opened.report.access, store::Access::ReadOnly);
        QVERIFY(!opened.seeded.seeded);  // shown as it is, nothing added
        store::Database db = store::Database::connect(opened.location);
        QCOMPARE(store::SymbolStore(db).count(), std::size_t{1});
        const StorageNotice notice = readOnlyDatabaseNotice(file, opened.report.not_writable);
        QVERIFY(
            notice.headline.startsWith(QStringLiteral("Imports off, results in memory only: ")));
        QVERIFY(notice.detail.contains(QString::fromStdString(file.string())));

        // Importing is off, and says why, rather than failing on the first write.
        cache::ResultCacheOptions options;
        options.memory_only_reason = opened.report.not_writable;
        cache::ResultCache cache(options);
        const auto router = gui_test::cpu_router();
        EngineService engine(opened.location, cache, *router);
        QSettings settings(dir_.filePath(QStringLiteral("ro.ini")), QSettings::IniFormat);
        const QString refusal = readOnlyImportRefusal(file, opened.report.not_writable);
        MainWindow window(
            {opened.location, cache, engine, settings, nullptr, nullptr, nullptr, refusal});
        window.show();
        WatchlistPanel* watchlist = window.watchlist();
        QVERIFY(!watchlist->importButton()->isEnabled());
        QVERIFY(
            watchlist->importButton()->toolTip().startsWith(QStringLiteral("Importing is off: ")));
        QAction* import_action = nullptr;
        for (QAction* action : window.menuBar()->actions().front()->menu()->actions()) {
            if (action->text().startsWith(QStringLiteral("&Import")))
                import_action = action;
        }
        QVERIFY(import_action != nullptr);
        QVERIFY(!import_action->isEnabled());

        // A dropped file is refused with the reason, and the store is unchanged.
        const fs::path csv = path("NEW.csv");
        std::ofstream(csv) << "date,close\n2024-01-02,10\n2024-01-03,11\n";
        watchlist->importFiles({QString::fromStdString(csv.string())});
        QVERIFY(!watchlist->isImporting());
        QMessageBox* box = watchlist->lastErrorDialog();
        QVERIFY(box != nullptr);
        QVERIFY2(
            box->text().contains(QStringLiteral("NEW.csv: not imported: the symbol database ")),
            qPrintable(box->text()));
        QVERIFY(box->text().contains(QString::fromStdString(file.string())));
        QCOMPARE(store::SymbolStore(db).count(), std::size_t{1});
        box->close();
        window.close();
    }

    // The result cache's disk tier turned off from an engine worker: queued to
    // the GUI thread, one more notice, and the performance panel's line.
    void cacheTurnedOffWhileRunningIsTold() {
        StorageStatus storage;
        QMainWindow window;
        StorageNoticeView view(storage, &window);
        window.show();
        QCoreApplication::processEvents();
        QVERIFY(!view.label()->isVisible());
        const std::string reason = "the disk holding /data is full";
        std::thread([&] { storage.report(cacheDiskOffNotice(reason)); }).join();
        QTRY_COMPARE(storage.notices().size(), 1);
        QTRY_COMPARE(notice_boxes(window).size(), 1);
        QCOMPARE(view.label()->text(),
                 QStringLiteral("⚠ Result cache in memory only: the disk holding /data is full"));
        QVERIFY(view.label()->toolTip().contains(QStringLiteral("unchanged")));

        cache::ResultCacheOptions options;
        options.memory_only_reason = reason;
        cache::ResultCache cache(options);
        system::HardwareReport report;
        system::MemoryMonitor monitor;
        HardwarePanel panel(report, monitor, cache);
        QVERIFY2(panel.valueText(QStringLiteral("cache_size"))
                     .contains(QStringLiteral("off, results in memory only: the disk holding "
                                              "/data is full")),
                 qPrintable(panel.valueText(QStringLiteral("cache_size"))));
    }
};

QTEST_MAIN(TestStorageNotice)
#include "test_storage_notice.moc"
