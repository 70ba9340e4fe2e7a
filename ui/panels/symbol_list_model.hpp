// The store's symbols as a table for the watchlist: name, bars, timeframe, last
// date and kind, in the store's order (real data first, then generated). The
// model only holds what SymbolStore::list returned; it never touches the database.
#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <vector>

#include "atc/store/symbol_store.hpp"

namespace atc::ui {

class SymbolListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column : int { NameColumn = 0, BarsColumn, TimeframeColumn, LastDateColumn, KindColumn };
    static constexpr int kColumnCount = 5;

    explicit SymbolListModel(QObject* parent = nullptr);

    // Replaces the list (a model reset; views lose their selection).
    void setSymbols(std::vector<store::SymbolInfo> symbols);
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
    QColor muted_;
};

// "2024-01-31" for daily and slower data, "2024-01-31 15:30" for intraday
// timeframes, "—" when the bars have no time.
QString lastDateText(const store::SymbolInfo& info);

}  // namespace atc::ui
