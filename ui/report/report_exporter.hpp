// SPDX-License-Identifier: GPL-3.0-or-later
// File → Export… of the window: the report of the symbol on screen as PDF,
// CSV, JSON or a PNG of the charts. The charts are drawn on the GUI thread (one
// short step: the ChartStack is a widget); everything else (reading the
// symbol's provenance from the store, laying out the pages, writing the file
// atomically) runs on a worker thread, so the window never waits. A progress
// dialog with Cancel appears when an export takes longer than a moment.
#pragma once

#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>
#include <QThreadPool>
#include <atomic>
#include <filesystem>
#include <memory>

#include "atc/performance.hpp"
#include "report/report_format.hpp"

class QAction;
class QProgressDialog;
class QWidget;

namespace atc::ui {

class ChartStack;

class ReportExporter : public QObject {
    Q_OBJECT

public:
    // `charts`: the window's chart stack, whose data and view are exported.
    // `database`: the store the data came from (for the provenance); empty: none.
    ReportExporter(QWidget* window, ChartStack* charts, std::filesystem::path database);
    ~ReportExporter() override;  // cancels a running export and waits for it

    // "Export…" (Ctrl+E): asks for the file, the format and, for PNG, the size.
    QAction* exportAction() const { return action_; }

    // Starts exporting what the charts show to `file`. Returns false, and starts
    // nothing, when no symbol is shown or an export is running. `png_size`:
    // the PNG's pixels (empty: the charts' size on screen).
    bool exportTo(const QString& file, ReportFormat format, QSize png_size = {});
    bool isBusy() const { return busy_; }
    // How the reports hold the signal as a position (the Performance tab's
    // mode and cost), so that an exported report agrees with the tab.
    void setPerformanceOptions(const PerformanceOptions& options) { performance_ = options; }
    const PerformanceOptions& performanceOptions() const { return performance_; }
    void cancel();

signals:
    void progressChanged(int percent);
    // After every export that started: ok, or the reason it failed or was cancelled.
    void finished(bool ok, const QString& file, const QString& message);

private:
    void chooseAndExport();
    void startProgress(const QString& file);
    void done(bool ok, const QString& file, const QString& message);

    QWidget* window_;
    ChartStack* charts_;
    std::filesystem::path database_;
    QAction* action_ = nullptr;
    QThreadPool pool_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    QPointer<QProgressDialog> progress_;
    bool busy_ = false;
    PerformanceOptions performance_;
    bool interactive_ = false;  // started from the menu: report the outcome in dialogs
};

}  // namespace atc::ui
