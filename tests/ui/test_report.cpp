// SPDX-License-Identifier: GPL-3.0-or-later
// The symbol report in every format, checked against the engine: the CSV and
// the JSON hold exactly compute_symbol's numbers (to the last bit), the PDF is
// a PDF whose text names the symbol, its parameters and its latest signal, the
// PNG has the size asked for, and a failed or cancelled report leaves nothing
// behind. The window's File → Export… runs off the GUI thread.
//
// ATC_REPORT_PREVIEW_DIR=/tmp/x keeps the PDFs there and renders their first
// pages to PNG (pdftoppm) for a human to look at.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>

#include "../support/drawing_pixels.hpp"
#include "../support/pdf_tools.hpp"
#include "../support/project_version.hpp"
#include "atc/atomic_file.hpp"
#include "atc/compute.hpp"
#include "atc/params_json.hpp"
#include "atc/performance.hpp"
#include "atc/price_csv.hpp"
#include "atc/scan_ranking.hpp"
#include "atc/store/drawing_store.hpp"
#include "charts/chart_format.hpp"
#include "charts/chart_stack.hpp"
#include "core/number_format.hpp"
#include "report/print_resolution.hpp"
#include "report/report_exporter.hpp"
#include "report/report_facts.hpp"
#include "report/strategy_stats.hpp"
#include "report/symbol_report.hpp"

using namespace atc;
using namespace atc::ui;
namespace fs = std::filesystem;

namespace {

std::shared_ptr<const SymbolData> load_sample(const QString& name, const AtcParams& params) {
    auto data = std::make_shared<SymbolData>();
    data->name = name;
    data->bars = read_price_csv(fs::path(ATC_SAMPLE_DIR) / (name.toStdString() + ".csv"));
    data->params = params;
    data->result = std::make_shared<const AtcResult>(compute_symbol(data->bars.close, params));
    return data;
}

store::SymbolInfo sample_info(const SymbolData& data) {
    store::SymbolInfo info;
    info.meta.name = data.name.toStdString();
    info.meta.source = "bundled:" + info.meta.name + ".csv";
    info.meta.timeframe = "1d";
    info.meta.provenance = "Daily bars of one US stock (the ttrc data set of R's TTR package)";
    info.bar_count = data.barCount();
    return info;
}

bool same_bits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// The CSV's numeric field: empty is NaN, anything else read exactly.
bool field_matches(const QByteArray& field, double expected) {
    if (field.isEmpty())
        return std::isnan(expected);
    char* end = nullptr;
    const std::string s = field.toStdString();
    const double v = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && same_bits(v, expected);
}

// QJsonDocument reads "-0.0" as +0 (the file has the sign: see
// jsonHoldsTheEnginesNumbers), so a zero matches a zero of either sign.
bool json_matches(const QJsonValue& value, double expected) {
    if (value.isNull())
        return !std::isfinite(expected);
    if (!value.isDouble())
        return false;
    return same_bits(value.toDouble(), expected) || (value.toDouble() == 0.0 && expected == 0.0);
}

// `bars` closes that swing often enough for thousands of entry markers, on a
// random walk (so that not every trade is a hit): a minute-bar year in miniature.
// `minutes`: one-minute times from 2024-01-01 (else no times, bars by number).
std::shared_ptr<const SymbolData> many_trades(std::size_t bars, bool minutes = false) {
    auto data = std::make_shared<SymbolData>();
    data->name = QStringLiteral("SWING");
    if (minutes) {
        data->bars.time_kind = TimeKind::DateTime;
        data->bars.time_column = "open_time";
        for (std::size_t i = 0; i < bars; ++i)
            data->bars.time_ms.push_back(1'704'067'200'000 + static_cast<std::int64_t>(i) * 60'000);
    }
    std::uint32_t seed = 20;
    double walk = 0.0;
    for (std::size_t i = 0; i < bars; ++i) {
        seed = seed * 1664525u + 1013904223u;  // a fixed LCG: the same series on every run
        walk += 0.004 * (static_cast<double>(seed >> 8) / double(1u << 24) - 0.5);
        const double t = static_cast<double>(i);
        data->bars.close.push_back(100.0 * std::exp(walk) * (1.0 + 0.04 * std::sin(t / 37.0)));
    }
    data->result = std::make_shared<const AtcResult>(compute_symbol(data->bars.close, {}));
    return data;
}

QString preview_dir() {
    return qEnvironmentVariable("ATC_REPORT_PREVIEW_DIR");
}

}  // namespace

class TestReport : public QObject {
    Q_OBJECT

private:
    AtcParams params_;
    std::shared_ptr<const SymbolData> ttrc_;
    std::shared_ptr<const SymbolData> dax_;
    QTemporaryDir dir_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    SymbolReport report_of(const std::shared_ptr<const SymbolData>& data) const {
        SymbolReport r;
        r.data = data;
        r.info = sample_info(*data);
        r.generated = QDateTime(QDate(2024, 5, 17), QTime(9, 30), QTimeZone::utc());
        return r;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        params_.robustness = Robustness::Wide;
        params_.lengths = {24, 30, 28, 20, 32, 26};
        params_.lambda = 0.015;
        ttrc_ = load_sample(QStringLiteral("TTRC"), params_);
        dax_ = load_sample(QStringLiteral("DAX"), AtcParams{});
    }

    // Every per-bar output of compute_symbol, bit for bit, with the bar's date
    // and its entry marker.
    void csvHoldsTheEnginesNumbers() {
        const AtcResult expected = compute_symbol(ttrc_->bars.close, params_);
        const QByteArray csv = renderSymbolReport(report_of(ttrc_), ReportFormat::Csv);
        QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.back(), QByteArray());
        lines.removeLast();
        QCOMPARE(lines.front(),
                 QByteArray("bar,date,EMA_Signal,HMA_Signal,WMA_Signal,DEMA_Signal,LSMA_Signal,"
                            "KAMA_Signal,EMA_S,HMA_S,WMA_S,DEMA_S,LSMA_S,KAMA_S,Average_Signal,"
                            "marker,position,strategy_equity"));
        QCOMPARE(static_cast<std::size_t>(lines.size() - 1), expected.bars);
        std::vector<std::string_view> markers(expected.bars);
        for (const EntryMarker& m : expected.markers)
            markers[m.bar] = m.direction == Direction::Long ? "long" : "short";
        const std::vector<std::string> dates = barTimes(ttrc_->bars);
        QCOMPARE(dates.front(), std::string("1985-01-02"));
        const auto perf =
            compute_performance(ttrc_->bars.close, ttrc_->bars.time_ms, expected.average,
                                params_.long_threshold, params_.short_threshold);
        QVERIFY(perf);
        for (std::size_t i = 0; i < expected.bars; ++i) {
            const QList<QByteArray> f = lines[static_cast<qsizetype>(i + 1)].split(',');
            QCOMPARE(f.size(), 18);
            QCOMPARE(f[16].toInt(), int{perf->position[i]});
            QVERIFY2(field_matches(f[17], perf->equity[i]), f[17].data());
            QCOMPARE(f[0].toULongLong(), i);
            QCOMPARE(f[1].toStdString(), dates[i]);
            int c = 2;
            for (MaType t : kAllFamilies)
                QVERIFY2(field_matches(f[c++], expected.family(t).signal[i]), f[c - 1].data());
            for (MaType t : kAllFamilies)
                QVERIFY2(field_matches(f[c++], expected.family(t).weight_equity[i]),
                         f[c - 1].data());
            QVERIFY(field_matches(f[c++], expected.average[i]));
            QCOMPARE(f[c].toStdString(), std::string(markers[i]));
        }
        // The equity column is the position's: it starts at 1 where the Average does.
        QCOMPARE(lines[static_cast<qsizetype>(perf->first_bar + 1)].split(',')[17],
                 QByteArray("1"));
    }

    // A file whose label is a fractional year keeps it unshortened.
    void csvKeepsTheFilesOwnLabels() {
        const QByteArray csv = renderSymbolReport(report_of(dax_), ReportFormat::Csv);
        QVERIFY(csv.split('\n')[1].startsWith("0,1991.496153846154,"));
    }

    void jsonHoldsTheEnginesNumbers() {
        const AtcResult expected = compute_symbol(ttrc_->bars.close, params_);
        const QByteArray bytes = renderSymbolReport(report_of(ttrc_), ReportFormat::Json);
        QJsonParseError error{};
        const QJsonObject doc = QJsonDocument::fromJson(bytes, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc[QStringLiteral("symbol")].toString(), QStringLiteral("TTRC"));
        QCOMPARE(doc[QStringLiteral("generated_at")].toString(),
                 QStringLiteral("2024-05-17T09:30:00Z"));
        QCOMPARE(doc[QStringLiteral("atc_studio_version")].toString(),
                 atc::test::cmake_project_version());
        const QJsonObject data = doc[QStringLiteral("data")].toObject();
        QCOMPARE(data[QStringLiteral("timeframe")].toString(), QStringLiteral("1d"));
        QCOMPARE(data[QStringLiteral("first")].toString(), QStringLiteral("1985-01-02"));
        QVERIFY(data[QStringLiteral("provenance")].toString().contains(QStringLiteral("TTR")));

        // The parameters object is a params.json the engine reads back unchanged.
        const QByteArray params_text =
            QJsonDocument(doc[QStringLiteral("parameters")].toObject()).toJson();
        QVERIFY(parse_params_json(params_text.toStdString(), "report") == params_);

        const QJsonObject series = doc[QStringLiteral("series")].toObject();
        const auto check = [&](const char* name, const std::vector<double>& values) {
            const QJsonArray a = series[QString::fromLatin1(name)].toArray();
            QCOMPARE(static_cast<std::size_t>(a.size()), values.size());
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (!json_matches(a[i], values[static_cast<std::size_t>(i)]))
                    QFAIL(qPrintable(QStringLiteral("%1[%2]: %3 in the JSON, %4 computed")
                                         .arg(name)
                                         .arg(i)
                                         .arg(a[i].toDouble(), 0, 'g', 17)
                                         .arg(values[static_cast<std::size_t>(i)], 0, 'g', 17)));
            }
        };
        check("close", ttrc_->bars.close);
        for (MaType t : kAllFamilies) {
            check((std::string(family_name(t)) + "_Signal").c_str(), expected.family(t).signal);
            check((std::string(family_name(t)) + "_S").c_str(), expected.family(t).weight_equity);
        }
        check("Average_Signal", expected.average);
        // The engine rounds small negative Layer-1 signals to -0.0; the file keeps the sign.
        QVERIFY(std::signbit(expected.family(MaType::EMA).signal[1852]));
        QVERIFY(bytes.contains(",-0.0,"));
        QCOMPARE(series[QStringLiteral("time")].toArray().size(),
                 static_cast<qsizetype>(expected.bars));

        const QJsonObject latest = doc[QStringLiteral("latest")].toObject();
        QVERIFY(json_matches(latest[QStringLiteral("average")], expected.average.back()));
        const QJsonArray families = latest[QStringLiteral("families")].toArray();
        QCOMPARE(families.size(), 6);
        const QJsonObject hma = families[1].toObject();
        QCOMPARE(hma[QStringLiteral("family")].toString(), QStringLiteral("HMA"));
        QCOMPARE(hma[QStringLiteral("base_length")].toInt(), 30);
        const QJsonArray members = hma[QStringLiteral("members")].toArray();
        QCOMPARE(members.size(), 9);
        for (qsizetype k = 0; k < 9; ++k) {
            const MemberSeries& m =
                expected.family(MaType::HMA).members[static_cast<std::size_t>(k)];
            const QJsonObject jm = members[k].toObject();
            QCOMPARE(jm[QStringLiteral("length")].toInt(), m.length);
            QCOMPARE(jm[QStringLiteral("offset")].toInt(), m.offset);
            QCOMPARE(jm[QStringLiteral("state")].toInt(), static_cast<int>(m.state.back()));
            QVERIFY(json_matches(jm[QStringLiteral("equity")], m.equity.back()));
        }

        const QJsonArray markers = doc[QStringLiteral("markers")].toArray();
        QCOMPARE(static_cast<std::size_t>(markers.size()), expected.markers.size());
        for (qsizetype k = 0; k < markers.size(); ++k) {
            const EntryMarker& m = expected.markers[static_cast<std::size_t>(k)];
            const QJsonObject jm = markers[k].toObject();
            QCOMPARE(static_cast<std::size_t>(jm[QStringLiteral("bar")].toInteger()), m.bar);
            QCOMPARE(jm[QStringLiteral("direction")].toString(),
                     QString::fromLatin1(direction_name(m.direction)));
            QVERIFY(json_matches(jm[QStringLiteral("close")], ttrc_->bars.close[m.bar]));
        }
        const QJsonObject stats = doc[QStringLiteral("statistics")].toObject();
        QCOMPARE(static_cast<std::size_t>(stats[QStringLiteral("trades")].toInteger()),
                 expected.markers.size());
        QVERIFY(json_matches(
            stats[QStringLiteral("final_layer2_equity")].toObject()[QStringLiteral("KAMA")],
            expected.family(MaType::KAMA).weight_equity.back()));

        // "performance": exactly the keys, the engine's figures to the bit.
        const QJsonObject perf = doc[QStringLiteral("performance")].toObject();
        const QStringList keys = {QStringLiteral("total_return"),
                                  QStringLiteral("cagr"),
                                  QStringLiteral("sharpe"),
                                  QStringLiteral("sortino"),
                                  QStringLiteral("max_drawdown"),
                                  QStringLiteral("time_in_market"),
                                  QStringLiteral("trades"),
                                  QStringLiteral("win_rate"),
                                  QStringLiteral("avg_win"),
                                  QStringLiteral("avg_loss"),
                                  QStringLiteral("buy_and_hold_return"),
                                  QStringLiteral("buy_and_hold_cagr"),
                                  QStringLiteral("buy_and_hold_sharpe"),
                                  QStringLiteral("buy_and_hold_max_drawdown"),
                                  QStringLiteral("mode"),
                                  QStringLiteral("cost_bps")};
        QStringList got = perf.keys();
        QStringList want = keys;
        got.sort();
        want.sort();
        QCOMPARE(got, want);
        const auto figures =
            compute_performance(ttrc_->bars.close, ttrc_->bars.time_ms, expected.average,
                                params_.long_threshold, params_.short_threshold)
                ->figures;
        QVERIFY(json_matches(perf[QStringLiteral("total_return")], figures.total_return));
        QVERIFY(json_matches(perf[QStringLiteral("sharpe")], figures.sharpe));
        QVERIFY(json_matches(perf[QStringLiteral("max_drawdown")], figures.max_drawdown));
        QVERIFY(json_matches(perf[QStringLiteral("buy_and_hold_cagr")], figures.buy_and_hold_cagr));
        QCOMPARE(static_cast<std::size_t>(perf[QStringLiteral("trades")].toInteger()),
                 figures.trades);
        QCOMPARE(perf[QStringLiteral("mode")].toString(), QStringLiteral("long_short"));
        QCOMPARE(perf[QStringLiteral("cost_bps")].toDouble(), 0.0);
    }

    // Trades run from marker to marker (the last to the last bar); a hit moved
    // the trade's way.
    void strategyStatsFollowTheMarkers() {
        AtcResult r;
        r.bars = 6;
        for (FamilyResult& f : r.families)
            f.weight_equity.assign(6, 1.5);
        r.markers = {
            {1, Direction::Long, 0.5}, {3, Direction::Short, -0.5}, {5, Direction::Long, 0.4}};
        const std::vector<double> close = {10, 10, 12, 11, 13, 14};
        const StrategyStats s = strategyStats(close, r);
        QCOMPARE(s.trades.size(), std::size_t(3));
        QCOMPARE(s.trades[0].exit_bar, std::size_t(3));
        QVERIFY(s.trades[0].hit);   // 10 -> 11 long
        QVERIFY(!s.trades[1].hit);  // 11 -> 14 short
        QVERIFY(s.trades[2].open);
        QVERIFY(!s.trades[2].hit);  // entered on the last bar: no move
        QCOMPARE(s.hits, std::size_t(1));
        QCOMPARE(s.longs, std::size_t(2));
        QCOMPARE(s.hit_rate, 1.0 / 3.0);
        QCOMPARE(s.final_equity[0], 1.5);
        QVERIFY(std::isnan(strategyStats({}, AtcResult{}).hit_rate));
    }

    // A valid PDF whose text carries the symbol, the parameters, the latest
    // signal and the markers, over several pages.
    void pdfReadsAsAReport() {
        QVERIFY2(!atc::test::poppler_tool(QStringLiteral("pdftotext")).isEmpty(),
                 atc::test::poppler_hint());
        SymbolReport report = report_of(ttrc_);
        drawReportCharts(report, ReportFormat::Pdf);
        QVERIFY(!report.chart_picture.isNull());
        const QString file = path(QStringLiteral("TTRC.pdf"));
        writeSymbolReport(report, ReportFormat::Pdf, file.toStdString());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");

        const QString text = atc::test::pdf_text(file);
        QVERIFY2(!text.isEmpty(), "pdftotext could not read the PDF");
        const AtcResult& r = *ttrc_->result;
        // As the legend and the family table write it.
        const QString average = formatAverage(r.average.back());
        for (const QString& needle :
             {QStringLiteral("TTRC"), QStringLiteral("ATC signal report"),
              QStringLiteral("Timeframe 1d"), QStringLiteral("1985-01-02"),
              QStringLiteral("Daily bars of one US stock"), average, QStringLiteral("hull_len"),
              QStringLiteral("30"), QStringLiteral("robustness"), QStringLiteral("Wide"),
              QStringLiteral("0.015"), QStringLiteral("Latest signals"),
              QStringLiteral("Layer-1 signal"), QStringLiteral("Entry markers"),
              QStringLiteral("Hit rate"), QStringLiteral("KAMA")}) {
            QVERIFY2(text.contains(needle), qPrintable(QStringLiteral("missing: ") + needle));
        }
        // The performance page: the figures beside buy-and-hold, the monthly table.
        const auto perf = compute_performance(ttrc_->bars.close, ttrc_->bars.time_ms, r.average,
                                              r.params.long_threshold, r.params.short_threshold);
        QVERIFY(perf);
        for (const QString& needle :
             {QStringLiteral("Performance of the Average signal"), QStringLiteral("Buy & hold"),
              QStringLiteral("Max drawdown"), QStringLiteral("Monthly returns of the signal"),
              QStringLiteral("Jan"), QStringLiteral("Dec"), QStringLiteral("2006"),
              signedPercent(100.0 * perf->figures.total_return, 1),
              signedPercent(100.0 * perf->figures.buy_and_hold_return, 1),
              signedPercent(100.0 * perf->monthly.back().value, 1).remove(QStringLiteral(" %"))}) {
            QVERIFY2(text.contains(needle), qPrintable(QStringLiteral("missing: ") + needle));
        }
        QVERIFY(atc::test::pdf_pages(text) >= 4);
        if (!preview_dir().isEmpty()) {
            QDir().mkpath(preview_dir());
            QFile::remove(preview_dir() + QStringLiteral("/TTRC.pdf"));
            QFile::copy(file, preview_dir() + QStringLiteral("/TTRC.pdf"));
            QVERIFY(atc::test::pdf_preview(file, preview_dir() + QStringLiteral("/TTRC"), 1, 3));
        }
    }

    // Tens of thousands of trades: the PDF lists the latest kPdfTradeRows and
    // says how many there are; the CSV and the JSON keep every one. The PDF
    // stays a few pages (the full list would be hundreds).
    void pdfSummarisesManyTrades() {
        const std::shared_ptr<const SymbolData> data = many_trades(50'000);
        const std::size_t trades = data->result->markers.size();
        QVERIFY2(trades > 20 * kPdfTradeRows, qPrintable(QString::number(trades)));
        SymbolReport report = report_of(data);
        report.info.reset();
        drawReportCharts(report, ReportFormat::Pdf);
        const QString file = path(QStringLiteral("SWING.pdf"));
        writeSymbolReport(report, ReportFormat::Pdf, file.toStdString());
        const QString text = atc::test::pdf_text(file);
        QVERIFY2(!text.isEmpty(), "pdftotext could not read the PDF");
        const QString total = QLocale(QLocale::English).toString(qulonglong(trades));
        for (const QString& needle :
             {QStringLiteral("the last 50 of %1 trades").arg(total),
              QStringLiteral("every trade is in the CSV and JSON reports")}) {
            QVERIFY2(text.contains(needle), qPrintable(QStringLiteral("missing: ") + needle));
        }
        // 50 rows fit on one page after the statistics; the full list would
        // need a page per ~50 trades.
        QVERIFY(atc::test::pdf_pages(text) <= 4);
        QVERIFY(QFileInfo(file).size() < 1'000'000);

        const QByteArray csv = renderSymbolReport(report, ReportFormat::Csv);
        QCOMPARE(static_cast<std::size_t>(csv.count(",long,") + csv.count(",short,")), trades);
        const QJsonObject json =
            QJsonDocument::fromJson(renderSymbolReport(report, ReportFormat::Json)).object();
        QCOMPARE(static_cast<std::size_t>(json[QStringLiteral("markers")].toArray().size()),
                 trades);
    }

    // The app and `atc report` keep only the drawn series: the report of such
    // a result is the full result's, the CSV and the JSON byte for byte, the
    // PDF's charts command for command and its text word for word. The
    // members the view draws come from the window or are computed for the
    // report, and are reduced to the page's resolution like the rest when
    // the whole series is in view.
    void reportOfADrawnResultIsTheFullOnes() {
        auto drawn = std::make_shared<SymbolData>(*ttrc_);
        drawn->result = std::make_shared<const AtcResult>(
            compute_symbol(ttrc_->bars.close, params_, KeptSeries::drawn()));
        const std::shared_ptr<const SymbolData> lean = drawn;
        for (const ReportFormat format : {ReportFormat::Csv, ReportFormat::Json})
            QCOMPARE(renderSymbolReport(report_of(lean), format),
                     renderSymbolReport(report_of(ttrc_), format));
        const auto picture = [](const SymbolReport& r) {
            return QByteArray(r.chart_picture.data(), r.chart_picture.size());
        };
        using Range = std::optional<std::pair<double, double>>;
        for (const Range& range : {Range(), Range(std::pair(0.0, 5549.0))}) {
            const auto view = [&](SymbolReport r) {
                r.view.calibration = MaType::KAMA;
                r.view.equity_family = MaType::HMA;
                r.view.range = range;
                drawReportCharts(r, ReportFormat::Pdf);
                return r;
            };
            const SymbolReport want = view(report_of(ttrc_));
            const SymbolReport computed = view(report_of(lean));
            SymbolReport held = report_of(lean);
            for (const MaType family : {MaType::KAMA, MaType::HMA})
                held.members[static_cast<std::size_t>(family)] =
                    std::make_shared<const FamilyMembers>(
                        compute_members(lean->bars.close, params_, family));
            held = view(held);
            QVERIFY(!picture(want).isEmpty());
            QVERIFY(picture(computed) == picture(want));
            QVERIFY(picture(held) == picture(want));
            if (range)
                continue;
            const QString want_file = path(QStringLiteral("full.pdf"));
            const QString lean_file = path(QStringLiteral("drawn.pdf"));
            writeSymbolReport(want, ReportFormat::Pdf, want_file.toStdString());
            writeSymbolReport(held, ReportFormat::Pdf, lean_file.toStdString());
            const QString text = atc::test::pdf_text(want_file);
            QVERIFY(text.contains(QStringLiteral("Latest signals")));
            QCOMPARE(atc::test::pdf_text(lean_file), text);
        }
    }

    // A column's minimum and maximum, in time order: a spike and a dip stay.
    void columnEnvelopeKeepsTheExtremes() {
        std::vector<double> v(100);
        for (std::size_t i = 0; i < v.size(); ++i)
            v[i] = static_cast<double>(i);
        v[37] = 1000.0;
        v[62] = -5.0;
        v[95] = std::nan("");
        const std::vector<double> e = columnEnvelope(v, 0, 99, 10);
        QCOMPARE(e.size(), std::size_t(20));
        QCOMPARE(e[6], 30.0);  // bars 30..39: the minimum first, then the spike
        QCOMPARE(e[7], 1000.0);
        QCOMPARE(e[12], -5.0);  // bars 60..69
        QCOMPARE(e[13], 69.0);
        QCOMPARE(e[19], 99.0);  // NaN skipped
    }

    // A zoomed-out view is drawn from two pseudo-bars per column (and the last
    // bar exactly); a view of few bars is drawn as it is.
    void printResolutionReducesZoomedOutViews() {
        const std::shared_ptr<const SymbolData> data = many_trades(50'000);
        const PrintData few = printResolution(data, {}, {49'000.0, 49'600.0}, 400, false);
        QCOMPARE(few.data, data);
        const PrintData all = printResolution(data, {}, {-10.0, 50'010.0}, 400, false);
        const SymbolData& r = *all.data;
        QCOMPARE(r.barCount(), std::size_t(801));
        QCOMPARE(r.result->bars, std::size_t(801));
        QCOMPARE(r.result->average.size(), std::size_t(801));
        for (const FamilyResult& f : r.result->families) {
            QCOMPARE(f.signal.size(), std::size_t(801));
            QCOMPARE(f.members[8].state.size(), std::size_t(801));
        }
        const auto& close = data->bars.close;
        QCOMPARE(*std::max_element(r.bars.close.begin(), r.bars.close.end()),
                 *std::max_element(close.begin(), close.end()));
        QCOMPARE(*std::min_element(r.bars.close.begin(), r.bars.close.end()),
                 *std::min_element(close.begin(), close.end()));
        QCOMPARE(r.bars.close.back(), close.back());
        QCOMPARE(barLabel(r, 800), QStringLiteral("bar 49999"));
        // With times, a pseudo-bar is dated by its first bar.
        const std::shared_ptr<const SymbolData> timed = many_trades(50'000, true);
        const PrintData dated = printResolution(timed, {}, {0.0, 49'999.0}, 400, false);
        QCOMPARE(barLabel(*dated.data, 800), barLabel(*timed, 49'999));
        QCOMPARE(barLabel(*dated.data, 1), barLabel(*timed, (50'000 - 1) / 400 / 2));
        QCOMPARE(r.result->average.back(), data->result->average.back());
        // One marker per column at most, the newest; in order.
        const std::vector<EntryMarker>& m = r.result->markers;
        QVERIFY(!m.empty() && m.size() <= 401);
        for (std::size_t k = 1; k < m.size(); ++k)
            QVERIFY(m[k - 1].bar < m[k].bar);
        QCOMPARE(m.back().direction, data->result->markers.back().direction);
        QVERIFY(all.range.first < 0.0 && all.range.second > 800.0);
    }

    // The whole 50k-bar series in the PDF's charts costs about what the
    // window's first view of 500 bars does, not a hundred times as much.
    void pdfChartsOfTheWholeSeriesStaySmall() {
        const std::shared_ptr<const SymbolData> data = many_trades(50'000, true);
        SymbolReport first = report_of(data);
        drawReportCharts(first, ReportFormat::Pdf);
        SymbolReport whole = report_of(data);
        whole.view.range = std::pair(0.0, 50'000.0);
        drawReportCharts(whole, ReportFormat::Pdf);
        QVERIFY2(whole.chart_picture.size() < 4 * first.chart_picture.size(),
                 qPrintable(QStringLiteral("%1 bytes, %2 for 500 bars")
                                .arg(whole.chart_picture.size())
                                .arg(first.chart_picture.size())));
        const QString file = path(QStringLiteral("SWING-whole.pdf"));
        writeSymbolReport(whole, ReportFormat::Pdf, file.toStdString());
        QVERIFY(QFileInfo(file).size() < 1'000'000);
        if (!preview_dir().isEmpty()) {
            QDir().mkpath(preview_dir());
            QVERIFY(
                atc::test::pdf_preview(file, preview_dir() + QStringLiteral("/SWING-whole"), 1, 1));
        }
    }

    void pngHasTheSizeAskedFor() {
        SymbolReport report = report_of(dax_);
        report.view.theme = darkTheme();
        report.png_size = QSize(900, 560);
        drawReportCharts(report, ReportFormat::Png);
        const QByteArray png = renderSymbolReport(report, ReportFormat::Png);
        QImage image;
        QVERIFY(image.loadFromData(png, "PNG"));
        QCOMPARE(image.size(), QSize(900, 560));
        // The dark theme's chart background, not an empty image.
        QCOMPARE(image.pixelColor(2, 2), darkTheme().chart_background);
        if (!preview_dir().isEmpty()) {
            QDir().mkpath(preview_dir());
            QVERIFY(image.save(preview_dir() + QStringLiteral("/DAX-dark.png")));
        }
    }

    // The trader's drawings are in the PNG and in the PDF's charts, where the
    // window drew them (a horizontal line across the plot, a vertical line at
    // its bar's time).
    void drawingsAreInThePngAndThePdf() {
        const PriceSeries& bars = ttrc_->bars;
        const std::size_t n = bars.close.size();
        const auto [low, high] = std::minmax_element(bars.close.end() - 400, bars.close.end());
        const double middle = (*low + *high) / 2.0;
        const std::int64_t at = bars.time_ms[n - 200];
        const std::vector<store::Drawing> drawings = {
            {store::DrawingKind::HorizontalLine, false, {at, middle}, {at, middle}, false},
            {store::DrawingKind::VerticalLine, false, {at, middle}, {at, middle}, false},
        };
        const auto blue_of = [&](const std::vector<store::Drawing>& shown, ReportFormat format) {
            SymbolReport report = report_of(ttrc_);
            report.view.drawings = shown;
            report.png_size = QSize(1000, 700);
            drawReportCharts(report, format);
            if (format == ReportFormat::Png)
                return atc::test::drawingBluePixels(report.chart_image);
            QImage page(report.chart_picture_size, QImage::Format_RGB32);
            page.fill(Qt::white);
            QPainter painter(&page);
            painter.drawPicture(0, 0, report.chart_picture);
            painter.end();
            return atc::test::drawingBluePixels(page);
        };
        for (const ReportFormat format : {ReportFormat::Png, ReportFormat::Pdf}) {
            const int without = blue_of({}, format);
            const int with = blue_of(drawings, format);
            // The two lines: most of the plot's width and of its height.
            QVERIFY2(with - without > 600,
                     qPrintable(QStringLiteral("%1 blue pixels, %2 without the drawings")
                                    .arg(with)
                                    .arg(without)));
        }
    }

    // A whole-series PDF of bars without times draws pseudo-bars: a drawing
    // anchored to a bar index moves onto them, and stands where the window
    // (and the PNG, which is never reduced) draws it.
    void barAnchoredDrawingsStayInReducedPdfCharts() {
        const std::vector<store::Drawing> moved = drawingsOnPrintBars(
            {{store::DrawingKind::VerticalLine, true, {1000, 1.0}, {1000, 1.0}, false},
             {store::DrawingKind::VerticalLine, false, {1000, 1.0}, {1000, 1.0}, false}},
            {-0.5, 1999.5}, {-0.5, 199.5});
        QCOMPARE(moved[0].start.x, std::int64_t{100});
        QCOMPARE(moved[1].start.x, std::int64_t{1000});  // a time: pseudo-bars keep times

        const std::size_t n = dax_->barCount();
        QVERIFY(dax_->bars.time_ms.empty());
        const auto bar = static_cast<std::int64_t>(n / 2);
        const auto column_of_line = [](const QImage& image) {
            int best = -1, most = 0;
            for (int x = 0; x < image.width(); ++x) {
                int blue = 0;
                for (int y = 0; y < image.height() / 3; ++y)  // the price pane
                    blue += atc::test::isDrawingBlue(image.pixelColor(x, y)) ? 1 : 0;
                if (blue > most) {
                    most = blue;
                    best = x;
                }
            }
            return best;
        };
        SymbolReport report = report_of(dax_);
        report.view.range = std::pair(-0.5, static_cast<double>(n) - 0.5);
        report.view.drawings = {
            {store::DrawingKind::VerticalLine, true, {bar, 3000.0}, {bar, 3000.0}, false}};
        report.png_size = kPdfChartSize;
        drawReportCharts(report, ReportFormat::Pdf);
        drawReportCharts(report, ReportFormat::Png);
        QImage page(report.chart_picture_size, QImage::Format_RGB32);
        page.fill(Qt::white);
        QPainter painter(&page);
        painter.drawPicture(0, 0, report.chart_picture);
        painter.end();
        const int in_png = column_of_line(report.chart_image);
        QVERIFY(in_png > 0);
        QVERIFY2(
            std::abs(column_of_line(page) - in_png) <= 2,
            qPrintable(QStringLiteral("PDF x %1, PNG x %2").arg(column_of_line(page)).arg(in_png)));
    }

    // An unwritable destination leaves nothing; a report that fails keeps the
    // old file as it was.
    void failuresLeaveNothingBehind() {
        SymbolReport report = report_of(dax_);
        const QString missing_dir = path(QStringLiteral("no/such/dir/x.csv"));
        QVERIFY_THROWS_EXCEPTION(FileWriteError, writeSymbolReport(report, ReportFormat::Csv,
                                                                   missing_dir.toStdString()));
        QVERIFY(!QFile::exists(missing_dir));

        const QString existing = path(QStringLiteral("old.png"));
        {
            QFile f(existing);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old");
        }
        // PNG without drawn charts: refused before the file is touched.
        QVERIFY_THROWS_EXCEPTION(
            std::logic_error, writeSymbolReport(report, ReportFormat::Png, existing.toStdString()));
        QFile f(existing);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("old"));
        QCOMPARE(QDir(dir_.path()).entryList(QDir::Files | QDir::Hidden).filter("old").size(), 1);
    }

    void cancelWritesNothing() {
        SymbolReport report = report_of(ttrc_);
        drawReportCharts(report, ReportFormat::Pdf);
        const QString file = path(QStringLiteral("cancelled.pdf"));
        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(ReportCancelled,
                                 writeSymbolReport(report, ReportFormat::Pdf, file.toStdString(),
                                                   [&calls](double) { return ++calls < 3; }));
        QVERIFY(!QFile::exists(file));
    }

    // File → Export…: the work happens on a worker; the GUI thread keeps
    // serving events; the file appears once `finished` says so.
    void exporterRunsOffTheGuiThread() {
        QWidget window;
        auto* charts = new ChartStack(&window);
        charts->resize(1000, 700);
        charts->setData(ttrc_);
        ReportExporter exporter(&window, charts, {});
        QVERIFY(!exporter.isBusy());
        QSignalSpy finished(&exporter, &ReportExporter::finished);
        QSignalSpy progress(&exporter, &ReportExporter::progressChanged);
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
        ticker.start(1);

        const QString file = path(QStringLiteral("exported.pdf"));
        QVERIFY(exporter.exportTo(file, ReportFormat::Pdf));
        QVERIFY(exporter.isBusy());
        QVERIFY(!exporter.exportTo(path(QStringLiteral("second.pdf")), ReportFormat::Pdf));
        QCOMPARE(finished.size(), 0);  // not done inside exportTo
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.front().at(0).toBool(), true);
        QVERIFY(QFile::exists(file));
        QVERIFY(!progress.isEmpty());
        QVERIFY(ticks > 0);

        // PNG at the size asked for; a failure is reported, not thrown.
        const QString png = path(QStringLiteral("exported.png"));
        QVERIFY(exporter.exportTo(png, ReportFormat::Png, QSize(640, 400)));
        QVERIFY(finished.wait(60000));
        QCOMPARE(QImage(png).size(), QSize(640, 400));
        const QString bad = path(QStringLiteral("missing/dir/x.json"));
        QVERIFY(exporter.exportTo(bad, ReportFormat::Json));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.back().at(0).toBool(), false);
        QVERIFY(!finished.back().at(2).toString().isEmpty());
        QVERIFY(!QFile::exists(bad));
    }

    void formatsByNameAndExtension() {
        QCOMPARE(parseReportFormat("PDF"), std::optional(ReportFormat::Pdf));
        QCOMPARE(parseReportFormat("docx"), std::optional<ReportFormat>());
        QCOMPARE(reportFormatOf("a/b.Json"), std::optional(ReportFormat::Json));
        QCOMPARE(reportFormatOf("report"), std::optional<ReportFormat>());
    }
};

QTEST_MAIN(TestReport)
#include "test_report.moc"
