// SPDX-License-Identifier: GPL-3.0-or-later
// Clicks a table's column header as a trader does (a sort, a sort the other way).
#pragma once

#include <QHeaderView>
#include <QTableView>
#include <QtTest>

namespace atc::ui::gui_test {

// Scrolls the column into view first: a narrow dock shows only some headers.
inline void click_header(QTableView* view, int column) {
    if (view->model()->rowCount() > 0)
        view->scrollTo(view->model()->index(0, column));
    QHeaderView* header = view->horizontalHeader();
    const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                    header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
}

}  // namespace atc::ui::gui_test
