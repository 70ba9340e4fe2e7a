// SPDX-License-Identifier: GPL-3.0-or-later
// The window's access to the drawings kept in the database
// (store::DrawingStore): a symbol's drawings when it is shown, and a save after
// every change. A database that cannot be read or written (read-only, full,
// locked) costs the drawings' persistence, never the chart: the problem is
// told through problem() and the drawings stay on screen.
#pragma once

#include <QObject>
#include <QString>
#include <filesystem>
#include <optional>
#include <vector>

#include "atc/store/database.hpp"
#include "atc/store/drawing_store.hpp"

namespace atc::ui {

class DrawingBook : public QObject {
    Q_OBJECT

public:
    DrawingBook(std::filesystem::path database, QObject* parent = nullptr);

    // The drawings of `symbol` (its base name); rows the store skipped are
    // told through problem(), one message for all.
    std::vector<store::Drawing> load(const QString& symbol);

public slots:
    void save(const QString& symbol, const std::vector<atc::store::Drawing>& drawings);

signals:
    void problem(const QString& message);

private:
    // The connection, opened at first use; nullptr (and problem() told) when it cannot be.
    store::Database* database();

    std::filesystem::path path_;
    std::optional<store::Database> db_;
};

}  // namespace atc::ui
