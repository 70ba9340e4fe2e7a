// SPDX-License-Identifier: GPL-3.0-or-later
// One side of a scan, as the LONG or the SHORT table shows it: the symbols whose
// last Average has that sign and at least the minimum strength |Average|,
// ranked strongest first. Strengths equal to the three decimals shown are
// ranked by the chosen tie-break (scan_tie_break.hpp), then by symbol.
// Clicking a header re-sorts by that column; numbers sort as numbers, and a
// symbol without a value (no entry yet) below every number.
#pragma once

#include <QSortFilterProxyModel>

#include "atc/result.hpp"
#include "scanner/scan_tie_break.hpp"

namespace atc::ui {

class ScanSideProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    // `side`: Direction::Long (Average > 0) or Direction::Short (Average < 0).
    explicit ScanSideProxy(Direction side, QObject* parent = nullptr);

    Direction side() const { return side_; }
    // Shows only |Average| >= `min_signal` (0 shows the whole side).
    void setMinSignal(double min_signal);
    double minSignal() const { return min_signal_; }

    // Back to the ranking: strongest first.
    void sortByStrength();

    // How equal strengths are ranked; re-sorts.
    void setTieBreak(ScanTieBreak tie);
    ScanTieBreak tieBreak() const { return tie_; }

protected:
    bool filterAcceptsRow(int source_row, const QModelIndex& source_parent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    // A row's rank among equal strengths by the tie-break: larger ranks
    // higher; NaN (no entry, no family equity yet) ranks below every number.
    double tieScore(const QModelIndex& index) const;

    Direction side_;
    ScanTieBreak tie_ = ScanTieBreak::BarsSinceEntry;
    double min_signal_ = 0.0;
};

}  // namespace atc::ui
