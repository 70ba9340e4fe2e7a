// SPDX-License-Identifier: GPL-3.0-or-later
// The legend at the top of a pane, always one line: "▾ DAX 1998-03-02 O 5,412.10
// …  EMA 28 5,707.38 ▼ …". What does not fit the pane's width is cut at an entry
// boundary and marked "…"; the tooltip holds the whole legend, one group per
// line. The arrow shows whether the pane is collapsed, and a double-click on the
// title (the first entry) asks to collapse or expand it. A removable entry (a
// compared symbol) ends in "×", and a click on it asks to remove it.
#pragma once

#include <QColor>
#include <QRectF>
#include <QString>
#include <QWidget>
#include <vector>

namespace atc::ui {

// One "name value" pair of a legend; either part may be empty.
struct LegendEntry {
    QString name;
    QString value;
    QColor name_color;   // invalid: the strip's muted colour
    QColor value_color;  // invalid: the strip's text colour
    bool bold = false;
    // Said in the tooltip only, under the legend (how a compared symbol was matched).
    QString note = {};
    // Drawn with a "×" after it that asks to remove it (removeClicked(name)).
    bool removable = false;
};
// A group of entries that belong together (the bar's prices, the MAs).
using LegendLine = std::vector<LegendEntry>;

class LegendStrip : public QWidget {
    Q_OBJECT

public:
    explicit LegendStrip(QWidget* parent = nullptr);

    void setLines(std::vector<LegendLine> lines);
    // The whole legend as plain text, one group per line ("EMA 28 5,707.38 ▼").
    const QString& plainText() const { return plain_; }
    // Some entries did not fit the width and are not drawn.
    bool elided() const;
    void setCollapsed(bool collapsed);
    void setColors(const QColor& muted, const QColor& text, const QColor& background);
    // Where the "×" of the removable entry `name` is drawn; empty when it is not.
    QRectF removeButtonRect(const QString& name) const;

signals:
    // The title was double-clicked.
    void collapseToggled();
    // The "×" of the removable entry `name` was clicked.
    void removeClicked(const QString& name);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Placed {
        const LegendEntry* entry;
        double x;
    };
    struct Layout {
        std::vector<Placed> placed;
        bool elided = false;
        double end = 0.0;  // right edge of the last placed entry
    };
    Layout layOut() const;
    double entryWidth(const LegendEntry& e) const;
    // The "×" of a removable entry placed at x.
    QRectF removeRect(const LegendEntry& e, double x) const;
    double entryGap() const;
    double arrowWidth() const;
    QString arrow() const;
    void updateToolTip();

    std::vector<LegendLine> lines_;
    QString plain_;
    bool collapsed_ = false;
    QColor muted_, text_;
};

}  // namespace atc::ui
