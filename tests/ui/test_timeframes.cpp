// SPDX-License-Identifier: GPL-3.0-or-later
// Timeframes in the app: the chart toolbar's selector (listed choices, typed
// "4h" Enter, digits typed on the chart), refusals in place, every view
// following the chosen timeframe, the choice kept per symbol, a forming last
// bar said so, and the scanner's timeframe field.
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <optional>
#include <random>

#include "atc/compute.hpp"
#include "atc/resample.hpp"
#include "atc/store/symbol_store.hpp"
#include "charts/chart_stack.hpp"
#include "charts/pane_base.hpp"
#include "core/go_to_date.hpp"
#include "panels/watchlist_panel.hpp"
#include "scanner/scanner_panel.hpp"
#include "shell/chart_toolbar.hpp"
#include "shell/go_to_date_dialog.hpp"
#include "shell/scripted_view.hpp"
#include "shell/session_state.hpp"
#include "shell/timeframe_selector.hpp"
#include "studio_fixture.hpp"

using namespace atc;
using namespace atc::ui;

namespace {

const QString kMinuteSymbol = QStringLiteral("MINUTE-TEST");
const QString kDailySymbol = QStringLiteral("GEN-0001");  // daily bars with dates
constexpr std::size_t kMinuteBars = 100'000;
// 2024-03-01 00:00 UTC, then 37 minutes in: the last hour bucket is not full.
constexpr std::int64_t kFirstMinute = 1'709'251'200'000 + 37 * 60'000;

// Minute bars with OHLCV and a gap every few hundred minutes (a quiet market).
PriceSeries minuteBars() {
    std::mt19937_64 rng(18);
    std::normal_distribution<double> step(0.0, 0.0008);
    PriceSeries s;
    s.time_kind = TimeKind::EpochMilliseconds;
    double price = 100.0;
    std::int64_t t = kFirstMinute;
    for (std::size_t i = 0; i < kMinuteBars; ++i) {
        const double open = price;
        price *= std::exp(step(rng));
        s.time_ms.push_back(t);
        s.open.push_back(open);
        s.high.push_back(std::max(open, price) * 1.0004);
        s.low.push_back(std::min(open, price) * 0.9996);
        s.close.push_back(price);
        s.volume.push_back(1.0 + static_cast<double>(i % 7));
        t += (i % 377 == 376) ? 11 * 60'000 : 60'000;
    }
    return s;
}

QStringList itemTexts(const QComboBox* box) {
    QStringList texts;
    for (int i = 0; i < box->count(); ++i)
        texts << box->itemText(i);
    return texts;
}

}  // namespace

class TestTimeframes : public gui_test::StudioTestBase {
    Q_OBJECT

private slots:
    void initTestCase() {
        open_studio();
        {
            store::Database db = store::Database::connect(db_path_);
            store::SymbolStore symbols(db);
            store::SymbolMeta meta;
            meta.name = kMinuteSymbol.toStdString();
            meta.source = "test";
            meta.timeframe = "1m";
            symbols.save(meta, minuteBars());
        }
        window_->watchlist()->refresh();
        window_->openSymbol(kMinuteSymbol);
        QVERIFY(wait_for_symbol(kMinuteSymbol));
        selector_ = window_->chartToolbar()->timeframeSelector();
    }
    void cleanupTestCase() { close_studio(); }

    void selectorListsWhatTheDataCanGive() {
        QCOMPARE(itemTexts(selector_), QStringList({"1m", "3m", "5m", "15m", "30m", "1h", "2h",
                                                    "4h", "6h", "8h", "12h", "1d", "1w", "1M"}));
        QCOMPARE(selector_->timeframe(), QString());
        openDaily();
        QCOMPARE(itemTexts(selector_), QStringList({"1d", "1w", "1M"}));
        QCOMPARE(window_->currentData()->timeframe, QStringLiteral("1d"));
        QVERIFY(selector_->isEnabled());
        // The DAX sample is labelled by year fractions: no times, no timeframe to change.
        window_->openSymbol(QStringLiteral("DAX"));
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));
        QVERIFY(!selector_->isEnabled());
        QCOMPARE(window_->currentData()->timeframe, QString());
    }

    void typingATimeframeSwitchesEveryView() {
        openMinutes();
        // A digit typed on the chart starts the field, as on TradingView.
        window_->charts()->setFocus();
        QTest::keyClick(window_->charts(), Qt::Key_4);
        QVERIFY(selector_->lineEdit()->hasFocus());
        QCOMPARE(selector_->lineEdit()->text(), QStringLiteral("4"));
        QTest::keyClicks(selector_->lineEdit(), QStringLiteral("h"));
        const std::uint64_t before = engine_->latestSymbolGeneration();
        QTest::keyClick(selector_->lineEdit(), Qt::Key_Return);
        QVERIFY(waitForTimeframe(QStringLiteral("4h")));
        // One Enter, one request (QComboBox's own Enter handling must not add one).
        QCOMPARE(engine_->latestSymbolGeneration(), before + 1);

        const auto data = window_->currentData();
        const ResampledSeries expected = resample(minuteBars(), *parse_timeframe("4h"));
        QCOMPARE(data->bars.close, expected.bars.close);
        QCOMPARE(data->bars.time_ms, expected.bars.time_ms);
        QCOMPARE(data->source_timeframe, QStringLiteral("1m"));
        // The result is the engine's on those bars, not on the minutes.
        const AtcResult direct = compute_symbol(expected.bars.close, data->params);
        QCOMPARE(data->result->row.average, direct.row.average);
        QCOMPARE(data->result->average.size(), expected.bars.close.size());
        const QString status = window_->statusText()->text();
        QVERIFY2(status.contains(QStringLiteral("4h (from 1m)")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("%1 bars").arg(expected.bars.close.size())),
                 qPrintable(status));
        QCOMPARE(selector_->currentText(), QStringLiteral("4h"));
        saveScreenshot(QStringLiteral("4h"));

        // Any multiple can be typed; it joins the list.
        typeTimeframe(QStringLiteral("90m"));
        QVERIFY(waitForTimeframe(QStringLiteral("90m")));
        QVERIFY(itemTexts(selector_).contains(QStringLiteral("90m")));
        // Back to the data's own bars by picking the first entry.
        selector_->setCurrentIndex(0);
        emit selector_->activated(0);
        QVERIFY(waitForTimeframe(QStringLiteral("1m")));
        QCOMPARE(window_->currentData()->barCount(), kMinuteBars);
    }

    void refusalsStayInTheField() {
        openDaily();
        const std::uint64_t before = engine_->latestSymbolGeneration();
        typeTimeframe(QStringLiteral("4h"));
        QCOMPARE(selector_->refusal(),
                 QStringLiteral("4h is finer than the data's timeframe (1d)"));
        QCOMPARE(window_->statusText()->text(), selector_->refusal());
        QCOMPARE(selector_->lineEdit()->text(), QStringLiteral("4h"));  // as typed
        typeTimeframe(QStringLiteral("4x"));
        QVERIFY(selector_->refusal().contains(QStringLiteral("\"4x\" is not a timeframe")));
        QCOMPARE(engine_->latestSymbolGeneration(), before);  // nothing was asked
        QCOMPARE(window_->currentData()->timeframe, QStringLiteral("1d"));
        // Escape gives the timeframe on screen back.
        QTest::keyClick(selector_->lineEdit(), Qt::Key_Escape);
        QCOMPARE(selector_->refusal(), QString());
        QCOMPARE(selector_->currentText(), QStringLiteral("1d"));
    }

    void choiceIsKeptPerSymbol() {
        openMinutes();
        typeTimeframe(QStringLiteral("1h"));
        QVERIFY(waitForTimeframe(QStringLiteral("1h")));
        openDaily();
        QCOMPARE(window_->currentData()->timeframe, QStringLiteral("1d"));
        openMinutes();
        QCOMPARE(window_->currentData()->timeframe, QStringLiteral("1h"));
        QCOMPARE(selector_->currentText(), QStringLiteral("1h"));
        // And across a restart, with the scanner's timeframe.
        window_->scanner()->setTimeframe(QStringLiteral("1w"));
        window_->close();
        const SessionState saved = readSession(*settings_);
        QCOMPARE(saved.timeframes.value(kMinuteSymbol), QStringLiteral("1h"));
        QVERIFY(!saved.timeframes.contains(kDailySymbol));
        QCOMPARE(saved.scanner_timeframe, QStringLiteral("1w"));
        window_ =
            std::make_unique<MainWindow>(StudioContext{db_path_, *cache_, *engine_, *settings_});
        window_->resize(1600, 1000);
        window_->show();
        window_->restoreSession();
        selector_ = window_->chartToolbar()->timeframeSelector();
        QVERIFY(waitForTimeframe(QStringLiteral("1h")));
        QCOMPARE(window_->currentData()->name, kMinuteSymbol);
        QCOMPARE(selector_->currentText(), QStringLiteral("1h"));
        QCOMPARE(window_->scanner()->timeframe(), QStringLiteral("1w"));
        window_->scanner()->setTimeframe(QString());
    }

    void formingLastBarIsSaid() {
        openMinutes();
        typeTimeframe(QStringLiteral("1h"));
        QVERIFY(waitForTimeframe(QStringLiteral("1h")));
        // The data ends at 37 minutes past an hour plus the gaps: not on a full hour.
        const auto data = window_->currentData();
        QVERIFY(data->last_forming);
        QVERIFY2(window_->statusText()->text().contains(QStringLiteral("last one forming")),
                 qPrintable(window_->statusText()->text()));
        // At the data's own bars nothing is forming.
        selector_->setCurrentIndex(0);
        emit selector_->activated(0);
        QVERIFY(waitForTimeframe(QStringLiteral("1m")));
        QVERIFY(!window_->currentData()->last_forming);
        QVERIFY(!window_->statusText()->text().contains(QStringLiteral("forming")));
    }

    void scannerScansAtItsTimeframe() {
        ScannerPanel* scanner = window_->scanner();
        scanner->timeframeBox()->setEditText(QStringLiteral("4h"));
        QCOMPARE(scanner->timeframe(), QStringLiteral("4h"));
        QSignalSpy shown(scanner, &ScannerPanel::resultsShown);
        scanner->startScan();
        QVERIFY(shown.wait(60000));
        const auto outcome = scanner->outcome();
        QCOMPARE(outcome->timeframe, QStringLiteral("4h"));
        const qsizetype minute = outcome->names.indexOf(kMinuteSymbol);
        const qsizetype daily = outcome->names.indexOf(kDailySymbol);
        const qsizetype dax = outcome->names.indexOf(QStringLiteral("DAX"));
        QVERIFY(minute >= 0 && daily >= 0 && dax >= 0);
        // The minute symbol is ranked on its 4h bars; daily data cannot give 4h.
        QCOMPARE(outcome->errors[minute], QString());
        const ResampledSeries expected = resample(minuteBars(), *parse_timeframe("4h"));
        const AtcResult direct = compute_symbol(expected.bars.close, outcome->params);
        QCOMPARE(outcome->results[static_cast<std::size_t>(minute)]->row.average,
                 direct.row.average);
        QCOMPARE(outcome->errors[daily],
                 QStringLiteral("4h is finer than the data's timeframe (1d)"));
        QVERIFY(outcome->errors[dax].contains(QStringLiteral("has no times")));
        QVERIFY(scanner->statusLabel()->text().contains(QStringLiteral("at 4h")));
        // Symbols whose data cannot give 4h are counted apart, not as failures.
        QVERIFY(outcome->timeframe_refused[dax] && outcome->timeframe_refused[daily]);
        QVERIFY(!outcome->timeframe_refused[minute]);
        const QString failed = scanner->failedLabel()->text();
        QVERIFY2(failed.contains(QStringLiteral("%1 not at 4h").arg(outcome->names.size() - 1)),
                 qPrintable(failed));
        QVERIFY2(!failed.contains(QStringLiteral("> failed")) &&
                     !failed.contains(QStringLiteral(" failed<")),
                 qPrintable(failed));
        saveScreenshot(QStringLiteral("scan-4h"));

        // Its export says the timeframe (the scan report's own column).
        const QString csv_path = dir_.filePath(QStringLiteral("scan-4h.csv"));
        QSignalSpy exported(scanner, &ScannerPanel::exportFinished);
        scanner->exportTo(csv_path);
        QVERIFY(exported.wait(20000));
        QCOMPARE(exported.front().at(1).toString(), QString());
        QFile csv(csv_path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'));
        QVERIFY2(lines.front().endsWith(QStringLiteral(",timeframe")), qPrintable(lines.front()));
        QVERIFY2(lines.value(1).endsWith(QStringLiteral(",4h")), qPrintable(lines.value(1)));

        // A row opens the chart at the scan's timeframe.
        emit scanner->symbolActivated(kMinuteSymbol);
        QVERIFY(waitForTimeframe(QStringLiteral("4h")));

        // Text that is not a timeframe is refused before anything is scanned.
        scanner->timeframeBox()->setEditText(QStringLiteral("fortnight"));
        scanner->startScan();
        QVERIFY(!scanner->isScanning());
        QVERIFY(scanner->statusLabel()->text().contains(QStringLiteral("is not a timeframe")));
        scanner->setTimeframe(QString());
        QCOMPARE(scanner->timeframe(), QString());
    }

    void datesAreReadAsTradersTypeThem() {
        constexpr std::int64_t kMarch15 = 1'710'460'800'000;  // 2024-03-15 00:00 UTC
        const auto day = parseTypedMoment(QStringLiteral(" 2024-03-15 "));
        QVERIFY(day && !day->has_time);
        QCOMPARE(day->utc_ms, kMarch15);
        const auto slashed = parseTypedMoment(QStringLiteral("2024/03/15 14:30"));
        QVERIFY(slashed && slashed->has_time);
        QCOMPARE(slashed->utc_ms, kMarch15 + (14 * 60 + 30) * 60'000);
        QCOMPARE(parseTypedMoment(QStringLiteral("2024-03-15T14:30:05"))->utc_ms,
                 kMarch15 + (14 * 60 + 30) * 60'000 + 5'000);
        QCOMPARE(parseTypedMoment(QStringLiteral("2024-03-15 9:05"))->utc_ms,
                 kMarch15 + (9 * 60 + 5) * 60'000);
        QVERIFY(!parseTypedMoment(QStringLiteral("2024-02-30")));
        QVERIFY(!parseTypedMoment(QStringLiteral("yesterday")));
        QVERIFY(!parseTypedMoment(QString()));
    }

    void goToDateCentresTheChartThere() {
        openMinutes();
        selector_->setCurrentIndex(0);  // the data's own minutes
        emit selector_->activated(0);
        QVERIFY(waitForTimeframe(QStringLiteral("1m")));
        const std::vector<std::int64_t> times = minuteBars().time_ms;
        ChartStack* charts = window_->charts();
        const auto before = charts->visibleRange();

        // Ctrl+G, a moment 30 s into bar 50,000: the chart centres on that bar,
        // at the same zoom, with the crosshair on it.
        QTest::keyClick(window_.get(), Qt::Key_G, Qt::ControlModifier);
        GoToDateDialog* dialog = window_->goToDateDialog();
        QVERIFY(dialog != nullptr && dialog->isVisible());
        const QString moment =
            QDateTime::fromMSecsSinceEpoch(times[50'000] + 30'000, QTimeZone::utc())
                .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
        QTest::keyClicks(dialog->dateField(), moment);
        QTest::keyClick(dialog->dateField(), Qt::Key_Return);
        QVERIFY(!dialog->isVisible());
        QCOMPARE(charts->crosshairBar(), 50'000);
        const auto [first, last] = charts->visibleRange();
        QVERIFY(std::abs((first + last) / 2.0 - 50'000.0) <= 1.0);
        QVERIFY(std::abs((last - first) - (before.second - before.first)) < 1e-6);

        // Alt+G as on TradingView. A moment in a gap of the data: the bar before it.
        QTest::keyClick(window_.get(), Qt::Key_G, Qt::AltModifier);
        QVERIFY(dialog->isVisible());
        dialog->dateField()->selectAll();
        QTest::keyClicks(dialog->dateField(),
                         QDateTime::fromMSecsSinceEpoch(times[376] + 5 * 60'000, QTimeZone::utc())
                             .toString(QStringLiteral("yyyy-MM-dd hh:mm")));
        QTest::keyClick(dialog->dateField(), Qt::Key_Return);
        QCOMPARE(charts->crosshairBar(), 376);

        // A day: its first bar.
        QTest::keyClick(window_.get(), Qt::Key_G, Qt::ControlModifier);
        dialog->dateField()->selectAll();
        QTest::keyClicks(dialog->dateField(), QStringLiteral("2024-03-05"));
        QTest::keyClick(dialog->dateField(), Qt::Key_Return);
        const auto march5 = std::lower_bound(times.begin(), times.end(), 1'709'596'800'000);
        QCOMPARE(charts->crosshairBar(), static_cast<int>(march5 - times.begin()));

        // Outside the data, or not a date: the dialog stays with the reason,
        // the text as typed, and the chart where it was.
        const auto shown = charts->visibleRange();
        QTest::keyClick(window_.get(), Qt::Key_G, Qt::ControlModifier);
        dialog->dateField()->selectAll();
        QTest::keyClicks(dialog->dateField(), QStringLiteral("2020-01-01"));
        QTest::keyClick(dialog->dateField(), Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->errorLabel()->isVisible());
        QCOMPARE(dialog->errorLabel()->text(),
                 QStringLiteral("2020-01-01 00:00 is before the first bar (2024-03-01 00:37)."));
        QCOMPARE(dialog->dateField()->text(), QStringLiteral("2020-01-01"));
        dialog->dateField()->selectAll();
        QTest::keyClicks(dialog->dateField(), QStringLiteral("2031-01-01 10:00"));
        QTest::keyClick(dialog->dateField(), Qt::Key_Return);
        QVERIFY(dialog->errorLabel()->text().contains(QStringLiteral("is after the last bar")));
        dialog->dateField()->selectAll();
        QTest::keyClicks(dialog->dateField(), QStringLiteral("next tuesday"));
        QTest::keyClick(dialog->dateField(), Qt::Key_Return);
        QCOMPARE(dialog->errorLabel()->text(),
                 QStringLiteral("\"next tuesday\" is not a date: write 2024-03-15 or "
                                "2024-03-15 14:30."));
        QCOMPARE(charts->visibleRange(), shown);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(!dialog->isVisible());

        // Daily bars: a Saturday is the next trading day's bar; data without
        // dates says so.
        openDaily();
        const auto daily = window_->currentData();
        std::size_t friday = 0;
        for (std::size_t i = 1; i + 1 < daily->bars.time_ms.size(); ++i) {
            const QDate d =
                QDateTime::fromMSecsSinceEpoch(daily->bars.time_ms[i], QTimeZone::utc()).date();
            if (d.dayOfWeek() == Qt::Friday) {
                friday = i;
                break;
            }
        }
        QVERIFY(friday > 0);
        const QDate saturday =
            QDateTime::fromMSecsSinceEpoch(daily->bars.time_ms[friday], QTimeZone::utc())
                .date()
                .addDays(1);
        window_->openGoToDate();
        dialog->dateField()->selectAll();
        QTest::keyClicks(dialog->dateField(), saturday.toString(Qt::ISODate));
        QTest::keyClick(dialog->dateField(), Qt::Key_Return);
        QCOMPARE(charts->crosshairBar(), static_cast<int>(friday + 1));
        window_->openSymbol(QStringLiteral("DAX"));
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));
        window_->openGoToDate();
        QCOMPARE(dialog->errorLabel()->isVisible(), false);
        dialog->dateField()->selectAll();
        QTest::keyClicks(dialog->dateField(), QStringLiteral("2000-01-03"));
        QTest::keyClick(dialog->dateField(), Qt::Key_Return);
        QCOMPARE(dialog->errorLabel()->text(), QStringLiteral("This symbol's bars have no dates."));
        dialog->reject();
    }

    void priceScaleKeys() {
        // Alt+L and Alt+P as on TradingView: each toggles its scale, the other
        // goes off, both off is linear; the toolbar's buttons and the price
        // axis follow.
        ChartStack* charts = window_->charts();
        ChartToolbar* toolbar = window_->chartToolbar();
        QCOMPARE(charts->priceScale(), PriceScale::Linear);
        // Window shortcuts need the window active (the dialog before took it).
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        QTest::keyClick(window_.get(), Qt::Key_L, Qt::AltModifier);
        QCOMPARE(charts->priceScale(), PriceScale::Log);
        QVERIFY(toolbar->logScaleAction()->isChecked());
        QTest::keyClick(window_.get(), Qt::Key_P, Qt::AltModifier);
        QCOMPARE(charts->priceScale(), PriceScale::Percent);
        QVERIFY(!toolbar->logScaleAction()->isChecked());
        QVERIFY(toolbar->percentScaleAction()->isChecked());
        const QStringList labels = charts->pricePane()->valueAxisLabels();
        QVERIFY(!labels.isEmpty());
        for (const QString& label : labels)
            QVERIFY2(label.endsWith(QStringLiteral(" %")), qPrintable(labels.join(u' ')));
        QTest::keyClick(window_.get(), Qt::Key_P, Qt::AltModifier);
        QCOMPARE(charts->priceScale(), PriceScale::Linear);
        QVERIFY(!toolbar->percentScaleAction()->isChecked());
        // A click on the toolbar's "log" does the same as Alt+L.
        toolbar->logScaleAction()->trigger();
        QCOMPARE(charts->priceScale(), PriceScale::Log);
        toolbar->logScaleAction()->trigger();
        QCOMPARE(charts->priceScale(), PriceScale::Linear);
    }

    void screenshotDrawsTheViewAsked() {
        // What atc-studio --symbol S --timeframe 4h --goto DATE --screenshot F runs.
        const std::vector<std::int64_t> times = minuteBars().time_ms;
        const QString file = dir_.filePath(QStringLiteral("view.png"));
        const auto moment =
            parseTypedMoment(QDateTime::fromMSecsSinceEpoch(times[60'000], QTimeZone::utc())
                                 .toString(QStringLiteral("yyyy-MM-dd hh:mm")));
        std::optional<QString> ended;
        runScreenshot(*window_, {kMinuteSymbol, moment, file, PriceScale::Log},
                      [&](const QString& error) { ended = error; });
        window_->restoreSession(kMinuteSymbol, QStringLiteral("4h"));
        QVERIFY(QTest::qWaitFor([&] { return ended.has_value(); }, 20000));
        QCOMPARE(*ended, QString());
        QCOMPARE(window_->currentData()->timeframe, QStringLiteral("4h"));
        const QImage png(file);
        QCOMPARE(png.size(), QSize(kScriptedWidth, kScriptedHeight));
        // The 4h bar holding that minute is under the crosshair, mid-chart.
        const auto four_hours = window_->currentData()->bars.time_ms;
        const auto bar = std::upper_bound(four_hours.begin(), four_hours.end(), times[60'000]) -
                         four_hours.begin() - 1;
        QCOMPARE(window_->charts()->crosshairBar(), static_cast<int>(bar));
        // --scale log: drawn on the log scale, its toolbar button on.
        QCOMPARE(window_->charts()->priceScale(), PriceScale::Log);
        QVERIFY(window_->chartToolbar()->logScaleAction()->isChecked());
        window_->chartToolbar()->setPriceScale(PriceScale::Linear);

        // A date the data does not have, or a file that cannot be written: the
        // reason, and nothing written over what was there.
        ended.reset();
        runScreenshot(
            *window_,
            {kDailySymbol, parseTypedMoment(QStringLiteral("1990-01-01")), file, std::nullopt},
            [&](const QString& error) { ended = error; });
        window_->openSymbol(kDailySymbol);
        QVERIFY(QTest::qWaitFor([&] { return ended.has_value(); }, 20000));
        QVERIFY2(ended->contains(QStringLiteral("is before the first bar")), qPrintable(*ended));
        QCOMPARE(QImage(file).size(), QSize(kScriptedWidth, kScriptedHeight));
        ended.reset();
        const QString nowhere = dir_.filePath(QStringLiteral("no/such/folder/view.png"));
        runScreenshot(*window_, {kMinuteSymbol, std::nullopt, nowhere, std::nullopt},
                      [&](const QString& error) { ended = error; });
        window_->openSymbol(kMinuteSymbol);
        QVERIFY(QTest::qWaitFor([&] { return ended.has_value(); }, 20000));
        QVERIFY2(ended->startsWith(QStringLiteral("cannot write ") + nowhere), qPrintable(*ended));
        // A symbol the database lacks.
        ended.reset();
        runScreenshot(*window_, {QStringLiteral("NOSUCH"), std::nullopt, file, std::nullopt},
                      [&](const QString& error) { ended = error; });
        window_->openSymbol(QStringLiteral("NOSUCH"));
        QVERIFY(QTest::qWaitFor([&] { return ended.has_value(); }, 20000));
        QVERIFY2(ended->startsWith(QStringLiteral("NOSUCH: ")), qPrintable(*ended));
        window_->setSessionKept(true);
    }

private:
    TimeframeSelector* selector_ = nullptr;

    // With ATC_SCREENSHOT_DIR set, the window as the trader sees it (timeframe-NAME.png).
    void saveScreenshot(const QString& name) {
        const QString dir = qEnvironmentVariable("ATC_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(50);  // let the panes repaint
        QVERIFY(window_->grab().save(dir + QStringLiteral("/timeframe-") + name +
                                     QStringLiteral(".png")));
    }

    void openDaily() {
        window_->openSymbol(kDailySymbol);
        QVERIFY(wait_for_symbol(kDailySymbol));
    }

    void openMinutes() {
        window_->openSymbol(kMinuteSymbol);
        QVERIFY(wait_for_symbol(kMinuteSymbol));
    }

    void typeTimeframe(const QString& text) {
        selector_->lineEdit()->setFocus();
        selector_->lineEdit()->selectAll();
        QTest::keyClicks(selector_->lineEdit(), text);
        QTest::keyClick(selector_->lineEdit(), Qt::Key_Return);
    }

    bool waitForTimeframe(const QString& timeframe) {
        return QTest::qWaitFor(
            [&] {
                const auto data = window_->currentData();
                return data && data->timeframe == timeframe &&
                       !window_->busyIndicator()->isVisible();
            },
            20000);
    }
};

QTEST_MAIN(TestTimeframes)
#include "test_timeframes.moc"
