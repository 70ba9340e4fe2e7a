// Entry point of the desktop app: creates the long-lived objects once (store,
// result cache, engine bridge, settings) and passes them to the window.
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <cstdio>

#include "atc/bundled_samples.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/gpu/gpu_backend.hpp"
#include "atc/store/database.hpp"
#include "atc/store/default_location.hpp"
#include "atc/store/importer.hpp"
#include "atc/system/hardware.hpp"
#include "atc/system/memory_monitor.hpp"
#include "charts/chart_stack.hpp"
#include "core/engine_service.hpp"
#include "shell/main_window.hpp"

namespace {

struct OpenedStore {
    std::filesystem::path path;
    atc::store::OpenReport report;
    atc::store::SeedReport seeded;
};

// Opens (or creates, or recovers) the store and loads the bundled data into a
// new one. The connection is closed again: every thread opens its own.
OpenedStore open_store(const QString& db_option) {
    OpenedStore opened;
    opened.path = db_option.isEmpty() ? atc::store::default_database_path()
                                      : std::filesystem::path(db_option.toStdString());
    atc::store::Database db = atc::store::Database::open(opened.path, &opened.report);
    atc::store::SymbolStore store(db);
    opened.seeded = atc::store::seed_if_empty(store, atc::bundled_samples());
    return opened;
}

}  // namespace

int main(int argc, char* argv[]) {
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    // The application name decides QStandardPaths' data folder and QSettings'
    // file; no organisation, so the data folder is ~/.local/share/atc-studio,
    // where the command line tool keeps the same database.
    QApplication::setApplicationName(QStringLiteral("atc-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("ATC Studio"));
    QApplication::setApplicationVersion(QStringLiteral(ATC_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Adaptive Trend Classification studio"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db_option(
        QStringLiteral("db"), QStringLiteral("Use this database file instead of the default."),
        QStringLiteral("path"));
    const QCommandLineOption symbol_option(
        QStringLiteral("symbol"), QStringLiteral("Open this symbol."), QStringLiteral("name"));
    const QCommandLineOption quit_option(
        QStringLiteral("quit-after-first-draw"),
        QStringLiteral("Exit once the first chart is drawn, printing "
                       "the startup time (for measurements)."));
    parser.addOption(db_option);
    parser.addOption(symbol_option);
    parser.addOption(quit_option);
    parser.process(app);

    OpenedStore store;
    try {
        store = open_store(parser.value(db_option));
    } catch (const std::exception& e) {
        QMessageBox::critical(nullptr, QStringLiteral("ATC Studio"),
                              QStringLiteral("The symbol database cannot be opened:\n\n%1\n\n"
                                             "Start with --db PATH to use another file.")
                                  .arg(QString::fromStdString(e.what())));
        return 1;
    }

    atc::cache::ResultCacheOptions cache_options;
    cache_options.database = store.path;
    // Only scan summaries pay for a disk round trip (see DiskKinds); full
    // results stay in memory.
    cache_options.disk_kinds = atc::cache::DiskKinds::summaries_only();
    cache_options.on_disk_error = [](const std::string& message) {
        std::fprintf(stderr, "atc-studio: result cache: %s\n", message.c_str());
    };
    atc::cache::ResultCache cache(cache_options);
    atc::ui::EngineService engine(store.path, cache);
    // ~/.config/atc-studio/atc-studio.ini: presets, layout, theme, last symbol.
    QSettings settings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("atc-studio"),
                       QStringLiteral("atc-studio"));
    // The hardware report and the memory monitor live as long as the window;
    // the monitor samples on its own thread, the panel reads it every second.
    const auto gpu_router = atc::gpu::make_router();
    const atc::system::HardwareReport hardware =
        atc::system::detect_hardware([&gpu_router] { return gpu_router->gpu_report(); });
    atc::system::MemoryMonitorOptions monitor_options;
    monitor_options.interval = std::chrono::milliseconds(1000);
    monitor_options.history_capacity = 300;  // five minutes
    // The engine's own bytes: the workers' scratch buffers and the cached results.
    monitor_options.engine_bytes = [&cache, &engine] {
        return engine.workspaceGauge().bytes() + cache.stats().memory_bytes;
    };
    atc::system::MemoryMonitor monitor(monitor_options);
    atc::ui::MainWindow window({store.path, cache, engine, settings, &hardware, &monitor});
    window.restoreSession();
    if (parser.isSet(symbol_option))
        window.openSymbol(parser.value(symbol_option));
    window.show();

    if (!store.report.moved_aside.empty()) {
        // After show(), so the warning sits on top of the window it concerns.
        QTimer::singleShot(0, &window, [&window, &store] {
            QMessageBox::warning(
                &window, QStringLiteral("Database recovered"),
                QStringLiteral("The symbol database was damaged (%1).\n\nIt was kept as\n%2\nand a "
                               "new database was started with the bundled sample data.")
                    .arg(QString::fromStdString(store.report.problem),
                         QString::fromStdString(store.report.moved_aside.string())));
        });
    }
    if (parser.isSet(quit_option)) {
        QObject::connect(&window, &atc::ui::MainWindow::symbolShown, &app, [&startup] {
            std::printf("first chart drawn %lld ms after start\n",
                        static_cast<long long>(startup.elapsed()));
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        });
    }
    return app.exec();
}
