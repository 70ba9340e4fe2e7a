#include "scanner/scan_table_model.hpp"

#include <QFont>
#include <cmath>

#include "core/engine_service.hpp"
#include "core/number_format.hpp"
#include "panels/contrast.hpp"

namespace atc::ui {

QString directionWord(Direction d) {
    switch (d) {
        case Direction::Long:
            return QObject::tr("long");
        case Direction::Short:
            return QObject::tr("short");
        default:
            return QObject::tr("flat");
    }
}

QString directionArrow(Direction d) {
    return d == Direction::Long    ? QStringLiteral("▲")
           : d == Direction::Short ? QStringLiteral("▼")
                                   : QStringLiteral("•");
}

QString signedSignalText(double average) {
    const QString digits = QString::number(std::fabs(average), 'f', 3);
    if (digits == QStringLiteral("0.000"))
        return digits;
    return (average > 0 ? QStringLiteral("+") : QStringLiteral("−")) + digits;
}

std::vector<ScanTableRow> tableRowsOf(const ScanOutcome& outcome) {
    std::vector<ScanTableRow> rows;
    rows.reserve(outcome.results.size());
    for (std::size_t i = 0; i < outcome.results.size(); ++i) {
        const std::shared_ptr<const SymbolScan>& scan = outcome.results[i];
        if (!scan || !scan->ok())
            continue;
        const auto slot = static_cast<qsizetype>(i);
        ScanTableRow row;
        row.symbol = outcome.names.value(slot);
        row.average = scan->row.average;
        row.trend = scan->row.trend;
        row.last_close = outcome.last_close[i];
        row.last_marker = scan->row.last_marker;
        row.marker_label = outcome.marker_labels.value(slot);
        row.bars = scan->row.bars;
        rows.push_back(std::move(row));
    }
    return rows;
}

ScanTableModel::ScanTableModel(QObject* parent) : QAbstractTableModel(parent) {
    setTheme(darkTheme());
}

void ScanTableModel::setRows(std::vector<ScanTableRow> rows) {
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

void ScanTableModel::setTheme(const Theme& theme) {
    // The state colours are made for chart lines; as text on the panel they
    // must stay readable in both themes.
    bull_ = readableOn(theme.bull, theme.panel, theme.text, 4.0);
    bear_ = readableOn(theme.bear, theme.panel, theme.text, 4.0);
    muted_ = theme.muted_text;
    if (!rows_.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, kColumnCount - 1),
                         {Qt::ForegroundRole});
    }
}

int ScanTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ScanTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant ScanTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || static_cast<std::size_t>(index.row()) >= rows_.size())
        return {};
    const ScanTableRow& row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            return display(row, index.column());
        case kValueRole:
            return value(row, index.column());
        case Qt::ForegroundRole:
            return foreground(row, index.column());
        case Qt::ToolTipRole:
            return tooltip(row, index.column());
        case Qt::TextAlignmentRole:
            // Numbers right-aligned so their decimal points line up.
            if (index.column() == AverageColumn || index.column() == LastCloseColumn ||
                index.column() == BarsColumn) {
                return QVariant(Qt::AlignRight | Qt::AlignVCenter);
            }
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        case Qt::FontRole:
            if (index.column() == SymbolColumn) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        default:
            return {};
    }
}

QVariant ScanTableModel::display(const ScanTableRow& row, int column) const {
    switch (column) {
        case SymbolColumn:
            return row.symbol;
        case AverageColumn:
            return signedSignalText(row.average);
        case TrendColumn:
            return directionArrow(row.trend) + QLatin1Char(' ') + directionWord(row.trend);
        case LastCloseColumn:
            return tablePrice(row.last_close);
        case LastEntryColumn:
            if (!row.last_marker)
                return QStringLiteral("—");
            return directionArrow(row.last_marker->direction) + QLatin1Char(' ') + row.marker_label;
        case BarsColumn:
            return groupedCount(row.bars);
        default:
            return {};
    }
}

QVariant ScanTableModel::value(const ScanTableRow& row, int column) const {
    switch (column) {
        case SymbolColumn:
            return row.symbol;
        case AverageColumn:
            return row.average;
        case TrendColumn:
            return static_cast<double>(row.trend);
        case LastCloseColumn:
            return row.last_close;
        case LastEntryColumn:
            return row.last_marker ? row.marker_label : QString();
        case BarsColumn:
            return static_cast<double>(row.bars);
        default:
            return {};
    }
}

QVariant ScanTableModel::foreground(const ScanTableRow& row, int column) const {
    const auto colour_of = [this](Direction d) -> QVariant {
        if (d == Direction::Long)
            return bull_;
        if (d == Direction::Short)
            return bear_;
        return muted_;
    };
    switch (column) {
        case AverageColumn:
        case TrendColumn:
            return colour_of(row.trend);
        case LastEntryColumn:
            return row.last_marker ? colour_of(row.last_marker->direction) : QVariant(muted_);
        case BarsColumn:
            return muted_;  // background information
        default:
            return {};
    }
}

QString ScanTableModel::tooltip(const ScanTableRow& row, int column) const {
    switch (column) {
        case AverageColumn:
            return tr("Average signal at the last bar: %1 (−1 all families short, +1 all long)")
                .arg(row.average, 0, 'f', 6);
        case LastEntryColumn:
            if (!row.last_marker)
                return tr("No entry marker: the Average never crossed a threshold");
            return tr("%1 entry on %2, %3 bars ago (bar %4), Average %5 then")
                .arg(directionWord(row.last_marker->direction), row.marker_label)
                .arg(row.bars - 1 - row.last_marker->bar)
                .arg(row.last_marker->bar)
                .arg(signedSignalText(row.last_marker->average));
        default:
            return tr("Double-click to open %1's chart").arg(row.symbol);
    }
}

QVariant ScanTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
            case SymbolColumn:
                return tr("Symbol");
            case AverageColumn:
                return tr("Average");
            case TrendColumn:
                return tr("Trend");
            case LastCloseColumn:
                return tr("Last close");
            case LastEntryColumn:
                return tr("Last entry");
            case BarsColumn:
                return tr("Bars");
            default:
                return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
            case AverageColumn:
                return tr(
                    "The Average signal at the last bar; the table is ranked by its "
                    "strength |Average|");
            case TrendColumn:
                return tr("Sign of the last Average signal");
            case LastEntryColumn:
                return tr("Direction and date of the last entry marker (▲ long, ▼ short)");
            case BarsColumn:
                return tr("Number of bars computed");
            default:
                return {};
        }
    }
    if (role == Qt::TextAlignmentRole &&
        (section == AverageColumn || section == LastCloseColumn || section == BarsColumn)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    // A first click on Average goes back to the ranking, strongest first;
    // the other columns start ascending (smallest first, ▲).
    if (role == Qt::InitialSortOrderRole && section == AverageColumn)
        return static_cast<int>(Qt::DescendingOrder);
    return {};
}

}  // namespace atc::ui
