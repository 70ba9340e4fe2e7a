// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/scanner_panel.hpp"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>
#include <algorithm>
#include <stdexcept>

#include "atc/timeframe.hpp"
#include "panels/contrast.hpp"
#include "scanner/column_fit.hpp"
#include "scanner/scan_export.hpp"
#include "scanner/scan_side_proxy.hpp"
#include "scanner/scan_summary.hpp"
#include "scanner/scan_table_model.hpp"

namespace atc::ui {
namespace {

// The failed symbols' tooltip names this many; the dialog lists them all.
constexpr qsizetype kFailuresInTooltip = 12;
// The rate and time left are rewritten at most this often (ms).
constexpr qint64 kRateTextIntervalMs = 250;

}  // namespace

ScannerPanel::ScannerPanel(EngineService& engine, ScanSources sources, QWidget* parent)
    : QWidget(parent), engine_(engine), sources_(std::move(sources)), theme_(darkTheme()) {
    scan_button_ = new QPushButton(tr("Scan"));
    scan_button_->setObjectName(QStringLiteral("scanButton"));
    scan_button_->setToolTip(
        tr("Compute ATC with the current parameters for the chosen "
           "symbols and rank them by signal strength"));
    cancel_button_ = new QPushButton(tr("Cancel"));
    cancel_button_->setObjectName(QStringLiteral("cancelScanButton"));
    cancel_button_->setEnabled(false);

    scope_box_ = new QComboBox;
    scope_box_->setObjectName(QStringLiteral("scanScope"));
    scope_box_->addItem(tr("All symbols"));
    scope_box_->addItem(tr("Watchlist filter"));
    scope_box_->setToolTip(
        tr("Scan every symbol of the database, or only those the "
           "watchlist's filter box shows"));

    min_signal_box_ = new QDoubleSpinBox;
    min_signal_box_->setObjectName(QStringLiteral("minSignal"));
    min_signal_box_->setRange(0.0, 1.0);
    min_signal_box_->setSingleStep(0.05);
    min_signal_box_->setDecimals(2);
    min_signal_box_->setToolTip(
        tr("List only symbols whose last Average signal is at least "
           "this strong (|Average| ≥ value)"));

    timeframe_box_ = new QComboBox;
    timeframe_box_->setObjectName(QStringLiteral("scanTimeframe"));
    timeframe_box_->setEditable(true);
    timeframe_box_->setInsertPolicy(QComboBox::NoInsert);
    timeframe_box_->setMinimumContentsLength(5);
    timeframe_box_->addItem(tr("Own"), QString());
    for (const Timeframe& tf : standard_timeframes()) {
        const QString name = QString::fromStdString(tf.name());
        timeframe_box_->addItem(name, name);
    }
    timeframe_box_->setToolTip(
        tr("Scan every symbol at this timeframe (or type one: 90m, 3d). \"Own\": each "
           "symbol's own bars. A symbol whose data is coarser, or not a divisor of it, is "
           "listed as failed with the reason."));

    tie_box_ = new QComboBox;
    tie_box_->setObjectName(QStringLiteral("scanTieBreak"));
    for (int i = 0; i < kScanTieBreakCount; ++i)
        tie_box_->addItem(tieBreakLabel(static_cast<ScanTieBreak>(i)));
    tie_box_->setToolTip(
        tr("How symbols with the same Average (to the three decimals shown, such as the many "
           "at +1.000) are ranked: the freshest entry first (fewest bars since the last entry "
           "marker), the largest Layer-2 equity of the strongest family first, or the largest "
           "price move since the entry in the table's direction first (up on LONG, down on "
           "SHORT). Symbols without an entry come last."));

    progress_ = new QProgressBar;
    progress_->setObjectName(QStringLiteral("scanProgress"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setFormat(tr("%v / %m"));
    progress_->setTextVisible(true);
    progress_->setFixedWidth(
        progress_->fontMetrics().horizontalAdvance(QStringLiteral("00000 / 00000")) + 40);

    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("scanStatus"));
    // One line in the control row; what does not fit is in the tooltip.
    status_->setMinimumWidth(120);
    status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    showStatus(tr("Scan ranks the symbols by the strength of their last Average signal."));
    failed_ = new QLabel;
    failed_->setObjectName(QStringLiteral("scanFailed"));
    failed_->setVisible(false);

    model_ = new ScanTableModel(this);
    long_proxy_ = new ScanSideProxy(Direction::Long, this);
    short_proxy_ = new ScanSideProxy(Direction::Short, this);
    long_proxy_->setSourceModel(model_);
    short_proxy_->setSourceModel(model_);
    long_caption_ = new QLabel;
    short_caption_ = new QLabel;
    long_view_ = makeTable(long_proxy_);
    long_view_->setObjectName(QStringLiteral("scanLongView"));
    short_view_ = makeTable(short_proxy_);
    short_view_->setObjectName(QStringLiteral("scanShortView"));
    fitColumns();  // the headers, before the first scan

    auto* controls = new QHBoxLayout;
    controls->addWidget(scan_button_);
    controls->addWidget(cancel_button_);
    export_button_ = new QPushButton(tr("Export…"));
    export_button_->setObjectName(QStringLiteral("exportScanButton"));
    export_button_->setToolTip(tr("Save these tables as a scan report (PDF, CSV or JSON)"));
    export_button_->setEnabled(false);
    controls->addWidget(export_button_);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Symbols:")));
    controls->addWidget(scope_box_);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Timeframe:")));
    controls->addWidget(timeframe_box_);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Min |Average|:")));
    controls->addWidget(min_signal_box_);
    controls->addSpacing(12);
    controls->addWidget(progress_);
    controls->addWidget(status_, 1);
    controls->addWidget(failed_);

    auto* tables = new QSplitter(Qt::Horizontal);
    tables->setChildrenCollapsible(false);
    // The tie-break at the tables' top right, where it ranks them: in the
    // control row above, already full, it would widen the window's minimum.
    auto* ties = new QWidget;
    auto* ties_row = new QHBoxLayout(ties);
    ties_row->setContentsMargins(0, 0, 0, 0);
    ties_row->addWidget(new QLabel(tr("Ties by:")));
    ties_row->addWidget(tie_box_);
    // Both captions as tall as the box, so the two tables start level.
    long_caption_->setMinimumHeight(ties->sizeHint().height());
    tables->addWidget(makeSide(long_caption_, long_view_));
    tables->addWidget(makeSide(short_caption_, short_view_, ties));

    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(6, 6, 6, 6);
    column->setSpacing(4);
    column->addLayout(controls);
    column->addWidget(tables, 1);

    connect(scan_button_, &QPushButton::clicked, this, &ScannerPanel::startScan);
    connect(cancel_button_, &QPushButton::clicked, this, &ScannerPanel::cancelScan);
    connect(export_button_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export scan report"), QStringLiteral("atc-scan.pdf"),
            tr("PDF report (*.pdf);;CSV table (*.csv);;JSON (*.json)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    connect(this, &ScannerPanel::exportFinished, this,
            [this](const QString& path, const QString& error) {
                export_button_->setEnabled(outcome_ != nullptr);
                if (error.isEmpty()) {
                    showStatus(tr("Scan report saved to %1").arg(path));
                } else {
                    auto* box =
                        new QMessageBox(QMessageBox::Warning, tr("Export failed"),
                                        tr("The scan report was not saved:\n\n%1").arg(error),
                                        QMessageBox::Ok, this);
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    box->open();
                }
            });
    connect(min_signal_box_, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        long_proxy_->setMinSignal(value);
        short_proxy_->setMinSignal(value);
        updateCaptions();
    });
    connect(tie_box_, &QComboBox::currentIndexChanged, this, [this](int index) {
        long_proxy_->setTieBreak(static_cast<ScanTieBreak>(index));
        short_proxy_->setTieBreak(static_cast<ScanTieBreak>(index));
    });
    connect(failed_, &QLabel::linkActivated, this, &ScannerPanel::showFailures);
    connect(&engine_, &EngineService::scanProgress, this, &ScannerPanel::onProgress);
    connect(&engine_, &EngineService::scanFinished, this, &ScannerPanel::onFinished);

    updateCaptions();
    setTheme(theme_);
}

QTableView* ScannerPanel::makeTable(ScanSideProxy* proxy) {
    auto* view = new QTableView;
    view->setModel(proxy);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->sortByColumn(ScanTableModel::AverageColumn, Qt::DescendingOrder);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    QHeaderView* header = view->horizontalHeader();
    header->setHighlightSections(false);
    // Widths are measured once per result (fitColumns), never per cell
    // and layout pass; the user may still drag them.
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    // From the smallest width up: fitColumns widens each column to its texts,
    // so the nine columns take about half a 1600-pixel window (at the style's
    // default of 100 pixels each they would take 900).
    header->setDefaultSectionSize(header->minimumSectionSize());
    // activated: a double-click, or Enter on the current row.
    connect(view, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const QString name = index.siblingAtColumn(ScanTableModel::SymbolColumn).data().toString();
        if (!name.isEmpty())
            emit symbolActivated(name);
    });
    return view;
}

QWidget* ScannerPanel::makeSide(QLabel* caption, QTableView* view, QWidget* corner) {
    auto* side = new QWidget;
    auto* column = new QVBoxLayout(side);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto* top = new QHBoxLayout;
    top->addWidget(caption, 1);
    if (corner)
        top->addWidget(corner);
    column->addLayout(top);
    column->addWidget(view, 1);
    return side;
}

void ScannerPanel::setScope(Scope scope) {
    scope_box_->setCurrentIndex(static_cast<int>(scope));
}

ScannerPanel::Scope ScannerPanel::scope() const {
    return scope_box_->currentIndex() == static_cast<int>(Scope::WatchlistFilter)
               ? Scope::WatchlistFilter
               : Scope::AllSymbols;
}

void ScannerPanel::setMinSignal(double min_signal) {
    min_signal_box_->setValue(min_signal);
}

void ScannerPanel::setTieBreak(ScanTieBreak tie) {
    tie_box_->setCurrentIndex(static_cast<int>(tie));
}

ScanTieBreak ScannerPanel::tieBreak() const {
    return static_cast<ScanTieBreak>(tie_box_->currentIndex());
}

QString ScannerPanel::timeframe() const {
    const QString text = timeframe_box_->currentText().trimmed();
    const int listed = timeframe_box_->findText(text);
    if (listed >= 0)
        return timeframe_box_->itemData(listed).toString();
    const std::optional<Timeframe> tf = parse_timeframe(text.toStdString());
    return tf ? QString::fromStdString(tf->name()) : QString();
}

bool ScannerPanel::timeframeValid() const {
    const QString text = timeframe_box_->currentText().trimmed();
    return timeframe_box_->findText(text) >= 0 || parse_timeframe(text.toStdString());
}

void ScannerPanel::setTimeframe(const QString& timeframe) {
    const int listed = timeframe_box_->findData(timeframe);
    if (listed >= 0)
        timeframe_box_->setCurrentIndex(listed);
    else
        timeframe_box_->setEditText(timeframe);
}

void ScannerPanel::startScan() {
    if (!timeframeValid()) {
        try {
            require_timeframe(timeframe_box_->currentText().trimmed().toStdString());
        } catch (const std::invalid_argument& e) {
            showStatus(QString::fromStdString(e.what()));  // the engine's words
        }
        return;
    }
    const QStringList names =
        scope() == Scope::AllSymbols ? sources_.all_symbols() : sources_.shown_symbols();
    if (names.isEmpty()) {
        showStatus(scope() == Scope::AllSymbols
                       ? tr("The database has no symbols to scan.")
                       : tr("The watchlist's filter shows no symbols to scan."));
        return;
    }
    model_->setRows({});
    updateCaptions();
    updateFailures({});
    outcome_.reset();
    progress_->setRange(0, static_cast<int>(names.size()));
    progress_->setValue(0);
    showStatus(tr("Scanning %n symbol(s)…", nullptr, static_cast<int>(names.size())));
    rate_shown_.invalidate();
    generation_ = engine_.requestScan(names, sources_.params(), timeframe());
    setScanning(true);
}

void ScannerPanel::cancelScan() {
    if (!scanning_)
        return;
    engine_.cancelScan();
    setButtons(false, false);
    showStatus(tr("Cancelling…"));
}

void ScannerPanel::showStatus(const QString& text) {
    status_->setText(text);
    status_->setToolTip(text);  // the line may be cut where the dock is narrow
}

void ScannerPanel::setScanning(bool scanning) {
    if (scanning_ == scanning)
        return;
    scanning_ = scanning;
    setButtons(!scanning, scanning);
    scope_box_->setEnabled(!scanning);
    emit scanningChanged(scanning);
}

void ScannerPanel::setButtons(bool scan_enabled, bool cancel_enabled) {
    // A focused button that gets disabled hands the focus to the next widget,
    // here the min-signal box, which would then take whatever the user types.
    // Keep it on the button that applies now (Space scans or cancels).
    const bool ours = hasFocus() || scan_button_->hasFocus() || cancel_button_->hasFocus();
    if (ours)
        setFocus();
    scan_button_->setEnabled(scan_enabled);
    cancel_button_->setEnabled(cancel_enabled);
    if (ours && cancel_enabled)
        cancel_button_->setFocus();
    else if (ours && scan_enabled)
        scan_button_->setFocus();
}

void ScannerPanel::onProgress(const ScanProgress& progress) {
    if (!scanning_ || progress.generation != generation_)
        return;
    progress_->setValue(static_cast<int>(progress.done));
    // The rate and time left change with every symbol; redrawn at reading
    // speed they stay legible (and the label's relayout stays rare).
    if (rate_shown_.isValid() && rate_shown_.elapsed() < kRateTextIntervalMs)
        return;
    rate_shown_.start();
    if (cancel_button_->isEnabled())  // else it says "Cancelling…"
        showStatus(progressText(progress));
}

void ScannerPanel::onFinished(std::shared_ptr<const ScanOutcome> outcome) {
    if (!scanning_)
        return;
    if (outcome->generation != generation_) {
        // A newer scan from elsewhere replaced ours (the engine runs one at a time).
        if (outcome->generation > generation_) {
            setScanning(false);
            showStatus(tr("Stopped: another scan was started."));
        }
        return;
    }
    outcome_ = outcome;
    export_button_->setEnabled(true);
    model_->setRows(tableRowsOf(*outcome));
    fitColumns();
    const ScanCounts counts = countScan(*outcome);
    progress_->setValue(static_cast<int>(counts.total - counts.unreached));
    summary_ = summaryText(*outcome, counts);
    updateCaptions();
    updateFailures(failureLines(*outcome));
    updateStaleNote();
    setScanning(false);
    emit resultsShown();
}

void ScannerPanel::exportTo(const QString& path) {
    if (!outcome_) {
        emit exportFinished(path, tr("there is no scan to export yet"));
        return;
    }
    const std::filesystem::path file(path.toStdString());
    const std::optional<ReportFormat> format = reportFormatOf(file);
    if (!format || *format == ReportFormat::Png) {
        emit exportFinished(path,
                            tr("%1: the file name must end in .pdf, .csv or .json").arg(path));
        return;
    }
    export_button_->setEnabled(false);
    // Built here, from the results on display; written on a worker thread.
    auto report = std::make_shared<ScanReport>(scanReportData(*outcome_, min_signal_box_->value()));
    QPointer<ScannerPanel> self(this);
    QThreadPool::globalInstance()->start([self, report, file, format = *format, path] {
        QString error;
        try {
            writeScanReport(*report, format, file);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, path, error] {
                if (self)
                    emit self->exportFinished(path, error);
            },
            Qt::QueuedConnection);
    });
}

void ScannerPanel::fitColumns() {
    // Both tables show rows of the same model: one measurement, the same
    // widths side by side.
    const QList<int> widths =
        fittedColumnWidths(*model_, long_view_->font(), long_view_->horizontalHeader()->font());
    widenColumns(long_view_, widths);
    widenColumns(short_view_, widths);
}

void ScannerPanel::updateCaptions() {
    const auto caption = [](const QString& side, const ScanSideProxy* proxy,
                            const ScanTableModel* model, const QColor& colour) {
        int on_side = 0;
        for (const ScanTableRow& row : model->rows()) {
            if (proxy->side() == Direction::Long ? row.average > 0.0 : row.average < 0.0)
                ++on_side;
        }
        const int shown = proxy->rowCount();
        const QString count =
            shown == on_side ? QString::number(on_side) : tr("%1 of %2").arg(shown).arg(on_side);
        return QStringLiteral("<span style='color:%1; font-weight:600'>%2</span>&nbsp;&nbsp;%3")
            .arg(colour.name(), side, count);
    };
    long_caption_->setText(caption(tr("LONG"), long_proxy_, model_,
                                   readableOn(theme_.bull, theme_.window, theme_.text, 4.0)));
    short_caption_->setText(caption(tr("SHORT"), short_proxy_, model_,
                                    readableOn(theme_.bear, theme_.window, theme_.text, 4.0)));
}

void ScannerPanel::updateFailures(const QStringList& lines) {
    failure_lines_ = lines;
    failed_->setVisible(!lines.isEmpty());
    if (lines.isEmpty())
        return;
    // Daily symbols in a 4h scan are not failures: they are counted apart, in
    // the muted colour, and listed with the failures in the same dialog.
    const auto refused =
        static_cast<int>(outcome_ ? std::count(outcome_->timeframe_refused.begin(),
                                               outcome_->timeframe_refused.end(), true)
                                  : 0);
    const int failed = static_cast<int>(lines.size()) - refused;
    QStringList parts;
    if (failed > 0) {
        const QColor colour = readableOn(theme_.danger, theme_.window, theme_.text, 4.0);
        parts << QStringLiteral("<a href='failed' style='color:%1'>%2</a>")
                     .arg(colour.name(), tr("%n failed", nullptr, failed));
    }
    if (refused > 0) {
        const QColor colour = readableOn(theme_.muted_text, theme_.window, theme_.text, 4.0);
        parts << QStringLiteral("<a href='failed' style='color:%1'>%2</a>")
                     .arg(colour.name(),
                          tr("%n not at %1", nullptr, refused).arg(outcome_->timeframe));
    }
    failed_->setText(parts.join(QStringLiteral(" · ")));
    QStringList shown = lines.mid(0, kFailuresInTooltip);
    if (lines.size() > kFailuresInTooltip)
        shown << tr("… and %1 more (click for the list)").arg(lines.size() - kFailuresInTooltip);
    failed_->setToolTip(shown.join(QLatin1Char('\n')));
}

void ScannerPanel::showFailures() {
    if (failure_lines_.isEmpty())
        return;
    if (failures_dialog_)
        failures_dialog_->close();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Symbols not scanned"),
                                tr("%n symbol(s) could not be scanned; the others are ranked.",
                                   nullptr, static_cast<int>(failure_lines_.size())),
                                QMessageBox::Close, this);
    box->setDetailedText(failure_lines_.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    failures_dialog_ = box;
    box->open();
}

QMessageBox* ScannerPanel::failuresDialog() const {
    return failures_dialog_;
}

void ScannerPanel::noteParamsChanged() {
    updateStaleNote();
}

void ScannerPanel::updateStaleNote() {
    if (!outcome_)
        return;
    if (outcome_->params == sources_.params()) {
        showStatus(summary_);
        return;
    }
    const QColor colour = readableOn(theme_.warning, theme_.window, theme_.text, 4.0);
    showStatus(QStringLiteral("%1 · <span style='color:%2'>%3</span>")
                   .arg(summary_.toHtmlEscaped(), colour.name(),
                        tr("made with other parameters: Scan again to update")));
}

void ScannerPanel::setTheme(const Theme& theme) {
    theme_ = theme;
    model_->setTheme(theme);
    updateCaptions();
    updateFailures(failure_lines_);
    updateStaleNote();
}

}  // namespace atc::ui
