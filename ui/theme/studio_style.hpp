// SPDX-License-Identifier: GPL-3.0-or-later
// The application's widget style: Fusion (it draws the same on every platform
// and follows the palette fully), corrected where what it draws contradicts
// what the app means:
// - a header's sort arrow points up (▲) for Qt::AscendingOrder, smallest on
//   top, and down (▼) for descending, as in spreadsheets and file managers.
//   QHeaderView hands ascending to the style as "SortDown", which Fusion on
//   Linux draws as ▼.
// - a tabbed dock's tab shows its title as written: Qt's dock tab bar reads
//   "&" as a mnemonic marker, so "Hardware & performance" would lose its "&"
//   (the dock's own title bar and its floating window show it literally).
#pragma once

#include <QProxyStyle>
#include <QString>

namespace atc::ui {

// `text` for a widget that reads "&" as a mnemonic marker (menus, tabs,
// buttons), so that each "&" shows as itself.
QString literalAmpersands(QString text);

class StudioStyle : public QProxyStyle {
    Q_OBJECT

public:
    StudioStyle();

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;
    void drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget = nullptr) const override;
    QSize sizeFromContents(ContentsType type, const QStyleOption* option, const QSize& size,
                           const QWidget* widget) const override;
};

}  // namespace atc::ui
