// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/performance_pdf.hpp"

#include <QObject>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include "core/number_format.hpp"
#include "report/performance_figures.hpp"
#include "report/report_text.hpp"

namespace atc::ui {
namespace {

constexpr double kEquityHeight = 170.0;
constexpr double kUnderwaterHeight = 70.0;
const QColor kSignalColor(0x1f, 0x6f, 0xd1);
const QColor kHoldColor(0x8a, 0x92, 0x9e);
const QColor kGain(0x1a, 0x9e, 0x5a);
const QColor kLoss(0xd0, 0x3b, 0x3b);

// A series' points in a box: x by bar over [first, last], y by `to_y`; more
// bars than half-pixels keep each bucket's lowest and highest (no spike lost).
QPolygonF plotLine(std::span<const double> values, std::size_t first, std::size_t last,
                   const QRectF& box, const auto& to_y) {
    QPolygonF line;
    const double span = std::max<double>(1.0, static_cast<double>(last - first));
    const auto per_bucket =
        std::max<std::size_t>(1, static_cast<std::size_t>(span / std::max(1.0, 2.0 * box.width())));
    const auto x_of = [&](std::size_t i) {
        return box.left() + static_cast<double>(i - first) / span * box.width();
    };
    for (std::size_t b = first; b <= last; b += per_bucket) {
        const std::size_t end = std::min(last, b + per_bucket - 1);
        std::size_t lo = b, hi = b;
        for (std::size_t i = b; i <= end; ++i) {
            lo = values[i] < values[lo] ? i : lo;
            hi = values[i] > values[hi] ? i : hi;
        }
        for (std::size_t i : {std::min(lo, hi), std::max(lo, hi)})
            line << QPointF(x_of(i), to_y(values[i]));
    }
    return line;
}

void frame(QPainter& p, const QRectF& box) {
    p.setPen(QPen(PdfDocument::ruleColor(), 0.6));
    p.setBrush(Qt::NoBrush);
    p.drawRect(box);
}

void axisNote(QPainter& p, const QRectF& box, const QString& top, const QString& bottom) {
    p.setFont(PdfDocument::font(6.5));
    p.setPen(PdfDocument::mutedColor());
    p.drawText(box.adjusted(3, 2, -3, -2), Qt::AlignLeft | Qt::AlignTop, top);
    p.drawText(box.adjusted(3, 2, -3, -2), Qt::AlignLeft | Qt::AlignBottom, bottom);
}

// Both equities from 1 at t0, on a log scale (they can end a hundredfold apart).
void equityChart(PdfDocument& doc, const Performance& perf) {
    const std::size_t first = perf.first_bar;
    const std::size_t last = perf.equity.size() - 1;
    double lo = std::numeric_limits<double>::infinity(), hi = 0.0;
    for (const std::vector<double>* s : {&perf.equity, &perf.buy_and_hold_equity}) {
        for (std::size_t i = first; i <= last; ++i) {
            if ((*s)[i] > 0.0) {
                lo = std::min(lo, (*s)[i]);
                hi = std::max(hi, (*s)[i]);
            }
        }
    }
    if (!(hi > lo))
        hi = lo * 1.01 + 1e-12;
    const QRectF box = doc.take(kEquityHeight).adjusted(0, 4, 0, -4);
    QPainter& p = doc.painter();
    frame(p, box);
    const double a = std::log(lo), b = std::log(hi);
    const auto to_y = [&](double v) {
        return box.bottom() - (std::log(std::max(v, lo)) - a) / (b - a) * box.height();
    };
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(kHoldColor, 0.9));
    p.drawPolyline(plotLine(perf.buy_and_hold_equity, first, last, box, to_y));
    p.setPen(QPen(kSignalColor, 1.1));
    p.drawPolyline(plotLine(perf.equity, first, last, box, to_y));
    axisNote(p, box, QObject::tr("×%1 (log scale)").arg(groupedNumber(hi, hi < 10 ? 2 : 0)),
             QObject::tr("×%1").arg(groupedNumber(lo, lo < 10 ? 3 : 0)));
}

// How far below its last peak the signal's equity was at each bar.
void underwaterChart(PdfDocument& doc, const Performance& perf) {
    const std::size_t first = perf.first_bar;
    const std::size_t last = perf.drawdown.size() - 1;
    const double deepest = std::max(perf.figures.max_drawdown, 1e-9);
    const QRectF box = doc.take(kUnderwaterHeight).adjusted(0, 2, 0, -4);
    QPainter& p = doc.painter();
    frame(p, box);
    const auto to_y = [&](double d) { return box.top() + d / deepest * box.height(); };
    QPolygonF area = plotLine(perf.drawdown, first, last, box, to_y);
    area.prepend(QPointF(box.left(), box.top()));
    area.append(QPointF(box.right(), box.top()));
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(kLoss.red(), kLoss.green(), kLoss.blue(), 90));
    p.drawPolygon(area);
    axisNote(p, box, QObject::tr("Underwater: 0 %"),
             QObject::tr("−%1").arg(percentText(deepest, 1)));
}

PdfTable figuresTable(const PerformanceFigures& f) {
    PdfTable t;
    t.font_pt = 8.0;
    t.columns = {{QObject::tr("Figure"), 2.0},
                 {QObject::tr("Signal"), 1.2, Qt::AlignRight},
                 {QObject::tr("Buy & hold"), 1.2, Qt::AlignRight}};
    for (const PerformanceFigureRow& row : performanceFigureRows(f)) {
        PdfCell signal(row.signal);
        if (row.headline)
            signal.strong();
        t.rows.push_back({{row.label}, signal, {row.buy_and_hold}});
    }
    return t;
}

// A cell of the monthly table: the percent without its sign (the heading
// says %), so "−11.8" fits where "−11.8 %" would be cut.
QString percentNumber(double fraction) {
    return signedPercent(100.0 * fraction, 1).remove(QStringLiteral(" %"));
}

// Years down, months across, the year's compounded return last; each cell
// shaded green or red by its size against the largest month.
PdfTable monthlyTable(const std::vector<MonthlyReturn>& months) {
    PdfTable t;
    t.font_pt = 6.5;
    t.zebra = false;
    t.columns.push_back({QObject::tr("Year"), 1.1});
    for (int m = 1; m <= 12; ++m)
        t.columns.push_back({QLocale::c().monthName(m, QLocale::ShortFormat), 1.0, Qt::AlignRight});
    t.columns.push_back({QObject::tr("Year"), 1.2, Qt::AlignRight});
    double largest = 1e-12;
    for (const MonthlyReturn& m : months)
        largest = std::max(largest, std::abs(m.value));
    const auto cell = [largest](double v) {
        PdfCell c(percentNumber(v));
        const QColor base = v >= 0.0 ? kGain : kLoss;
        const int alpha =
            static_cast<int>(std::round(25.0 + 140.0 * std::min(1.0, std::abs(v) / largest)));
        c.filled(QColor(base.red(), base.green(), base.blue(), alpha));
        return c;
    };
    for (std::size_t i = 0; i < months.size();) {
        const int year = months[i].year;
        std::vector<PdfCell> row(14);
        row[0] = PdfCell(QString::number(year)).strong();
        double growth = 1.0;
        for (; i < months.size() && months[i].year == year; ++i) {
            row[static_cast<std::size_t>(months[i].month)] = cell(months[i].value);
            growth *= 1.0 + months[i].value;
        }
        row[13] = PdfCell(percentNumber(growth - 1.0)).strong();
        t.rows.push_back(std::move(row));
    }
    return t;
}

}  // namespace

void writePerformancePage(PdfDocument& doc, const SymbolData& data,
                          const PerformanceOptions& options) {
    doc.heading(QObject::tr("Performance of the Average signal"), 260.0);
    const auto perf =
        compute_performance(data.bars.close, data.bars.time_ms, data.result->average,
                            data.params.long_threshold, data.params.short_threshold, options);
    if (!perf) {
        doc.paragraph(QObject::tr("The Average is not defined on these bars: nothing to measure."),
                      PdfDocument::font(8.5), PdfDocument::textColor());
        return;
    }
    doc.paragraph(holdingText(options) + QLatin1Char(' ') +
                      QObject::tr("Blue: the signal's equity; grey: buy and hold, both from 1 "
                                  "where the Average starts (%1).")
                          .arg(barLabel(data, perf->first_bar)),
                  PdfDocument::font(8.0), PdfDocument::textColor(), 2.0);
    equityChart(doc, *perf);
    underwaterChart(doc, *perf);
    doc.table(figuresTable(perf->figures));
    if (!perf->monthly.empty()) {
        doc.heading(QObject::tr("Monthly returns of the signal, %"), 120.0);
        doc.table(monthlyTable(perf->monthly));
    }
    doc.paragraph(inSampleText(), PdfDocument::font(7.0), PdfDocument::mutedColor());
}

}  // namespace atc::ui
