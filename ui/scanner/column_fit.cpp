// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner/column_fit.hpp"

#include <QAbstractItemModel>
#include <QFont>
#include <QFontMetrics>
#include <QHeaderView>
#include <QTableView>
#include <algorithm>

namespace atc::ui {
namespace {

// Room around a cell's text (the style's margins) and, in the header, for the
// sort arrow.
constexpr int kCellPaddingPx = 18;
constexpr int kHeaderPadding = 28;

int textWidth(const QFontMetrics& metrics, const QString& text) {
    int width = 0;
    for (const QChar c : text)
        width += metrics.horizontalAdvance(c);
    return width;
}

// A title of two lines ("Bars since\nentry") is as wide as its longer line.
int titleWidth(const QFontMetrics& metrics, const QString& title) {
    int width = 0;
    for (const QString& line : title.split(QLatin1Char('\n')))
        width = std::max(width, metrics.horizontalAdvance(line));
    return width;
}

}  // namespace

QList<int> fittedColumnWidths(const QAbstractItemModel& model, const QFont& cell_font,
                              const QFont& header_font) {
    const QFontMetrics header_metrics(header_font);
    QList<int> widths;
    for (int column = 0; column < model.columnCount(); ++column) {
        const QString title = model.headerData(column, Qt::Horizontal).toString();
        int width = titleWidth(header_metrics, title) + kHeaderPadding;
        // The model may give a column its own font (the bold symbols).
        const QVariant font =
            model.rowCount() > 0 ? model.index(0, column).data(Qt::FontRole) : QVariant();
        const QFontMetrics metrics(font.isValid() ? font.value<QFont>() : cell_font);
        for (int row = 0; row < model.rowCount(); ++row) {
            width = std::max(width, textWidth(metrics, model.index(row, column).data().toString()) +
                                        kCellPaddingPx);
        }
        widths << width;
    }
    return widths;
}

void widenColumns(QTableView* view, const QList<int>& widths) {
    QHeaderView* header = view->horizontalHeader();
    for (int column = 0; column < widths.size(); ++column) {
        if (header->isSectionHidden(column))
            continue;
        header->resizeSection(column, std::max(widths[column], header->sectionSize(column)));
    }
}

}  // namespace atc::ui
