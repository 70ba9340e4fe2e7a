#include "panels/symbol_list_model.hpp"

#include <QDateTime>
#include <QFont>
#include <QTimeZone>

#include "core/number_format.hpp"

namespace atc::ui {
namespace {

QString qstr(const std::string& s) {
    return QString::fromStdString(s);
}

bool isIntraday(const std::string& timeframe) {
    return !timeframe.empty() &&
           (timeframe.back() == 'h' || timeframe.back() == 'm' || timeframe.back() == 's');
}

QString dateText(std::int64_t ms, bool intraday) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return t.toString(intraday ? QStringLiteral("yyyy-MM-dd hh:mm") : QStringLiteral("yyyy-MM-dd"));
}

QString tooltip(const store::SymbolInfo& s) {
    const bool intraday = isIntraday(s.meta.timeframe);
    QString range;
    if (s.first_time_ms && s.last_time_ms) {
        range = QObject::tr("%1 to %2")
                    .arg(dateText(*s.first_time_ms, intraday), dateText(*s.last_time_ms, intraday));
    }
    QStringList lines;
    lines << QStringLiteral("<b>%1</b> — %2")
                 .arg(qstr(s.meta.name).toHtmlEscaped(),
                      qstr(store::symbol_origin(s.meta)).toHtmlEscaped());
    lines << QObject::tr("%1 bars%2%3")
                 .arg(s.bar_count)
                 .arg(s.meta.timeframe.empty() ? QString()
                                               : QStringLiteral(", ") + qstr(s.meta.timeframe))
                 .arg(range.isEmpty() ? QString() : QStringLiteral(", ") + range);
    if (!s.meta.provenance.empty())
        lines << qstr(s.meta.provenance).toHtmlEscaped();
    if (!s.meta.source.empty())
        lines << QObject::tr("Source: %1").arg(qstr(s.meta.source).toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

}  // namespace

QString lastDateText(const store::SymbolInfo& info) {
    if (!info.last_time_ms)
        return QStringLiteral("—");
    return dateText(*info.last_time_ms, isIntraday(info.meta.timeframe));
}

SymbolListModel::SymbolListModel(QObject* parent) : QAbstractTableModel(parent) {}

void SymbolListModel::setSymbols(std::vector<store::SymbolInfo> symbols,
                                 const std::unordered_map<std::int64_t, double>& last_closes) {
    beginResetModel();
    symbols_ = std::move(symbols);
    last_closes_.assign(symbols_.size(), std::nullopt);
    for (std::size_t row = 0; row < symbols_.size(); ++row) {
        if (const auto found = last_closes.find(symbols_[row].id); found != last_closes.end())
            last_closes_[row] = found->second;
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
    return qstr(symbols_[static_cast<std::size_t>(row)].meta.name);
}

void SymbolListModel::setMutedColor(const QColor& color) {
    muted_ = color;
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

QVariant SymbolListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || static_cast<std::size_t>(index.row()) >= symbols_.size())
        return {};
    const store::SymbolInfo& s = symbols_[static_cast<std::size_t>(index.row())];
    const bool generated = s.meta.kind == store::SymbolKind::Generated;
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case NameColumn:
                    return qstr(s.meta.name);
                case LastCloseColumn: {
                    const std::optional<double>& close =
                        last_closes_[static_cast<std::size_t>(index.row())];
                    return close ? tablePrice(*close) : QStringLiteral("—");
                }
                case BarsColumn:
                    return groupedCount(s.bar_count);
                case TimeframeColumn:
                    return s.meta.timeframe.empty() ? QStringLiteral("—") : qstr(s.meta.timeframe);
                case LastBarColumn:
                    return lastDateText(s);
                case KindColumn:
                    return qstr(std::string(store::symbol_kind_name(s.meta.kind)));
                default:
                    return {};
            }
        case Qt::TextAlignmentRole:
            // Numbers right-aligned so their digits line up.
            if (index.column() == LastCloseColumn || index.column() == BarsColumn)
                return QVariant(Qt::AlignRight | Qt::AlignVCenter);
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        case Qt::ForegroundRole:
            // The kind is background information: muted, so names stand out.
            if (index.column() == KindColumn && muted_.isValid())
                return muted_;
            return {};
        case Qt::FontRole:
            if (index.column() == KindColumn && generated) {
                QFont f;
                f.setItalic(true);
                return f;
            }
            return {};
        case Qt::ToolTipRole:
            return tooltip(s);
        default:
            return {};
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
    if (role == Qt::TextAlignmentRole && (section == LastCloseColumn || section == BarsColumn)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

}  // namespace atc::ui
