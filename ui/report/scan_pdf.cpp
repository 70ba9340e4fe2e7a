// SPDX-License-Identifier: GPL-3.0-or-later
// The scan report as PDF: when and what was scanned and with which
// parameters, then the LONG and SHORT tables ranked by signal strength, each
// signal drawn as a bar so the strongest names stand out.
#include <QBuffer>
#include <QDateTime>
#include <QStringList>
#include <QTimeZone>
#include <chrono>
#include <cmath>

#include "atc/scan_ranking.hpp"
#include "charts/chart_format.hpp"
#include "core/number_format.hpp"
#include "report/pdf_document.hpp"
#include "report/report_text.hpp"
#include "report/scan_report_writers.hpp"

namespace atc::ui {
namespace {

// "2024-05-17 09:30": the report's time in UTC, to the minute.
QString scannedAtMinute(const ScanReport& report) {
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(report.scanned_at.time_since_epoch());
    return QDateTime::fromMSecsSinceEpoch(ms.count(), QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd hh:mm"));
}

void title(PdfDocument& doc, const ScanReport& report, const RankedScanReport& ranked) {
    QPainter& p = doc.painter();
    const QRectF top = doc.take(40.0);
    p.setFont(PdfDocument::font(22.0, true));
    p.setPen(PdfDocument::textColor());
    p.drawText(top, Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("ATC scan"));
    p.setFont(PdfDocument::font(10.5, true));
    p.drawText(top.adjusted(0, 2, 0, -20), Qt::AlignRight | Qt::AlignVCenter,
               QObject::tr("scanned %1 UTC").arg(scannedAtMinute(report)));
    p.setFont(PdfDocument::font(7.5));
    p.setPen(PdfDocument::mutedColor());
    p.drawText(top.adjusted(0, 20, 0, 0), Qt::AlignRight | Qt::AlignVCenter,
               PdfDocument::producer());
    doc.skip(4.0);
    const std::size_t computed = report.rows.size();
    const std::size_t failed = report.failures.size();
    doc.paragraph(QObject::tr("%1 symbols scanned: %2 long, %3 short, %4 flat, %5 failed")
                      .arg(groupedCount(computed + failed), groupedCount(ranked.longs.total),
                           groupedCount(ranked.shorts.total), groupedCount(ranked.flats.total),
                           groupedCount(failed)),
                  PdfDocument::font(8.5), PdfDocument::textColor(), 2.0);
    QStringList notes;
    if (const std::string source = describe_source(report.source); !source.empty())
        notes << QObject::tr("Source: %1").arg(utf8(source));
    if (!report.timeframe.empty())
        notes << QObject::tr("timeframe %1").arg(utf8(report.timeframe));
    if (report.filter.min_signal > 0.0)
        notes << QObject::tr("listed: |signal| ≥ %1").arg(exactText(report.filter.min_signal));
    if (report.filter.top)
        notes << QObject::tr("at most %1 per table").arg(*report.filter.top);
    if (!notes.isEmpty())
        doc.paragraph(notes.join(QStringLiteral(" · ")), PdfDocument::font(8.0),
                      PdfDocument::mutedColor(), 2.0);
    doc.skip(6.0);
}

void table(PdfDocument& doc, const QString& heading, const ScanReportTable& table,
           const std::function<void(std::size_t)>& on_row) {
    const QString shown = table.shown.size() == table.total
                              ? QString()
                              : QObject::tr(", %1 shown").arg(groupedCount(table.shown.size()));
    doc.heading(QObject::tr("%1 · %2 symbols%3").arg(heading, groupedCount(table.total), shown));
    if (table.shown.empty()) {
        doc.paragraph(QObject::tr("None."), PdfDocument::font(8.5), PdfDocument::mutedColor());
        return;
    }
    PdfTable t;
    // Nine columns across a portrait page: a size smaller than the other tables.
    t.font_pt = 7.0;
    t.columns = {{QObject::tr("Rank"), 0.5, Qt::AlignRight},
                 {QObject::tr("Symbol"), 1.2},
                 {QObject::tr("Signal"), 1.25, Qt::AlignRight},
                 {QObject::tr("Last close"), 1.15, Qt::AlignRight},
                 {QObject::tr("Bars"), 0.6, Qt::AlignRight},
                 {QObject::tr("Last entry"), 2.75},
                 {QObject::tr("Since"), 0.6, Qt::AlignRight},
                 {QObject::tr("Chg %"), 1.05, Qt::AlignRight},
                 {QObject::tr("Strongest"), 1.1}};
    for (std::size_t k = 0; k < table.shown.size(); ++k) {
        const ScanReportRow& r = *table.shown[k];
        const QColor c = directionColor(r.row.trend);
        const QColor entry = r.row.last_marker ? directionColor(r.row.last_marker->direction)
                                               : PdfDocument::mutedColor();
        const std::optional<std::size_t> since = bars_since_entry(r.row);
        const double change = change_since_entry_percent(r.row);
        const std::optional<MaType> strongest = strongest_family(r.row);
        t.rows.push_back(
            {PdfCell(QString::number(k + 1), PdfDocument::mutedColor()),
             PdfCell(utf8(r.symbol)).strong(),
             PdfCell(formatAverage(r.row.average), c).withBar(r.row.average),
             PdfCell(tablePrice(r.row.last_close)),
             PdfCell(groupedCount(r.row.bars), PdfDocument::mutedColor()),
             PdfCell(utf8(entry_text(r.row.last_marker, r.marker_label)), entry),
             PdfCell(since ? groupedCount(*since) : QStringLiteral("—"), PdfDocument::mutedColor()),
             PdfCell(signedPercent(change), directionColor(change > 0.0   ? Direction::Long
                                                           : change < 0.0 ? Direction::Short
                                                                          : Direction::Flat)),
             PdfCell(strongest ? familyEquityText(
                                     *strongest,
                                     r.row.family_equity[static_cast<std::size_t>(*strongest)])
                               : QStringLiteral("—"))});
    }
    doc.table(t, on_row);
}

}  // namespace

QByteArray scanReportPdf(const ScanReport& report, const RankedScanReport& ranked,
                         const ReportProgress& progress) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        PdfDocument doc(buffer, QObject::tr("ATC scan · %1 UTC").arg(scannedAtMinute(report)));
        title(doc, report, ranked);
        doc.heading(QObject::tr("Parameters"));
        doc.table(parametersTable(report.params));

        const double rows =
            static_cast<double>(ranked.longs.shown.size() + ranked.shorts.shown.size()) + 1.0;
        std::size_t done = 0;
        const auto on_row = [&](std::size_t) {
            if (++done % 32 == 0)
                reportProgress(progress, 0.05 + 0.9 * static_cast<double>(done) / rows);
        };
        table(doc, QObject::tr("LONG"), ranked.longs, on_row);
        table(doc, QObject::tr("SHORT"), ranked.shorts, on_row);
        if (!ranked.flats.shown.empty()) {
            QStringList names;
            for (const ScanReportRow* r : ranked.flats.shown)
                names << utf8(r->symbol);
            doc.heading(QObject::tr("FLAT · %1 symbols").arg(groupedCount(ranked.flats.total)), 30);
            doc.paragraph(names.join(QStringLiteral(", ")), PdfDocument::font(8.0),
                          PdfDocument::textColor());
        }
        doc.paragraph(QObject::tr("Signal: the latest Average signal (−1 to +1); LONG above 0, "
                                  "SHORT below, ranked by its strength. Last entry: the latest "
                                  "▲/▼ entry marker and its bar; Since: bars from it to the "
                                  "last bar; Chg %: the price change since its close. Strongest: "
                                  "the family with the largest Layer-2 equity at the last bar."),
                      PdfDocument::font(7.0), PdfDocument::mutedColor());
        doc.finish();
    }
    return bytes;
}

}  // namespace atc::ui
