// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/watchlist_panel.hpp"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <exception>
#include <unordered_map>

#include "atc/feeds/fetch.hpp"
#include "atc/store/symbol_store.hpp"
#include "panels/import_preview_dialog.hpp"
#include "panels/symbol_import.hpp"
#include "panels/symbol_list_model.hpp"
#include "panels/watchlist_sort_proxy.hpp"

namespace atc::ui {

WatchlistPanel::WatchlistPanel(std::filesystem::path database, QWidget* parent)
    : QWidget(parent), database_path_(std::move(database)), theme_(darkTheme()) {
    setAcceptDrops(true);

    filter_ = new QLineEdit;
    filter_->setObjectName(QStringLiteral("watchlistFilter"));
    filter_->setPlaceholderText(tr("Filter symbols"));
    filter_->setClearButtonEnabled(true);
    import_button_ = new QPushButton(tr("Import…"));
    import_button_->setObjectName(QStringLiteral("importButton"));
    import_button_->setToolTip(
        tr("Import price files: exchange, broker and data-site exports are "
           "recognised by their content. One file opens a preview; you can also "
           "drop files or a whole folder onto the window."));

    model_ = new SymbolListModel(this);
    proxy_ = new WatchlistSortProxy(this);
    proxy_->setSourceModel(model_);

    view_ = new QTableView;
    view_->setObjectName(QStringLiteral("watchlistView"));
    view_->setModel(proxy_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setShowGrid(false);
    view_->setWordWrap(false);
    view_->setAlternatingRowColors(true);
    view_->verticalHeader()->setVisible(false);
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    QHeaderView* header = view_->horizontalHeader();
    header->setHighlightSections(false);
    // The store's order (real data first) until a header is clicked; a third
    // click on it goes back to that order.
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    view_->setSortingEnabled(true);
    // Every column as wide as its content (names are never cut), measured
    // when the list changes (fitColumns); the last one shown takes what is
    // left. Not ResizeToContents: that measured every row of every column on
    // each answer of the background fill, 10-30 ms frames while the charts moved.
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setMinimumSectionSize(24);
    // The dock is narrow: the bar count, the date of the last bar and the
    // kind, which the name's tooltip also gives, are hidden until chosen from
    // the header's right-click menu.
    for (const int column : {SymbolListModel::BarsColumn, SymbolListModel::LastBarColumn,
                             SymbolListModel::KindColumn}) {
        header->hideSection(column);
    }
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this,
            [this, header](const QPoint& at) { columnMenu()->popup(header->mapToGlobal(at)); });
    // Downloaded symbols are brought up to date from here (right click).
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        const QModelIndex index = view_->indexAt(at);
        const QString name =
            index.isValid() ? index.siblingAtColumn(SymbolListModel::NameColumn).data().toString()
                            : QString();
        contextMenu(name)->popup(view_->viewport()->mapToGlobal(at));
    });

    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("watchlistStatus"));
    status_->setWordWrap(true);
    batch_progress_ = new QProgressBar;
    batch_progress_->setObjectName(QStringLiteral("importBatchProgress"));
    batch_cancel_ = new QPushButton(tr("Cancel"));
    batch_cancel_->setObjectName(QStringLiteral("importBatchCancel"));
    batch_cancel_->setToolTip(
        tr("Stop after the file being imported; files already "
           "imported stay, the rest are not read."));
    auto* batch_row = new QHBoxLayout;
    batch_row->addWidget(batch_progress_, 1);
    batch_row->addWidget(batch_cancel_);
    batch_progress_->hide();
    batch_cancel_->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(filter_, 1);
    top->addWidget(import_button_);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(6, 6, 6, 6);
    column->setSpacing(6);
    column->addLayout(top);
    column->addWidget(view_, 1);
    column->addLayout(batch_row);
    column->addWidget(status_);

    connect(filter_, &QLineEdit::textChanged, this, &WatchlistPanel::setFilterText);
    connect(import_button_, &QPushButton::clicked, this, &WatchlistPanel::chooseFiles);
    connect(batch_cancel_, &QPushButton::clicked, this, [this] {
        if (batch_cancel_flag_)
            batch_cancel_flag_->store(true);
        batch_cancel_->setEnabled(false);
    });
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });

    try {
        db_.emplace(store::Database::connect(database_path_));
    } catch (const std::exception& e) {
        store_error_ =
            tr("The symbol database could not be opened: %1").arg(QString::fromUtf8(e.what()));
    }
    refresh();
    setTheme(theme_);
}

WatchlistPanel::~WatchlistPanel() {
    // The worker owns no pointer to the panel, but its QThread object is our
    // child: it must not be destroyed while running. Imports are short.
    pending_.clear();
    if (batch_cancel_flag_)
        batch_cancel_flag_->store(true);  // a batch stops after its current file
    if (worker_ != nullptr)
        worker_->wait();
}

void WatchlistPanel::refresh() {
    std::vector<store::SymbolInfo> list;
    std::unordered_map<std::int64_t, store::LastCloses> last_closes;
    if (db_) {
        try {
            store::SymbolStore symbols(*db_);
            list = symbols.list();
            last_closes = symbols.last_closes();
            store_error_.clear();
        } catch (const std::exception& e) {
            store_error_ =
                tr("The symbol list could not be read: %1").arg(QString::fromUtf8(e.what()));
        }
    }
    model_->setSymbols(std::move(list), last_closes);
    fitColumns();
    if (model_->rowOf(current_) < 0)
        current_.clear();  // removed meanwhile
    selectRowSilently(current_);
    updateStatus();
}

QSize WatchlistPanel::sizeHint() const {
    // Wide enough for every shown column without cutting names, so the dock opens
    // at a useful width.
    const QHeaderView* header = view_->horizontalHeader();
    int width = 0;
    for (int c = 0; c < SymbolListModel::kColumnCount; ++c) {
        if (!header->isSectionHidden(c))
            width += columnWidth(c);
    }
    width += view_->verticalScrollBar()->sizeHint().width() + 2 * view_->frameWidth() + 12 + 8;
    return {std::max(width, QWidget::sizeHint().width()), QWidget::sizeHint().height()};
}

int WatchlistPanel::columnWidth(int column) const {
    const QAbstractItemView* items = view_;  // QTableView hides sizeHintForColumn
    int width = std::max(items->sizeHintForColumn(column),
                         view_->horizontalHeader()->sectionSizeHint(column));
    // The ATC cells fill in after the list is laid out: room for their widest.
    const QFontMetrics metrics = view_->fontMetrics();
    if (column == SymbolListModel::AverageColumn)
        width = std::max(width, metrics.horizontalAdvance(QStringLiteral("▼ −0.000")) + 12);
    if (column == SymbolListModel::SinceEntryColumn)
        width = std::max(width, metrics.horizontalAdvance(QStringLiteral("99,999")) + 12);
    return width;
}

void WatchlistPanel::fitColumns() {
    QHeaderView* header = view_->horizontalHeader();
    for (int c = 0; c < SymbolListModel::kColumnCount; ++c) {
        if (!header->isSectionHidden(c))
            header->resizeSection(c, columnWidth(c));
    }
}

QString WatchlistPanel::firstSymbol() const {
    return model_->nameAt(0);
}

QStringList WatchlistPanel::symbols() const {
    QStringList names;
    for (int row = 0; row < model_->rowCount(); ++row)
        names << model_->nameAt(row);
    return names;
}

std::size_t WatchlistPanel::barCount(const QString& name) const {
    const int row = model_->rowOf(name);
    return row < 0 ? 0 : model_->symbols()[static_cast<std::size_t>(row)].bar_count;
}

QStringList WatchlistPanel::updatableSymbols() const {
    QStringList names;
    for (const store::SymbolInfo& info : model_->symbols()) {
        if (feeds::feed_source_of(info.meta))
            names << QString::fromStdString(info.meta.name);
    }
    return names;
}

QMenu* WatchlistPanel::columnMenu() {
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("watchlistColumnMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QHeaderView* header = view_->horizontalHeader();
    // Every column but the symbol's, which the list cannot do without.
    for (int c = SymbolListModel::NameColumn + 1; c < SymbolListModel::kColumnCount; ++c) {
        QAction* shown = menu->addAction(model_->headerData(c, Qt::Horizontal).toString());
        shown->setCheckable(true);
        shown->setChecked(!header->isSectionHidden(c));
        connect(shown, &QAction::toggled, this, [this, header, c](bool on) {
            header->setSectionHidden(c, !on);
            fitColumns();
        });
    }
    return menu;
}

QMenu* WatchlistPanel::contextMenu(const QString& name) {
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QStringList updatable = updatableSymbols();
    QAction* one = menu->addAction(name.isEmpty() ? tr("Update") : tr("Update %1").arg(name));
    one->setObjectName(QStringLiteral("updateSymbolAction"));
    one->setEnabled(updatable.contains(name));
    if (!name.isEmpty() && !one->isEnabled())
        one->setToolTip(tr("Only symbols downloaded from an exchange can be updated"));
    connect(one, &QAction::triggered, this, [this, name] { emit updateRequested({name}); });
    QAction* all = menu->addAction(tr("Update all downloaded (%1)").arg(updatable.size()));
    all->setObjectName(QStringLiteral("updateAllAction"));
    all->setEnabled(!updatable.isEmpty());
    connect(all, &QAction::triggered, this, [this] { emit updateRequested(updatableSymbols()); });
    menu->setToolTipsVisible(true);
    return menu;
}

QString WatchlistPanel::timeframe(const QString& name) const {
    const int row = model_->rowOf(name);
    if (row < 0)
        return {};
    const store::SymbolInfo& info = model_->symbols()[static_cast<std::size_t>(row)];
    // A bundled series labelled by year fractions is daily, but without times
    // it has no timeframe to change.
    return info.first_time_ms ? QString::fromStdString(info.meta.timeframe) : QString();
}

QStringList WatchlistPanel::visibleSymbols() const {
    QStringList names;
    for (int row = 0; row < proxy_->rowCount(); ++row) {
        names << proxy_->index(row, SymbolListModel::NameColumn).data().toString();
    }
    return names;
}

bool WatchlistPanel::selectSymbol(const QString& name) {
    const int row = model_->rowOf(name);
    if (row < 0)
        return false;
    if (!proxy_->mapFromSource(model_->index(row, 0)).isValid())
        filter_->clear();
    current_ = name;
    selectRowSilently(name);
    return true;
}

void WatchlistPanel::selectRowSilently(const QString& name) {
    const QModelIndex index = proxy_->mapFromSource(model_->index(model_->rowOf(name), 0));
    silent_ = true;
    if (index.isValid()) {
        view_->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view_->scrollTo(index);
    } else {
        view_->selectionModel()->clearSelection();
    }
    silent_ = false;
}

void WatchlistPanel::onCurrentChanged(const QModelIndex& current) {
    // An invalid index means the row was filtered out or the list reloaded:
    // the symbol on screen has not changed.
    if (!current.isValid())
        return;
    const QString name =
        proxy_->index(current.row(), SymbolListModel::NameColumn).data().toString();
    if (name == current_)
        return;
    current_ = name;
    if (!silent_)
        emit symbolActivated(name);
}

void WatchlistPanel::setFilterText(const QString& text) {
    if (filter_->text() != text) {
        filter_->setText(text);  // comes back here through textChanged
        return;
    }
    proxy_->setFilterFixedString(text.trimmed());
    // Filtering keeps the selected symbol selected when it stays visible.
    selectRowSilently(current_);
    updateStatus();
}

void WatchlistPanel::importFiles(const QStringList& paths) {
    if (paths.isEmpty())
        return;
    if (!import_refusal_.isEmpty()) {
        ImportOutcome refused;
        for (const QString& path : paths) {
            refused.refused_files << QFileInfo(path).fileName();
            refused.errors
                << tr("%1: not imported: %2.").arg(QFileInfo(path).fileName(), import_refusal_);
        }
        import_note_ = tr("Importing is off.");
        updateStatus();
        showErrors(refused);
        return;
    }
    pending_ << paths;
    if (worker_ == nullptr)
        startNextImport();
}

void WatchlistPanel::refuseImports(const QString& why) {
    import_refusal_ = why;
    import_button_->setEnabled(why.isEmpty());
    if (!why.isEmpty())
        import_button_->setToolTip(tr("Importing is off: %1.").arg(why));
}

void WatchlistPanel::openImport(const QStringList& paths) {
    if (paths.size() != 1 || !import_refusal_.isEmpty()) {
        importFiles(paths);
        return;
    }
    if (preview_)
        preview_->close();
    auto* dialog = new ImportPreviewDialog(database_path_, paths.front(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportPreviewDialog::imported, this,
            [this](const QStringList& symbols, const QStringList& warnings) {
                ImportOutcome outcome;
                outcome.imported = symbols;
                outcome.files_imported = 1;
                outcome.warnings = warnings;
                finishImport(outcome);
            });
    preview_ = dialog;
    dialog->open();  // window-modal, returns at once
}

ImportPreviewDialog* WatchlistPanel::lastPreview() const {
    return preview_.data();
}

void WatchlistPanel::startNextImport() {
    const QStringList files = pending_;
    pending_.clear();
    auto outcome = std::make_shared<ImportOutcome>();
    batch_cancel_flag_ = std::make_shared<std::atomic<bool>>(false);
    ImportControl control;
    control.cancel = batch_cancel_flag_.get();
    // Progress comes from the worker: posted to the panel, which outlives the
    // worker (the destructor waits for it).
    control.progress = [this](int done, int total) {
        QMetaObject::invokeMethod(
            this, [this, done, total] { showBatchProgress(done, total); }, Qt::QueuedConnection);
    };
    // The worker captures only values: the database path, the file names, the
    // cancel flag and the shared outcome it fills. The result comes back through
    // finished(), which Qt delivers on the GUI thread.
    worker_ = QThread::create(
        [database = database_path_, files, outcome, control, flag = batch_cancel_flag_] {
            *outcome = importSymbolFiles(database, files, control);
        });
    worker_->setParent(this);
    connect(worker_, &QThread::finished, this, [this, outcome] {
        worker_->deleteLater();
        worker_ = nullptr;
        finishImport(*outcome);
        if (!pending_.isEmpty())
            startNextImport();
    });
    import_note_ = files.size() == 1 ? tr("Importing %1…").arg(QFileInfo(files.front()).fileName())
                                     : tr("Importing %1 files…").arg(files.size());
    showBatchProgress(0, static_cast<int>(files.size()));
    updateStatus();
    worker_->start();
}

void WatchlistPanel::showBatchProgress(int done, int total) {
    // A single file needs no bar: it is one short step.
    const bool visible = worker_ != nullptr && total > 1;
    batch_progress_->setVisible(visible);
    batch_cancel_->setVisible(visible);
    if (!visible)
        return;
    batch_progress_->setRange(0, total);
    batch_progress_->setValue(done);
    batch_progress_->setFormat(tr("%1 of %2 files").arg(done).arg(total));
    if (done == 0)
        batch_cancel_->setEnabled(true);
}

void WatchlistPanel::finishImport(const ImportOutcome& outcome) {
    batch_progress_->hide();
    batch_cancel_->hide();
    refresh();
    QStringList parts;
    const int files = outcome.files_imported + static_cast<int>(outcome.refused_files.size());
    if (files > 1 || outcome.files_cancelled > 0)
        parts << importSummary(outcome) + QLatin1Char('.');
    else if (!outcome.imported.isEmpty())
        parts << tr("Imported %1.").arg(outcome.imported.join(QStringLiteral(", ")));
    else if (!outcome.errors.isEmpty())
        parts << tr("1 file rejected.");
    if (!outcome.warnings.isEmpty()) {
        parts << (outcome.warnings.size() == 1
                      ? tr("1 warning (hover for details).")
                      : tr("%1 warnings (hover for details).").arg(outcome.warnings.size()));
    }
    import_note_ = parts.join(QLatin1Char(' '));
    status_->setToolTip(outcome.warnings.join(QLatin1Char('\n')));
    updateStatus();

    // Select the (last) imported symbol before anyone hears of the import, so
    // currentSymbol() is already right in importFinished handlers.
    const QString last = outcome.imported.isEmpty() ? QString() : outcome.imported.back();
    const bool switched = !last.isEmpty() && last != current_;
    if (!last.isEmpty())
        selectSymbol(last);
    emit importFinished(outcome.imported, outcome.errors);
    if (!outcome.errors.isEmpty())
        showErrors(outcome);
    // The user chose to import it: show it, as a click on it would.
    if (switched)
        emit symbolActivated(last);
}

void WatchlistPanel::showErrors(const ImportOutcome& outcome) {
    const QStringList& errors = outcome.errors;
    if (error_dialog_)
        error_dialog_->close();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Import failed"), QString(),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("importErrorDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    QString intro = errors.size() == 1
                        ? tr("This file could not be imported:")
                        : tr("These %1 files could not be imported:").arg(errors.size());
    if (outcome.files_imported > 0)
        intro = importSummary(outcome) + QStringLiteral(".\n\n") + intro;
    box->setText(intro + QStringLiteral("\n\n") + errors.join(QStringLiteral("\n\n")));
    box->setInformativeText(errors.size() == 1 ? tr("Fix the file and import it again.")
                                               : tr("Fix the files and import them again."));
    error_dialog_ = box;
    box->open();  // window-modal, returns at once: imports never block the caller
}

QMessageBox* WatchlistPanel::lastErrorDialog() const {
    return error_dialog_.data();
}

void WatchlistPanel::updateStatus() {
    QString text;
    if (!store_error_.isEmpty()) {
        text = store_error_;
    } else {
        const int all = model_->rowCount();
        const int shown = proxy_->rowCount();
        const QString symbols = all == 1 ? tr("1 symbol") : tr("%1 symbols").arg(all);
        text = shown == all ? symbols : tr("%1 of %2").arg(shown).arg(symbols);
    }
    if (!import_note_.isEmpty())
        text += QStringLiteral(" · ") + import_note_;
    status_->setText(text);
    QPalette pal = status_->palette();
    pal.setColor(QPalette::WindowText, store_error_.isEmpty() ? theme_.muted_text : theme_.danger);
    status_->setPalette(pal);
}

void WatchlistPanel::chooseFiles() {
    // Exports come as .csv, .txt and .tsv alike; the content decides, so any
    // file may be chosen.
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import price files"), QString(),
        tr("Price files (*.csv *.txt *.tsv *.CSV *.TXT *.TSV);;CSV files (*.csv *.CSV);;"
           "Text files (*.txt *.tsv *.TXT *.TSV);;All files (*)"));
    if (!files.isEmpty())
        openImport(files);
}

void WatchlistPanel::setTheme(const Theme& theme) {
    theme_ = theme;
    model_->setTheme(theme);
    updateStatus();
}

void WatchlistPanel::dragEnterEvent(QDragEnterEvent* event) {
    if (!priceFilesOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void WatchlistPanel::dragMoveEvent(QDragMoveEvent* event) {
    if (!priceFilesOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void WatchlistPanel::dropEvent(QDropEvent* event) {
    const QStringList files = priceFilesOf(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    openImport(files);
}

}  // namespace atc::ui
