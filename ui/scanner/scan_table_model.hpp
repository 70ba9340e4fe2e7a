// SPDX-License-Identifier: GPL-3.0-or-later
// The scanned symbols as a table: symbol, Average signal, trend, last close,
// last entry (date and direction of the last entry marker), bars and price
// change since that entry, the strongest family's Layer-2 equity and the bar
// count. One
// model holds every computed symbol of a scan; the LONG and SHORT tables are two
// ScanSideProxy views of it. Exact numbers stay available (kValueRole) for
// sorting and for tests; the display role is for reading (prices and counts
// grouped, core/number_format.hpp).
#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QString>
#include <limits>
#include <optional>
#include <vector>

#include "atc/result.hpp"
#include "theme/theme.hpp"

namespace atc::ui {

struct ScanOutcome;

// One computed symbol of a scan.
struct ScanTableRow {
    QString symbol;
    double average = 0.0;  // the last Average signal
    Direction trend = Direction::Flat;
    double last_close = 0.0;
    std::optional<EntryMarker> last_marker;
    QString marker_label;  // date (or label) of the marker's bar; empty without a marker
    std::size_t bars = 0;
    // Since the last entry marker (none / NaN without one): bars from it to the
    // last bar, its close, and the plain price change from there to the last
    // close, in %.
    std::optional<std::size_t> bars_since_entry;
    double entry_close = std::numeric_limits<double>::quiet_NaN();
    double change_since_entry = std::numeric_limits<double>::quiet_NaN();
    // The family with the largest Layer-2 equity at the last bar, and that equity.
    std::optional<MaType> strongest_family;
    double strongest_equity = std::numeric_limits<double>::quiet_NaN();
};

// The rows of every symbol the engine computed, in the outcome's order; failed
// and (after a cancel) unreached symbols are left out.
std::vector<ScanTableRow> tableRowsOf(const ScanOutcome& outcome);

class ScanTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column : int {
        SymbolColumn = 0,
        AverageColumn,
        TrendColumn,
        LastCloseColumn,
        LastEntryColumn,
        BarsSinceEntryColumn,
        ChangeSinceEntryColumn,
        StrongestFamilyColumn,
        BarsColumn
    };
    static constexpr int kColumnCount = 9;
    // The exact value behind a cell, for sorting: double for the numbers
    // (Average, close, bars, since the entry, the strongest family's equity),
    // the trend as -1/0/+1, text for the symbol and the entry date ("" without
    // an entry, so those sort together); no value (an invalid QVariant) where
    // a symbol has none, below every number.
    static constexpr int kValueRole = Qt::UserRole + 1;

    explicit ScanTableModel(QObject* parent = nullptr);

    // Replaces every row (a model reset).
    void setRows(std::vector<ScanTableRow> rows);
    const std::vector<ScanTableRow>& rows() const { return rows_; }
    const ScanTableRow& rowAt(int row) const { return rows_.at(static_cast<std::size_t>(row)); }

    // Colours of the long/short text; taken from the theme, made readable on its panel.
    void setTheme(const Theme& theme);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    static bool isNumberColumn(int column);
    QVariant display(const ScanTableRow& row, int column) const;
    QVariant value(const ScanTableRow& row, int column) const;
    QVariant foreground(const ScanTableRow& row, int column) const;
    QString tooltip(const ScanTableRow& row, int column) const;

    std::vector<ScanTableRow> rows_;
    QColor bull_;
    QColor bear_;
    QColor muted_;
};

// "+0.734", "−0.512", "0.000": three decimals, always signed, with a real minus
// sign so positive and negative columns line up.
QString signedSignalText(double average);

// "long", "short", "flat".
QString directionWord(Direction d);
// ▲, ▼ and • as on the price chart's entry markers.
QString directionArrow(Direction d);

}  // namespace atc::ui
