// SPDX-License-Identifier: GPL-3.0-or-later
// The watchlist as its table shows it: filtered by the name typed in its box
// (case-insensitive), in the store's order until a header is clicked, then by
// that column's value (SymbolListModel::kValueRole): numbers as numbers, and
// cells not known yet (an ATC column still filling, a symbol of one bar) last
// in either direction. Rows of equal value keep the store's order.
#pragma once

#include <QSortFilterProxyModel>

namespace atc::ui {

class WatchlistSortProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit WatchlistSortProxy(QObject* parent = nullptr);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

}  // namespace atc::ui
