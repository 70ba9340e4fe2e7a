// Importing CSV files into the store on a worker thread. A plain function, so
// the watchlist can run it off the GUI thread and tests can call it directly.
#pragma once

#include <QString>
#include <QStringList>
#include <filesystem>

namespace atc::ui {

struct ImportOutcome {
    QStringList imported;  // symbol names saved, in the order of the files
    QStringList errors;    // one message per rejected file (file, line, problem)
    QStringList warnings;  // things the reader fixed or noticed in accepted files
};

// Imports each file as one symbol (named after the file) with its own
// connection to `database` (SQLite connections are per thread). Each file is
// one transaction: a rejected file leaves the store exactly as it was, and the
// other files are still imported. Never throws.
ImportOutcome importSymbolFiles(const std::filesystem::path& database, const QStringList& files);

}  // namespace atc::ui
