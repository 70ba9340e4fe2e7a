// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/watchlist_sort_proxy.hpp"

#include "panels/symbol_list_model.hpp"

namespace atc::ui {

WatchlistSortProxy::WatchlistSortProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setFilterKeyColumn(SymbolListModel::NameColumn);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(SymbolListModel::kValueRole);
    // Cells that fill in while sorted by their column move to their place.
    setDynamicSortFilter(true);
}

bool WatchlistSortProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    // Descending sorts by lessThan(right, left): what must come last in both
    // directions is "greater" ascending and "smaller" descending.
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    if (a.isValid() != b.isValid())
        return ascending ? a.isValid() : b.isValid();
    if (a.isValid()) {
        if (a.typeId() == QMetaType::Double) {
            if (a.toDouble() != b.toDouble())
                return a.toDouble() < b.toDouble();
        } else if (const int order = QString::localeAwareCompare(a.toString(), b.toString());
                   order != 0) {
            return order < 0;
        }
    }
    // Equal (or both unknown): the store's order, whichever the direction.
    return ascending ? left.row() < right.row() : left.row() > right.row();
}

}  // namespace atc::ui
