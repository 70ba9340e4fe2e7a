// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/drawing_book.hpp"

#include <QStringList>
#include <QtDebug>
#include <exception>

namespace atc::ui {

DrawingBook::DrawingBook(std::filesystem::path database, QObject* parent)
    : QObject(parent), path_(std::move(database)) {}

store::Database* DrawingBook::database() {
    if (!db_) {
        try {
            db_.emplace(store::Database::connect(path_));
        } catch (const std::exception& e) {
            emit problem(tr("Drawings cannot be kept: %1").arg(QString::fromUtf8(e.what())));
            return nullptr;
        }
    }
    return &*db_;
}

std::vector<store::Drawing> DrawingBook::load(const QString& symbol) {
    store::Database* db = database();
    if (db == nullptr)
        return {};
    try {
        store::LoadedDrawings loaded = store::DrawingStore(*db).load(symbol.toStdString());
        if (!loaded.skipped.empty()) {
            QStringList reasons;
            for (const std::string& reason : loaded.skipped)
                reasons << QString::fromStdString(reason);
            qWarning().noquote() << reasons.join(QLatin1Char('\n'));
            emit problem(reasons.join(QStringLiteral("; ")));
        }
        return std::move(loaded.drawings);
    } catch (const std::exception& e) {
        emit problem(tr("The drawings of %1 could not be read: %2")
                         .arg(symbol, QString::fromUtf8(e.what())));
        return {};
    }
}

void DrawingBook::save(const QString& symbol, const std::vector<store::Drawing>& drawings) {
    store::Database* db = database();
    if (db == nullptr)
        return;
    try {
        store::DrawingStore(*db).save(symbol.toStdString(), drawings);
    } catch (const std::exception& e) {
        emit problem(tr("The drawings of %1 could not be saved: %2")
                         .arg(symbol, QString::fromUtf8(e.what())));
    }
}

}  // namespace atc::ui
