// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's scan model and the report files both front ends write from it:
// the ranking and cut every scan output shares, the CSV byte for byte (the
// format users' sheets read), the JSON's layout. ui/test_scan_report.cpp
// checks the same files on a computed universe, and the PDF.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <chrono>
#include <string>

#include "../support/project_version.hpp"
#include "atc/params_json.hpp"
#include "atc/scan_report.hpp"
#include "atc/scan_report_formats.hpp"
#include "atc/version.hpp"

using namespace atc;

namespace {

ScanReportRow make_row(std::string symbol, double average, double last_close, std::size_t bars,
                       std::optional<EntryMarker> marker = std::nullopt, std::string label = {}) {
    ScanReportRow r;
    r.symbol = std::move(symbol);
    r.row.average = average;
    r.row.trend = average > 0.0   ? Direction::Long
                  : average < 0.0 ? Direction::Short
                                  : Direction::Flat;
    r.row.last_close = last_close;
    r.row.bars = bars;
    r.row.last_marker = marker;
    r.marker_label = std::move(label);
    return r;
}

// Three longs (two tied), one short whose name needs quoting in CSV, one flat,
// one failure; taken at 09:30:15.750 UTC.
ScanReport sample_report() {
    ScanReport report;
    report.params.long_threshold = 0.2;
    report.source = {"database", "/data/atc.sqlite"};
    using namespace std::chrono;
    report.scanned_at =
        sys_days{year{2024} / 5 / 17} + hours{9} + minutes{30} + seconds{15} + milliseconds{750};
    report.rows = {
        make_row("DDD", 0.5, 3.0, 100),
        make_row("B,C", -0.75, 7.5, 200, EntryMarker{150, Direction::Short, -0.3}),
        make_row("FLAT", 0.0, 1.0, 50),
        make_row("AAA", 0.5, 101.25, 300, EntryMarker{290, Direction::Long, 0.41}, "2024-01-02"),
        make_row("WEAK", 0.125, 2.0, 60)};
    report.failures = {{"BROKEN", "BROKEN", "no bars"}};
    // Since the entry: AAA rose 25 % from 81, B,C fell 25 % from 10. AAA's
    // strongest family is HMA (the others never reached the cutout).
    report.rows[3].row.entry_close = 81.0;
    report.rows[3].row.family_equity[0] = 1.0;
    report.rows[3].row.family_equity[1] = 1.25;
    report.rows[1].row.entry_close = 10.0;
    return report;
}

QJsonObject parse(const std::string& json) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

}  // namespace

class TestScanReportFormats : public QObject {
    Q_OBJECT

private slots:
    void rankingSplitsBySignAndCutsByTheFilter() {
        ScanReport report = sample_report();
        RankedScanReport ranked = rank_scan_report(report);
        QCOMPARE(ranked.longs.name, "long");
        QCOMPARE(ranked.shorts.name, "short");
        QCOMPARE(ranked.flats.name, "flat");
        QCOMPARE(ranked.longs.total, std::size_t{3});
        QCOMPARE(ranked.longs.shown.size(), std::size_t{3});
        // Strongest first, a tie by symbol; the rows are the report's own.
        QCOMPARE(ranked.longs.shown[0], &report.rows[3]);
        QCOMPARE(ranked.longs.shown[1], &report.rows[0]);
        QCOMPARE(ranked.longs.shown[2], &report.rows[4]);
        QCOMPARE(ranked.shorts.shown.front()->symbol, std::string("B,C"));
        QCOMPARE(ranked.flats.shown.front()->symbol, std::string("FLAT"));

        report.filter = {0.2, 1};
        ranked = rank_scan_report(report);
        QCOMPARE(ranked.longs.total, std::size_t{3});
        QCOMPARE(ranked.longs.shown.size(), std::size_t{1});
        QCOMPARE(ranked.shorts.shown.size(), std::size_t{1});
        QVERIFY(ranked.flats.shown.empty());  // |0| is below any minimum above 0
        QCOMPARE(ranked.flats.total, std::size_t{1});
    }

    void sourceAndTimeInWords() {
        const ScanReport report = sample_report();
        QCOMPARE(describe_source(report.source), std::string("database /data/atc.sqlite"));
        QCOMPARE(describe_source({"ATC Studio scanner", ""}), std::string("ATC Studio scanner"));
        QCOMPARE(scanned_at_text(report), std::string("2024-05-17T09:30:15Z"));
    }

    void csvListsTheTablesInRankOrder() {
        const std::string at = ",2024-05-17T09:30:15Z,";
        const std::string no_entry = ",,,,\n";
        QCOMPARE(
            format_scan_report_csv(sample_report()),
            "table,rank,symbol,average,trend,last_close,bars,entry_direction,entry_bar,"
            "entry_label,scanned_at,bars_since_entry,entry_close,change_since_entry_pct,"
            "strongest_family,strongest_family_equity\n" +
                ("long,1,AAA,0.5,long,101.25,300,long,290,2024-01-02" + at + "9,81,25,HMA,1.25\n") +
                ("long,2,DDD,0.5,long,3,100,,," + at + no_entry) +
                ("long,3,WEAK,0.125,long,2,60,,," + at + no_entry) +
                ("short,1,\"B,C\",-0.75,short,7.5,200,short,150," + at + "49,10,-25,,\n") +
                ("flat,1,FLAT,0,flat,1,50,,," + at + no_entry));
    }

    // A scan at a chosen timeframe names it on every line, in a last column
    // and a JSON member that a scan at the data's own timeframes does not have.
    void timeframeIsNamedOnlyWhenChosen() {
        ScanReport report = sample_report();
        report.timeframe = "1d America/New_York";
        const std::string csv = format_scan_report_csv(report);
        QVERIFY(
            csv.starts_with("table,rank,symbol,average,trend,last_close,bars,entry_direction,"
                            "entry_bar,entry_label,scanned_at,bars_since_entry,entry_close,"
                            "change_since_entry_pct,strongest_family,strongest_family_equity,"
                            "timeframe\n"
                            "long,1,AAA,0.5,long,101.25,300,long,290,2024-01-02,"
                            "2024-05-17T09:30:15Z,9,81,25,HMA,1.25,1d America/New_York\n"));
        QCOMPARE(parse(format_scan_report_json(report))[QStringLiteral("timeframe")].toString(),
                 QStringLiteral("1d America/New_York"));
        QVERIFY(
            !parse(format_scan_report_json(sample_report())).contains(QStringLiteral("timeframe")));
    }

    void jsonHoldsParametersTotalsAndTables() {
        ScanReport report = sample_report();
        report.filter.top = 2;
        const std::string text = format_scan_report_json(report);
        QVERIFY(text.starts_with("{\n  \"report\": \"atc-scan-report\",\n"));
        const QJsonObject doc = parse(text);
        QCOMPARE(doc[QStringLiteral("format_version")].toInt(), 1);
        QCOMPARE(doc[QStringLiteral("scanned_at")].toString(),
                 QStringLiteral("2024-05-17T09:30:15Z"));
        QCOMPARE(doc[QStringLiteral("source")].toString(),
                 QStringLiteral("database /data/atc.sqlite"));
        QCOMPARE(doc[QStringLiteral("engine_version")].toString(), QLatin1String(kEngineVersion));
        QCOMPARE(doc[QStringLiteral("atc_studio_version")].toString(),
                 atc::test::cmake_project_version());
        const QByteArray params =
            QJsonDocument(doc[QStringLiteral("parameters")].toObject()).toJson();
        QVERIFY(parse_params_json(params.toStdString(), "scan report") == report.params);
        const QJsonObject filter = doc[QStringLiteral("filter")].toObject();
        QCOMPARE(filter[QStringLiteral("min_signal")].toDouble(), 0.0);
        QCOMPARE(filter[QStringLiteral("top")].toInt(), 2);

        const QJsonObject totals = doc[QStringLiteral("totals")].toObject();
        QCOMPARE(totals[QStringLiteral("scanned")].toInt(), 6);
        QCOMPARE(totals[QStringLiteral("long")].toInt(), 3);
        QCOMPARE(totals[QStringLiteral("short")].toInt(), 1);
        QCOMPARE(totals[QStringLiteral("flat")].toInt(), 1);
        QCOMPARE(totals[QStringLiteral("failed")].toInt(), 1);

        const QJsonObject longs = doc[QStringLiteral("long")].toObject();
        QCOMPARE(longs[QStringLiteral("total")].toInt(), 3);
        const QJsonArray rows = longs[QStringLiteral("rows")].toArray();
        QCOMPARE(rows.size(), 2);  // top 2
        const QJsonObject first = rows[0].toObject();
        QCOMPARE(first[QStringLiteral("rank")].toInt(), 1);
        QCOMPARE(first[QStringLiteral("symbol")].toString(), QStringLiteral("AAA"));
        QCOMPARE(first[QStringLiteral("average")].toDouble(), 0.5);
        QCOMPARE(first[QStringLiteral("trend")].toString(), QStringLiteral("long"));
        QCOMPARE(first[QStringLiteral("last_close")].toDouble(), 101.25);
        QCOMPARE(first[QStringLiteral("bars")].toInt(), 300);
        const QJsonObject entry = first[QStringLiteral("last_entry")].toObject();
        QCOMPARE(entry[QStringLiteral("direction")].toString(), QStringLiteral("long"));
        QCOMPARE(entry[QStringLiteral("bar")].toInt(), 290);
        QCOMPARE(entry[QStringLiteral("label")].toString(), QStringLiteral("2024-01-02"));
        QCOMPARE(entry[QStringLiteral("average")].toDouble(), 0.41);
        QCOMPARE(entry[QStringLiteral("bars_since")].toInt(), 9);
        QCOMPARE(entry[QStringLiteral("close")].toDouble(), 81.0);
        QCOMPARE(entry[QStringLiteral("change_pct")].toDouble(), 25.0);
        const QJsonObject strongest = first[QStringLiteral("strongest_family")].toObject();
        QCOMPARE(strongest[QStringLiteral("type")].toString(), QStringLiteral("HMA"));
        QCOMPARE(strongest[QStringLiteral("equity")].toDouble(), 1.25);
        QVERIFY(rows[1].toObject()[QStringLiteral("last_entry")].isNull());
        QVERIFY(rows[1].toObject()[QStringLiteral("strongest_family")].isNull());

        // A marker without a label keeps an empty label (atc scan --json writes null).
        const QJsonObject short_entry = doc[QStringLiteral("short")]
                                            .toObject()[QStringLiteral("rows")]
                                            .toArray()[0]
                                            .toObject()[QStringLiteral("last_entry")]
                                            .toObject();
        QCOMPARE(short_entry[QStringLiteral("label")].toString(), QString());
        QVERIFY(short_entry[QStringLiteral("label")].isString());
        QCOMPARE(doc[QStringLiteral("flat")].toObject()[QStringLiteral("rows")].toArray().size(),
                 1);
    }
};

QTEST_APPLESS_MAIN(TestScanReportFormats)
#include "test_scan_report_formats.moc"
