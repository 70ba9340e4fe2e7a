// SPDX-License-Identifier: GPL-3.0-or-later
// The Scanner (bottom dock, a tab next to the families): runs ATC with the
// current parameters over every symbol, or only those the watchlist's filter
// shows, on the batch engine, and ranks the results in a LONG and a SHORT table
// by the strength of the last Average signal, equal strengths by the key the
// trader picks ("Ties by:"). The scan runs on the engine's
// workers; this panel only shows its progress (done/total, symbols per second,
// time left), lets it be cancelled, and draws what comes back. A double-click
// on a row opens that symbol's chart.
#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <cstdint>
#include <functional>
#include <memory>

#include "atc/params.hpp"
#include "core/engine_service.hpp"
#include "scanner/scan_tie_break.hpp"
#include "theme/theme.hpp"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QTableView;

namespace atc::ui {

class ScanSideProxy;
class ScanTableModel;

// Where a scan's inputs come from, asked at the moment Scan is clicked (so the
// panel needs neither the parameter editor nor the watchlist itself).
struct ScanSources {
    std::function<AtcParams()> params;           // the parameters to scan with
    std::function<QStringList()> all_symbols;    // every symbol, in watchlist order
    std::function<QStringList()> shown_symbols;  // those the watchlist's filter shows
};

class ScannerPanel : public QWidget {
    Q_OBJECT

public:
    enum class Scope { AllSymbols = 0, WatchlistFilter = 1 };

    // `engine` outlives the panel.
    ScannerPanel(EngineService& engine, ScanSources sources, QWidget* parent = nullptr);

    // As the Scan button: scans the chosen symbols with the current parameters,
    // replacing a scan of this panel that is still running.
    void startScan();
    // As the Cancel button: the engine stops within a symbol per worker.
    void cancelScan();
    bool isScanning() const { return scanning_; }

    void setScope(Scope scope);
    Scope scope() const;
    // The timeframe every symbol is scanned at: "" for each one's own bars,
    // else a canonical name ("4h"); typed text that is not a timeframe reads
    // as "" and Scan refuses it.
    QString timeframe() const;
    void setTimeframe(const QString& timeframe);
    // Shows only symbols with |Average| >= `min_signal` (the spin box).
    void setMinSignal(double min_signal);
    // How both tables rank equal strengths (the "Ties by:" box).
    void setTieBreak(ScanTieBreak tie);
    ScanTieBreak tieBreak() const;
    void setTheme(const Theme& theme);
    // Call when the parameters change: results made with others are marked as such.
    void noteParamsChanged();

    // The scan on display (null before the first).
    std::shared_ptr<const ScanOutcome> outcome() const { return outcome_; }

    // For tests and the main window.
    QPushButton* scanButton() const { return scan_button_; }
    QPushButton* cancelButton() const { return cancel_button_; }
    QPushButton* exportButton() const { return export_button_; }

    // Writes the scan on display as a scan report (format from the extension:
    // .pdf, .csv, .json) on a worker thread; exportFinished says how it went.
    // The Export… button asks for the file and calls this.
    void exportTo(const QString& path);
    QComboBox* scopeBox() const { return scope_box_; }
    QComboBox* timeframeBox() const { return timeframe_box_; }
    QDoubleSpinBox* minSignalBox() const { return min_signal_box_; }
    QComboBox* tieBreakBox() const { return tie_box_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* failedLabel() const { return failed_; }
    QTableView* longView() const { return long_view_; }
    QTableView* shortView() const { return short_view_; }
    ScanTableModel* model() const { return model_; }
    // The dialog listing failed symbols, while it is open.
    QMessageBox* failuresDialog() const;

signals:
    // A row was double-clicked (or Enter pressed on it).
    void symbolActivated(const QString& name);
    // The panel switched between scanning and idle.
    void scanningChanged(bool scanning);
    // A scan's results (complete, or what a cancel left) are on display.
    void resultsShown();
    // An export ended: `error` is empty on success.
    void exportFinished(const QString& path, const QString& error);

private:
    QTableView* makeTable(ScanSideProxy* proxy);
    // A table under its caption, with `corner` (if any) at the caption's right.
    QWidget* makeSide(QLabel* caption, QTableView* view, QWidget* corner = nullptr);
    void onProgress(const ScanProgress& progress);
    void onFinished(std::shared_ptr<const ScanOutcome> outcome);
    void setScanning(bool scanning);
    void setButtons(bool scan_enabled, bool cancel_enabled);
    void showStatus(const QString& text);
    void fitColumns();
    void updateCaptions();
    void updateFailures(const QStringList& lines);
    void showFailures();
    void updateStaleNote();
    bool timeframeValid() const;

    EngineService& engine_;
    ScanSources sources_;
    Theme theme_;
    bool scanning_ = false;
    std::uint64_t generation_ = 0;  // of this panel's latest scan request
    std::shared_ptr<const ScanOutcome> outcome_;
    QString summary_;  // the last scan's summary, without the stale note
    QStringList failure_lines_;
    QElapsedTimer rate_shown_;  // since the rate text was last rewritten

    ScanTableModel* model_ = nullptr;
    ScanSideProxy* long_proxy_ = nullptr;
    ScanSideProxy* short_proxy_ = nullptr;
    QPushButton* scan_button_ = nullptr;
    QPushButton* cancel_button_ = nullptr;
    QPushButton* export_button_ = nullptr;
    QComboBox* scope_box_ = nullptr;
    QComboBox* timeframe_box_ = nullptr;
    QDoubleSpinBox* min_signal_box_ = nullptr;
    QComboBox* tie_box_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* failed_ = nullptr;
    QLabel* long_caption_ = nullptr;
    QLabel* short_caption_ = nullptr;
    QTableView* long_view_ = nullptr;
    QTableView* short_view_ = nullptr;
    QPointer<QMessageBox> failures_dialog_;
};

}  // namespace atc::ui
