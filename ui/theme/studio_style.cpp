// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme/studio_style.hpp"

#include <QHeaderView>
#include <QMainWindow>
#include <QStyleFactory>
#include <QStyleOption>
#include <QTabBar>

namespace atc::ui {
namespace {

// The tab bar QMainWindow shows under tabbed docks (a child of the window);
// other tab bars keep their mnemonics.
bool isDockTabBar(const QWidget* widget) {
    return qobject_cast<const QTabBar*>(widget) != nullptr &&
           qobject_cast<const QMainWindow*>(widget->parentWidget()) != nullptr;
}

}  // namespace

QString literalAmpersands(QString text) {
    return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

StudioStyle::StudioStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

void StudioStyle::drawPrimitive(PrimitiveElement element, const QStyleOption* option,
                                QPainter* painter, const QWidget* widget) const {
    if (element == PE_IndicatorHeaderArrow) {
        const auto* header = qstyleoption_cast<const QStyleOptionHeader*>(option);
        if (header == nullptr || header->sortIndicator == QStyleOptionHeader::None)
            return;
        // The header's own order where there is one, else QHeaderView's naming.
        const auto* view = qobject_cast<const QHeaderView*>(widget);
        const bool ascending = view != nullptr
                                   ? view->sortIndicatorOrder() == Qt::AscendingOrder
                                   : header->sortIndicator == QStyleOptionHeader::SortDown;
        QProxyStyle::drawPrimitive(ascending ? PE_IndicatorArrowUp : PE_IndicatorArrowDown, option,
                                   painter, widget);
        return;
    }
    QProxyStyle::drawPrimitive(element, option, painter, widget);
}

void StudioStyle::drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                              const QWidget* widget) const {
    if (element == CE_TabBarTabLabel && isDockTabBar(widget)) {
        if (const auto* tab = qstyleoption_cast<const QStyleOptionTab*>(option)) {
            QStyleOptionTab literal(*tab);
            literal.text = literalAmpersands(tab->text);
            QProxyStyle::drawControl(element, &literal, painter, widget);
            return;
        }
    }
    QProxyStyle::drawControl(element, option, painter, widget);
}

QSize StudioStyle::sizeFromContents(ContentsType type, const QStyleOption* option,
                                    const QSize& size, const QWidget* widget) const {
    QSize result = QProxyStyle::sizeFromContents(type, option, size, widget);
    if (type == CT_TabBarTab && isDockTabBar(widget)) {
        // QTabBar measured the title without its "&"s; drawn, they take room.
        if (const auto* tab = qstyleoption_cast<const QStyleOptionTab*>(option)) {
            const QFontMetrics& metrics = tab->fontMetrics;
            const int shown = metrics.size(Qt::TextSingleLine, tab->text).width();
            const int measured = metrics.size(Qt::TextShowMnemonic, tab->text).width();
            const bool vertical =
                tab->shape == QTabBar::RoundedWest || tab->shape == QTabBar::RoundedEast ||
                tab->shape == QTabBar::TriangularWest || tab->shape == QTabBar::TriangularEast;
            if (vertical)
                result.rheight() += shown - measured;
            else
                result.rwidth() += shown - measured;
        }
    }
    return result;
}

}  // namespace atc::ui
