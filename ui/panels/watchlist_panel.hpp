// SPDX-License-Identifier: GPL-3.0-or-later
// The watchlist (left dock): the store's symbols with their last close and
// change, the ATC columns (filled in the background by WatchlistSignalFill),
// sortable by any column, a filter box, price-file import by button, menu or
// drag-and-drop. Listing is two queries on the GUI thread (the symbols, and
// every symbol's last two closes at once);
// imports run on a worker thread with their own connection, so the window
// never waits for a file to be parsed.
#pragma once

#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <atomic>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>

#include "atc/store/database.hpp"
#include "theme/theme.hpp"

class QDragEnterEvent;
class QDragMoveEvent;
class QDropEvent;
class QLabel;
class QLineEdit;
class QMenu;
class QMessageBox;
class QMimeData;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QTableView;
class QThread;

namespace atc::ui {

class ImportPreviewDialog;
class SymbolListModel;
class WatchlistSortProxy;
struct ImportOutcome;

class WatchlistPanel : public QWidget {
    Q_OBJECT

public:
    // `database`: the store's file, already opened once with Database::open
    // (which creates and checks it). The panel keeps its own connection.
    explicit WatchlistPanel(std::filesystem::path database, QWidget* parent = nullptr);
    ~WatchlistPanel() override;  // waits for a running import to finish

    // Reads the list from the store again, keeping the selected symbol.
    void refresh();
    // Selects a symbol (clearing the filter if it hides it) without emitting
    // symbolActivated: the caller already knows. False if the store has no such symbol.
    bool selectSymbol(const QString& name);
    // The selected symbol, or empty.
    QString currentSymbol() const { return current_; }
    // The first symbol of the store's list (real data first), or empty.
    QString firstSymbol() const;
    // Every symbol in the store's order (not filtered).
    QStringList symbols() const;
    // Names as the list shows them now (filtered), top to bottom.
    QStringList visibleSymbols() const;
    // The number of bars the store holds for a symbol; 0 if it has no such symbol.
    std::size_t barCount(const QString& name) const;
    // The timeframe of a symbol's stored bars ("1m"; "" without times or symbol),
    // as imported: what the selector offers until the bars are loaded.
    QString timeframe(const QString& name) const;
    // The symbols downloaded from an exchange with a source record: the ones
    // Update can bring up to date.
    QStringList updatableSymbols() const;
    // The right-click menu over the symbol `name` ("" for none): Update it,
    // Update all downloaded. Deletes itself when closed.
    QMenu* contextMenu(const QString& name);
    // The header's right-click menu: a check box per column (all but Symbol)
    // that shows or hides it. Deletes itself when closed.
    QMenu* columnMenu();

    // What Import… and a drop do: one file opens the import preview (what was
    // detected, the first and last bars; nothing is stored before Import),
    // several files (or a folder) import as a batch with importFiles.
    void openImport(const QStringList& paths);
    // Import…: the file dialog (.csv, .txt, .tsv or any file), then openImport.
    void chooseFiles();
    // The preview opened last, while it is open; null otherwise.
    ImportPreviewDialog* lastPreview() const;
    // Imports price files as a batch (each detected by content; one symbol per
    // file, or per ticker) on a worker thread, with a progress bar and Cancel
    // for more than one file. Calls made while an import runs are queued
    // behind it. When done: the list refreshes, the status line sums it up
    // ("41 imported, 2 refused: …"), importFinished is emitted, errors are
    // shown in a dialog, and the last imported symbol is selected
    // (symbolActivated).
    void importFiles(const QStringList& paths);
    bool isImporting() const { return worker_ != nullptr; }
    // Turns importing off for a database that cannot be written: the button is
    // disabled and says why, and importFiles (a drop) shows `why` for each file
    // instead of failing on the first write.
    void refuseImports(const QString& why);

    void setFilterText(const QString& text);
    void setTheme(const Theme& theme);

    // The error dialog of the last failed import (non-modal, opened with
    // open()); null if none was shown or it was closed.
    QMessageBox* lastErrorDialog() const;
    // Why the store could not be listed, or empty.
    QString storeError() const { return store_error_; }

    QSize sizeHint() const override;

    QTableView* view() const { return view_; }
    // The listed symbols (WatchlistSignalFill fills its ATC columns).
    SymbolListModel* model() const { return model_; }
    QLineEdit* filterEdit() const { return filter_; }
    QPushButton* importButton() const { return import_button_; }

signals:
    void symbolActivated(const QString& name);
    // Update or Update all from the context menu.
    void updateRequested(const QStringList& names);
    void importFinished(const QStringList& imported, const QStringList& errors);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // The width a column's content (and header) needs, and every shown column
    // set to it: when the list changes, not when an answer fills a cell.
    int columnWidth(int column) const;
    void fitColumns();
    void onCurrentChanged(const QModelIndex& current);
    void selectRowSilently(const QString& name);
    void startNextImport();
    void finishImport(const ImportOutcome& outcome);
    void showBatchProgress(int done, int total);
    void showErrors(const ImportOutcome& outcome);
    void updateStatus();

    std::filesystem::path database_path_;
    std::optional<store::Database> db_;  // the GUI thread's connection, for listing
    QString store_error_;
    QString current_;
    bool silent_ = false;     // programmatic selection: no symbolActivated
    QString import_note_;     // last import's result for the status line
    QStringList pending_;     // files waiting for the running import
    QString import_refusal_;  // non-empty: the database cannot be written
    QThread* worker_ = nullptr;
    std::shared_ptr<std::atomic<bool>> batch_cancel_flag_;  // the running batch's
    Theme theme_;

    SymbolListModel* model_ = nullptr;
    WatchlistSortProxy* proxy_ = nullptr;
    QTableView* view_ = nullptr;
    QLineEdit* filter_ = nullptr;
    QPushButton* import_button_ = nullptr;
    QLabel* status_ = nullptr;
    QProgressBar* batch_progress_ = nullptr;
    QPushButton* batch_cancel_ = nullptr;
    QPointer<QMessageBox> error_dialog_;
    QPointer<ImportPreviewDialog> preview_;
};

}  // namespace atc::ui
