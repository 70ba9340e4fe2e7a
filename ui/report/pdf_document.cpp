// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/pdf_document.hpp"

#include <QFontMetricsF>
#include <QIODevice>
#include <QPageLayout>
#include <QPageSize>
#include <stdexcept>

#include "atc/version.hpp"

namespace atc::ui {
namespace {

// The widgets' resolution: see the header.
constexpr int kDpi = 96;
constexpr double kFooterHeight = 26.0;
constexpr double kCellPaddingPt = 5.0;

}  // namespace

QFont PdfDocument::font(double point_size, bool bold) {
    // DejaVu Sans is installed with the app (scripts/install-deps.sh) and has
    // every sign the reports use (▲ ▼ − ·); the PDF embeds the glyphs it needs.
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(point_size);
    f.setBold(bold);
    f.setStyleHint(QFont::SansSerif);
    return f;
}

QString PdfDocument::producer() {
    return QStringLiteral("ATC Studio %1 · %2")
        .arg(QString::fromLatin1(release_version()), QString::fromLatin1(kEngineVersion));
}

PdfDocument::PdfDocument(QIODevice& out, const QString& title) : writer_(&out), title_(title) {
    writer_.setPageSize(QPageSize(QPageSize::A4));
    writer_.setPageOrientation(QPageLayout::Portrait);
    writer_.setResolution(kDpi);
    writer_.setPageMargins(QMarginsF(14, 13, 14, 10), QPageLayout::Millimeter);
    writer_.setTitle(title);
    writer_.setCreator(QStringLiteral("ATC Studio %1").arg(QString::fromLatin1(release_version())));
    if (!painter_.begin(&writer_))
        throw std::runtime_error("the PDF could not be started");
    painter_.setRenderHint(QPainter::Antialiasing);
    painter_.setRenderHint(QPainter::TextAntialiasing);
    const QRect paint = writer_.pageLayout().paintRectPixels(kDpi);
    content_ = QRectF(0.0, 0.0, paint.width(), paint.height() - kFooterHeight);
    y_ = content_.top();
}

PdfDocument::~PdfDocument() {
    if (painter_.isActive())
        painter_.end();
}

QRectF PdfDocument::take(double height) {
    if (height > room() && y_ > content_.top())
        newPage();
    const QRectF block(content_.left(), y_, content_.width(), height);
    y_ += height;
    return block;
}

void PdfDocument::skip(double height) {
    y_ = std::min(y_ + height, content_.bottom());
}

void PdfDocument::newPage() {
    footer();
    if (!writer_.newPage())
        throw std::runtime_error("the PDF could not add a page");
    ++page_;
    y_ = content_.top();
}

void PdfDocument::footer() {
    const double top = content_.bottom() + kFooterHeight - 16.0;
    painter_.setPen(QPen(ruleColor(), 0.75));
    painter_.drawLine(QPointF(content_.left(), top), QPointF(content_.right(), top));
    painter_.setFont(font(7.0));
    painter_.setPen(mutedColor());
    const QRectF line(content_.left(), top + 3.0, content_.width(), 13.0);
    painter_.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, title_);
    painter_.drawText(line, Qt::AlignRight | Qt::AlignVCenter, QObject::tr("page %1").arg(page_));
}

double PdfDocument::textHeight(const QString& text, const QFont& f, double width) const {
    const QFontMetricsF metrics(f, const_cast<QPdfWriter*>(&writer_));
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap | Qt::AlignLeft, text)
        .height();
}

void PdfDocument::paragraph(const QString& text, const QFont& f, const QColor& color,
                            double space_after) {
    const double h = textHeight(text, f, width());
    const QRectF block = take(h);
    painter_.setFont(f);
    painter_.setPen(color);
    painter_.drawText(block, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    skip(space_after);
}

void PdfDocument::heading(const QString& text, double keep_with) {
    const QFont f = font(11.0, true);
    const double h = textHeight(text, f, width()) + 6.0;
    if (h + keep_with > room() && y_ > content_.top())
        newPage();
    skip(y_ > content_.top() ? 10.0 : 0.0);
    const QRectF block = take(h);
    painter_.setFont(f);
    painter_.setPen(textColor());
    painter_.drawText(block, Qt::AlignLeft | Qt::AlignTop, text);
    painter_.setPen(QPen(ruleColor(), 1.0));
    painter_.drawLine(block.bottomLeft() - QPointF(0, 1.5), block.bottomRight() - QPointF(0, 1.5));
    skip(5.0);
}

void PdfDocument::tableHeader(const PdfTable& table, const std::vector<double>& widths,
                              double height) {
    const QRectF row = take(height);
    painter_.setFont(font(table.font_pt, true));
    painter_.setPen(mutedColor());
    double x = row.left();
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const QRectF cell(x + kCellPaddingPt, row.top(), widths[c] - 2 * kCellPaddingPt, height);
        painter_.drawText(cell, static_cast<int>(table.columns[c].align | Qt::AlignVCenter),
                          table.columns[c].title);
        x += widths[c];
    }
    painter_.setPen(QPen(textColor(), 0.9));
    painter_.drawLine(row.bottomLeft(), row.bottomRight());
}

void PdfDocument::table(const PdfTable& table, const std::function<void(std::size_t)>& on_row) {
    double total = 0.0;
    for (const PdfColumn& c : table.columns)
        total += c.width;
    std::vector<double> widths;
    for (const PdfColumn& c : table.columns)
        widths.push_back(width() * c.width / total);

    const QFont body = font(table.font_pt);
    const QFont bold = font(table.font_pt, true);
    const QFontMetricsF metrics(body, &writer_);
    const double height = std::ceil(metrics.height() + 7.0);
    // Header and at least two rows together, never a header alone at a page's end.
    if (3 * height > room())
        newPage();
    tableHeader(table, widths, height);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (height > room()) {
            newPage();
            tableHeader(table, widths, height);
        }
        const QRectF row = take(height);
        if (table.zebra && r % 2 == 1)
            painter_.fillRect(row, stripeColor());
        double x = row.left();
        const std::vector<PdfCell>& cells = table.rows[r];
        for (std::size_t c = 0; c < table.columns.size() && c < cells.size(); ++c) {
            const PdfCell& cell = cells[c];
            const QRectF box(x, row.top(), widths[c], height);
            if (cell.fill.isValid())
                painter_.fillRect(box.adjusted(0.5, 0.5, -0.5, -0.5), cell.fill);
            if (std::isfinite(cell.bar) && cell.color.isValid()) {
                QColor tint = cell.color;
                tint.setAlpha(56);  // about a fifth: the text on it stays readable
                const double mid = box.center().x();
                const double reach = std::clamp(cell.bar, -1.0, 1.0) * (box.width() / 2 - 2.0);
                painter_.fillRect(QRectF(QPointF(std::min(mid, mid + reach), box.top() + 3.0),
                                         QPointF(std::max(mid, mid + reach), box.bottom() - 3.0)),
                                  tint);
            }
            painter_.setFont(cell.bold ? bold : body);
            painter_.setPen(cell.color.isValid() ? cell.color : textColor());
            const QRectF text_box = box.adjusted(kCellPaddingPt, 0, -kCellPaddingPt, 0);
            const QFontMetricsF cell_metrics(cell.bold ? bold : body, &writer_);
            painter_.drawText(text_box, static_cast<int>(table.columns[c].align | Qt::AlignVCenter),
                              cell_metrics.elidedText(cell.text, Qt::ElideRight, text_box.width()));
            x += widths[c];
        }
        painter_.setPen(QPen(ruleColor(), 0.5));
        painter_.drawLine(row.bottomLeft(), row.bottomRight());
        if (on_row)
            on_row(r);
    }
    skip(4.0);
}

void PdfDocument::finish() {
    if (finished_)
        return;
    footer();
    painter_.end();
    finished_ = true;
}

}  // namespace atc::ui
