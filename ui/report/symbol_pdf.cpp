// SPDX-License-Identifier: GPL-3.0-or-later
// The symbol report as PDF, laid out for a trader who forwards it: page one
// says what the symbol is doing now (title, data, key figures, the charts as
// the window draws them); then the latest signals and weights, the parameters,
// the statistics of trading the entry markers, and the latest markers.
#include <QBuffer>
#include <QLocale>
#include <algorithm>
#include <cmath>

#include "charts/chart_format.hpp"
#include "charts/view_range.hpp"
#include "panels/contrast.hpp"
#include "panels/family_table_panel.hpp"
#include "panels/growth_note.hpp"
#include "report/pdf_document.hpp"
#include "report/performance_pdf.hpp"
#include "report/report_facts.hpp"
#include "report/report_text.hpp"
#include "report/strategy_stats.hpp"
#include "report/symbol_report_writers.hpp"

namespace atc::ui {
namespace {

class SymbolPdf {
public:
    SymbolPdf(const SymbolReport& report, PdfDocument& doc)
        : r_(report),
          data_(*report.data),
          result_(*report.data->result),
          doc_(doc),
          stats_(strategyStats(data_.bars.close, result_)),
          price_decimals_(priceDecimals(data_.bars.close)) {}

    void write(const ReportProgress& progress) {
        title();
        keyFigures();
        charts();
        reportProgress(progress, 0.3);
        doc_.newPage();
        latestSignals();
        weights();
        parameters();
        statistics();
        doc_.newPage();
        writePerformancePage(doc_, data_, r_.performance);
        reportProgress(progress, 0.4);
        markers(progress);
    }

private:
    QString date(std::size_t bar) const { return barLabel(data_, bar); }
    QString price(double v) const { return formatPrice(v, price_decimals_); }
    std::size_t last() const { return result_.bars - 1; }

    void title() {
        QPainter& p = doc_.painter();
        const QRectF top = doc_.take(40.0);
        p.setFont(PdfDocument::font(22.0, true));
        p.setPen(PdfDocument::textColor());
        p.drawText(top, Qt::AlignLeft | Qt::AlignVCenter, data_.name);
        p.setFont(PdfDocument::font(10.5, true));
        p.drawText(top.adjusted(0, 2, 0, -20), Qt::AlignRight | Qt::AlignVCenter,
                   QObject::tr("ATC signal report"));
        p.setFont(PdfDocument::font(7.5));
        p.setPen(PdfDocument::mutedColor());
        p.drawText(top.adjusted(0, 20, 0, 0), Qt::AlignRight | Qt::AlignVCenter,
                   QObject::tr("generated %1 UTC · %2")
                       .arg(r_.generated.toUTC().toString(QStringLiteral("yyyy-MM-dd hh:mm")),
                            PdfDocument::producer()));
        doc_.skip(4.0);
        doc_.paragraph(dataLine(), PdfDocument::font(8.5), PdfDocument::textColor(), 2.0);
        if (r_.info && !r_.info->meta.provenance.empty()) {
            doc_.paragraph(QObject::tr("Data: %1 (source: %2)")
                               .arg(utf8(r_.info->meta.provenance), utf8(r_.info->meta.source)),
                           PdfDocument::font(8.0), PdfDocument::mutedColor(), 2.0);
        }
        doc_.skip(8.0);
    }

    QString dataLine() const {
        QString timeframe;
        if (const QString text = timeframeText(data_, r_.info); !text.isEmpty())
            timeframe = QObject::tr("Timeframe %1 · ").arg(text);
        QString kind;
        if (r_.info)
            kind = QStringLiteral(" · ") + utf8(store::symbol_origin(r_.info->meta));
        const QString forming =
            data_.last_forming ? QObject::tr(" · the last bar is still forming") : QString();
        return QObject::tr("%1%2 bars from %3 to %4%5%6")
            .arg(timeframe, QLocale(QLocale::English).toString(qulonglong(result_.bars)), date(0),
                 date(last()), forming, kind);
    }

    // Four boxes under the title: what a colleague reads first.
    void keyFigures() {
        const double h = 62.0;
        const QRectF band = doc_.take(h);
        const double gap = 8.0;
        const double w = (band.width() - 3 * gap) / 4;
        const auto box = [&](int i) {
            return QRectF(band.left() + i * (w + gap), band.top(), w, h);
        };
        const ScanRow& row = result_.row;
        figure(box(0), QObject::tr("AVERAGE SIGNAL"), formatAverage(row.average),
               directionColor(row.trend),
               QObject::tr("%1 · thresholds %2 / %3")
                   .arg(trendLabel(row.trend), formatSignal(result_.params.long_threshold),
                        formatSignal(result_.params.short_threshold)));
        figure(box(1), QObject::tr("LAST CLOSE"), price(data_.bars.close[last()]),
               PdfDocument::textColor(),
               // A forming bar's number matters less than that it is still open.
               data_.last_forming ? QObject::tr("%1 · forming").arg(date(last()))
                                  : QObject::tr("%1 (bar %2)").arg(date(last())).arg(last()));
        if (row.last_marker) {
            const EntryMarker& m = *row.last_marker;
            figure(box(2), QObject::tr("LAST ENTRY"), directionLabel(m.direction),
                   directionColor(m.direction),
                   QObject::tr("%1 at %2 (bar %3)")
                       .arg(date(m.bar), price(data_.bars.close[m.bar]))
                       .arg(m.bar));
        } else {
            figure(box(2), QObject::tr("LAST ENTRY"), QObject::tr("none"),
                   PdfDocument::mutedColor(), QObject::tr("no entry marker yet"));
        }
        figure(
            box(3), QObject::tr("MARKER TRADES"),
            QObject::tr("%1 · %2").arg(stats_.trades.size()).arg(percentText(stats_.hit_rate, 0)),
            PdfDocument::textColor(),
            QObject::tr("hit rate: %1 hits in %2 trades")
                .arg(stats_.hits)
                .arg(stats_.trades.size()));
        doc_.skip(12.0);
    }

    void figure(const QRectF& box, const QString& caption, const QString& value,
                const QColor& color, const QString& note) {
        QPainter& p = doc_.painter();
        p.setPen(Qt::NoPen);
        p.setBrush(PdfDocument::stripeColor());
        p.drawRoundedRect(box, 4.0, 4.0);
        p.setBrush(color);
        p.drawRoundedRect(QRectF(box.left(), box.top(), 3.5, box.height()), 1.5, 1.5);
        const QRectF inner = box.adjusted(11.0, 6.0, -6.0, -6.0);
        p.setFont(PdfDocument::font(6.5, true));
        p.setPen(PdfDocument::mutedColor());
        p.drawText(QRectF(inner.left(), inner.top(), inner.width(), 12.0),
                   Qt::AlignLeft | Qt::AlignVCenter, caption);
        p.setFont(PdfDocument::font(14.0, true));
        p.setPen(color);
        p.drawText(QRectF(inner.left(), inner.top() + 12.0, inner.width(), 24.0),
                   Qt::AlignLeft | Qt::AlignVCenter, value);
        p.setFont(PdfDocument::font(6.5));
        p.setPen(PdfDocument::mutedColor());
        const QFontMetricsF metrics(PdfDocument::font(6.5), p.device());
        p.drawText(QRectF(inner.left(), inner.top() + 36.0, inner.width(), 12.0),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   metrics.elidedText(note, Qt::ElideRight, inner.width()));
    }

    void charts() {
        const QSize size = r_.chart_picture_size;
        if (r_.chart_picture.isNull() || size.isEmpty())
            throw std::logic_error("the PDF report's charts were not drawn (drawReportCharts)");
        const QString caption = chartCaption();
        const double caption_h = doc_.textHeight(caption, PdfDocument::font(7.0), doc_.width());
        double scale = doc_.width() / size.width();
        // The charts fill the rest of page one; a tall stack is scaled to fit.
        const double room = doc_.room() - caption_h - 8.0;
        if (size.height() * scale > room)
            scale = room / size.height();
        const QRectF area = doc_.take(size.height() * scale);
        QPainter& p = doc_.painter();
        p.save();
        p.translate(area.left() + (area.width() - size.width() * scale) / 2, area.top());
        p.scale(scale, scale);
        p.setClipRect(QRect(QPoint(0, 0), size));
        p.drawPicture(0, 0, r_.chart_picture);
        p.restore();
        p.setPen(QPen(PdfDocument::ruleColor(), 0.75));
        p.setBrush(Qt::NoBrush);
        p.drawRect(area);
        doc_.skip(4.0);
        doc_.paragraph(caption, PdfDocument::font(7.0), PdfDocument::mutedColor(), 0.0);
    }

    QString chartCaption() const {
        // The window's reset view when the report has none of its own.
        const ViewRange reset = initialRange(result_.bars);
        const auto [left, right] = r_.view.range.value_or(std::pair(reset.first, reset.last));
        const double a = std::ceil(std::max(0.0, left));
        const double b = std::floor(std::min(static_cast<double>(last()), right));
        const std::size_t first = a <= b ? static_cast<std::size_t>(a) : 0;
        const std::size_t end = a <= b ? static_cast<std::size_t>(b) : last();
        return QObject::tr(
                   "Charts as ATC Studio draws them, bars %1 to %2 (%3 – %4). Price with "
                   "the six base-length moving averages coloured by their crossing state "
                   "and the ▲/▼ entry markers; the six Layer-1 signals and the Average "
                   "with the long and short thresholds; the Layer-2 equities.")
            .arg(first)
            .arg(end)
            .arg(date(first), date(end));
    }

    void latestSignals() {
        doc_.heading(QObject::tr("Latest signals · %1 (bar %2)").arg(date(last())).arg(last()));
        PdfTable t;
        t.font_pt = 8.5;
        t.columns = {{QObject::tr("Family"), 1.3},
                     {QObject::tr("Base length"), 1.2, Qt::AlignRight},
                     {QObject::tr("Trend"), 1.2},
                     {QObject::tr("Layer-1 signal"), 2.0, Qt::AlignRight},
                     {QObject::tr("Layer-2 weight"), 1.5, Qt::AlignRight},
                     {QObject::tr("Share of the vote"), 1.6, Qt::AlignRight}};
        for (const LatestFamily& f : latestFamilies(result_)) {
            const QColor c = directionColor(f.trend);
            PdfCell signal = PdfCell(formatSignal(f.signal), c).withBar(f.signal);
            t.rows.push_back(
                {PdfCell(utf8(family_name(f.type)), paperTheme().familyColor(f.type)).strong(),
                 {QString::number(f.base_length)},
                 PdfCell(trendLabel(f.trend), c).strong(),
                 signal,
                 {formatEquity(f.weight)},
                 {percentText(f.share, 1)}});
        }
        const ScanRow& row = result_.row;
        const PdfCell average = PdfCell(formatAverage(row.average), directionColor(row.trend))
                                    .strong()
                                    .withBar(row.average);
        t.rows.push_back({PdfCell(QObject::tr("Average"), PdfDocument::textColor()).strong(),
                          {},
                          PdfCell(trendLabel(row.trend), directionColor(row.trend)).strong(),
                          average,
                          {},
                          {}});
        doc_.table(t);
        doc_.paragraph(
            QObject::tr("Trend: Long when the Layer-1 signal is above the long threshold (%1), "
                        "Short below the short threshold (%2), else Flat. The Average is the "
                        "trends weighted by the Layer-2 weights.")
                .arg(formatSignal(result_.params.long_threshold),
                     formatSignal(result_.params.short_threshold)),
            PdfDocument::font(7.0), PdfDocument::mutedColor());
    }

    void weights() {
        doc_.heading(QObject::tr("Weights · Layer-2 weight and the nine member equities"));
        const std::vector<LatestFamily> families = latestFamilies(result_);
        PdfTable t;
        t.font_pt = 8.0;
        t.zebra = false;
        t.columns = {{QObject::tr("Family"), 1.25}, {QObject::tr("Weight"), 1.15, Qt::AlignRight}};
        for (const LatestMember& m : families.front().members)
            t.columns.push_back({offsetLabel(m.offset), 1.0, Qt::AlignCenter});
        for (const LatestFamily& f : families) {
            std::vector<PdfCell> cells = {
                PdfCell(utf8(family_name(f.type)), paperTheme().familyColor(f.type)).strong(),
                PdfCell(formatEquity(f.weight)).strong()};
            for (const LatestMember& m : f.members)
                cells.push_back(
                    PdfCell(formatEquity(m.equity))
                        .filled(mix(Qt::white, paperTheme().stateColor(m.state), 0.22)));
            t.rows.push_back(cells);
        }
        doc_.table(t);
        QStringList lengths;
        for (const LatestFamily& f : families) {
            int lo = f.members.front().length;
            int hi = lo;
            for (const LatestMember& m : f.members) {
                lo = std::min(lo, m.length);
                hi = std::max(hi, m.length);
            }
            lengths << QStringLiteral("%1 %2 (%3–%4)")
                           .arg(utf8(family_name(f.type)))
                           .arg(f.base_length)
                           .arg(lo)
                           .arg(hi);
        }
        const GrowthNote note = growthNote(result_.bars, result_.params);
        doc_.paragraph(
            QObject::tr("Members are the base length B and B ± the %1 offsets; each cell is the "
                        "member's Layer-1 equity at the last bar, tinted by its crossing state "
                        "(green long, red short, grey none yet). Base lengths (member range): "
                        "%2. %3")
                .arg(utf8(robustness_name(result_.params.robustness)),
                     lengths.join(QStringLiteral(", ")), note.text),
            PdfDocument::font(7.0), PdfDocument::mutedColor());
    }

    void parameters() {
        doc_.heading(QObject::tr("Parameters"));
        doc_.table(parametersTable(result_.params));
        doc_.paragraph(QObject::tr("The keys of a params.json file: atc report --params reads "
                                   "one, and the JSON report repeats them."),
                       PdfDocument::font(7.0), PdfDocument::mutedColor());
    }

    void statistics() {
        doc_.heading(QObject::tr("Statistics of the Average-signal strategy"));
        const MarkerTrade* open = stats_.trades.empty() ? nullptr : &stats_.trades.back();
        PdfTable t;
        t.font_pt = 8.0;
        t.columns = {{QObject::tr("Trades"), 0.8, Qt::AlignRight},
                     {QObject::tr("Long"), 0.7, Qt::AlignRight},
                     {QObject::tr("Short"), 0.7, Qt::AlignRight},
                     {QObject::tr("Hits"), 0.7, Qt::AlignRight},
                     {QObject::tr("Hit rate"), 0.9, Qt::AlignRight},
                     {QObject::tr("Open trade"), 4.0}};
        t.rows.push_back(
            {PdfCell(QString::number(stats_.trades.size())).strong(),
             {QString::number(stats_.longs)},
             {QString::number(stats_.shorts)},
             {QString::number(stats_.hits)},
             PdfCell(percentText(stats_.hit_rate, 1)).strong(),
             {open ? QObject::tr("%1 since %2 at %3 (price %4)")
                         .arg(trendLabel(open->direction), date(open->entry_bar),
                              price(open->entry_close), signedPercent(100.0 * open->move))
                   : QObject::tr("none"),
              open ? directionColor(open->direction) : QColor()}});
        doc_.table(t);

        PdfTable e;
        e.font_pt = 8.0;
        e.zebra = false;
        for (MaType f : kAllFamilies)
            e.columns.push_back({utf8(family_name(f)), 1.0, Qt::AlignRight});
        std::vector<PdfCell> finals;
        for (MaType f : kAllFamilies) {
            finals.push_back({formatEquity(stats_.final_equity[static_cast<std::size_t>(f)]),
                              paperTheme().familyColor(f)});
        }
        e.rows.push_back(finals);
        doc_.paragraph(QObject::tr("Final Layer-2 equity of each family (start: its initial "
                                   "weight):"),
                       PdfDocument::font(8.0), PdfDocument::textColor(), 2.0);
        doc_.table(e);
        doc_.paragraph(
            QObject::tr("Each entry marker opens a trade in its direction at that bar's close; it "
                        "runs to the next marker's close, the last one to the last bar. A hit is "
                        "a trade whose price moved its way (up for long, down for short). No "
                        "costs, no sizing: a summary, not a backtest."),
            PdfDocument::font(7.0), PdfDocument::mutedColor());
    }

    void markers(const ReportProgress& progress) {
        // Newest first: what happened lately is what a reader looks for. Only
        // the latest kPdfTradeRows: a year of minute bars makes tens of
        // thousands of trades, hundreds of pages no one reads (and a PDF of
        // 100 MB); the statistics above count them all, the CSV and the JSON
        // list them all.
        const std::size_t total = stats_.trades.size();
        const std::size_t shown = std::min(total, kPdfTradeRows);
        const QString total_text = QLocale(QLocale::English).toString(qulonglong(total));
        if (shown < total) {
            doc_.heading(QObject::tr("Entry markers · the last %1 of %2 trades, newest first")
                             .arg(shown)
                             .arg(total_text));
            doc_.paragraph(QObject::tr("The last %1 of %2 trades; every trade is in the CSV and "
                                       "JSON reports.")
                               .arg(shown)
                               .arg(total_text),
                           PdfDocument::font(7.5), PdfDocument::mutedColor(), 2.0);
        } else {
            doc_.heading(QObject::tr("Entry markers · %1, newest first").arg(total_text));
        }
        if (stats_.trades.empty()) {
            doc_.paragraph(QObject::tr("The Average signal has not crossed a threshold yet."),
                           PdfDocument::font(8.5), PdfDocument::mutedColor());
            return;
        }
        PdfTable t;
        t.font_pt = 7.5;
        t.columns = {{QStringLiteral("#"), 0.5, Qt::AlignRight},
                     {QObject::tr("Date"), 1.55},
                     {QObject::tr("Bar"), 0.7, Qt::AlignRight},
                     {QObject::tr("Direction"), 1.0},
                     {QObject::tr("Close"), 1.1, Qt::AlignRight},
                     {QObject::tr("Average"), 0.9, Qt::AlignRight},
                     {QObject::tr("Until"), 1.55},
                     {QObject::tr("Price move"), 1.0, Qt::AlignRight},
                     {QObject::tr("Result"), 0.8}};
        for (std::size_t k = total; k-- > total - shown;) {
            const MarkerTrade& m = stats_.trades[k];
            const QColor c = directionColor(m.direction);
            const QString result = m.open  ? QObject::tr("open")
                                   : m.hit ? QObject::tr("hit")
                                           : QObject::tr("miss");
            t.rows.push_back(
                {{QString::number(k + 1), PdfDocument::mutedColor()},
                 {date(m.entry_bar)},
                 {QString::number(m.entry_bar), PdfDocument::mutedColor()},
                 PdfCell(directionLabel(m.direction), c).strong(),
                 {price(m.entry_close)},
                 {formatAverage(result_.average[m.entry_bar])},
                 {m.open ? QObject::tr("last bar") : date(m.exit_bar), PdfDocument::mutedColor()},
                 {signedPercent(100.0 * m.move)},
                 {result, m.hit ? paperTheme().bull : PdfDocument::mutedColor()}});
        }
        const double n = static_cast<double>(t.rows.size());
        doc_.table(t, [&progress, n](std::size_t row) {
            if (row % 32 == 0)
                reportProgress(progress, 0.4 + 0.55 * static_cast<double>(row) / n);
        });
    }

    const SymbolReport& r_;
    const SymbolData& data_;
    const AtcResult& result_;
    PdfDocument& doc_;
    StrategyStats stats_;
    int price_decimals_;
};

}  // namespace

QByteArray symbolReportPdf(const SymbolReport& report, const ReportProgress& progress) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        PdfDocument doc(buffer, QObject::tr("%1 · ATC signal report").arg(report.data->name));
        SymbolPdf(report, doc).write(progress);
        doc.finish();
    }
    return bytes;
}

}  // namespace atc::ui
