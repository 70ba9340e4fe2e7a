// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/scan_table_model.hpp"

#include <QFont>
#include <cmath>

#include "atc/scan_ranking.hpp"
#include "charts/chart_format.hpp"
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
        row.bars_since_entry = bars_since_entry(scan->row);
        row.entry_close = scan->row.entry_close;
        row.change_since_entry = change_since_entry_percent(scan->row);
        row.strongest_family = strongest_family(scan->row);
        if (row.strongest_family)
            row.strongest_equity =
                scan->row.family_equity[static_cast<std::size_t>(*row.strongest_family)];
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
            return isNumberColumn(index.column()) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                  : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
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

bool ScanTableModel::isNumberColumn(int column) {
    switch (column) {
        case AverageColumn:
        case LastCloseColumn:
        case BarsSinceEntryColumn:
        case ChangeSinceEntryColumn:
        case BarsColumn:
            return true;
        default:
            return false;
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
        case BarsSinceEntryColumn:
            return row.bars_since_entry ? groupedCount(*row.bars_since_entry) : QStringLiteral("—");
        case ChangeSinceEntryColumn:
            return signedPercent(row.change_since_entry);
        case StrongestFamilyColumn:
            return row.strongest_family
                       ? familyEquityText(*row.strongest_family, row.strongest_equity)
                       : QStringLiteral("—");
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
        case BarsSinceEntryColumn:
            return row.bars_since_entry ? QVariant(static_cast<double>(*row.bars_since_entry))
                                        : QVariant();
        case ChangeSinceEntryColumn:
            return row.last_marker ? QVariant(row.change_since_entry) : QVariant();
        case StrongestFamilyColumn:
            return row.strongest_family ? QVariant(row.strongest_equity) : QVariant();
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
        case ChangeSinceEntryColumn:
            // Up green, down red, as a price change reads on any chart.
            if (!std::isfinite(row.change_since_entry))
                return muted_;
            return colour_of(row.change_since_entry > 0.0   ? Direction::Long
                             : row.change_since_entry < 0.0 ? Direction::Short
                                                            : Direction::Flat);
        case BarsSinceEntryColumn:
            return row.last_marker ? QVariant() : QVariant(muted_);
        case StrongestFamilyColumn:
            return row.strongest_family ? QVariant() : QVariant(muted_);
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
                .arg(*row.bars_since_entry)
                .arg(row.last_marker->bar)
                .arg(signedSignalText(row.last_marker->average));
        case BarsSinceEntryColumn:
        case ChangeSinceEntryColumn:
            if (!row.last_marker)
                return tr("No entry marker: the Average never crossed a threshold");
            return tr("Since the %1 entry on %2: %3 bars, the close from %4 to %5 (%6)")
                .arg(directionWord(row.last_marker->direction), row.marker_label)
                .arg(groupedCount(*row.bars_since_entry))
                .arg(tablePrice(row.entry_close), tablePrice(row.last_close),
                     signedPercent(row.change_since_entry));
        case StrongestFamilyColumn:
            if (!row.strongest_family)
                return tr("No family equity yet: the series ends before the cutout");
            return tr("%1 has the largest Layer-2 equity at the last bar: %2")
                .arg(familyLabel(*row.strongest_family), groupedNumber(row.strongest_equity, 6));
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
            // Two lines, so that nine columns fit side by side.
            case BarsSinceEntryColumn:
                return tr("Bars since\nentry");
            case ChangeSinceEntryColumn:
                return tr("Chg % since\nentry");
            case StrongestFamilyColumn:
                return tr("Strongest\nfamily");
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
            case BarsSinceEntryColumn:
                return tr(
                    "Bars from the last entry marker to the last bar (0: it is the last bar)");
            case ChangeSinceEntryColumn:
                return tr("Price change from the close at the last entry marker to the last close");
            case StrongestFamilyColumn:
                return tr(
                    "The family with the largest Layer-2 equity at the last bar, and that "
                    "equity");
            case BarsColumn:
                return tr("Number of bars computed");
            default:
                return {};
        }
    }
    if (role == Qt::TextAlignmentRole && isNumberColumn(section))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    // A first click on Average goes back to the ranking, strongest first;
    // the other columns start ascending (smallest first, ▲).
    if (role == Qt::InitialSortOrderRole && section == AverageColumn)
        return static_cast<int>(Qt::DescendingOrder);
    return {};
}

}  // namespace atc::ui
