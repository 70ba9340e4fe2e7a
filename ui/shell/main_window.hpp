// SPDX-License-Identifier: GPL-3.0-or-later
// The ATC Studio window: watchlist (left), charts (centre), parameters (right),
// family tables and the signal's performance (bottom). It wires the panels to the engine bridge; it
// computes nothing itself, so the window never waits for the engine.
#pragma once

#include <QHash>
#include <QMainWindow>
#include <QStringList>
#include <QTimer>
#include <memory>

#include "atc/params.hpp"
#include "core/symbol_data.hpp"
#include "shell/studio_context.hpp"
#include "theme/theme.hpp"

class QDockWidget;
class QLabel;
class QProgressBar;
class QDropEvent;
class QDragEnterEvent;

namespace atc::ui {

class AlertMonitor;
class AlertNotifier;
class AlertsPanel;
class ChartStack;
class ChartToolbar;
class CompareController;
class DownloadDialog;
class DrawingBook;
class FeedService;
class FamilyTablePanel;
class GoToDateDialog;
class ParamsPanel;
class PerformancePanel;
class ScannerPanel;
class HardwarePanel;
class StorageNoticeView;
class SweepWindow;
class WatchlistPanel;
class WatchlistSignalFill;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(StudioContext context, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Restores the last session (see session_state.hpp for what that is) and
    // shows `symbol` (the command line's --symbol), else the last symbol, or
    // the first one of the watchlist. Only the symbol shown is computed.
    // With a `timeframe` ("4h"), the symbol is shown at that timeframe.
    void restoreSession(const QString& symbol = {}, const QString& timeframe = {});
    // Starts loading and computing the chart restoreSession(symbol) will open
    // (EngineService::prefetchSymbol) before the window is built, so that the
    // two happen at once. Nothing without a symbol named or remembered.
    static void prefetchSession(EngineService& engine, QSettings& settings,
                                const QString& symbol = {}, const QString& timeframe = {});
    // Whether quitting writes the session (on by default; off for a scripted
    // run such as --screenshot, which must not change what the app opens next).
    void setSessionKept(bool keep) { keep_session_ = keep; }

    // File → Download…: the download dialog (one, kept between uses).
    void openDownload();
    // File → Import from URL…: downloads the file, then the import preview.
    void importUrl(const QString& url);
    // View → Go to date… (Ctrl+G, Alt+G): the dialog for the symbol on screen.
    void openGoToDate();
    GoToDateDialog* goToDateDialog() const { return go_to_date_; }
    // View → Compare… and the toolbar's Compare…: other symbols over the price.
    CompareController* compare() const { return compare_; }
    // View → Parameter sweep… (Ctrl+Shift+W): the sweep window for the chart
    // on screen (one, kept between uses; null until first opened).
    void openSweep();
    SweepWindow* sweepWindow() const { return sweep_; }
    FeedService* feedService() const { return feeds_; }
    DownloadDialog* downloadDialog() const { return download_dialog_; }

    // The Add alert dialog for a price alert on `symbol` at `price`, filled
    // in (a horizontal line's "Add alert" on the chart); the Alerts dock is
    // brought to the front.
    void addPriceLevelAlert(const QString& symbol, double price);
    // Alt+A: the Add alert dialog for the symbol on screen.
    void openAddAlert();
    AlertsPanel* alertsPanel() const { return alerts_panel_; }
    AlertMonitor* alertMonitor() const { return alerts_; }

    // Selects and computes a symbol, as a click in the watchlist does.
    void openSymbol(const QString& name);
    void setTheme(ThemeKind kind);
    const Theme& theme() const { return theme_; }

    // The data currently drawn (null before the first result).
    std::shared_ptr<const SymbolData> currentData() const { return current_; }

    ChartStack* charts() const { return charts_; }
    WatchlistPanel* watchlist() const { return watchlist_; }
    // Fills the watchlist's ATC columns with the parameters of the chart shown.
    WatchlistSignalFill* watchlistFill() const { return watchlist_fill_; }
    ParamsPanel* paramsPanel() const { return params_; }
    FamilyTablePanel* familyTable() const { return table_; }
    PerformancePanel* performancePanel() const { return performance_; }
    ScannerPanel* scanner() const { return scanner_; }
    HardwarePanel* hardwarePanel() const { return hardware_; }  // null without a monitor
    ChartToolbar* chartToolbar() const { return toolbar_; }
    QLabel* statusText() const { return status_text_; }
    QProgressBar* busyIndicator() const { return busy_; }
    // The status bar's notice of what is not saved; null without a StorageStatus.
    StorageNoticeView* storageNotices() const { return storage_notices_; }

    // Milliseconds a parameter edit waits for the next one before recomputing.
    static constexpr int kRecomputeDelayMs = 150;
    // How long a download's or update's message stays over the status line.
    static constexpr int kFeedMessageMs = 15000;

signals:
    // Emitted after a result is drawn (tests wait for it).
    void symbolShown(const QString& name);
    // A symbol asked for could not be loaded or computed, and why.
    void symbolFailed(const QString& name, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenus();
    void buildDocks();
    void connectEngine();
    // The toolbar's drawing tools to the price pane, and the pane's drawings to the database.
    void connectDrawings();
    void requestCurrent();
    // Downloads and updates (File → Download…, the watchlist's Update).
    void connectFeeds();
    void showFeedMessage(const QString& text);
    // The Alerts dock and the monitor that evaluates them as new bars arrive.
    void buildAlerts(QDockWidget* tab_with);
    void showAlertsDock();
    // The trader chose a timeframe for the symbol on screen ("" for its own bars).
    void showTimeframe(const QString& timeframe);
    void showData(std::shared_ptr<const SymbolData> data);
    void showFailure(const QString& name, const QString& message);
    // The status bar after a scan: which backend computed it (why: the tooltip).
    void showScanStatus(std::shared_ptr<const ScanOutcome> outcome);
    void applyDefaultSize();
    void applyDefaultDocks();
    void saveSession();

    StudioContext context_;
    Theme theme_;
    ChartStack* charts_ = nullptr;
    ChartToolbar* toolbar_ = nullptr;
    WatchlistPanel* watchlist_ = nullptr;
    WatchlistSignalFill* watchlist_fill_ = nullptr;
    ParamsPanel* params_ = nullptr;
    FamilyTablePanel* table_ = nullptr;
    PerformancePanel* performance_ = nullptr;
    ScannerPanel* scanner_ = nullptr;
    HardwarePanel* hardware_ = nullptr;
    QLabel* status_text_ = nullptr;
    QProgressBar* busy_ = nullptr;
    StorageNoticeView* storage_notices_ = nullptr;
    QTimer recompute_timer_;
    QString current_symbol_;
    QHash<QString, QString> timeframes_;
    FeedService* feeds_ = nullptr;
    DrawingBook* drawing_book_ = nullptr;
    std::unique_ptr<AlertNotifier> own_notifier_;  // when the context gives none
    AlertMonitor* alerts_ = nullptr;
    AlertsPanel* alerts_panel_ = nullptr;
    DownloadDialog* download_dialog_ = nullptr;
    GoToDateDialog* go_to_date_ = nullptr;
    CompareController* compare_ = nullptr;
    SweepWindow* sweep_ = nullptr;
    bool keep_session_ = true;
    std::size_t update_new_bars_ = 0;  // of the update running now
    QStringList update_failures_;      // symbol -> timeframe shown, when not its own
    std::shared_ptr<const SymbolData> current_;
};

}  // namespace atc::ui
