// SPDX-License-Identifier: GPL-3.0-or-later
// The family table (bottom dock), as the TradingView indicator's tables: one
// row per MA family with its trend at the last bar (cut(S_t) against the
// thresholds), its Layer-1 signal, its Layer-2 weight and the equity of its nine
// members, each coloured by the member's state; and under it the exponential
// multiplier of the last bar, which warns when La makes recent bars dominate.
#pragma once

#include <QColor>
#include <QString>
#include <QWidget>
#include <memory>

#include "core/symbol_data.hpp"
#include "panels/growth_note.hpp"
#include "theme/theme.hpp"

class QLabel;
class QTableWidget;

namespace atc::ui {

class FamilyTablePanel : public QWidget {
    Q_OBJECT

public:
    // Columns of the table; the nine member columns follow the member order of
    // the result ([B, B+o1..B+o4, B−o1..B−o4]).
    static constexpr int kFamilyColumn = 0;
    static constexpr int kTrendColumn = 1;
    static constexpr int kSignalColumn = 2;
    static constexpr int kWeightColumn = 3;
    static constexpr int kFirstMemberColumn = 4;
    static constexpr int kColumnCount = kFirstMemberColumn + static_cast<int>(kMembersPerFamily);

    explicit FamilyTablePanel(QWidget* parent = nullptr);

    // Shows the last bar of `data`; null clears the table.
    void setData(std::shared_ptr<const SymbolData> symbol);
    void setTheme(const Theme& theme);

    // For tests and the main window. Rows follow atc::MaType (EMA..KAMA).
    QString cellText(int row, int column) const;
    // The colour that carries meaning in a cell: the state colour of the trend,
    // signal and member cells (bull/bear/neutral), the family colour in the
    // family column; invalid where a cell has none (the weight).
    QColor cellColor(int row, int column) const;
    QString cellToolTip(int row, int column) const;
    QString headerText(int column) const;
    QString headerToolTip(int column) const;
    QString multiplierText() const;
    QColor multiplierColor() const;
    GrowthLevel multiplierLevel() const { return note_.level; }
    QString captionText() const;
    QTableWidget* table() const { return table_; }

private:
    void rebuild();
    void showEmpty();
    void fillRow(int row, const AtcResult& r, const FamilyResult& f);
    void setCell(int row, int column, const QString& text, const QColor& meaning,
                 const QString& tip, bool tint_background);

    std::shared_ptr<const SymbolData> data_;
    Theme theme_;
    GrowthNote note_;
    QLabel* caption_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* multiplier_ = nullptr;
};

// "B", "+2", "−4" (a real minus sign) for a member's offset from the base length.
QString offsetLabel(int offset);

}  // namespace atc::ui
