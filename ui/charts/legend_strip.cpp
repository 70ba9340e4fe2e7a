// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/legend_strip.hpp"

#include <QEvent>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

namespace atc::ui {
namespace {

const QString kEllipsis = QStringLiteral("\u2026");
// After a removable entry, a space apart.
const QString kRemoveMark = QStringLiteral(" \u00D7");

QFont boldOf(QFont font) {
    font.setBold(true);
    return font;
}

// The text of an entry as the plain legend and the tooltip write it.
QString plainEntry(const LegendEntry& e) {
    QString text = e.name;
    if (!e.name.isEmpty() && !e.value.isEmpty())
        text += QLatin1Char(' ');
    return text + e.value;
}

}  // namespace

LegendStrip::LegendStrip(QWidget* parent) : QWidget(parent) {
    // Opaque, so that a legend change repaints the strip only, not the chart under it.
    setAutoFillBackground(true);
    setFixedHeight(fontMetrics().height());
}

void LegendStrip::setLines(std::vector<LegendLine> lines) {
    lines_ = std::move(lines);
    QStringList groups;
    for (const LegendLine& line : lines_) {
        QStringList entries;
        for (const LegendEntry& e : line)
            entries << plainEntry(e);
        groups << entries.join(QStringLiteral("  "));
    }
    plain_ = groups.join(QLatin1Char('\n'));
    updateToolTip();
    update();
}

void LegendStrip::setCollapsed(bool collapsed) {
    if (collapsed == collapsed_)
        return;
    collapsed_ = collapsed;
    updateToolTip();
    update();
}

void LegendStrip::setColors(const QColor& muted, const QColor& text, const QColor& background) {
    muted_ = muted;
    text_ = text;
    QPalette p = palette();
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, text);
    setPalette(p);
    update();
}

void LegendStrip::updateToolTip() {
    if (plain_.isEmpty()) {
        setToolTip(QString());
        return;
    }
    QString notes;
    for (const LegendLine& line : lines_) {
        for (const LegendEntry& e : line) {
            if (!e.note.isEmpty())
                notes += QLatin1Char('\n') + e.note;
        }
    }
    setToolTip(plain_ + notes +
               (collapsed_ ? tr("\n\nDouble-click the title to expand the pane.")
                           : tr("\n\nDouble-click the title to collapse the pane.")));
}

QString LegendStrip::arrow() const {
    return collapsed_ ? QStringLiteral("\u25B8") : QStringLiteral("\u25BE");
}

double LegendStrip::arrowWidth() const {
    return QFontMetricsF(font()).horizontalAdvance(arrow() + QLatin1Char(' '));
}

double LegendStrip::entryGap() const {
    return QFontMetricsF(font()).horizontalAdvance(QStringLiteral("  "));
}

double LegendStrip::entryWidth(const LegendEntry& e) const {
    const QFontMetricsF fm(e.bold ? boldOf(font()) : font());
    return fm.horizontalAdvance(plainEntry(e) + (e.removable ? kRemoveMark : QString()));
}

QRectF LegendStrip::removeRect(const LegendEntry& e, double x) const {
    const QFontMetricsF fm(e.bold ? boldOf(font()) : font());
    const double mark = fm.horizontalAdvance(kRemoveMark);
    // The whole height and a little more than the glyph: a small target otherwise.
    return QRectF(x + entryWidth(e) - mark, 0.0, mark + 2.0, height());
}

QRectF LegendStrip::removeButtonRect(const QString& name) const {
    for (const Placed& placed : layOut().placed) {
        if (placed.entry->removable && placed.entry->name == name)
            return removeRect(*placed.entry, placed.x);
    }
    return {};
}

bool LegendStrip::elided() const {
    return layOut().elided;
}

LegendStrip::Layout LegendStrip::layOut() const {
    const double entry_gap = entryGap();
    const double group_gap = 2.5 * entry_gap;
    const double ellipsis = entry_gap + QFontMetricsF(font()).horizontalAdvance(kEllipsis);
    std::size_t remaining = 0;
    for (const LegendLine& line : lines_)
        remaining += line.size();

    Layout out;
    double x = arrowWidth();
    bool first = true;
    for (const LegendLine& line : lines_) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            const double gap = first ? 0.0 : (i == 0 ? group_gap : entry_gap);
            const double w = entryWidth(line[i]);
            --remaining;
            // The last entry needs no room for the "…" after it.
            const double room = width() - (remaining > 0 ? ellipsis : 0.0);
            if (x + gap + w > room) {
                out.elided = true;
                out.end = x;
                return out;
            }
            out.placed.push_back({&line[i], x + gap});
            x += gap + w;
            first = false;
        }
    }
    out.end = x;
    return out;
}

void LegendStrip::paintEvent(QPaintEvent*) {
    if (lines_.empty())
        return;
    QPainter p(this);
    const QFontMetricsF fm(font());
    const double baseline = fm.ascent();
    p.setPen(muted_);
    p.drawText(QPointF(0.0, baseline), arrow());
    const Layout layout = layOut();
    for (const Placed& placed : layout.placed) {
        const LegendEntry& e = *placed.entry;
        const QFont f = e.bold ? boldOf(font()) : font();
        const QFontMetricsF efm(f);
        p.setFont(f);
        double x = placed.x;
        if (!e.name.isEmpty()) {
            p.setPen(e.name_color.isValid() ? e.name_color : muted_);
            p.drawText(QPointF(x, baseline), e.name);
            x += efm.horizontalAdvance(e.name + QLatin1Char(' '));
        }
        if (!e.value.isEmpty()) {
            p.setPen(e.value_color.isValid() ? e.value_color : text_);
            p.drawText(QPointF(x, baseline), e.value);
        }
        if (e.removable) {
            p.setPen(muted_);
            p.drawText(QPointF(removeRect(e, placed.x).left(), baseline), kRemoveMark);
        }
    }
    if (layout.elided) {
        p.setFont(font());
        p.setPen(muted_);
        const double gap = layout.placed.empty() ? 0.0 : entryGap();
        p.drawText(QPointF(layout.end + gap, baseline), kEllipsis);
    }
}

void LegendStrip::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        for (const Placed& placed : layOut().placed) {
            if (placed.entry->removable &&
                removeRect(*placed.entry, placed.x).contains(event->position())) {
                event->accept();
                // A copy: the removal rebuilds the legend, and the entry with it.
                const QString name = placed.entry->name;
                emit removeClicked(name);
                return;
            }
        }
    }
    // Elsewhere the press is the chart's (a pan starts on the legend too).
    event->ignore();
}

void LegendStrip::mouseDoubleClickEvent(QMouseEvent* event) {
    // The title: the arrow and the first entry. Elsewhere the double-click is
    // the chart's (reset the view).
    double title_right = arrowWidth();
    if (!lines_.empty() && !lines_.front().empty())
        title_right += entryWidth(lines_.front().front());
    if (event->button() == Qt::LeftButton && event->position().x() <= title_right) {
        emit collapseToggled();
        event->accept();
        return;
    }
    event->ignore();
}

void LegendStrip::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange)
        setFixedHeight(fontMetrics().height());
    QWidget::changeEvent(event);
}

}  // namespace atc::ui
