// SPDX-License-Identifier: GPL-3.0-or-later
// The crosshair of one pane: a vertical line at the hovered bar (every pane
// shows it, so the eye can follow one bar down the stack); in the pane under
// the mouse also a horizontal line with the value tagged on the price axis; on
// the pane that carries the dates, the bar's date tagged on the time axis.
#pragma once

#include <QColor>
#include <QFont>
#include <QLineF>
#include <QRectF>
#include <QString>
#include <optional>

#include "charts/plot_overlay.hpp"

namespace atc::ui {

class CrosshairItem : public PlotOverlay {
public:
    CrosshairItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis);

    // bar < 0 hides the crosshair.
    void setBar(int bar, const QString& date_tag);
    // The horizontal line, in y-axis units, with its axis tag; nullopt hides it.
    void setLevel(std::optional<double> y, const QString& value_tag);
    void setColors(const QColor& line, const QColor& tag_background, const QColor& tag_text);
    void setLabelFont(const QFont& font);
    void setDateTagVisible(bool visible);
    // Call after the axes or the plot area changed: the lines moved.
    void refresh();
    // Where the date tag is drawn (empty when none), for the time axis to keep clear.
    QRectF dateTagRect() const;
    // The value tag's text while the horizontal line is shown; empty otherwise.
    QString valueTag() const { return level_ ? value_tag_ : QString(); }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    struct Shapes {
        QLineF vertical, horizontal;  // null when not shown
        QRectF date_tag, value_tag;   // empty when not shown
    };
    Shapes shapes() const;
    void repaintShapes();

    Shapes painted_;
    int bar_ = -1;
    QString date_tag_;
    std::optional<double> level_;
    QString value_tag_;
    bool date_tag_visible_ = false;
    QColor line_, tag_background_, tag_text_;
    QFont font_;
};

}  // namespace atc::ui
