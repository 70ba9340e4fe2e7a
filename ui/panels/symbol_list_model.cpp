// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/symbol_list_model.hpp"

#include <QDateTime>
#include <QFont>
#include <QTimeZone>
#include <algorithm>
#include <string>
#include <utility>

#include "atc/timeframe.hpp"
#include "core/number_format.hpp"
#include "core/qt_text.hpp"
#include "panels/contrast.hpp"
#include "report/report_text.hpp"
#include "scanner/scan_table_model.hpp"

namespace atc::ui {
namespace {

bool isIntraday(const std::string& timeframe) {
    return !timeframe.empty() &&
           (timeframe.back() == 'h' || timeframe.back() == 'm' || timeframe.back() == 's');
}

QString dateText(std::int64_t ms, bool intraday) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return t.toString(intraday ? QStringLiteral("yyyy-MM-dd hh:mm") : QStringLiteral("yyyy-MM-dd"));
}

QString symbolTooltip(const store::SymbolInfo& s) {
    const bool intraday = isIntraday(s.meta.timeframe);
    QString range;
    if (s.first_time_ms && s.last_time_ms) {
        range = QObject::tr("%1 to %2")
                    .arg(dateText(*s.first_time_ms, intraday), dateText(*s.last_time_ms, intraday));
    }
    QStringList lines;
    lines << QStringLiteral("<b>%1</b> — %2")
                 .arg(qs(s.meta.name).toHtmlEscaped(),
                      qs(store::symbol_origin(s.meta)).toHtmlEscaped());
    lines << QObject::tr("%1 bars%2%3")
                 .arg(s.bar_count)
                 .arg(s.meta.timeframe.empty() ? QString()
                                               : QStringLiteral(", ") + qs(s.meta.timeframe))
                 .arg(range.isEmpty() ? QString() : QStringLiteral(", ") + range);
    if (!s.meta.provenance.empty())
        lines << qs(s.meta.provenance).toHtmlEscaped();
    if (!s.meta.source.empty())
        lines << QObject::tr("Source: %1").arg(qs(s.meta.source).toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

}  // namespace

QString lastDateText(const store::SymbolInfo& info) {
    if (!info.last_time_ms)
        return QStringLiteral("—");
    return dateText(*info.last_time_ms, isIntraday(info.meta.timeframe));
}

SymbolListModel::SymbolListModel(QObject* parent) : QAbstractTableModel(parent) {
    setTheme(darkTheme());
}

void SymbolListModel::setSymbols(
    std::vector<store::SymbolInfo> symbols,
    const std::unordered_map<std::int64_t, store::LastCloses>& last_closes) {
    // An answer stays while its symbol's bars are the same: a refresh after
    // importing one file does not empty the other rows' cells.
    std::unordered_map<std::string, std::pair<std::int64_t, std::optional<SymbolSignal>>> kept;
    for (std::size_t row = 0; row < symbols_.size(); ++row) {
        if (signals_[row])
            kept.emplace(symbols_[row].meta.name,
                         std::pair(symbols_[row].imported_at_ms, std::move(signals_[row])));
    }
    beginResetModel();
    symbols_ = std::move(symbols);
    last_closes_.assign(symbols_.size(), std::nullopt);
    signals_.assign(symbols_.size(), std::nullopt);
    for (std::size_t row = 0; row < symbols_.size(); ++row) {
        if (const auto found = last_closes.find(symbols_[row].id); found != last_closes.end())
            last_closes_[row] = found->second;
        if (const auto found = kept.find(symbols_[row].meta.name);
            found != kept.end() && found->second.first == symbols_[row].imported_at_ms) {
            signals_[row] = std::move(found->second.second);
        }
    }
    endResetModel();
}

int SymbolListModel::rowOf(const QString& name) const {
    const std::string key = name.toStdString();
    for (std::size_t i = 0; i < symbols_.size(); ++i) {
        if (symbols_[i].meta.name == key)
            return static_cast<int>(i);
    }
    return -1;
}

QString SymbolListModel::nameAt(int row) const {
    if (row < 0 || static_cast<std::size_t>(row) >= symbols_.size())
        return {};
    return qs(symbols_[static_cast<std::size_t>(row)].meta.name);
}

void SymbolListModel::setSignals(const std::vector<std::pair<QString, SymbolSignal>>& answers) {
    int first = rowCount();
    int last = -1;
    for (const auto& [name, signal] : answers) {
        const int row = rowOf(name);
        if (row < 0)
            continue;
        signals_[static_cast<std::size_t>(row)] = signal;
        first = std::min(first, row);
        last = std::max(last, row);
    }
    // One change for the whole batch: a view sorted by these columns sorts once.
    if (last >= 0)
        emit dataChanged(index(first, AverageColumn), index(last, SinceEntryColumn));
}

void SymbolListModel::clearSignals() {
    signals_.assign(symbols_.size(), std::nullopt);
    if (!symbols_.empty())
        emit dataChanged(index(0, AverageColumn), index(rowCount() - 1, SinceEntryColumn));
}

const std::optional<SymbolSignal>& SymbolListModel::signalAt(int row) const {
    return signals_.at(static_cast<std::size_t>(row));
}

void SymbolListModel::setTheme(const Theme& theme) {
    // The state colours are made for chart lines; as text on the panel they
    // must stay readable in both themes (as in the scanner's tables).
    bull_ = readableOn(theme.bull, theme.panel, theme.text, 4.0);
    bear_ = readableOn(theme.bear, theme.panel, theme.text, 4.0);
    muted_ = theme.muted_text;
    if (!symbols_.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, kColumnCount - 1),
                         {Qt::ForegroundRole});
    }
}

int SymbolListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(symbols_.size());
}

int SymbolListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kColumnCount;
}

std::optional<double> SymbolListModel::change(std::size_t row) const {
    const std::optional<store::LastCloses>& closes = last_closes_[row];
    if (!closes || !closes->previous || *closes->previous == 0.0)
        return std::nullopt;
    return closes->last / *closes->previous - 1.0;
}

QVariant SymbolListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || static_cast<std::size_t>(index.row()) >= symbols_.size())
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole:
            return display(row, column);
        case kValueRole:
            return value(row, column);
        case Qt::TextAlignmentRole:
            // Numbers right-aligned so their digits line up.
            if (column == LastCloseColumn || column == ChangeColumn || column == AverageColumn ||
                column == SinceEntryColumn || column == BarsColumn)
                return QVariant(Qt::AlignRight | Qt::AlignVCenter);
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        case Qt::ForegroundRole:
            return foreground(row, column);
        case Qt::FontRole:
            if (column == KindColumn && symbols_[row].meta.kind == store::SymbolKind::Generated) {
                QFont f;
                f.setItalic(true);
                return f;
            }
            return {};
        case Qt::ToolTipRole:
            return tooltip(row, column);
        default:
            return {};
    }
}

QVariant SymbolListModel::display(std::size_t row, int column) const {
    const store::SymbolInfo& s = symbols_[row];
    const std::optional<SymbolSignal>& signal = signals_[row];
    switch (column) {
        case NameColumn:
            return qs(s.meta.name);
        case LastCloseColumn:
            return last_closes_[row] ? tablePrice(last_closes_[row]->last) : QStringLiteral("—");
        case ChangeColumn: {
            const std::optional<double> c = change(row);
            return c ? signedPercent(100.0 * *c) : QStringLiteral("—");
        }
        case AverageColumn:
            // Empty while the background scan has not reached the symbol.
            if (!signal)
                return QString();
            if (!signal->error.isEmpty())
                return QStringLiteral("—");
            return directionArrow(signal->zone) + QLatin1Char(' ') +
                   signedSignalText(signal->average);
        case SinceEntryColumn:
            if (!signal)
                return QString();
            return signal->bars_since_entry ? groupedCount(*signal->bars_since_entry)
                                            : QStringLiteral("—");
        case BarsColumn:
            return groupedCount(s.bar_count);
        case TimeframeColumn:
            return s.meta.timeframe.empty() ? QStringLiteral("—") : qs(s.meta.timeframe);
        case LastBarColumn:
            return lastDateText(s);
        case KindColumn:
            return qs(std::string(store::symbol_kind_name(s.meta.kind)));
        default:
            return {};
    }
}

QVariant SymbolListModel::value(std::size_t row, int column) const {
    const store::SymbolInfo& s = symbols_[row];
    const std::optional<SymbolSignal>& signal = signals_[row];
    const bool computed = signal && signal->error.isEmpty();
    switch (column) {
        case NameColumn:
            return qs(s.meta.name);
        case LastCloseColumn:
            return last_closes_[row] ? QVariant(last_closes_[row]->last) : QVariant();
        case ChangeColumn: {
            const std::optional<double> c = change(row);
            return c ? QVariant(*c) : QVariant();
        }
        case AverageColumn:
            return computed ? QVariant(signal->average) : QVariant();
        case SinceEntryColumn:
            return computed && signal->bars_since_entry
                       ? QVariant(static_cast<double>(*signal->bars_since_entry))
                       : QVariant();
        case BarsColumn:
            return static_cast<double>(s.bar_count);
        case TimeframeColumn: {
            // By length, not by name: 15m before 1h before 1d.
            const std::optional<Timeframe> tf = parse_timeframe(s.meta.timeframe);
            return tf ? QVariant(static_cast<double>(tf->nominal_ms())) : QVariant();
        }
        case LastBarColumn:
            return s.last_time_ms ? QVariant(static_cast<double>(*s.last_time_ms)) : QVariant();
        case KindColumn:
            return qs(std::string(store::symbol_kind_name(s.meta.kind)));
        default:
            return {};
    }
}

QVariant SymbolListModel::foreground(std::size_t row, int column) const {
    const auto colour_of = [this](Direction d) -> QColor {
        return d == Direction::Long ? bull_ : d == Direction::Short ? bear_ : muted_;
    };
    const std::optional<SymbolSignal>& signal = signals_[row];
    switch (column) {
        case ChangeColumn: {
            const std::optional<double> c = change(row);
            if (!c)
                return muted_;
            return colour_of(*c > 0   ? Direction::Long
                             : *c < 0 ? Direction::Short
                                      : Direction::Flat);
        }
        case AverageColumn:
            return signal && signal->error.isEmpty() ? colour_of(signal->zone) : muted_;
        case SinceEntryColumn:
            return signal && signal->bars_since_entry ? colour_of(signal->entry) : muted_;
        case KindColumn:
            // The kind is background information: muted, so names stand out.
            return muted_;
        default:
            return {};
    }
}

QString SymbolListModel::tooltip(std::size_t row, int column) const {
    const std::optional<SymbolSignal>& signal = signals_[row];
    switch (column) {
        case ChangeColumn:
            if (const std::optional<store::LastCloses>& closes = last_closes_[row];
                closes && closes->previous) {
                return tr("Last close %1 against %2 the bar before")
                    .arg(tablePrice(closes->last), tablePrice(*closes->previous));
            }
            return tr("No bar before the last one");
        case AverageColumn:
        case SinceEntryColumn:
            if (!signal)
                return tr("Being computed in the background with the current parameters");
            if (!signal->error.isEmpty())
                return signal->error;
            if (column == AverageColumn) {
                return tr("Average signal at the last bar: %1 (%2 by the thresholds)")
                    .arg(signal->average, 0, 'f', 6)
                    .arg(directionWord(signal->zone));
            }
            if (!signal->bars_since_entry)
                return tr("No entry marker: the Average never crossed a threshold");
            return tr("%1 entry on %2, %3 bars ago")
                .arg(directionWord(signal->entry), signal->entry_label)
                .arg(*signal->bars_since_entry);
        default:
            return symbolTooltip(symbols_[row]);
    }
}

QVariant SymbolListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
            case NameColumn:
                return tr("Symbol");
            case LastCloseColumn:
                return tr("Last");
            case ChangeColumn:
                return tr("Chg %");
            case AverageColumn:
                return tr("Avg");
            case SinceEntryColumn:
                return tr("Since entry");
            case BarsColumn:
                return tr("Bars");
            case TimeframeColumn:
                return tr("TF");
            case LastBarColumn:
                return tr("Last bar");
            case KindColumn:
                return tr("Kind");
            default:
                return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
            case LastCloseColumn:
                return tr("Close of the last bar");
            case ChangeColumn:
                return tr("Change of the last close against the close of the bar before");
            case AverageColumn:
                return tr(
                    "The Average signal at the last bar, with the current parameters on the "
                    "symbol's own bars: ▲ at or above the long threshold, ▼ at or below the "
                    "short one, • between");
            case SinceEntryColumn:
                return tr("Bars since the last entry marker (green long, red short)");
            case TimeframeColumn:
                return tr("Timeframe: typical spacing of the bars (1d daily, 1h hourly, …)");
            case LastBarColumn:
                return tr("Date of the last bar");
            case KindColumn:
                return tr("real: market data; generated: synthetic test data, not market data");
            default:
                return {};
        }
    }
    if (role == Qt::TextAlignmentRole &&
        (section == LastCloseColumn || section == ChangeColumn || section == AverageColumn ||
         section == SinceEntryColumn || section == BarsColumn)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    // A first click on Chg % or Avg puts the biggest first (gainers, the
    // strongest long signals); the others start ascending (the freshest entry first).
    if (role == Qt::InitialSortOrderRole && (section == ChangeColumn || section == AverageColumn))
        return static_cast<int>(Qt::DescendingOrder);
    return {};
}

}  // namespace atc::ui
