#include "scanner/scan_side_proxy.hpp"

#include <cmath>

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
        // Strength, not value: on the SHORT side −0.9 is stronger than −0.2.
        // Equal strengths: by name, A first when the strongest come first.
        const double sa = std::fabs(a.toDouble());
        const double sb = std::fabs(b.toDouble());
        if (sa != sb)
            return sa < sb;
        return name(left) > name(right);
    }
    if (a.typeId() == QMetaType::Double) {
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
