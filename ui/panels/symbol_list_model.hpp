// SPDX-License-Identifier: GPL-3.0-or-later
// The store's symbols as a table for the watchlist: name, last close, change
// of the last bar, the ATC columns (last Average, bars since the last entry),
// bars, timeframe, date of the last bar and kind, in the store's order (real
// data first, then generated). The model only holds what SymbolStore::list and
// SymbolStore::last_closes returned and the ATC answers it is handed
// (WatchlistSignalFill); it never touches the database nor the engine.
#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "atc/result.hpp"
#include "atc/store/symbol_store.hpp"
#include "theme/theme.hpp"

namespace atc::ui {

// The ATC columns of one symbol, from a scan with the current parameters.
struct SymbolSignal {
    QString error;         // why the engine gave no answer (too few bars, …); empty when computed
    double average = 0.0;  // the last Average signal
    // By the thresholds: Long at or above the long one, Short at or below the short one.
    Direction zone = Direction::Flat;
    std::optional<std::size_t> bars_since_entry;  // none without an entry marker
    Direction entry = Direction::Flat;            // the last entry marker's direction
    QString entry_label;                          // and the date of its bar
};

class SymbolListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column : int {
        NameColumn = 0,
        LastCloseColumn,
        ChangeColumn,
        AverageColumn,
        SinceEntryColumn,
        BarsColumn,
        TimeframeColumn,
        LastBarColumn,
        KindColumn
    };
    static constexpr int kColumnCount = 9;
    // The exact value behind a cell, for sorting: a double for numbers and
    // times, text for the rest; invalid where the cell is unknown (sorts last).
    static constexpr int kValueRole = Qt::UserRole + 1;

    explicit SymbolListModel(QObject* parent = nullptr);

    // Replaces the list (a model reset; views lose their selection).
    // `last_closes`: by SymbolInfo::id; a symbol without one shows "—". The
    // ATC answers of symbols whose bars did not change are kept.
    void setSymbols(std::vector<store::SymbolInfo> symbols,
                    const std::unordered_map<std::int64_t, store::LastCloses>& last_closes);
    const std::vector<store::SymbolInfo>& symbols() const { return symbols_; }
    // Row of a symbol by exact name, or -1.
    int rowOf(const QString& name) const;
    QString nameAt(int row) const;

    // The ATC answers of some symbols (by name; names not listed are ignored).
    void setSignals(const std::vector<std::pair<QString, SymbolSignal>>& answers);
    // Forgets every ATC answer (the parameters changed): the cells are empty.
    void clearSignals();
    // The answer shown in a row, if it has one.
    const std::optional<SymbolSignal>& signalAt(int row) const;

    // Colours: long, short and secondary text, readable on the theme's panel.
    void setTheme(const Theme& theme);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(std::size_t row, int column) const;
    QVariant value(std::size_t row, int column) const;
    QVariant foreground(std::size_t row, int column) const;
    QString tooltip(std::size_t row, int column) const;
    std::optional<double> change(std::size_t row) const;

    std::vector<store::SymbolInfo> symbols_;
    std::vector<std::optional<store::LastCloses>> last_closes_;  // by row
    std::vector<std::optional<SymbolSignal>> signals_;           // by row; none while unknown
    QColor muted_;
    QColor bull_;
    QColor bear_;
};

// "2024-01-31" for daily and slower data, "2024-01-31 15:30" for intraday
// timeframes, "—" when the bars have no time.
QString lastDateText(const store::SymbolInfo& info);

}  // namespace atc::ui
