// SPDX-License-Identifier: GPL-3.0-or-later
// Importing price files into the store on a worker thread. Plain functions, so
// the watchlist can run them off the GUI thread and tests can call them directly.
#pragma once

#include <QString>
#include <QStringList>
#include <atomic>
#include <filesystem>
#include <functional>

class QMimeData;

namespace atc::ui {

struct ImportOutcome {
    QStringList imported;       // symbol names saved, in the order of the files
    int files_imported = 0;     // files with every series saved
    QStringList refused_files;  // file names of the rejected files
    QStringList errors;         // one message per rejected file (file, line, problem)
    QStringList warnings;       // things the reader fixed or noticed in accepted files
    int files_cancelled = 0;    // files not read because the user cancelled
};

// How a batch reports progress and learns that the user cancelled. Both may be
// empty. `progress` is called on the worker thread after each file.
struct ImportControl {
    std::function<void(int done, int total)> progress;
    const std::atomic<bool>* cancel = nullptr;  // checked between files
};

// Imports each file (one symbol, or one per ticker for a multi-symbol file,
// detected by content, named after the file or its tickers) with its own
// connection to `database` (SQLite connections are per thread). Each file is
// one transaction: a rejected file leaves the store exactly as it was, and the
// other files are still imported. Never throws.
ImportOutcome importSymbolFiles(const std::filesystem::path& database, const QStringList& files,
                                const ImportControl& control = {});

// One line for the whole batch: "41 imported, 2 refused: a.csv, b.txt" ("3
// symbols from 1 file" for a multi-symbol file, "… 5 cancelled" when stopped).
QString importSummary(const ImportOutcome& outcome);

// The files among dropped URLs: local files of any name (the content decides
// whether they are prices) and the files directly inside dropped folders
// (hidden ones left out), in name order per folder.
QStringList priceFilesOf(const QMimeData* mime);

// The http:// and https:// links among dropped URLs (a link dragged from a
// browser): the window downloads them and imports them as files.
QStringList priceLinksOf(const QMimeData* mime);

}  // namespace atc::ui
