// SPDX-License-Identifier: GPL-3.0-or-later
// Column widths for the scan tables, measured once per result from the texts
// it shows. QHeaderView::ResizeToContents would ask every cell for its size
// hint again on each layout pass: with 500 rows in two tables that froze the
// window for 80-150 ms whenever a scan's results arrived.
#pragma once

#include <QList>

class QAbstractItemModel;
class QFont;
class QTableView;

namespace atc::ui {

// Per column of `model`: as wide as its widest text over all rows, or its
// header's longest line (with room for the sort arrow), so no number is cut
// whichever rows a filter shows. Text widths are summed per character (cached glyph
// advances, no text shaping): a few milliseconds for 500 rows.
QList<int> fittedColumnWidths(const QAbstractItemModel& model, const QFont& cell_font,
                              const QFont& header_font);

// Widens the sections of `view`'s horizontal header to at least `widths`: a
// new result never cuts a number, and never undoes a width the trader gave a
// column (dragged wider, or restored from the last session). Hidden sections
// keep their state.
void widenColumns(QTableView* view, const QList<int>& widths);

}  // namespace atc::ui
