// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/scan_side_proxy.hpp"

#include <cmath>
#include <limits>

#include "scanner/scan_table_model.hpp"

namespace atc::ui {

ScanSideProxy::ScanSideProxy(Direction side, QObject* parent)
    : QSortFilterProxyModel(parent), side_(side) {
    setSortRole(ScanTableModel::kValueRole);
    setDynamicSortFilter(true);
}

void ScanSideProxy::setMinSignal(double min_signal) {
    if (min_signal == min_signal_)
        return;
    min_signal_ = min_signal;
    invalidateRowsFilter();
}

void ScanSideProxy::sortByStrength() {
    sort(ScanTableModel::AverageColumn, Qt::DescendingOrder);
}

void ScanSideProxy::setTieBreak(ScanTieBreak tie) {
    if (tie == tie_)
        return;
    tie_ = tie;
    invalidate();  // re-sorts by the column and order in use
}

double ScanSideProxy::tieScore(const QModelIndex& index) const {
    const auto value = [&index](int column) {
        const QVariant v = index.siblingAtColumn(column).data(ScanTableModel::kValueRole);
        return v.isValid() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
    };
    switch (tie_) {
        case ScanTieBreak::BarsSinceEntry:
            return -value(ScanTableModel::BarsSinceEntryColumn);  // the freshest first
        case ScanTieBreak::FamilyEquity:
            return value(ScanTableModel::StrongestFamilyColumn);
        case ScanTieBreak::ChangeSinceEntry: {
            // The largest move in the table's direction first: up on LONG, down on SHORT.
            const double change = value(ScanTableModel::ChangeSinceEntryColumn);
            return side_ == Direction::Long ? change : -change;
        }
    }
    return std::numeric_limits<double>::quiet_NaN();
}

bool ScanSideProxy::filterAcceptsRow(int source_row, const QModelIndex& source_parent) const {
    const QModelIndex index =
        sourceModel()->index(source_row, ScanTableModel::AverageColumn, source_parent);
    const double average = index.data(ScanTableModel::kValueRole).toDouble();
    const bool on_side = side_ == Direction::Long ? average > 0.0 : average < 0.0;
    return on_side && std::fabs(average) >= min_signal_;
}

bool ScanSideProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const auto name = [](const QModelIndex& i) {
        return i.siblingAtColumn(ScanTableModel::SymbolColumn).data().toString();
    };
    const QVariant a = left.data(ScanTableModel::kValueRole);
    const QVariant b = right.data(ScanTableModel::kValueRole);
    if (left.column() == ScanTableModel::AverageColumn) {
        // Strength, not value: on the SHORT side −0.9 is stronger than −0.2;
        // to the three decimals the table shows, so that +1.000 ties with
        // +0.9996. Equal strengths: by the tie-break, then by name, A first
        // when the strongest come first.
        const double sa = std::round(std::fabs(a.toDouble()) * 1000.0);
        const double sb = std::round(std::fabs(b.toDouble()) * 1000.0);
        if (sa != sb)
            return sa < sb;
        const double ta = tieScore(left);
        const double tb = tieScore(right);
        if (std::isnan(ta) != std::isnan(tb))
            return std::isnan(ta);
        if (ta != tb && !std::isnan(ta))
            return ta < tb;
        return name(left) > name(right);
    }
    if (!a.isValid() || !b.isValid()) {
        // A symbol without a value (no entry yet) sorts below every number.
        if (a.isValid() != b.isValid())
            return !a.isValid();
    } else if (a.typeId() == QMetaType::Double) {
        if (a.toDouble() != b.toDouble())
            return a.toDouble() < b.toDouble();
    } else {
        const int order = QString::localeAwareCompare(a.toString(), b.toString());
        if (order != 0)
            return order < 0;
    }
    return name(left) < name(right);
}

}  // namespace atc::ui
