// SPDX-License-Identifier: GPL-3.0-or-later
// A line of text in the middle of a pane's plot, for a pane that has nothing
// to draw yet and says why ("Computing KAMA members…"). Empty: nothing shown.
#pragma once

#include <QColor>
#include <QFont>
#include <QString>

#include "charts/plot_overlay.hpp"

namespace atc::ui {

class PlotNote : public PlotOverlay {
public:
    PlotNote(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis);

    void setText(const QString& text);
    const QString& text() const { return text_; }
    void setColor(const QColor& color);
    void setFont(const QFont& font);

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString text_;
    QColor color_;
    QFont font_;
};

}  // namespace atc::ui
