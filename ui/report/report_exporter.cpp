// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/report_exporter.hpp"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QMetaObject>
#include <QProgressDialog>
#include <QStatusBar>

#include "atc/store/database.hpp"
#include "atc/store/symbol_store.hpp"
#include "charts/chart_stack.hpp"
#include "report/png_size_dialog.hpp"
#include "report/symbol_report.hpp"

namespace atc::ui {
namespace {

// The file dialog's filters, in the order of ReportFormat.
struct FormatChoice {
    ReportFormat format;
    const char* filter;
};
constexpr FormatChoice kChoices[] = {
    {ReportFormat::Pdf, "PDF report (*.pdf)"},
    {ReportFormat::Csv, "CSV table of every bar (*.csv)"},
    {ReportFormat::Json, "JSON data (*.json)"},
    {ReportFormat::Png, "PNG image of the charts (*.png)"},
};

// The store's description of a symbol; none when it cannot be read (the
// report then says nothing about the data's origin rather than fail).
std::optional<store::SymbolInfo> lookup(const std::filesystem::path& database,
                                        const QString& name) {
    if (database.empty())
        return std::nullopt;
    try {
        store::Database db = store::Database::connect(database);
        store::SymbolStore symbols(db);
        return symbols.find(name.toStdString());
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

ReportExporter::ReportExporter(QWidget* window, ChartStack* charts, std::filesystem::path database)
    : QObject(window), window_(window), charts_(charts), database_(std::move(database)) {
    pool_.setMaxThreadCount(1);
    action_ = new QAction(tr("&Export…"), this);
    action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    action_->setStatusTip(tr("Save the report of the symbol on screen: PDF, CSV, JSON or PNG"));
    connect(action_, &QAction::triggered, this, &ReportExporter::chooseAndExport);
}

ReportExporter::~ReportExporter() {
    cancel();
    pool_.waitForDone();
}

void ReportExporter::cancel() {
    if (cancel_)
        *cancel_ = true;
}

void ReportExporter::chooseAndExport() {
    const auto data = charts_->data();
    if (!data) {
        QMessageBox::information(window_, tr("Export"),
                                 tr("Open a symbol first: the report is of the symbol on screen."));
        return;
    }
    if (busy_)
        return;
    QStringList filters;
    for (const FormatChoice& c : kChoices)
        filters << tr(c.filter);
    QString filter = filters.front();
    // BTCUSDT-4h-atc-report.pdf: reports of one symbol at two timeframes do not collide.
    QString stem = data->resampledTo().isEmpty()
                       ? data->name
                       : QStringLiteral("%1-%2").arg(data->name, data->timeframe);
    const QString suggested =
        QDir::home().filePath(QStringLiteral("%1-atc-report.pdf")
                                  .arg(stem.replace(QLatin1Char(' '), QLatin1Char('-'))
                                           .replace(QLatin1Char('/'), QLatin1Char('-'))));
    QString file = QFileDialog::getSaveFileName(window_, tr("Export report"), suggested,
                                                filters.join(QStringLiteral(";;")), &filter);
    if (file.isEmpty())
        return;
    // The extension decides; without one, the chosen filter does (and is added).
    std::optional<ReportFormat> format = reportFormatOf(file.toStdString());
    if (!format) {
        format = kChoices[std::max<qsizetype>(0, filters.indexOf(filter))].format;
        file += QLatin1Char('.') + QString::fromLatin1(reportFormatName(*format).data());
    }
    QSize size;
    if (*format == ReportFormat::Png) {
        const std::optional<QSize> asked = askPngSize(window_, charts_->size());
        if (!asked)
            return;
        size = *asked;
    }
    interactive_ = true;
    exportTo(file, *format, size);
}

bool ReportExporter::exportTo(const QString& file, ReportFormat format, QSize png_size) {
    const auto data = charts_->data();
    if (!data || busy_)
        return false;
    // The GUI-thread step: the charts, drawn from a snapshot of the window's view.
    auto report = std::make_shared<SymbolReport>();
    report->data = data;
    report->view = captureView(*charts_);
    report->members = charts_->members();
    report->png_size = png_size.isEmpty() ? charts_->size() : png_size;
    report->performance = performance_;
    try {
        drawReportCharts(*report, format);
    } catch (const std::exception& e) {
        done(false, file, QString::fromStdString(e.what()));
        return true;
    }

    busy_ = true;
    action_->setEnabled(false);
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    startProgress(file);
    pool_.start([this, report, format, file, cancel = cancel_, database = database_] {
        int last_percent = -1;
        const ReportProgress progress = [this, cancel, &last_percent](double fraction) {
            const int percent = static_cast<int>(fraction * 100.0);
            if (percent != last_percent) {
                last_percent = percent;
                QMetaObject::invokeMethod(
                    this, [this, percent] { emit progressChanged(percent); }, Qt::QueuedConnection);
            }
            return !*cancel;
        };
        bool ok = false;
        QString message;
        try {
            report->info = lookup(database, report->data->name);
            writeSymbolReport(*report, format, file.toStdString(), progress);
            ok = true;
        } catch (const ReportCancelled&) {
            message = tr("Cancelled; nothing was written.");
        } catch (const std::exception& e) {
            message = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, ok, file, message] { done(ok, file, message); }, Qt::QueuedConnection);
    });
    return true;
}

void ReportExporter::startProgress(const QString& file) {
    // Parented to the window and not modal: the charts stay usable meanwhile.
    progress_ = new QProgressDialog(tr("Exporting %1…").arg(QFileInfo(file).fileName()),
                                    tr("Cancel"), 0, 100, window_);
    progress_->setWindowTitle(tr("Export"));
    progress_->setMinimumDuration(400);  // only for exports that take a while
    progress_->setAutoClose(false);
    progress_->setAutoReset(false);
    progress_->setValue(0);
    connect(progress_, &QProgressDialog::canceled, this, &ReportExporter::cancel);
    connect(this, &ReportExporter::progressChanged, progress_, &QProgressDialog::setValue);
}

void ReportExporter::done(bool ok, const QString& file, const QString& message) {
    busy_ = false;
    action_->setEnabled(true);
    if (progress_) {
        progress_->disconnect(this);
        progress_->deleteLater();
    }
    const bool interactive = std::exchange(interactive_, false);
    if (auto* main = qobject_cast<QMainWindow*>(window_)) {
        main->statusBar()->showMessage(ok ? tr("Exported %1").arg(QDir::toNativeSeparators(file))
                                          : tr("Export failed: %1").arg(message),
                                       8000);
    }
    if (interactive && !ok && !(cancel_ && *cancel_)) {
        QMessageBox::warning(
            window_, tr("Export failed"),
            tr("%1 could not be written:\n\n%2").arg(QDir::toNativeSeparators(file), message));
    }
    emit finished(ok, file, ok ? QString() : message);
}

}  // namespace atc::ui
