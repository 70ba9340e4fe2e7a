// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/main_window.hpp"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QStatusBar>
#include <QTableView>
#include <algorithm>

#include "atc/version.hpp"
#include "charts/chart_stack.hpp"
#include "charts/drawing_layer.hpp"
#include "core/alert_monitor.hpp"
#include "core/alert_notifier.hpp"
#include "core/compute_setting.hpp"
#include "core/drawing_book.hpp"
#include "core/feed_service.hpp"
#include "core/number_format.hpp"
#include "panels/alerts_panel.hpp"
#include "panels/download_dialog.hpp"
#include "panels/family_table_panel.hpp"
#include "panels/params_panel.hpp"
#include "panels/performance_panel.hpp"
#include "panels/symbol_import.hpp"
#include "panels/watchlist_panel.hpp"
#include "panels/watchlist_signal_fill.hpp"
#include "report/report_exporter.hpp"
#include "scanner/scan_summary.hpp"
#include "scanner/scanner_panel.hpp"
#include "shell/chart_toolbar.hpp"
#include "shell/compare_controller.hpp"
#include "shell/dock_shortcut.hpp"
#include "shell/go_to_date_dialog.hpp"
#include "shell/session_state.hpp"
#include "shell/storage_notice_view.hpp"
#include "shell/timeframe_selector.hpp"
#include "shell/wheel_guard.hpp"
#include "status/hardware_panel.hpp"
#include "sweep/sweep_window.hpp"
#include "theme/studio_style.hpp"

namespace atc::ui {
namespace {

QDockWidget* makeDock(const QString& title, const char* object_name, QWidget* content,
                      QWidget* parent) {
    auto* dock = new QDockWidget(title, parent);
    dock->setObjectName(QString::fromLatin1(object_name));  // saveState needs names
    // The title is shown as written (title bar, floating window, and the tab:
    // StudioStyle); the View menu's entry must say so too. Set after the
    // title, which resets the action's text.
    dock->toggleViewAction()->setText(literalAmpersands(title));
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    return dock;
}

ChartViewState chartViewOf(const ChartToolbar& toolbar) {
    ChartViewState view;
    view.candles = toolbar.candles();
    view.price_scale = toolbar.priceScale();
    for (const MaType t : kAllFamilies)
        view.ma_visible[static_cast<std::size_t>(t)] = toolbar.maVisible(t);
    view.equity_family = toolbar.equityFamily();
    view.calibration_family = toolbar.calibrationFamily();
    return view;
}

// Through the toolbar, as the trader's clicks: the charts follow its signals.
void applyChartView(ChartToolbar& toolbar, const ChartViewState& view) {
    toolbar.setCandles(view.candles);
    toolbar.setPriceScale(view.price_scale);
    for (const MaType t : kAllFamilies)
        toolbar.setMaVisible(t, view.ma_visible[static_cast<std::size_t>(t)]);
    toolbar.setEquityFamily(view.equity_family);
    toolbar.setCalibrationFamily(view.calibration_family);
}

// `columns`: how many the table had when `state` was saved. A state of other
// columns (another version's) would give their widths and places to these,
// and one that hides every column would leave a table that shows nothing and
// offers no way back: the columns stay as they are then.
void restoreColumns(QTableView* table, const QByteArray& state, int columns) {
    QHeaderView* header = table->horizontalHeader();
    if (columns != header->count())
        return;
    const QByteArray before = header->saveState();
    if (header->restoreState(state) && header->hiddenSectionCount() >= header->count())
        header->restoreState(before);
}

}  // namespace

MainWindow::MainWindow(StudioContext context, QWidget* parent)
    : QMainWindow(parent), context_(context), theme_(darkTheme()) {
    // For every box of the window and its dialogs, like the theme below.
    if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()))
        installWheelGuard(*app);
    setWindowTitle(tr("ATC Studio"));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    charts_ = new ChartStack(this);
    // On a small screen the docks give way before the charts become unreadable.
    charts_->setMinimumWidth(420);
    setCentralWidget(charts_);
    toolbar_ = new ChartToolbar(this);
    addToolBar(Qt::TopToolBarArea, toolbar_);

    buildDocks();
    compare_ = new CompareController(
        context_.database, *charts_, [this] { return watchlist_->symbols(); }, this);
    connect(toolbar_, &ChartToolbar::compareRequested, compare_, &CompareController::openDialog);
    connect(compare_, &CompareController::message, this, &MainWindow::showFeedMessage);
    // As on TradingView: comparing turns a linear price scale to percent, where
    // every line reads its own change from the first visible bar.
    connect(compare_, &CompareController::added, this, [this] {
        if (toolbar_->priceScale() == PriceScale::Linear)
            toolbar_->setPriceScale(PriceScale::Percent);
    });
    connectFeeds();
    buildMenus();

    busy_ = new QProgressBar(this);
    busy_->setObjectName(QStringLiteral("busyIndicator"));
    busy_->setRange(0, 0);  // indeterminate: "working"
    busy_->setMaximumWidth(120);
    busy_->setMaximumHeight(14);
    busy_->setTextVisible(false);
    busy_->setVisible(false);
    status_text_ = new QLabel(this);
    status_text_->setObjectName(QStringLiteral("statusText"));
    statusBar()->addWidget(status_text_, 1);
    statusBar()->addPermanentWidget(busy_);
    if (context_.storage)
        storage_notices_ = new StorageNoticeView(*context_.storage, this);

    // Parameter edits come in bursts (spin box arrows, typing): recompute once
    // the burst is over.
    recompute_timer_.setSingleShot(true);
    recompute_timer_.setInterval(kRecomputeDelayMs);
    connect(&recompute_timer_, &QTimer::timeout, this, &MainWindow::requestCurrent);

    connect(toolbar_, &ChartToolbar::candlesToggled, charts_, &ChartStack::setCandles);
    connect(toolbar_, &ChartToolbar::priceScaleChosen, charts_, &ChartStack::setPriceScale);
    connect(toolbar_, &ChartToolbar::maToggled, charts_, &ChartStack::setMaVisible);
    connect(toolbar_, &ChartToolbar::equityFamilyChosen, charts_, &ChartStack::setEquityFamily);
    connect(toolbar_, &ChartToolbar::calibrationChosen, this, [this](std::optional<MaType> f) {
        charts_->setCalibrationVisible(f.has_value());
        if (f)
            charts_->setCalibrationFamily(*f);
    });
    TimeframeSelector* timeframe = toolbar_->timeframeSelector();
    connect(timeframe, &TimeframeSelector::timeframeChosen, this, &MainWindow::showTimeframe);
    connect(timeframe, &TimeframeSelector::timeframeRefused, this,
            [this](const QString& reason) { status_text_->setText(reason); });
    connect(charts_, &ChartStack::timeframeTyped, timeframe, &TimeframeSelector::beginTyping);
    connect(toolbar_, &ChartToolbar::zoomInRequested, charts_, &ChartStack::zoomIn);
    connect(toolbar_, &ChartToolbar::zoomOutRequested, charts_, &ChartStack::zoomOut);
    connect(toolbar_, &ChartToolbar::resetZoomRequested, charts_, &ChartStack::resetZoom);
    connect(toolbar_, &ChartToolbar::measureToolToggled, charts_, &ChartStack::setMeasureToolArmed);
    // The tool unchecks itself once it has measured (or Esc dropped it).
    connect(charts_, &ChartStack::measureToolArmedChanged, toolbar_->measureAction(),
            &QAction::setChecked);
    connect(toolbar_, &ChartToolbar::themeToggled, this, [this] {
        setTheme(theme_.kind == ThemeKind::Dark ? ThemeKind::Light : ThemeKind::Dark);
    });
    connectDrawings();
    // The Performance tab's plots on the charts' time axis: their bars, their
    // crosshair; a pan or zoom there moves the charts.
    connect(charts_, &ChartStack::visibleRangeChanged, performance_, &PerformancePanel::showRange);
    connect(charts_, &ChartStack::crosshairMoved, performance_, &PerformancePanel::setCrosshairBar);
    connect(performance_, &PerformancePanel::rangeRequested, charts_, &ChartStack::setVisibleRange);
    connect(performance_, &PerformancePanel::resetRequested, charts_, &ChartStack::resetZoom);
    connect(performance_, &PerformancePanel::crosshairMoved, charts_, &ChartStack::setCrosshairBar);

    connect(watchlist_, &WatchlistPanel::symbolActivated, this, &MainWindow::openSymbol);
    connect(scanner_, &ScannerPanel::symbolActivated, this, [this](const QString& name) {
        // A row of a 4h scan opens the 4h chart it ranks.
        if (const auto outcome = scanner_->outcome(); outcome && !outcome->timeframe.isEmpty())
            timeframes_.insert(name, outcome->timeframe);
        openSymbol(name);
    });
    connect(params_, &ParamsPanel::paramsEdited, this, [this] {
        recompute_timer_.start();
        scanner_->noteParamsChanged();
    });
    connectEngine();
    setTheme(ThemeKind::Dark);
    // A quit that does not close the window first (session end, Ctrl+Q from a
    // dialog) must keep the session too.
    connect(qApp, &QCoreApplication::aboutToQuit, this, &MainWindow::saveSession);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDocks() {
    watchlist_ = new WatchlistPanel(context_.database, this);
    watchlist_->refuseImports(context_.import_refusal);
    watchlist_fill_ = new WatchlistSignalFill(context_.engine, *watchlist_->model(), this);
    params_ = new ParamsPanel(context_.settings, this);
    table_ = new FamilyTablePanel(this);
    addDockWidget(Qt::LeftDockWidgetArea,
                  makeDock(tr("Watchlist"), "watchlistDock", watchlist_, this));
    addDockWidget(Qt::RightDockWidgetArea, makeDock(tr("Parameters"), "paramsDock", params_, this));
    QDockWidget* families = makeDock(tr("Families"), "familyDock", table_, this);
    addDockWidget(Qt::BottomDockWidgetArea, families);
    // Right after the families: what the signal they make would have earned.
    performance_ = new PerformancePanel(this);
    QDockWidget* performance = makeDock(tr("Performance"), "performanceDock", performance_, this);
    tabifyDockWidget(families, performance);
    setDockShortcut(performance, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));

    // The scanner asks for its inputs when Scan is clicked: the parameters on
    // the right, and the watchlist's symbols (all, or those its filter shows).
    scanner_ = new ScannerPanel(
        context_.engine,
        ScanSources{[this] { return params_->params(); }, [this] { return watchlist_->symbols(); },
                    [this] { return watchlist_->visibleSymbols(); }},
        this);
    QDockWidget* scanner = makeDock(tr("Scanner"), "scannerDock", scanner_, this);
    tabifyDockWidget(families, scanner);
    setDockShortcut(scanner, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    buildAlerts(families);

    if (context_.hardware && context_.monitor) {
        hardware_ = new HardwarePanel(*context_.hardware, *context_.monitor, context_.cache, this);
        QDockWidget* hardware =
            makeDock(tr("Hardware & performance"), "hardwareDock", hardware_, this);
        tabifyDockWidget(families, hardware);
        connect(
            &context_.engine, &EngineService::scanFinished, hardware_,
            [this](std::shared_ptr<const ScanOutcome> outcome) { hardware_->showScan(*outcome); });
        // "Compute on": the router takes it at its next request, the settings
        // keep it, the panel shows what it now chooses.
        BackendRouter& router = context_.engine.router();
        hardware_->setBackendRequest(router.request());
        connect(hardware_, &HardwarePanel::backendRequested, this,
                [this](system::BackendRequest request) {
                    BackendRouter& r = context_.engine.router();
                    r.set_request(request);
                    saveBackendRequest(context_.settings, request);
                    hardware_->setReport(r.hardware_report());
                });
    }
}

void MainWindow::buildAlerts(QDockWidget* tab_with) {
    AlertNotifier* notifier = context_.alert_notifier;
    if (!notifier) {
        own_notifier_ = std::make_unique<TrayNotifier>(this);
        notifier = own_notifier_.get();
    }
    // The Average alerts read the parameters on the right when bars arrive.
    alerts_ = new AlertMonitor(
        context_.database, context_.engine, [this] { return params_->params(); }, *notifier, this);
    alerts_panel_ = new AlertsPanel(
        *alerts_, [this] { return watchlist_->symbols(); }, [this] { return current_symbol_; },
        this);
    QDockWidget* dock = makeDock(tr("Alerts"), "alertsDock", alerts_panel_, this);
    tabifyDockWidget(tab_with, dock);
    setDockShortcut(dock, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(alerts_, &AlertMonitor::alertFired, this, [this](const FiredAlert& alert) {
        // Also where the desktop shows no notification (no system tray).
        statusBar()->showMessage(alert.message, kFeedMessageMs);
    });
    connect(alerts_, &AlertMonitor::notice, this,
            [this](const QString& text) { statusBar()->showMessage(text, kFeedMessageMs); });
}

void MainWindow::showAlertsDock() {
    auto* dock = findChild<QDockWidget*>(QStringLiteral("alertsDock"));
    dock->show();
    dock->raise();
}

void MainWindow::openAddAlert() {
    showAlertsDock();
    alerts_panel_->openAddDialog();
}

void MainWindow::addPriceLevelAlert(const QString& symbol, double price) {
    showAlertsDock();
    alerts_panel_->addPriceLevelAlert(symbol, price);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* download = file->addAction(tr("&Download market data…"));
    download->setObjectName(QStringLiteral("downloadAction"));
    download->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(download, &QAction::triggered, this, &MainWindow::openDownload);
    QAction* from_url = file->addAction(tr("Import from &URL…"));
    from_url->setObjectName(QStringLiteral("importUrlAction"));
    connect(from_url, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString url =
            QInputDialog::getText(this, tr("Import from URL"),
                                  tr("Address of a price file (CSV, or any format Import reads):"),
                                  QLineEdit::Normal, QStringLiteral("https://"), &ok);
        if (ok)
            importUrl(url.trimmed());
    });
    QAction* import = file->addAction(tr("&Import price files…"));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(import, &QAction::triggered, watchlist_, &WatchlistPanel::chooseFiles);
    // Off with the watchlist's button (read-only database), saying the same.
    if (!watchlist_->importButton()->isEnabled()) {
        for (QAction* writes : {import, download, from_url}) {
            writes->setEnabled(false);
            writes->setStatusTip(watchlist_->importButton()->toolTip());
        }
    }
    // The report of the symbol on screen (ui/report/): PDF, CSV, JSON or PNG.
    auto* exporter = new ReportExporter(this, charts_, context_.database);
    // The reports hold the position as the Performance tab does.
    exporter->setPerformanceOptions(performance_->options());
    connect(performance_, &PerformancePanel::optionsChanged, exporter,
            &ReportExporter::setPerformanceOptions);
    file->addAction(exporter->exportAction());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    // Alt+V and Alt+H draw vertical and horizontal lines, as on TradingView:
    // the View and Help menus open with Alt+W and Alt+E.
    QMenu* view = menuBar()->addMenu(tr("Vie&w"));
    view->addAction(toolbar_->themeAction());
    QAction* reset = view->addAction(tr("Reset zoom"));
    connect(reset, &QAction::triggered, charts_, &ChartStack::resetZoom);
    QAction* go_to_date = view->addAction(tr("&Go to date…"));
    go_to_date->setObjectName(QStringLiteral("goToDateAction"));
    // Ctrl+G as most tools, Alt+G as TradingView.
    go_to_date->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_G), QKeySequence(Qt::ALT | Qt::Key_G)});
    connect(go_to_date, &QAction::triggered, this, &MainWindow::openGoToDate);
    view->addMenu(toolbar_->drawMenu());
    QAction* add_alert = view->addAction(tr("Add &alert…"));
    add_alert->setObjectName(QStringLiteral("addAlertAction"));
    add_alert->setShortcut(QKeySequence(Qt::ALT | Qt::Key_A));  // as TradingView
    connect(add_alert, &QAction::triggered, this, &MainWindow::openAddAlert);
    QAction* sweep = view->addAction(tr("Parameter s&weep…"));
    sweep->setObjectName(QStringLiteral("sweepAction"));
    sweep->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    connect(sweep, &QAction::triggered, this, &MainWindow::openSweep);
    view->addSeparator();
    view->addAction(toolbar_->logScaleAction());
    view->addAction(toolbar_->percentScaleAction());
    view->addAction(toolbar_->compareAction());
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("H&elp"));
    QAction* about = help->addAction(tr("&About ATC Studio"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About ATC Studio"),
            tr("<b>ATC Studio %1</b><br>Adaptive Trend Classification: six moving-average "
               "families, nine lengths each, weighted by their own equity curves.<br><br>"
               "Chart navigation: mouse wheel zooms, drag pans, double-click resets; "
               "+/−, arrow keys and Ctrl+0 do the same from the keyboard.")
                .arg(QString::fromLatin1(release_version())));
    });
}

void MainWindow::connectEngine() {
    EngineService& engine = context_.engine;
    connect(&engine, &EngineService::symbolReady, this, &MainWindow::showData);
    connect(&engine, &EngineService::symbolFailed, this,
            [this](quint64, const QString& name, const QString& message) {
                showFailure(name, message);
            });
    connect(&engine, &EngineService::busyChanged, busy_, &QWidget::setVisible);
    connect(&engine, &EngineService::scanFinished, this, &MainWindow::showScanStatus);
    // The members the calibration view and the member equities draw, off the GUI thread.
    connect(charts_, &ChartStack::membersWanted, &engine, &EngineService::requestMembers);
    connect(&engine, &EngineService::membersReady, charts_, &ChartStack::setMembers);
    connect(&engine, &EngineService::membersFailed, charts_, &ChartStack::setMembersFailed);
    connect(watchlist_, &WatchlistPanel::importFinished, this,
            [this](const QStringList& imported, const QStringList&) {
                alerts_->barsArrived(imported);
                // A re-imported symbol that is on screen must be redrawn from its new bars.
                if (imported.contains(current_symbol_))
                    openSymbol(current_symbol_);
            });
}

void MainWindow::connectDrawings() {
    DrawingLayer* drawings = charts_->drawingLayer();
    connect(toolbar_, &ChartToolbar::drawingToolChosen, drawings, &DrawingLayer::setTool);
    connect(drawings, &DrawingLayer::toolChanged, toolbar_, &ChartToolbar::setDrawingTool);
    // One tool at a time: a drawing tool disarms Measure and Measure a drawing tool.
    connect(drawings, &DrawingLayer::toolChanged, this,
            [this](std::optional<store::DrawingKind> k) {
                if (k)
                    charts_->setMeasureToolArmed(false);
            });
    connect(toolbar_, &ChartToolbar::measureToolToggled, drawings, [drawings](bool armed) {
        if (armed)
            drawings->setTool(std::nullopt);
    });
    connect(toolbar_->magnetAction(), &QAction::toggled, drawings, &DrawingLayer::setMagnet);
    connect(toolbar_->hideDrawingsAction(), &QAction::toggled, drawings, &DrawingLayer::setHidden);
    connect(drawings, &DrawingLayer::hiddenChanged, toolbar_->hideDrawingsAction(),
            &QAction::setChecked);
    drawing_book_ = new DrawingBook(context_.database, this);
    connect(drawings, &DrawingLayer::edited, drawing_book_, &DrawingBook::save);
    connect(drawing_book_, &DrawingBook::problem, this, &MainWindow::showFeedMessage);
    // A horizontal line's "Add alert at this price…": the alert dialog, filled in.
    connect(drawings, &DrawingLayer::alertRequested, this,
            [this](double price) { addPriceLevelAlert(current_symbol_, price); });
}

void MainWindow::connectFeeds() {
    feeds_ = new FeedService(context_.database, feeds::BinanceConnection{}, this);
    connect(watchlist_, &WatchlistPanel::updateRequested, this, [this](const QStringList& names) {
        update_new_bars_ = 0;
        update_failures_.clear();
        showFeedMessage(tr("Updating %n symbol(s)…", nullptr, int(names.size())));
        feeds_->requestUpdate(names);
    });
    connect(feeds_, &FeedService::progress, this, [this](const FeedProgress& p) {
        if (p.symbols > 1 || !download_dialog_ || !download_dialog_->isDownloading())
            showFeedMessage(tr("Updating %1 (%2 of %3): %4 new bars…")
                                .arg(p.name)
                                .arg(p.symbol)
                                .arg(p.symbols)
                                .arg(groupedCount(p.page.new_bars)));
    });
    connect(feeds_, &FeedService::fetched, this, [this](const FeedOutcome& outcome) {
        update_new_bars_ += outcome.stored_bars;
        if (!outcome.ok)
            update_failures_ << QStringLiteral("%1: %2").arg(outcome.name, outcome.error);
        if (outcome.stored_bars == 0)
            return;
        alerts_->barsArrived({outcome.name});
        watchlist_->refresh();
        // The chart on screen is redrawn with its new bars.
        if (outcome.name == current_symbol_)
            openSymbol(current_symbol_);
    });
    connect(feeds_, &FeedService::updatesDone, this, [this](int updated, int failed) {
        QString text = update_new_bars_ == 0
                           ? tr("Up to date: %n symbol(s) checked, no new bars", nullptr, updated)
                           : tr("Updated %n symbol(s): %1 new bars", nullptr, updated)
                                 .arg(groupedCount(update_new_bars_));
        if (failed > 0)
            text += tr(" · %n failed (%1)", nullptr, failed)
                        .arg(update_failures_.join(QStringLiteral("; ")));
        showFeedMessage(text);
    });
    connect(feeds_, &FeedService::urlDownloaded, this,
            [this](const QString&, const QString& file) { watchlist_->openImport({file}); });
    connect(feeds_, &FeedService::feedFailed, this,
            [this](const QString& what, const QString& message) {
                showFeedMessage(tr("Could not download %1: %2").arg(what, message));
            });
}

void MainWindow::showFeedMessage(const QString& text) {
    // Over the chart's status line, which a redraw of an updated symbol would
    // otherwise write straight over; it gives way after a while.
    statusBar()->showMessage(text, kFeedMessageMs);
}

void MainWindow::openDownload() {
    if (!download_dialog_) {
        download_dialog_ = new DownloadDialog(*feeds_, this);
        connect(download_dialog_, &DownloadDialog::downloaded, this, [this](const QString& name) {
            watchlist_->refresh();
            openSymbol(name);
        });
    }
    download_dialog_->show();
    download_dialog_->raise();
    download_dialog_->activateWindow();
}

void MainWindow::openGoToDate() {
    if (!go_to_date_) {
        go_to_date_ = new GoToDateDialog(this);
        connect(go_to_date_, &GoToDateDialog::barChosen, charts_, &ChartStack::centerOnBar);
    }
    go_to_date_->setTheme(theme_);
    go_to_date_->setData(current_);
    go_to_date_->show();
    go_to_date_->raise();
    go_to_date_->activateWindow();
    go_to_date_->dateField()->setFocus();
    go_to_date_->dateField()->selectAll();
}

void MainWindow::openSweep() {
    if (!sweep_) {
        sweep_ = new SweepWindow(
            context_.settings,
            SweepSources{[this] { return current_; }, [this] { return params_->params(); },
                         // The Performance tab's mode and cost, so a cell's figures
                         // are the tab's for those parameters.
                         [this] { return performance_->options(); }},
            this);
        // A clicked cell's parameters are applied as an edit in the panel is.
        connect(sweep_, &SweepWindow::paramsChosen, this, [this](const AtcParams& params) {
            params_->setParams(params);
            recompute_timer_.start();
            scanner_->noteParamsChanged();
        });
        connect(params_, &ParamsPanel::paramsEdited, sweep_, &SweepWindow::setCurrentParams);
        connect(this, &MainWindow::symbolShown, sweep_, &SweepWindow::refreshSource);
        sweep_->setTheme(theme_);
    }
    sweep_->show();
    sweep_->raise();
    sweep_->activateWindow();
}

void MainWindow::importUrl(const QString& url) {
    if (url.isEmpty())
        return;
    showFeedMessage(tr("Downloading %1…").arg(url));
    feeds_->requestUrl(url);
}

void MainWindow::openSymbol(const QString& name) {
    if (name.isEmpty())
        return;
    current_symbol_ = name;
    if (watchlist_->currentSymbol() != name)
        watchlist_->selectSymbol(name);
    // Its length decides which cutout and La are valid; the panel marks a
    // field this symbol cannot take. Told before the timer stops: this may
    // change the parameters (paramsEdited), and the request below has them.
    params_->setBarCount(watchlist_->barCount(name));
    toolbar_->timeframeSelector()->showTimeframes(watchlist_->timeframe(name),
                                                  timeframes_.value(name));
    recompute_timer_.stop();
    requestCurrent();
}

void MainWindow::showTimeframe(const QString& timeframe) {
    if (current_symbol_.isEmpty())
        return;
    if (timeframe.isEmpty())
        timeframes_.remove(current_symbol_);
    else
        timeframes_.insert(current_symbol_, timeframe);
    recompute_timer_.stop();
    requestCurrent();
}

void MainWindow::requestCurrent() {
    if (current_symbol_.isEmpty())
        return;
    status_text_->setText(tr("%1 · computing…").arg(current_symbol_));
    context_.engine.requestSymbol(current_symbol_, params_->params(),
                                  timeframes_.value(current_symbol_));
}

void MainWindow::showData(std::shared_ptr<const SymbolData> shown) {
    current_ = shown;
    // At another timeframe the series has another length: which cutout and La
    // it can take follows (the panel marks, never changes, what does not fit).
    params_->setBarCount(shown->barCount());
    // What the loaded bars can give (the stored timeframe was the importer's word).
    toolbar_->timeframeSelector()->showTimeframes(shown->source_timeframe, shown->resampledTo());
    // A symbol's drawings are its base name's: another timeframe keeps them (and their undo steps).
    if (DrawingLayer* drawings = charts_->drawingLayer(); drawings->symbol() != shown->name)
        drawings->setDrawings(shown->name, drawing_book_->load(shown->name));
    charts_->setData(shown);
    compare_->setData(shown);
    table_->setData(shown);
    performance_->setData(shown);
    toolbar_->setCandlesAvailable(shown->hasOhlc());
    const AtcResult& r = *shown->result;
    const QString trend = r.row.trend == Direction::Long    ? tr("long")
                          : r.row.trend == Direction::Short ? tr("short")
                                                            : tr("flat");
    const QString how = shown->compute.from_cache > 0
                            ? tr("from cache")
                            : tr("computed on the %1").arg(backendText(shown->compute.choice.kind));
    const QString timeframe = timeframeCaption(*shown);
    const QString forming = shown->last_forming ? tr(" (last one forming)") : QString();
    status_text_->setText(tr("%1 · %2%3 bars%4 · Average %5 (%6) · %7 in %8 ms")
                              .arg(shown->name)
                              .arg(timeframe.isEmpty() ? QString() : timeframe + tr(" · "))
                              .arg(groupedCount(shown->barCount()))
                              .arg(forming)
                              .arg(r.row.average, 0, 'f', 3)
                              .arg(trend)
                              .arg(how)
                              .arg(shown->compute_ms, 0, 'f', 1));
    status_text_->setToolTip(QString::fromStdString(shown->compute.choice.reason));
    setWindowTitle(tr("%1 — ATC Studio").arg(shown->name));
    // The watchlist's ATC columns follow the parameters once the chart drawn
    // with them is on screen: the chart the trader waits for comes first.
    watchlist_fill_->setParams(shown->params, shown.get());
    emit symbolShown(shown->name);
}

void MainWindow::showScanStatus(std::shared_ptr<const ScanOutcome> outcome) {
    // The backend that computed the scan; which device and why in the tooltip
    // (the scanner's own line has the counts).
    const ComputeRecord& compute = outcome->compute;
    const QString where = compute.computed > 0
                              ? tr("computed on the %1").arg(backendText(compute.choice.kind))
                              : tr("every result from the cache");
    status_text_->setText(tr("Scan of %1 symbols · %2 · %3 ms")
                              .arg(outcome->names.size())
                              .arg(where)
                              .arg(outcome->elapsed_ms, 0, 'f', 0));
    status_text_->setToolTip(
        QStringLiteral("%1\n%2").arg(QString::fromStdString(compute.choice.description),
                                     QString::fromStdString(compute.choice.reason)));
}

void MainWindow::showFailure(const QString& name, const QString& message) {
    status_text_->setText(tr("%1 could not be computed: %2").arg(name, message));
    watchlist_fill_->setParams(params_->params());
    emit symbolFailed(name, message);
}

void MainWindow::setTheme(ThemeKind kind) {
    theme_ = themeOf(kind);
    if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance())) {
        applyToApplication(theme_, *app);
    }
    charts_->setTheme(theme_);
    toolbar_->setTheme(theme_);
    params_->setTheme(theme_);
    watchlist_->setTheme(theme_);
    table_->setTheme(theme_);
    performance_->setTheme(theme_);
    scanner_->setTheme(theme_);
    if (hardware_)
        hardware_->setTheme(theme_);
    if (sweep_)
        sweep_->setTheme(theme_);
}

void MainWindow::restoreSession(const QString& symbol, const QString& timeframe) {
    const SessionState session = readSession(context_.settings);
    if (!restoreGeometry(session.window_geometry))
        applyDefaultSize();
    // Before the first show the layout has no size yet: the docks' saved sizes
    // would be fitted into nothing and come out squeezed once it gets one.
    layout()->activate();
    if (!restoreState(session.window_state))
        applyDefaultDocks();
    restoreColumns(scanner_->longView(), session.scanner_long_header, session.scanner_columns);
    restoreColumns(scanner_->shortView(), session.scanner_short_header, session.scanner_columns);
    setTheme(session.theme);
    applyChartView(*toolbar_, session.chart);
    // Before the symbol is opened: it comes back at the range it was left at.
    charts_->setRememberedRanges(session.ranges);
    for (const QString& pane : session.collapsed_panes)
        charts_->setPaneCollapsed(pane, true);
    timeframes_ = session.timeframes;
    compare_->setSymbols(session.compared);
    performance_->setOptions(session.performance);
    scanner_->setTimeframe(session.scanner_timeframe);
    scanner_->setTieBreak(session.scanner_ties);
    if (session.params)
        params_->setParams(*session.params);
    if (!symbol.isEmpty()) {
        // Asked for by name: a name the database lacks says so in the status bar.
        if (!timeframe.isEmpty())
            timeframes_.insert(symbol, timeframe);
        openSymbol(symbol);
        return;
    }
    QString last = session.symbol;
    if (last.isEmpty() || !watchlist_->selectSymbol(last))
        last = watchlist_->firstSymbol();
    openSymbol(last);
}

void MainWindow::prefetchSession(EngineService& engine, QSettings& settings, const QString& symbol,
                                 const QString& timeframe) {
    const SessionState session = readSession(settings);
    const QString name = symbol.isEmpty() ? session.symbol : symbol;
    if (name.isEmpty())
        return;
    // What restoreSession will ask for, unless the parameter panel judges the
    // remembered parameters otherwise: then the window's request computes anew.
    engine.prefetchSymbol(
        name, session.params.value_or(AtcParams{}),
        !symbol.isEmpty() && !timeframe.isEmpty() ? timeframe : session.timeframes.value(name));
}

void MainWindow::applyDefaultSize() {
    // A size given before (a scripted screenshot's 1600x1000) is kept: the
    // docks are then laid out for it, not for the screen.
    if (testAttribute(Qt::WA_Resized))
        return;
    // First start: most of the screen.
    if (const QScreen* screen = this->screen()) {
        const QRect available = screen->availableGeometry();
        resize(available.size() * 0.92);
        move(available.center() - rect().center());
    }
}

void MainWindow::applyDefaultDocks() {
    // Most of the window for the charts.
    const auto dock = [this](const char* name) {
        return findChild<QDockWidget*>(QString::fromLatin1(name));
    };
    // The watchlist as wide as its columns need, unless that would crowd the charts.
    const int watchlist = std::max(310, std::min(watchlist_->sizeHint().width(), width() * 3 / 10));
    resizeDocks({dock("watchlistDock"), dock("paramsDock")}, {watchlist, 320}, Qt::Horizontal);
    resizeDocks({dock("familyDock")}, {height() / 4}, Qt::Vertical);
    // The families tab in front of the scanner's it shares. Raising a tab works
    // once the dock area is laid out, i.e. after show().
    QTimer::singleShot(0, dock("familyDock"), &QWidget::raise);
}

void MainWindow::saveSession() {
    if (!keep_session_)
        return;
    SessionState session;
    session.window_geometry = saveGeometry();
    session.window_state = saveState();
    session.theme = theme_.kind;
    session.params = params_->params();
    session.symbol = current_symbol_;
    session.chart = chartViewOf(*toolbar_);
    session.ranges = charts_->rememberedRanges();
    session.timeframes = timeframes_;
    session.compared = compare_->symbols();
    session.performance = performance_->options();
    session.scanner_timeframe = scanner_->timeframe();
    session.scanner_ties = scanner_->tieBreak();
    for (const QString& pane : ChartStack::paneNames()) {
        if (charts_->paneCollapsed(pane))
            session.collapsed_panes << pane;
    }
    session.scanner_long_header = scanner_->longView()->horizontalHeader()->saveState();
    session.scanner_short_header = scanner_->shortView()->horizontalHeader()->saveState();
    session.scanner_columns = scanner_->longView()->horizontalHeader()->count();
    writeSession(context_.settings, session);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSession();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!priceFilesOf(event->mimeData()).isEmpty() || !priceLinksOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QStringList files = priceFilesOf(event->mimeData());
    // A link dragged from a browser: downloaded, then the same preview.
    const QStringList links = priceLinksOf(event->mimeData());
    if (files.isEmpty() && links.isEmpty())
        return;
    event->acceptProposedAction();
    if (!files.isEmpty())
        watchlist_->openImport(files);
    for (const QString& link : links)
        importUrl(link);
}

}  // namespace atc::ui
