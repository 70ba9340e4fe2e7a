#include "panels/symbol_import.hpp"

#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <exception>
#include <optional>

#include "atc/price_csv.hpp"
#include "atc/store/database.hpp"
#include "atc/store/importer.hpp"
#include "atc/store/symbol_store.hpp"

namespace atc::ui {
namespace {

QString nothingImported() {
    return QObject::tr("Nothing was imported from this file.");
}

// Messages are whole sentences in the dialog; some engine messages already end
// with a full stop.
QString sentence(QString text) {
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

// "bad.csv, line 3: close is "x", not a number. Nothing was imported ..." — the
// reader's problem already names the column where one is at fault.
QString csvMessage(const QString& file_name, const CsvError& e) {
    const QString problem = QString::fromStdString(e.problem());
    const QString where =
        e.line() > 0 ? QObject::tr("%1, line %2").arg(file_name).arg(e.line()) : file_name;
    return QObject::tr("%1: %2 %3").arg(where, sentence(problem), nothingImported());
}

}  // namespace

ImportOutcome importSymbolFiles(const std::filesystem::path& database, const QStringList& files) {
    ImportOutcome out;
    std::optional<store::Database> db;
    try {
        db.emplace(store::Database::connect(database));
    } catch (const std::exception& e) {
        for (const QString& file : files) {
            out.errors << QObject::tr("%1: the symbol database could not be opened (%2). %3")
                              .arg(QFileInfo(file).fileName(), QString::fromUtf8(e.what()),
                                   nothingImported());
        }
        return out;
    }
    store::SymbolStore symbols(*db);
    for (const QString& file : files) {
        const QString file_name = QFileInfo(file).fileName();
        try {
            const store::ImportReport report = store::import_csv_file(
                symbols, std::filesystem::path(QFile::encodeName(file).toStdString()));
            for (const store::ImportedSymbol& imported : report.symbols)
                out.imported << QString::fromStdString(imported.symbol.meta.name);
            for (const std::string& w : report.warnings) {
                out.warnings << QStringLiteral("%1: %2").arg(file_name, QString::fromStdString(w));
            }
        } catch (const CsvError& e) {
            out.errors << csvMessage(file_name, e);
        } catch (const std::exception& e) {
            // StoreError (locked, disk full, ...) or anything unexpected: the
            // transaction was rolled back, so the file left no trace either.
            out.errors << QObject::tr("%1: %2 %3")
                              .arg(file_name, sentence(QString::fromUtf8(e.what())),
                                   nothingImported());
        }
    }
    return out;
}

}  // namespace atc::ui
