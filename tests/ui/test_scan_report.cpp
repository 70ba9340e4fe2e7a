// SPDX-License-Identifier: GPL-3.0-or-later
// The scan report as PDF, CSV and JSON: the LONG and SHORT tables ranked as
// `atc scan` ranks them (atc/scan_ranking.hpp), with the parameters and the
// time of the scan, the numbers exactly the engine's, and nothing left behind
// by a report that cannot be written.
//
// ATC_REPORT_PREVIEW_DIR=/tmp/x keeps the PDF there with page one as PNG.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstring>

#include "../support/pdf_tools.hpp"
#include "../support/project_version.hpp"
#include "atc/atomic_file.hpp"
#include "atc/batch.hpp"
#include "atc/params_json.hpp"
#include "atc/sample_universe.hpp"
#include "atc/scan_ranking.hpp"
#include "charts/chart_format.hpp"
#include "report/report_facts.hpp"
#include "report/scan_report.hpp"

using namespace atc;
using namespace atc::ui;

namespace {

bool same_bits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

double exact(const QByteArray& field) {
    return std::strtod(field.toStdString().c_str(), nullptr);
}

}  // namespace

class TestScanReport : public QObject {
    Q_OBJECT

private:
    ScanReport data_;
    // Per row of data_: the closes, and each family's Layer-2 curve's last value.
    std::vector<std::vector<double>> closes_;
    std::vector<std::array<double, kFamilyCount>> last_equities_;
    ScanRanking ranking_;
    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        UniverseSpec spec;
        spec.symbols = 120;
        spec.bars = 600;
        const std::vector<GeneratedSymbol> universe = generate_universe(spec);
        std::vector<std::span<const double>> closes;
        for (const GeneratedSymbol& g : universe)
            closes.emplace_back(g.bars.close);
        data_.params.robustness = Robustness::Narrow;
        data_.params.long_threshold = 0.2;
        // With the per-bar series, to check the rows' family equities against them.
        BatchOptions options;
        options.keep_series = true;
        const BatchResult batch = compute_batch(closes, data_.params, options);
        std::vector<double> averages;
        std::vector<std::string> names;
        for (std::size_t i = 0; i < universe.size(); ++i) {
            const ScanRow& row = batch.symbols[i].row;
            const std::string label =
                row.last_marker ? barTimes(universe[i].bars)[row.last_marker->bar] : std::string();
            // The report's last close is the series' own.
            QVERIFY(same_bits(row.last_close, universe[i].bars.close.back()));
            data_.rows.push_back({universe[i].name, row, label});
            closes_.push_back(universe[i].bars.close);
            std::array<double, kFamilyCount> last{};
            for (std::size_t t = 0; t < kFamilyCount; ++t)
                last[t] = batch.symbols[i].layer2_equities[t].back();
            last_equities_.push_back(last);
            averages.push_back(row.average);
            names.push_back(universe[i].name);
        }
        using namespace std::chrono;
        data_.scanned_at = sys_days{year{2024} / 5 / 17} + hours{9} + minutes{30};
        data_.source = {"database", "/data/atc-studio.sqlite"};
        data_.failures = {{"BROKEN", "BROKEN", "no bars"}, {"EMPTY", "EMPTY", "no bars"}};
        ranking_ = rank_scan(averages, names);
        QVERIFY(ranking_.longs.size() > 5);
        QVERIFY(ranking_.shorts.size() > 5);
    }

    void csvListsTheRankedTables() {
        const QByteArray csv = renderScanReport(data_, ReportFormat::Csv);
        QList<QByteArray> lines = csv.split('\n');
        lines.removeLast();
        QCOMPARE(lines.front(), QByteArray("table,rank,symbol,average,trend,last_close,bars,"
                                           "entry_direction,entry_bar,entry_label,scanned_at,"
                                           "bars_since_entry,entry_close,change_since_entry_pct,"
                                           "strongest_family,strongest_family_equity"));
        QCOMPARE(static_cast<std::size_t>(lines.size() - 1), data_.rows.size());
        std::size_t line = 1;
        for (const auto& [name, table] :
             {std::pair("long", &ranking_.longs), std::pair("short", &ranking_.shorts),
              std::pair("flat", &ranking_.flats)}) {
            for (std::size_t k = 0; k < table->size(); ++k, ++line) {
                const ScanReportRow& r = data_.rows[(*table)[k]];
                const std::vector<double>& close = closes_[(*table)[k]];
                const std::array<double, kFamilyCount>& w = last_equities_[(*table)[k]];
                const QList<QByteArray> f = lines[static_cast<qsizetype>(line)].split(',');
                QCOMPARE(f.size(), 16);
                QCOMPARE(f[0], QByteArray(name));
                QCOMPARE(f[1].toULongLong(), k + 1);
                QCOMPARE(f[2].toStdString(), r.symbol);
                QVERIFY(same_bits(exact(f[3]), r.row.average));
                QVERIFY(same_bits(exact(f[5]), r.row.last_close));
                QCOMPARE(f[6].toULongLong(), r.row.bars);
                if (r.row.last_marker) {
                    const std::size_t entry = r.row.last_marker->bar;
                    QCOMPARE(f[8].toULongLong(), entry);
                    QCOMPARE(f[9].toStdString(), r.marker_label);
                    QCOMPARE(f[11].toULongLong(), close.size() - 1 - entry);
                    QVERIFY(same_bits(exact(f[12]), close[entry]));
                    QVERIFY(same_bits(exact(f[13]), (close.back() / close[entry] - 1.0) * 100.0));
                } else {
                    QVERIFY(f[11].isEmpty() && f[12].isEmpty() && f[13].isEmpty());
                }
                QCOMPARE(f[10], QByteArray("2024-05-17T09:30:00Z"));
                const auto strongest = std::max_element(w.begin(), w.end());
                QCOMPARE(f[14].toStdString(),
                         std::string(family_name(
                             kAllFamilies[static_cast<std::size_t>(strongest - w.begin())])));
                QVERIFY(same_bits(exact(f[15]), *strongest));
            }
        }
    }

    // --min-signal and --top cut each table as `atc scan` does.
    void filtersCutEachTable() {
        ScanReport cut = data_;
        cut.filter.top = 3;
        const QByteArray csv = renderScanReport(cut, ReportFormat::Csv);
        QCOMPARE(csv.count("\nlong,"), 3);
        QCOMPARE(csv.count("\nshort,"), 3);
        cut.filter.top.reset();
        cut.filter.min_signal = 2.0;  // above any |Average|
        QCOMPARE(renderScanReport(cut, ReportFormat::Csv).count('\n'), 1);
    }

    void jsonHoldsParametersTimeAndTables() {
        const QByteArray bytes = renderScanReport(data_, ReportFormat::Json);
        QJsonParseError error{};
        const QJsonObject doc = QJsonDocument::fromJson(bytes, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc[QStringLiteral("scanned_at")].toString(),
                 QStringLiteral("2024-05-17T09:30:00Z"));
        QCOMPARE(doc[QStringLiteral("source")].toString(),
                 QStringLiteral("database /data/atc-studio.sqlite"));
        const QByteArray params =
            QJsonDocument(doc[QStringLiteral("parameters")].toObject()).toJson();
        QVERIFY(parse_params_json(params.toStdString(), "scan report") == data_.params);
        const QJsonObject totals = doc[QStringLiteral("totals")].toObject();
        QCOMPARE(totals[QStringLiteral("failed")].toInt(), 2);
        QCOMPARE(static_cast<std::size_t>(totals[QStringLiteral("long")].toInt()),
                 ranking_.longs.size());
        const QJsonArray longs =
            doc[QStringLiteral("long")].toObject()[QStringLiteral("rows")].toArray();
        QCOMPARE(static_cast<std::size_t>(longs.size()), ranking_.longs.size());
        for (qsizetype k = 0; k < longs.size(); ++k) {
            const ScanReportRow& r = data_.rows[ranking_.longs[static_cast<std::size_t>(k)]];
            const QJsonObject row = longs[k].toObject();
            QCOMPARE(row[QStringLiteral("symbol")].toString().toStdString(), r.symbol);
            QVERIFY(same_bits(row[QStringLiteral("average")].toDouble(), r.row.average));
        }
    }

    void pdfNamesTheScanAndItsTables() {
        QVERIFY2(!atc::test::poppler_tool(QStringLiteral("pdftotext")).isEmpty(),
                 atc::test::poppler_hint());
        const QString file = dir_.filePath(QStringLiteral("scan.pdf"));
        // Long numbers read as in the scanner's tables: grouped digits.
        ScanReport report = data_;
        ScanRow& top = report.rows[ranking_.longs.front()].row;
        top.last_close = 12'345.678;
        top.bars = 1'200;
        writeScanReport(report, ReportFormat::Pdf, file.toStdString());
        const QString text = atc::test::pdf_text(file);
        QVERIFY2(!text.isEmpty(), "pdftotext could not read the PDF");
        const ScanReportRow& top_long = data_.rows[ranking_.longs.front()];
        const ScanReportRow& top_short = data_.rows[ranking_.shorts.front()];
        for (const QString& needle :
             {QStringLiteral("ATC scan"), QStringLiteral("2024-05-17 09:30"),
              QStringLiteral("LONG"), QStringLiteral("SHORT"), QStringLiteral("robustness"),
              QStringLiteral("Narrow"), QStringLiteral("long_threshold"), QStringLiteral("0.2"),
              QString::fromStdString(top_long.symbol), formatAverage(top_long.row.average),
              QString::fromStdString(top_short.symbol), formatAverage(top_short.row.average),
              QStringLiteral("2 failed"), QStringLiteral("database /data/atc-studio.sqlite"),
              QStringLiteral("12,345.68"), QStringLiteral("1,200"),
              QStringLiteral("ATC Studio %1 · atc-engine-")
                  .arg(atc::test::cmake_project_version())}) {
            QVERIFY2(text.contains(needle), qPrintable(QStringLiteral("missing: ") + needle));
        }
        // LONG comes first and is ranked strongest first.
        QVERIFY(text.indexOf(QStringLiteral("LONG")) < text.indexOf(QStringLiteral("SHORT")));
        const QString second = QString::fromStdString(data_.rows[ranking_.longs[1]].symbol);
        QVERIFY(text.indexOf(QString::fromStdString(top_long.symbol)) < text.indexOf(second));
        const QString preview = qEnvironmentVariable("ATC_REPORT_PREVIEW_DIR");
        if (!preview.isEmpty()) {
            QDir().mkpath(preview);
            QFile::remove(preview + QStringLiteral("/scan.pdf"));
            QFile::copy(file, preview + QStringLiteral("/scan.pdf"));
            QVERIFY(atc::test::pdf_preview(file, preview + QStringLiteral("/scan"), 1, 2));
        }
    }

    void pngAndUnwritableFilesAreRefused() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, renderScanReport(data_, ReportFormat::Png));
        const QString file = dir_.filePath(QStringLiteral("missing/scan.json"));
        QVERIFY_THROWS_EXCEPTION(FileWriteError,
                                 writeScanReport(data_, ReportFormat::Json, file.toStdString()));
        QVERIFY(!QFile::exists(file));
        QVERIFY(!QDir(dir_.filePath(QStringLiteral("missing"))).exists());
    }
};

QTEST_MAIN(TestScanReport)
#include "test_scan_report.moc"
