// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/symbol_import.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeData>
#include <QObject>
#include <QUrl>
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

ImportOutcome importSymbolFiles(const std::filesystem::path& database, const QStringList& files,
                                const ImportControl& control) {
    ImportOutcome out;
    std::optional<store::Database> db;
    try {
        db.emplace(store::Database::connect(database));
    } catch (const std::exception& e) {
        for (const QString& file : files) {
            out.refused_files << QFileInfo(file).fileName();
            out.errors << QObject::tr("%1: the symbol database could not be opened (%2). %3")
                              .arg(QFileInfo(file).fileName(), QString::fromUtf8(e.what()),
                                   nothingImported());
        }
        return out;
    }
    store::SymbolStore symbols(*db);
    const int total = static_cast<int>(files.size());
    for (int k = 0; k < total; ++k) {
        if (control.cancel != nullptr && control.cancel->load()) {
            out.files_cancelled = total - k;
            break;
        }
        const QString& file = files[k];
        const QString file_name = QFileInfo(file).fileName();
        try {
            const store::ImportReport report = store::import_csv_file(
                symbols, std::filesystem::path(QFile::encodeName(file).toStdString()));
            for (const store::ImportedSymbol& s : report.symbols)
                out.imported << QString::fromStdString(s.symbol.meta.name);
            ++out.files_imported;
            for (const std::string& w : report.warnings) {
                out.warnings << QStringLiteral("%1: %2").arg(file_name, QString::fromStdString(w));
            }
        } catch (const CsvError& e) {
            out.refused_files << file_name;
            out.errors << csvMessage(file_name, e);
        } catch (const std::exception& e) {
            // StoreError (locked, disk full, ...) or anything unexpected: the
            // transaction was rolled back, so the file left no trace either.
            out.refused_files << file_name;
            out.errors << QObject::tr("%1: %2 %3")
                              .arg(file_name, sentence(QString::fromUtf8(e.what())),
                                   nothingImported());
        }
        if (control.progress)
            control.progress(k + 1, total);
    }
    return out;
}

QString importSummary(const ImportOutcome& outcome) {
    QStringList parts;
    const int symbols = static_cast<int>(outcome.imported.size());
    if (outcome.files_imported > 0) {
        if (symbols == outcome.files_imported)
            parts << QObject::tr("%1 imported").arg(symbols);
        else if (outcome.files_imported == 1)
            parts << QObject::tr("%1 symbols imported from 1 file").arg(symbols);
        else
            parts << QObject::tr("%1 symbols imported from %2 files")
                         .arg(symbols)
                         .arg(outcome.files_imported);
    }
    if (!outcome.refused_files.isEmpty()) {
        parts << QObject::tr("%1 refused: %2")
                     .arg(outcome.refused_files.size())
                     .arg(outcome.refused_files.join(QStringLiteral(", ")));
    }
    if (outcome.files_cancelled > 0)
        parts << QObject::tr("%1 not read (cancelled)").arg(outcome.files_cancelled);
    if (parts.isEmpty())
        return QObject::tr("Nothing imported");
    QString text = parts.join(QStringLiteral(", "));
    text[0] = text[0].toUpper();
    return text;
}

QStringList priceFilesOf(const QMimeData* mime) {
    QStringList files;
    if (mime == nullptr || !mime->hasUrls())
        return files;
    for (const QUrl& url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo info(url.toLocalFile());
        if (info.isDir()) {
            const QDir dir(info.absoluteFilePath());
            for (const QFileInfo& inside :
                 dir.entryInfoList(QDir::Files | QDir::Readable, QDir::Name))
                files << inside.absoluteFilePath();
        } else if (info.isFile()) {
            files << info.absoluteFilePath();
        }
    }
    return files;
}

QStringList priceLinksOf(const QMimeData* mime) {
    QStringList links;
    if (mime == nullptr || !mime->hasUrls())
        return links;
    for (const QUrl& url : mime->urls()) {
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            links << url.toString();
    }
    return links;
}

}  // namespace atc::ui
