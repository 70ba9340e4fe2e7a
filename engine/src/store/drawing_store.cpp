// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/store/drawing_store.hpp"

#include <cmath>
#include <optional>

namespace atc::store {
namespace {

bool known_kind(std::int64_t kind) {
    return kind >= 0 && kind < kDrawingKindCount;
}

// Why a row cannot be drawn; nullopt when it can.
std::optional<std::string> row_problem(const Statement& row) {
    if (!known_kind(row.int64(1)))
        return "its kind (" + std::to_string(row.int64(1)) + ") is not one this version draws";
    for (const int column : {4, 6}) {
        if (row.is_null(column) || !std::isfinite(row.real(column)))
            return std::string("a price is not a number");
    }
    return std::nullopt;
}

}  // namespace

LoadedDrawings DrawingStore::load(std::string_view symbol) {
    LoadedDrawings loaded;
    Statement q(db_,
                "SELECT id, kind, by_bar, x1, price1, x2, price2, extend_right FROM drawings "
                "WHERE symbol = ? ORDER BY position, id");
    q.bind(1, symbol);
    while (q.step()) {
        if (const std::optional<std::string> problem = row_problem(q)) {
            loaded.skipped.push_back("drawing " + std::to_string(q.int64(0)) + " of " +
                                     std::string(symbol) + " was skipped: " + *problem);
            continue;
        }
        Drawing d;
        d.kind = static_cast<DrawingKind>(q.int64(1));
        d.by_bar = q.int64(2) != 0;
        d.start = {q.int64(3), q.real(4)};
        d.end = {q.int64(5), q.real(6)};
        d.extend_right = q.int64(7) != 0;
        loaded.drawings.push_back(d);
    }
    return loaded;
}

void DrawingStore::save(std::string_view symbol, std::span<const Drawing> drawings) {
    for (const Drawing& d : drawings) {
        if (!known_kind(static_cast<std::int64_t>(d.kind)) || !std::isfinite(d.start.price) ||
            !std::isfinite(d.end.price))
            throw StoreError("a drawing of " + std::string(symbol) +
                             " has an unknown kind or a price that is not a number; nothing "
                             "was saved");
    }
    Transaction tx(db_);
    Statement clear(db_, "DELETE FROM drawings WHERE symbol = ?");
    clear.bind(1, symbol).run();
    Statement insert(db_,
                     "INSERT INTO drawings(symbol, position, kind, by_bar, x1, price1, x2, price2, "
                     "extend_right) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::int64_t position = 0;
    for (const Drawing& d : drawings) {
        insert.bind(1, symbol)
            .bind(2, position++)
            .bind(3, static_cast<std::int64_t>(d.kind))
            .bind(4, std::int64_t{d.by_bar ? 1 : 0})
            .bind(5, d.start.x)
            .bind(6, d.start.price)
            .bind(7, d.end.x)
            .bind(8, d.end.price)
            .bind(9, std::int64_t{d.extend_right ? 1 : 0});
        insert.run();
        insert.reset();
    }
    tx.commit();
}

}  // namespace atc::store
