// SPDX-License-Identifier: GPL-3.0-or-later
// A4 pages for the PDF reports: QPdfWriter and QPainter with the reports'
// typography, a cursor that flows down the page and breaks to a new one, a
// footer on every page, and tables whose header repeats after a page break.
//
// Units are pixels at 96 dpi (the widgets' resolution), so the chart stack's
// recorded picture and the text share one scale; the PDF is vector and exact
// at any zoom all the same.
#pragma once

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QRectF>
#include <QString>
#include <cmath>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

class QIODevice;

namespace atc::ui {

struct PdfColumn {
    QString title;
    double width = 1.0;  // relative; the table fills the text width
    Qt::Alignment align = Qt::AlignLeft;
};

struct PdfCell {
    PdfCell() = default;
    // A plain cell is its text (so a row can be written {"EMA", "28", ...}).
    PdfCell(QString cell_text, QColor text_color = QColor())
        : text(std::move(cell_text)), color(std::move(text_color)) {}
    PdfCell& strong() {
        bold = true;
        return *this;
    }
    PdfCell& filled(const QColor& background) {
        fill = background;
        return *this;
    }
    // A bar for a value from -1 to +1, drawn under the text from the cell's
    // centre in the cell's colour (a signal at a glance).
    PdfCell& withBar(double value) {
        bar = value;
        return *this;
    }

    QString text;
    QColor color;  // invalid: the body text colour
    QColor fill;   // invalid: none (the row's stripe)
    bool bold = false;
    double bar = std::nan("");  // NaN: no bar
};

struct PdfTable {
    std::vector<PdfColumn> columns;
    std::vector<std::vector<PdfCell>> rows;
    double font_pt = 8.0;
    bool zebra = true;  // light stripes on every other row
};

class PdfDocument {
public:
    // `title` is the document's title (PDF info) and the footer's left text.
    PdfDocument(QIODevice& out, const QString& title);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    // "ATC Studio x.y.z · atc-engine-1": the release and the engine's numbers
    // that made the report, for its header.
    static QString producer();

    // Typography.
    static QFont font(double point_size, bool bold = false);
    static QColor textColor() { return {0x1f, 0x25, 0x30}; }
    static QColor mutedColor() { return {0x5f, 0x67, 0x75}; }
    static QColor ruleColor() { return {0xd5, 0xd9, 0xe0}; }
    static QColor stripeColor() { return {0xf4, 0xf6, 0xf8}; }

    QPainter& painter() { return painter_; }
    double width() const { return content_.width(); }
    double left() const { return content_.left(); }
    double y() const { return y_; }
    // Room left on this page.
    double room() const { return content_.bottom() - y_; }

    // A block of `height` at the cursor (on a new page when it does not fit),
    // and the cursor moved past it.
    QRectF take(double height);
    void skip(double height);
    void newPage();
    int page() const { return page_; }

    // Height of `text` wrapped to `width` in `font`.
    double textHeight(const QString& text, const QFont& font, double width) const;
    // Wrapped text over the full width.
    void paragraph(const QString& text, const QFont& font, const QColor& color,
                   double space_after = 6.0);
    // A section heading with a rule, kept on the page with `keep_with` of what follows.
    void heading(const QString& text, double keep_with = 80.0);
    // `on_row(i)` is called after row i is drawn (progress, cancelling).
    void table(const PdfTable& table, const std::function<void(std::size_t)>& on_row = {});

    // Ends the last page; the writer's output is complete after this.
    void finish();

private:
    void footer();
    void tableHeader(const PdfTable& table, const std::vector<double>& widths, double height);

    QPdfWriter writer_;
    QPainter painter_;
    QString title_;
    QRectF content_;  // the text area, above the footer
    double y_ = 0.0;
    int page_ = 1;
    bool finished_ = false;
};

}  // namespace atc::ui
