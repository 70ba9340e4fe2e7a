// The store's symbols as a table for the watchlist: name, last close, bars,
// timeframe, date of the last bar and kind, in the store's order (real data
// first, then generated). The model only holds what SymbolStore::list and
// SymbolStore::last_closes returned; it never touches the database.
#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "atc/store/symbol_store.hpp"

namespace atc::ui {

class SymbolListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column : int {
        NameColumn = 0,
        LastCloseColumn,
        BarsColumn,
        TimeframeColumn,
        LastBarColumn,
        KindColumn
    };
    static constexpr int kColumnCount = 6;

    explicit SymbolListModel(QObject* parent = nullptr);

    // Replaces the list (a model reset; views lose their selection).
    // `last_closes`: by SymbolInfo::id; a symbol without one shows "—".
    void setSymbols(std::vector<store::SymbolInfo> symbols,
                    const std::unordered_map<std::int64_t, double>& last_closes);
    const std::vector<store::SymbolInfo>& symbols() const { return symbols_; }
    // Row of a symbol by exact name, or -1.
    int rowOf(const QString& name) const;
    QString nameAt(int row) const;

    // Colour of secondary text (the kind column): the theme's muted text.
    void setMutedColor(const QColor& color);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<store::SymbolInfo> symbols_;
    std::vector<std::optional<double>> last_closes_;  // by row
    QColor muted_;
};

// "2024-01-31" for daily and slower data, "2024-01-31 15:30" for intraday
// timeframes, "—" when the bars have no time.
QString lastDateText(const store::SymbolInfo& info);

}  // namespace atc::ui
