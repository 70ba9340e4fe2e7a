// SPDX-License-Identifier: GPL-3.0-or-later
// Entry point of the desktop app: creates the long-lived objects once (store,
// result cache, engine bridge, settings) and passes them to the window.
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <cstdint>
#include <cstdio>
#include <optional>

#include "atc/bundled_samples.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/gpu/gpu_backend.hpp"
#include "atc/store/database.hpp"
#include "atc/store/default_location.hpp"
#include "atc/system/hardware.hpp"
#include "atc/system/memory_monitor.hpp"
#include "atc/system/process_memory.hpp"
#include "atc/timeframe.hpp"
#include "atc/version.hpp"
#include "charts/chart_stack.hpp"
#include "core/compute_setting.hpp"
#include "core/engine_service.hpp"
#include "core/open_store.hpp"
#include "core/storage_status.hpp"
#include "shell/interaction_probe.hpp"
#include "shell/main_window.hpp"
#include "shell/scripted_view.hpp"

int main(int argc, char* argv[]) {
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    // The application name decides QStandardPaths' data folder and QSettings'
    // file; no organisation, so the data folder is ~/.local/share/atc-studio,
    // where the command line tool keeps the same database.
    QApplication::setApplicationName(QStringLiteral("atc-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("ATC Studio"));
    QApplication::setApplicationVersion(QString::fromLatin1(atc::release_version()));

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
    const QCommandLineOption measure_option(
        QStringLiteral("measure-interaction"),
        QStringLiteral("Once the first chart is drawn, play a fixed script of zooms, pans, "
                       "crosshair moves and equity views, print the frame times and exit "
                       "(for measurements)."));
    const QCommandLineOption timeframe_option(
        QStringLiteral("timeframe"),
        QStringLiteral("Show the symbol at this timeframe (1m ... 1M, as in the toolbar)."),
        QStringLiteral("tf"));
    const QCommandLineOption goto_option(
        QStringLiteral("goto"),
        QStringLiteral("With --screenshot: centre the chart on this date or date-time "
                       "(UTC, 2024-03-15 or 2024-03-15 14:30)."),
        QStringLiteral("date"));
    const QCommandLineOption scale_option(
        QStringLiteral("scale"),
        QStringLiteral("With --screenshot: the price scale, linear, log or percent."),
        QStringLiteral("scale"));
    const QCommandLineOption screenshot_option(
        QStringLiteral("screenshot"),
        QStringLiteral("Draw --symbol in the window (1600x1000), write it to this PNG and exit "
                       "(0 when written; 1 with the reason otherwise)."),
        QStringLiteral("file"));
    parser.addOption(db_option);
    parser.addOption(symbol_option);
    parser.addOption(timeframe_option);
    parser.addOption(goto_option);
    parser.addOption(scale_option);
    parser.addOption(screenshot_option);
    parser.addOption(quit_option);
    parser.addOption(measure_option);
    parser.process(app);
    const auto refuse = [](const QString& reason) {
        std::fprintf(stderr, "atc-studio: %s\n", qPrintable(reason));
        return 2;
    };
    const QString timeframe = parser.value(timeframe_option);
    if (!timeframe.isEmpty() && !atc::parse_timeframe(timeframe.toStdString()))
        return refuse(
            QStringLiteral("--timeframe %1 is not a timeframe (1m, 5m, 1h, 4h, 1d, 1w, 1M, ...)")
                .arg(timeframe));
    if (!timeframe.isEmpty() && !parser.isSet(symbol_option))
        return refuse(QStringLiteral("--timeframe needs --symbol"));
    std::optional<atc::ui::TypedMoment> go_to;
    if (parser.isSet(goto_option)) {
        go_to = atc::ui::parseTypedMoment(parser.value(goto_option));
        if (!go_to)
            return refuse(QStringLiteral("--goto %1 is not a date (2024-03-15 or 2024-03-15 14:30)")
                              .arg(parser.value(goto_option)));
        if (!parser.isSet(screenshot_option))
            return refuse(QStringLiteral("--goto needs --screenshot"));
    }
    std::optional<atc::ui::PriceScale> scale;
    if (parser.isSet(scale_option)) {
        scale = atc::ui::parsePriceScale(parser.value(scale_option));
        if (!scale)
            return refuse(QStringLiteral("--scale %1 is not a price scale (linear, log or percent)")
                              .arg(parser.value(scale_option)));
        if (!parser.isSet(screenshot_option))
            return refuse(QStringLiteral("--scale needs --screenshot"));
    }
    if (parser.isSet(screenshot_option) && !parser.isSet(symbol_option))
        return refuse(QStringLiteral("--screenshot needs --symbol"));

    const QString db_path = parser.value(db_option);
    atc::ui::OpenedStore store;
    try {
        store =
            atc::ui::openStore(db_path.isEmpty() ? atc::store::default_database_path()
                                                 : std::filesystem::path(db_path.toStdString()));
    } catch (const std::exception& e) {
        QMessageBox::critical(nullptr, QStringLiteral("ATC Studio"),
                              QStringLiteral("The symbol database cannot be opened:\n\n%1\n\n"
                                             "Start with --db PATH to use another file.")
                                  .arg(QString::fromStdString(e.what())));
        return 1;
    }

    // What is not saved, told in the window (and on stderr, for logs).
    atc::ui::StorageStatus storage;
    const auto tell = [&storage](const atc::ui::StorageNotice& notice) {
        std::fprintf(stderr, "atc-studio: %s\n", qPrintable(notice.headline));
        storage.report(notice);
    };
    const bool writable = store.report.access == atc::store::Access::ReadWrite;
    if (store.report.access == atc::store::Access::ReadOnly)
        tell(atc::ui::readOnlyDatabaseNotice(store.file, store.report.not_writable));
    else if (store.report.access == atc::store::Access::Memory)
        tell(atc::ui::memoryDatabaseNotice(store.file, store.report.not_writable));

    atc::cache::ResultCacheOptions cache_options;
    // A database that cannot be written cannot keep results either.
    if (writable)
        cache_options.database = store.location;
    cache_options.memory_only_reason = store.report.not_writable;
    // Only scan summaries pay for a disk round trip (see DiskKinds); full
    // results stay in memory.
    cache_options.disk_kinds = atc::cache::DiskKinds::summaries_only();
    cache_options.on_disk_error = [](const std::string& message) {
        std::fprintf(stderr, "atc-studio: result cache: %s\n", message.c_str());
    };
    // From an engine worker; StorageStatus queues it to the GUI thread.
    cache_options.on_disk_off = [&tell](const std::string& reason) {
        tell(atc::ui::cacheDiskOffNotice(reason));
    };
    atc::cache::ResultCache cache(cache_options);
    // ~/.config/atc-studio/atc-studio.ini: presets, the compute setting and the
    // session (ui/shell/session_state.hpp).
    QSettings settings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("atc-studio"),
                       QStringLiteral("atc-studio"));
    // The CPU and, where one is usable, the GPU: every chart and scan of the
    // engine service is computed through this router, so the backend the
    // hardware panel and the status bar name is the one that ran.
    const auto router = atc::gpu::make_router(atc::ui::savedBackendRequest(settings));
    if (router->request() == atc::system::BackendRequest::Gpu && !router->gpu_report().available) {
        // The GPU chosen last time is not there (another machine, no driver):
        // auto computes everything on the CPU instead of refusing every scan.
        std::fprintf(stderr, "atc-studio: computing on the CPU: %s\n",
                     router->gpu_report().reason.c_str());
        router->set_request(atc::system::BackendRequest::Auto);
    }
    router->set_log([](const std::string& message) {
        std::fprintf(stderr, "atc-studio: %s\n", message.c_str());
    });
    atc::ui::EngineService engine(store.location, cache, *router);
    // The hardware report and the memory monitor live as long as the window;
    // the monitor samples on its own thread, the panel reads it every second.
    // The first chart loads and computes while the window is built.
    atc::ui::MainWindow::prefetchSession(engine, settings, parser.value(symbol_option), timeframe);
    const atc::system::HardwareReport hardware = router->hardware_report();
    atc::system::MemoryMonitorOptions monitor_options;
    monitor_options.interval = std::chrono::milliseconds(1000);
    monitor_options.history_capacity = 300;  // five minutes
    // The engine's own bytes: the workers' scratch buffers and the cached results.
    monitor_options.engine_bytes = [&cache, &engine] {
        return engine.workspaceGauge().bytes() + cache.stats().memory_bytes;
    };
    atc::system::MemoryMonitor monitor(monitor_options);
    const QString import_refusal =
        store.report.access == atc::store::Access::ReadOnly
            ? atc::ui::readOnlyImportRefusal(store.file, store.report.not_writable)
            : QString();
    atc::ui::MainWindow window(
        {store.location, cache, engine, settings, &hardware, &monitor, &storage, import_refusal});
    if (parser.isSet(screenshot_option)) {
        const QString file = parser.value(screenshot_option);
        atc::ui::runScreenshot(window, {parser.value(symbol_option), go_to, file, scale},
                               [file](const QString& error) {
                                   if (error.isEmpty()) {
                                       std::printf("wrote %s\n", qPrintable(file));
                                       QCoreApplication::exit(0);
                                       return;
                                   }
                                   std::fprintf(stderr, "atc-studio: %s\n", qPrintable(error));
                                   QCoreApplication::exit(1);
                               });
    }
    window.restoreSession(parser.value(symbol_option), timeframe);
    if (parser.isSet(screenshot_option))
        window.resize(atc::ui::kScriptedWidth, atc::ui::kScriptedHeight);  // over the session's
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
        QObject::connect(&window, &atc::ui::MainWindow::symbolShown, &app, [&startup, &window] {
            // Painted now rather than when the event loop gets to it: the time
            // includes drawing every pane.
            window.repaint();
            const atc::system::ProcessMemory memory = atc::system::read_process_memory();
            constexpr std::uint64_t kMiB = 1024 * 1024;
            // From the process's start where the system says when that was:
            // loading the program and its libraries comes before main().
            const double since_start =
                atc::system::process_age_ms().value_or(static_cast<double>(startup.elapsed()));
            std::printf(
                "first chart drawn %.0f ms after start, resident %llu MiB (peak %llu MiB)\n",
                since_start, static_cast<unsigned long long>(memory.rss_bytes / kMiB),
                static_cast<unsigned long long>(memory.peak_rss_bytes / kMiB));
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        });
    }
    if (parser.isSet(measure_option)) {
        QObject::connect(&window, &atc::ui::MainWindow::symbolShown, &app, [&window] {
            // Queued: the probe runs once the first chart has been painted.
            QTimer::singleShot(0, &window, [&window] {
                const auto steps = atc::ui::measureInteraction(
                    &window, window.charts(), [](const atc::ui::ProbeStep& step) {
                        std::printf("%s\n",
                                    qPrintable(atc::ui::stepSummary(step.name, step.frame_ms)));
                        std::fflush(stdout);
                    });
                std::printf("%s\n", qPrintable(atc::ui::probeTotal(steps)));
                QCoreApplication::quit();
            });
        });
    }
    return app.exec();
}
