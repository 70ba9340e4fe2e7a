#include "panels/watchlist_panel.hpp"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <exception>
#include <unordered_map>

#include "atc/store/symbol_store.hpp"
#include "panels/symbol_import.hpp"
#include "panels/symbol_list_model.hpp"

namespace atc::ui {

QStringList csvFilesOf(const QMimeData* mime) {
    QStringList files;
    if (mime == nullptr || !mime->hasUrls())
        return files;
    for (const QUrl& url : mime->urls()) {
        const QString path = url.toLocalFile();
        if (url.isLocalFile() && path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) {
            files << path;
        }
    }
    return files;
}

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
        tr("Import CSV price files, one symbol per file (named after the "
           "file). You can also drop .csv files onto the list."));

    model_ = new SymbolListModel(this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setFilterKeyColumn(SymbolListModel::NameColumn);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);

    view_ = new QTableView;
    view_->setObjectName(QStringLiteral("watchlistView"));
    view_->setModel(proxy_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setSortingEnabled(false);  // the store's order (real data first) is the order
    view_->setShowGrid(false);
    view_->setWordWrap(false);
    view_->setAlternatingRowColors(true);
    view_->verticalHeader()->setVisible(false);
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    QHeaderView* header = view_->horizontalHeader();
    header->setHighlightSections(false);
    // Every column as wide as its content (names are never cut); the kind, the
    // least important, takes what is left.
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SymbolListModel::KindColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(24);

    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("watchlistStatus"));
    status_->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(filter_, 1);
    top->addWidget(import_button_);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(6, 6, 6, 6);
    column->setSpacing(6);
    column->addLayout(top);
    column->addWidget(view_, 1);
    column->addWidget(status_);

    connect(filter_, &QLineEdit::textChanged, this, &WatchlistPanel::setFilterText);
    connect(import_button_, &QPushButton::clicked, this, &WatchlistPanel::chooseFiles);
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
    if (worker_ != nullptr)
        worker_->wait();
}

void WatchlistPanel::refresh() {
    std::vector<store::SymbolInfo> list;
    std::unordered_map<std::int64_t, double> last_closes;
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
    if (model_->rowOf(current_) < 0)
        current_.clear();  // removed meanwhile
    selectRowSilently(current_);
    updateStatus();
}

QSize WatchlistPanel::sizeHint() const {
    // Wide enough for every column without cutting names, so the dock opens
    // at a useful width.
    const QAbstractItemView* items = view_;  // QTableView hides sizeHintForColumn
    int width = 0;
    for (int c = 0; c < SymbolListModel::kColumnCount; ++c) {
        width +=
            std::max(items->sizeHintForColumn(c), view_->horizontalHeader()->sectionSizeHint(c));
    }
    width += view_->verticalScrollBar()->sizeHint().width() + 2 * view_->frameWidth() + 12 + 8;
    return {std::max(width, QWidget::sizeHint().width()), QWidget::sizeHint().height()};
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
        QStringList errors;
        for (const QString& path : paths)
            errors << tr("%1: not imported: %2.").arg(QFileInfo(path).fileName(), import_refusal_);
        import_note_ = tr("Importing is off.");
        updateStatus();
        showErrors(errors);
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

void WatchlistPanel::startNextImport() {
    const QStringList files = pending_;
    pending_.clear();
    auto outcome = std::make_shared<ImportOutcome>();
    // The worker captures only values: the database path, the file names and
    // the shared outcome it fills. The result comes back through finished(),
    // which Qt delivers on the GUI thread.
    worker_ = QThread::create([database = database_path_, files, outcome] {
        *outcome = importSymbolFiles(database, files);
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
    updateStatus();
    worker_->start();
}

void WatchlistPanel::finishImport(const ImportOutcome& outcome) {
    refresh();
    QStringList parts;
    if (!outcome.imported.isEmpty())
        parts << tr("Imported %1.").arg(outcome.imported.join(QStringLiteral(", ")));
    if (!outcome.errors.isEmpty()) {
        parts << (outcome.errors.size() == 1 ? tr("1 file rejected.")
                                             : tr("%1 files rejected.").arg(outcome.errors.size()));
    }
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
        showErrors(outcome.errors);
    // The user chose to import it: show it, as a click on it would.
    if (switched)
        emit symbolActivated(last);
}

void WatchlistPanel::showErrors(const QStringList& errors) {
    if (error_dialog_)
        error_dialog_->close();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Import failed"), QString(),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("importErrorDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    const QString intro = errors.size() == 1
                              ? tr("This file could not be imported:")
                              : tr("These %1 files could not be imported:").arg(errors.size());
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
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import price files"), QString(), tr("CSV files (*.csv *.CSV);;All files (*)"));
    importFiles(files);
}

void WatchlistPanel::setTheme(const Theme& theme) {
    theme_ = theme;
    model_->setMutedColor(theme.muted_text);
    updateStatus();
}

void WatchlistPanel::dragEnterEvent(QDragEnterEvent* event) {
    if (!csvFilesOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void WatchlistPanel::dragMoveEvent(QDragMoveEvent* event) {
    if (!csvFilesOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void WatchlistPanel::dropEvent(QDropEvent* event) {
    const QStringList files = csvFilesOf(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    importFiles(files);
}

}  // namespace atc::ui
