// SPDX-License-Identifier: GPL-3.0-or-later
// A restart brings back what the trader set: the chart toolbar's choices, the
// visible range of each symbol (which also follows the symbol when switching
// within a session), the window and its docks, the scanner's columns and sort.
// And settings that are damaged or out of range give the defaults, never a
// crash or an empty chart.
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QWheelEvent>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <limits>

#include "charts/chart_stack.hpp"
#include "charts/performance_panes.hpp"
#include "panels/params_panel.hpp"
#include "panels/performance_panel.hpp"
#include "report/report_exporter.hpp"
#include "scanner/scan_table_model.hpp"
#include "scanner/scanner_panel.hpp"
#include "shell/chart_toolbar.hpp"
#include "shell/main_window.hpp"
#include "shell/session_state.hpp"
#include "studio_fixture.hpp"

using namespace atc;
using namespace atc::ui;

namespace {

using Range = std::pair<double, double>;

QChartView* price_view(ChartStack* charts) {
    for (QChartView* view : charts->findChildren<QChartView*>()) {
        if (view->chart() == charts->priceChart())
            return view;
    }
    return nullptr;
}

// One notch of the mouse wheel over the middle of the price pane: zooms in.
void wheel_over_price(ChartStack* charts) {
    QWidget* viewport = price_view(charts)->viewport();
    const QPointF mid = charts->priceChart()->plotArea().center();
    QWheelEvent wheel(mid, viewport->mapToGlobal(mid), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(viewport, &wheel);
}

void click_header(QTableView* table, int column) {
    QHeaderView* header = table->horizontalHeader();
    const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
}

// The range a symbol opens with when nothing is remembered: its last bars.
bool shows_the_last_bars(const Range& range, std::size_t bars) {
    return range.second >= static_cast<double>(bars) - 0.5 && range.second - range.first >= 10.0;
}

}  // namespace

class TestSessionRestore : public atc::ui::gui_test::StudioTestBase {
    Q_OBJECT

    QDockWidget* dock(const char* name) const {
        return window_->findChild<QDockWidget*>(QString::fromLatin1(name));
    }

    // As the trader closes it: the session is saved.
    void close_window() {
        QVERIFY(window_->close());
        window_.reset();
    }

    // A new window on the same settings, as the app's main() opens it.
    void open_window() {
        window_ =
            std::make_unique<MainWindow>(StudioContext{db_path_, *cache_, *engine_, *settings_});
        window_->restoreSession();
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void restart() {
        close_window();
        open_window();
    }

private slots:
    void initTestCase() { open_studio(); }
    void cleanupTestCase() { close_studio(); }

    void restartRestoresWhatTheTraderSet() {
        window_->restoreSession();
        window_->resize(1500, 950);
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));
        ChartToolbar* toolbar = window_->chartToolbar();
        ChartStack* charts = window_->charts();

        // The toolbar: member equities of the Hull family, KAMA calibration, EMA and WMA hidden.
        toolbar->equityCombo()->setCurrentIndex(
            toolbar->equityCombo()->findData(static_cast<int>(MaType::HMA)));
        toolbar->calibrationCombo()->setCurrentIndex(
            toolbar->calibrationCombo()->findData(static_cast<int>(MaType::KAMA)));
        for (const MaType t : {MaType::EMA, MaType::WMA})
            QTest::mouseClick(toolbar->widgetForAction(toolbar->maAction(t)), Qt::LeftButton);
        QVERIFY(!charts->maVisible(MaType::EMA) && !charts->maVisible(MaType::WMA));
        charts->setPaneCollapsed(QStringLiteral("signals"), true);
        // The log price scale, by its key.
        QTest::keyClick(window_.get(), Qt::Key_L, Qt::AltModifier);
        QCOMPARE(charts->priceScale(), PriceScale::Log);

        // DAX zoomed with the wheel and panned with the keys; TTRC zoomed with the keys.
        wheel_over_price(charts);
        wheel_over_price(charts);
        charts->setFocus();
        QTest::keyClick(charts, Qt::Key_Left);
        const Range dax = charts->visibleRange();
        QVERIFY(!shows_the_last_bars(dax, 1860));
        window_->openSymbol(QStringLiteral("TTRC"));
        QVERIFY(wait_for_symbol(QStringLiteral("TTRC")));
        QVERIFY(shows_the_last_bars(charts->visibleRange(), 5550));  // never shown before
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(charts, Qt::Key_Plus);
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(charts, Qt::Key_Left);
        const Range ttrc = charts->visibleRange();
        QVERIFY(!shows_the_last_bars(ttrc, 5550));

        // Switching back within the session: each symbol as it was left.
        window_->openSymbol(QStringLiteral("DAX"));
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));
        QCOMPARE(charts->visibleRange(), dax);
        window_->openSymbol(QStringLiteral("TTRC"));
        QVERIFY(wait_for_symbol(QStringLiteral("TTRC")));
        QCOMPARE(charts->visibleRange(), ttrc);

        // Docks: the watchlist moved to the right, the parameters wider, the
        // families closed (View menu), the scanner in front.
        window_->addDockWidget(Qt::RightDockWidgetArea, dock("watchlistDock"));
        window_->resizeDocks({dock("paramsDock")}, {430}, Qt::Horizontal);
        dock("familyDock")->toggleViewAction()->trigger();
        dock("scannerDock")->raise();
        QVERIFY(QTest::qWaitFor([&] { return window_->scanner()->longView()->isVisible(); }));
        QCoreApplication::processEvents();  // the dock area's new layout
        const int params_width = dock("paramsDock")->width();
        const int scanner_height = dock("scannerDock")->height();

        // Scanner: Trend hidden, Bars moved first, Symbol wider, LONG sorted by
        // Bars (a header click), SHORT by Symbol (two: descending).
        QTableView* long_view = window_->scanner()->longView();
        QTableView* short_view = window_->scanner()->shortView();
        QHeaderView* header = long_view->horizontalHeader();
        header->hideSection(ScanTableModel::TrendColumn);
        header->moveSection(header->visualIndex(ScanTableModel::BarsColumn), 0);
        header->resizeSection(ScanTableModel::SymbolColumn, 211);
        click_header(long_view, ScanTableModel::BarsColumn);
        click_header(short_view, ScanTableModel::SymbolColumn);
        click_header(short_view, ScanTableModel::SymbolColumn);
        const auto sort_of = [](QTableView* view) {
            const auto* proxy = qobject_cast<const QSortFilterProxyModel*>(view->model());
            return std::pair{proxy->sortColumn(), proxy->sortOrder()};
        };
        const auto long_sort = sort_of(long_view);
        const auto short_sort = sort_of(short_view);
        QCOMPARE(long_sort.first, int(ScanTableModel::BarsColumn));
        QCOMPARE(short_sort, std::pair(int(ScanTableModel::SymbolColumn), Qt::DescendingOrder));

        restart();
        QVERIFY(wait_for_symbol(QStringLiteral("TTRC")));
        toolbar = window_->chartToolbar();
        charts = window_->charts();

        QCOMPARE(window_->size(), QSize(1500, 950));
        QCOMPARE(charts->equityFamily(), std::optional<MaType>(MaType::HMA));
        QCOMPARE(charts->priceScale(), PriceScale::Log);
        QVERIFY(toolbar->logScaleAction()->isChecked());
        QCOMPARE(toolbar->equityFamily(), std::optional<MaType>(MaType::HMA));
        QVERIFY(charts->calibrationVisible());
        QCOMPARE(charts->calibrationFamily(), MaType::KAMA);
        for (const MaType t : kAllFamilies) {
            const bool shown = t != MaType::EMA && t != MaType::WMA;
            QCOMPARE(charts->maVisible(t), shown);
            QCOMPARE(toolbar->maAction(t)->isChecked(), shown);
        }
        QCOMPARE(charts->visibleRange(), ttrc);
        QVERIFY(charts->paneCollapsed(QStringLiteral("signals")));
        QVERIFY(!charts->paneCollapsed(QStringLiteral("equity")));
        window_->openSymbol(QStringLiteral("DAX"));
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));
        QCOMPARE(charts->visibleRange(), dax);
        // A symbol without a remembered range opens at its last bars.
        window_->openSymbol(QStringLiteral("SMI"));
        QVERIFY(wait_for_symbol(QStringLiteral("SMI")));
        QVERIFY(shows_the_last_bars(charts->visibleRange(), window_->currentData()->barCount()));

        QCOMPARE(window_->dockWidgetArea(dock("watchlistDock")), Qt::RightDockWidgetArea);
        QCOMPARE(dock("paramsDock")->width(), params_width);
        QVERIFY(dock("familyDock")->isHidden());
        QVERIFY(window_->scanner()->longView()->isVisible());
        QCOMPARE(dock("scannerDock")->height(), scanner_height);

        long_view = window_->scanner()->longView();
        short_view = window_->scanner()->shortView();
        header = long_view->horizontalHeader();
        QVERIFY(header->isSectionHidden(ScanTableModel::TrendColumn));
        QCOMPARE(header->visualIndex(ScanTableModel::BarsColumn), 0);
        QCOMPARE(header->sectionSize(ScanTableModel::SymbolColumn), 211);
        QCOMPARE(sort_of(long_view), long_sort);
        QCOMPARE(sort_of(short_view), short_sort);
        QVERIFY(!short_view->horizontalHeader()->isSectionHidden(ScanTableModel::TrendColumn));

        // The restored sort orders the rows of the next scan.
        window_->scanner()->startScan();
        QVERIFY(QTest::qWaitFor([&] { return !window_->scanner()->isScanning(); }, 60000));
        const QAbstractItemModel* rows = short_view->model();
        QVERIFY(rows->rowCount() > 1);
        // The scan's refit widens columns for their numbers, never undoes a width.
        QCOMPARE(header->sectionSize(ScanTableModel::SymbolColumn), 211);
        QVERIFY(header->isSectionHidden(ScanTableModel::TrendColumn));
        for (int row = 1; row < rows->rowCount(); ++row) {
            QVERIFY(rows->index(row - 1, ScanTableModel::SymbolColumn).data().toString() >=
                    rows->index(row, ScanTableModel::SymbolColumn).data().toString());
        }
    }

    // The Performance tab's mode and cost, set through its widgets, come back
    // with the next session, for the tab and for the app's reports.
    void performanceSettingsSurviveARestart() {
        QVERIFY(wait_for_symbol(window_->currentData()->name));
        PerformancePanel* panel = window_->performancePanel();
        QTest::keyClick(panel->modeBox(), Qt::Key_Down);
        QDoubleSpinBox* cost = panel->costBox();
        cost->setFocus();
        cost->selectAll();
        QTest::keyClicks(cost, QStringLiteral("12.5"));
        QTest::keyClick(cost, Qt::Key_Return);
        QCOMPARE(panel->options().mode, PositionMode::LongOnly);
        QCOMPARE(panel->options().cost_bps, 12.5);

        restart();
        panel = window_->performancePanel();
        QCOMPARE(panel->modeBox()->currentText(), QStringLiteral("Long only"));
        QCOMPARE(panel->costBox()->value(), 12.5);
        auto* exporter = window_->findChild<ReportExporter*>();
        QVERIFY(exporter);
        QCOMPARE(exporter->performanceOptions().mode, PositionMode::LongOnly);
        QCOMPARE(exporter->performanceOptions().cost_bps, 12.5);
        QVERIFY(QTest::qWaitFor([&] {
            const auto curves = panel->curves();
            return curves && curves->data == window_->currentData() &&
                   curves->options.mode == PositionMode::LongOnly &&
                   curves->options.cost_bps == 12.5;
        }));

        // Back to the defaults for the next test.
        panel->setOptions({});
        restart();
        QCOMPARE(window_->performancePanel()->options().mode, PositionMode::LongShort);
        QCOMPARE(window_->performancePanel()->options().cost_bps, 0.0);
    }

    // Values another version, an editor or a damaged disk left: each one is
    // ignored with its default, and the window opens drawing its first symbol.
    void damagedSettingsGiveTheDefaults() {
        // A header state that is valid but hides every column.
        QHeaderView* live = window_->scanner()->longView()->horizontalHeader();
        const QByteArray live_state = live->saveState();
        for (int c = 0; c < live->count(); ++c)
            live->hideSection(c);
        const QByteArray all_hidden = live->saveState();
        live->restoreState(live_state);

        close_window();
        QSettings& s = *settings_;
        s.clear();
        s.setValue(QStringLiteral("session/version"), QStringLiteral("x"));
        s.setValue(QStringLiteral("window/geometry"), QByteArray("not a geometry"));
        s.setValue(QStringLiteral("window/state"), QByteArray(300, '\x7f'));
        s.setValue(QStringLiteral("view/theme"), QStringLiteral("purple"));
        s.setValue(QStringLiteral("view/candles"), QStringLiteral("maybe"));
        s.setValue(QStringLiteral("view/price_scale"), QStringLiteral("semilog"));
        s.setValue(QStringLiteral("view/hidden_ma"), QStringList{QStringLiteral("SMA"), {}});
        s.setValue(QStringLiteral("view/equity"), 17);
        s.setValue(QStringLiteral("view/calibration"), QStringLiteral("MAMA"));
        s.setValue(QStringLiteral("view/collapsed_panes"),
                   QStringList{QStringLiteral("volume"), QString()});
        s.setValue(QStringLiteral("session/symbol"), QStringLiteral("NO-SUCH-SYMBOL"));
        s.setValue(QStringLiteral("view/timeframes"),
                   QVariantMap{{QStringLiteral("TTRC"), QStringLiteral("fortnight")},
                               {QString(), QStringLiteral("4h")},
                               {QStringLiteral("GEN-0002"), QStringLiteral("7d")}});
        s.setValue(QStringLiteral("scanner/timeframe"), QStringLiteral("0h"));
        s.setValue(QStringLiteral("performance/mode"), QStringLiteral("sideways"));
        s.setValue(QStringLiteral("performance/cost_bps"), -5);
        s.setValue(QStringLiteral("session/params"), QStringLiteral("{\"ema_len\": -3"));
        s.setValue(QStringLiteral("scanner/columns"), ScanTableModel::kColumnCount);
        s.setValue(QStringLiteral("scanner/long_header"), all_hidden);
        s.setValue(QStringLiteral("scanner/short_header"), QByteArray(64, '\x01'));
        s.beginWriteArray(QStringLiteral("view/ranges"), 5);
        const auto range = [&s](int i, const QString& symbol, const QVariant& first,
                                const QVariant& last) {
            s.setArrayIndex(i);
            s.setValue(QStringLiteral("symbol"), symbol);
            s.setValue(QStringLiteral("first"), first);
            s.setValue(QStringLiteral("last"), last);
        };
        range(0, QStringLiteral("DAX"), 1e300, 2e300);  // far beyond the series
        range(1, QStringLiteral("TTRC"), std::numeric_limits<double>::quiet_NaN(), 100.0);
        range(2, QStringLiteral("SMI"), 500.0, 100.0);  // reversed
        range(3, QStringLiteral("CAC"), QStringLiteral("left"), QStringLiteral("right"));
        range(4, QString(), 0.0, 100.0);
        s.endArray();
        s.setValue(QStringLiteral("view/ranges/size"), 1000000);  // more than were written
        s.sync();

        open_window();
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));  // the watchlist's first
        ChartStack* charts = window_->charts();
        ChartToolbar* toolbar = window_->chartToolbar();

        QCOMPARE(window_->theme().kind, ThemeKind::Dark);
        QVERIFY(!toolbar->candles());
        QCOMPARE(charts->priceScale(), PriceScale::Linear);
        QCOMPARE(window_->performancePanel()->options().mode, PositionMode::LongShort);
        QCOMPARE(window_->performancePanel()->options().cost_bps, 0.0);
        for (const MaType t : kAllFamilies)
            QVERIFY(charts->maVisible(t));
        QCOMPARE(charts->equityFamily(), std::optional<MaType>());
        QVERIFY(!charts->calibrationVisible());
        for (const QString& pane : ChartStack::paneNames())
            QVERIFY(!charts->paneCollapsed(pane));
        QVERIFY(window_->paramsPanel()->params() == AtcParams{});
        QVERIFY(window_->width() > 400 && window_->height() > 300);
        QVERIFY(dock("watchlistDock")->isVisible() && dock("paramsDock")->isVisible());

        // DAX's range beyond its bars: clamped to them, the chart draws the last bars.
        const Range dax = charts->visibleRange();
        QVERIFY(shows_the_last_bars(dax, 1860));
        QVERIFY(dax.first >= -0.5 && dax.second < 1860 * 1.1);
        // DAX is close-only: the close line is drawn, over all its bars.
        QVERIFY(charts->closeLineShown());
        QCOMPARE(charts->plottedClose().size(), std::size_t{1860});
        for (const QString& name :
             {QStringLiteral("TTRC"), QStringLiteral("SMI"), QStringLiteral("CAC")}) {
            window_->openSymbol(name);
            QVERIFY(wait_for_symbol(name));
            QVERIFY2(
                shows_the_last_bars(charts->visibleRange(), window_->currentData()->barCount()),
                qPrintable(name));
        }

        for (QTableView* table : {window_->scanner()->longView(), window_->scanner()->shortView()})
            QCOMPARE(table->horizontalHeader()->hiddenSectionCount(), 0);

        // What the window saves over the damage reads back as what it shows.
        close_window();
        const SessionState saved = readSession(*settings_);
        QCOMPARE(settings_->value(QStringLiteral("session/version")).toInt(), kSessionVersion);
        QCOMPARE(saved.ranges.entries().size(), std::size_t{1});
        QCOMPARE(saved.ranges.recall(QStringLiteral("DAX")),
                 std::optional<ViewRange>({dax.first, dax.second}));
        QCOMPARE(saved.symbol, QStringLiteral("CAC"));
        // Only the timeframe that is one survives, canonical; TTRC opened at its own bars.
        QCOMPARE(saved.timeframes, (QHash<QString, QString>{{"GEN-0002", "7d"}}));
        QCOMPARE(saved.scanner_timeframe, QString());
        open_window();
    }

    // Qt applies a header state saved for other columns to these (another
    // version's tables): the column count saved with it keeps it out.
    void columnsOfAnotherVersionAreNotApplied() {
        QStandardItemModel other(3, 2);
        QTableView other_table;
        other_table.setModel(&other);
        other_table.horizontalHeader()->resizeSection(1, 999);
        other_table.horizontalHeader()->hideSection(0);
        const QByteArray other_columns = other_table.horizontalHeader()->saveState();
        close_window();
        settings_->setValue(QStringLiteral("scanner/columns"), 2);
        settings_->setValue(QStringLiteral("scanner/long_header"), other_columns);
        settings_->setValue(QStringLiteral("scanner/short_header"), other_columns);
        open_window();
        for (QTableView* table :
             {window_->scanner()->longView(), window_->scanner()->shortView()}) {
            QHeaderView* header = table->horizontalHeader();
            QCOMPARE(header->hiddenSectionCount(), 0);
            QVERIFY(header->sectionSize(1) < 999);
        }
    }

    // atc-studio --symbol NAME: the window opens that symbol, and only that
    // one is loaded and computed (not the session's first; on a million bars
    // that was seconds of startup).
    void symbolAskedForIsTheOnlyOneComputed() {
        window_->openSymbol(QStringLiteral("DAX"));
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));
        close_window();
        window_ =
            std::make_unique<MainWindow>(StudioContext{db_path_, *cache_, *engine_, *settings_});
        const std::uint64_t before = engine_->latestSymbolGeneration();
        window_->restoreSession(QStringLiteral("TTRC"));
        QCOMPARE(engine_->latestSymbolGeneration(), before + 1);
        window_->show();
        QVERIFY(wait_for_symbol(QStringLiteral("TTRC")));
    }

    // atc-studio starts the first chart before building the window
    // (MainWindow::prefetchSession): the window's request takes that job
    // over. Asked for something else, the window computes what it asks for.
    void prefetchedChartIsTakenOver() {
        window_->openSymbol(QStringLiteral("DAX"));
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));
        close_window();
        MainWindow::prefetchSession(*engine_, *settings_);
        const std::uint64_t prefetched = engine_->latestSymbolGeneration();
        window_ =
            std::make_unique<MainWindow>(StudioContext{db_path_, *cache_, *engine_, *settings_});
        window_->restoreSession();
        QCOMPARE(engine_->latestSymbolGeneration(), prefetched);
        window_->show();
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));
        QCOMPARE(window_->currentData()->generation, prefetched);

        close_window();
        MainWindow::prefetchSession(*engine_, *settings_, QStringLiteral("TTRC"));
        const std::uint64_t other = engine_->latestSymbolGeneration();
        window_ =
            std::make_unique<MainWindow>(StudioContext{db_path_, *cache_, *engine_, *settings_});
        window_->restoreSession(QStringLiteral("SMI"));
        QCOMPARE(engine_->latestSymbolGeneration(), other + 1);
        window_->show();
        QVERIFY(wait_for_symbol(QStringLiteral("SMI")));
        QCOMPARE(window_->currentData()->generation, other + 1);
    }
};

QTEST_MAIN(TestSessionRestore)
#include "test_session_restore.moc"
