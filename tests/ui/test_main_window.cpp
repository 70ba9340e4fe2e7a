// SPDX-License-Identifier: GPL-3.0-or-later
// The whole window, driven like a trader drives it: it opens on the bundled
// data, follows symbol and parameter changes with exactly the engine's numbers,
// marks parameters the symbol cannot take where they are, lays the Parameters
// dock out without scrolling at 1600 × 1000 (and lets the wheel scroll it past
// its fields where it must scroll), and keeps the event loop responsive while
// a 500-symbol scan runs.
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QValueAxis>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <set>

#include "../engine/series_equality.hpp"
#include "../support/drawing_pixels.hpp"
#include "../support/project_version.hpp"
#include "atc/bundled_samples.hpp"
#include "atc/compute.hpp"
#include "atc/performance.hpp"
#include "atc/signals.hpp"
#include "atc/store/alert_store.hpp"
#include "atc/store/database.hpp"
#include "atc/store/drawing_store.hpp"
#include "atc/store/importer.hpp"
#include "atc/sweep.hpp"
#include "atc/sweep_metric.hpp"
#include "charts/chart_format.hpp"
#include "charts/chart_stack.hpp"
#include "charts/drawing_layer.hpp"
#include "charts/drawing_timeline.hpp"
#include "charts/pane_base.hpp"
#include "charts/performance_panes.hpp"
#include "charts/state_line_item.hpp"
#include "charts/view_range.hpp"
#include "core/alert_monitor.hpp"
#include "core/alert_notifier.hpp"
#include "core/compare_loader.hpp"
#include "core/engine_service.hpp"
#include "core/number_format.hpp"
#include "event_loop_probe.hpp"
#include "header_click.hpp"
#include "mouse_wheel.hpp"
#include "panels/alert_dialog.hpp"
#include "panels/alerts_panel.hpp"
#include "panels/number_field.hpp"
#include "panels/params_panel.hpp"
#include "panels/performance_panel.hpp"
#include "panels/symbol_list_model.hpp"
#include "panels/watchlist_panel.hpp"
#include "panels/watchlist_signal_fill.hpp"
#include "report/performance_figures.hpp"
#include "report/report_exporter.hpp"
#include "scanner/scan_table_model.hpp"
#include "shell/chart_toolbar.hpp"
#include "shell/compare_controller.hpp"
#include "shell/compare_dialog.hpp"
#include "shell/dock_shortcut.hpp"
#include "shell/main_window.hpp"
#include "shell/session_state.hpp"
#include "shell/timeframe_selector.hpp"
#include "studio_fixture.hpp"
#include "sweep/sweep_axis_editor.hpp"
#include "sweep/sweep_map.hpp"
#include "sweep/sweep_window.hpp"

using namespace atc;
using namespace atc::ui;

namespace {

QLineSeries* series_named(QChart* chart, const QString& name) {
    for (QAbstractSeries* s : chart->series()) {
        if (s->objectName() == name)
            return qobject_cast<QLineSeries*>(s);
    }
    return nullptr;
}

// The panes plot only the visible bars (plus one either side): every plotted
// point must equal the engine's value at its bar, and every defined bar in the
// visible range must be plotted. NaN bars (before the cutout) are not plotted.
bool plots_exactly(QLineSeries* series, const std::vector<double>& values,
                   std::pair<double, double> visible) {
    if (!series)
        return false;
    std::set<std::size_t> plotted;
    for (const QPointF& p : series->points()) {
        const auto bar = static_cast<std::size_t>(p.x());
        if (p.x() != static_cast<double>(bar) || bar >= values.size() || p.y() != values[bar])
            return false;
        plotted.insert(bar);
    }
    const auto first = static_cast<std::size_t>(std::max(0.0, std::ceil(visible.first)));
    const auto last =
        std::min(values.size() - 1, static_cast<std::size_t>(std::floor(visible.second)));
    std::size_t defined = 0;
    for (std::size_t bar = first; bar <= last; ++bar) {
        if (std::isnan(values[bar]))
            continue;
        ++defined;
        if (!plotted.count(bar))
            return false;
    }
    return defined > 0;
}

// What the window would have shown as desktop notifications.
struct RecordingNotifier : AlertNotifier {
    QStringList titles;
    QStringList messages;
    void notify(const QString& title, const QString& message) override {
        titles << title;
        messages << message;
    }
};

// A daily price file: one close per day from 2024-01-01.
QString write_daily_closes(const QString& path, const std::vector<double>& closes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    QTextStream out(&file);
    out << "date,close\n";
    const QDate first(2024, 1, 1);
    for (std::size_t i = 0; i < closes.size(); ++i)
        out << first.addDays(qint64(i)).toString(Qt::ISODate) << ',' << closes[i] << '\n';
    return path;
}

// Equal but for the last bits of a product of three doubles.
bool nearly(double a, double b) {
    return std::abs(a - b) <= 1e-12 * std::max(std::abs(a), std::abs(b));
}

// Some pixel of `image` is `color`, give or take the antialiasing of text.
bool shows_color(const QImage& image, const QColor& color) {
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) + std::abs(c.green() - color.green()) +
                    std::abs(c.blue() - color.blue()) <=
                24)
                return true;
        }
    }
    return false;
}

}  // namespace

class TestMainWindow : public atc::ui::gui_test::StudioTestBase {
    Q_OBJECT

    // The drawing tests' view of the price pane: its plot in viewport pixels,
    // and the bar and price a pixel stands for, from the axes' ranges.
    ChartPane* price_pane() const { return window_->charts()->pane(QStringLiteral("price")); }
    QPoint plot_point(double fx, double fy) const {
        const QRectF plot = price_pane()->chart()->plotArea();
        return {static_cast<int>(plot.left() + plot.width() * fx),
                static_cast<int>(plot.top() + plot.height() * fy)};
    }
    std::size_t bar_at(int x) const {
        const QRectF plot = price_pane()->chart()->plotArea();
        const QValueAxis* axis = price_pane()->xAxis();
        return static_cast<std::size_t>(std::lround(
            axis->min() + (x - plot.left()) * (axis->max() - axis->min()) / plot.width()));
    }
    double price_at(int y) const {
        const QRectF plot = price_pane()->chart()->plotArea();
        const QValueAxis* axis = price_pane()->yAxis();
        return axis->min() + (plot.bottom() - y) * (axis->max() - axis->min()) / plot.height();
    }
    int x_of_bar(double bar) const {
        const QRectF plot = price_pane()->chart()->plotArea();
        const QValueAxis* axis = price_pane()->xAxis();
        return static_cast<int>(std::lround(plot.left() + (bar - axis->min()) * plot.width() /
                                                              (axis->max() - axis->min())));
    }
    int y_of_price(double price) const {
        const QRectF plot = price_pane()->chart()->plotArea();
        const QValueAxis* axis = price_pane()->yAxis();
        return static_cast<int>(std::lround(plot.bottom() - (price - axis->min()) * plot.height() /
                                                                (axis->max() - axis->min())));
    }
    // The price one pixel spans: how close a placed point must be to the mouse.
    double price_per_pixel() const {
        const QValueAxis* axis = price_pane()->yAxis();
        return (axis->max() - axis->min()) / price_pane()->chart()->plotArea().height();
    }
    void click_at(QPoint p, Qt::MouseButton button = Qt::LeftButton) {
        QTest::mouseClick(price_pane()->viewport(), button, Qt::NoModifier, p);
    }
    void drag_on_price(QPoint from, QPoint to) {
        QWidget* viewport = price_pane()->viewport();
        QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(viewport, (from + to) / 2);
        QTest::mouseMove(viewport, to);
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, to);
    }
    std::vector<store::Drawing> saved_drawings(const QString& symbol) const {
        store::Database db = store::Database::connect(db_path_);
        return store::DrawingStore(db).load(symbol.toStdString()).drawings;
    }
    bool wait_for_timeframe(const QString& name, const QString& timeframe) {
        return QTest::qWaitFor(
            [&] {
                const auto data = window_->currentData();
                return data && data->name == name && data->timeframe == timeframe &&
                       !window_->busyIndicator()->isVisible();
            },
            10000);
    }
    // Rows of the price plot where the drawings' blue is within 2 px of
    // column x (antialiasing spreads a line over two columns).
    int blue_pixels_in_column(int x) const {
        const QImage image = price_pane()->grab().toImage();
        const QRectF plot = price_pane()->chart()->plotArea();
        int count = 0;
        for (int y = static_cast<int>(plot.top()) + 1; y < static_cast<int>(plot.bottom()); ++y) {
            bool blue = false;
            for (int dx = -2; dx <= 2; ++dx)
                blue = blue || atc::test::isDrawingBlue(image.pixelColor(x + dx, y));
            count += blue ? 1 : 0;
        }
        return count;
    }
    // A point of the trend line `trend` at least 12 px from every horizontal
    // line (which a click would grab first).
    QPoint point_on_trend(const store::Drawing& trend) const {
        const auto data = window_->currentData();
        const DrawingLayer* layer = window_->charts()->drawingLayer();
        const QPointF a(x_of_bar(barPositionOf(data->bars, trend.start.x, false)),
                        y_of_price(trend.start.price));
        const QPointF b(x_of_bar(barPositionOf(data->bars, trend.end.x, false)),
                        y_of_price(trend.end.price));
        for (double f = 0.2; f <= 0.8; f += 0.05) {
            const QPointF p = a + f * (b - a);
            const bool clear = std::all_of(
                layer->drawings().begin(), layer->drawings().end(), [&](const store::Drawing& d) {
                    return d.kind != store::DrawingKind::HorizontalLine ||
                           std::abs(y_of_price(d.start.price) - p.y()) > 12;
                });
            if (clear)
                return p.toPoint();
        }
        return ((a + b) / 2).toPoint();
    }
    // Until the Performance tab shows the symbol on screen measured with `options`.
    bool wait_for_performance(const PerformanceOptions& options) {
        return QTest::qWaitFor(
            [&] {
                const auto curves = window_->performancePanel()->curves();
                return curves && curves->data == window_->currentData() &&
                       curves->options.mode == options.mode &&
                       curves->options.cost_bps == options.cost_bps;
            },
            10000);
    }

    // compute_performance on the data on screen, as the tab should have it.
    static Performance expected_performance(const SymbolData& d, const PerformanceOptions& o) {
        auto perf = compute_performance(d.bars.close, d.bars.time_ms, d.result->average,
                                        d.params.long_threshold, d.params.short_threshold, o);
        if (!perf)
            qFatal("the Average of %s is never defined", qPrintable(d.name));
        return std::move(*perf);
    }

    // The tab's table says `expected`'s figures as the PDF writes them, in the
    // gain and loss colours; its curves are `expected`'s series.
    void compare_performance_tab(const Performance& expected) {
        PerformancePanel* panel = window_->performancePanel();
        const std::vector<PerformanceFigureRow> rows = performanceFigureRows(expected.figures);
        const QTableWidget* table = panel->figuresTable();
        QCOMPARE(table->rowCount(), static_cast<int>(rows.size()));
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const int at = static_cast<int>(r);
            QCOMPARE(table->item(at, 0)->text(), rows[r].label);
            QCOMPARE(table->item(at, 1)->text(), rows[r].signal);
            QCOMPARE(table->item(at, 2)->text(), rows[r].buy_and_hold);
        }
        const QColor total = table->item(0, 1)->foreground().color();
        QCOMPARE(total,
                 expected.figures.total_return > 0 ? window_->theme().bull : window_->theme().bear);
        const Performance& shown = *panel->curves()->performance;
        QCOMPARE(shown.figures.total_return, expected.figures.total_return);
        QCOMPARE(shown.figures.trades, expected.figures.trades);
        const auto drawn = [](const StateLineItem& item) {
            return std::vector<double>(item.values().begin(), item.values().end());
        };
        QVERIFY(test::same_values(drawn(panel->equityPane()->signalItem()), expected.equity));
        QVERIFY(test::same_values(drawn(panel->equityPane()->buyAndHoldItem()),
                                  expected.buy_and_hold_equity));
        std::vector<double> underwater(expected.drawdown.size());
        for (std::size_t i = 0; i < underwater.size(); ++i)
            underwater[i] = 1.0 - expected.drawdown[i];
        QVERIFY(test::same_values(drawn(panel->underwaterPane()->lineItem()), underwater));
    }

    // The restored session with `name` on the chart. The cases that need a
    // chart call it first, so that each also runs alone
    // (`test_main_window crosshairLegendShowsTheBar`); after the cases before
    // it, it only clicks when another symbol is shown.
    bool show_symbol(const QString& name) {
        if (!session_restored_) {
            window_->restoreSession();
            session_restored_ = true;
            if (!QTest::qWaitFor([&] { return window_->currentData() != nullptr; }, 10000))
                return false;
        }
        if (window_->watchlist()->currentSymbol() != name)
            click_symbol(name);
        return wait_for_symbol(name);
    }

    // Clicks the symbol's row in the watchlist, as a trader does.
    void click_symbol(const QString& name) {
        QTableView* view = window_->watchlist()->view();
        const QAbstractItemModel* model = view->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data().toString() != name)
                continue;
            view->scrollTo(index);
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                              view->visualRect(index).center());
            return;
        }
        QFAIL(qPrintable(QStringLiteral("%1 is not in the watchlist").arg(name)));
    }

    // Until the watchlist's ATC columns hold answers for every listed symbol.
    bool wait_for_watchlist_fill() {
        const SymbolListModel* model = window_->watchlist()->model();
        return QTest::qWaitFor(
            [&] {
                if (window_->watchlistFill()->isFilling())
                    return false;
                for (int row = 0; row < model->rowCount(); ++row) {
                    if (!model->signalAt(row))
                        return false;
                }
                return true;
            },
            20000);
    }

    // The watchlist's Avg and Entry cells of `name` against compute_symbol on
    // its stored bars with `params`: the value exactly, the text as the
    // scanner writes it, the arrow by the thresholds.
    void compare_atc_cells(const QString& name, const AtcParams& params) {
        const QAbstractItemModel* model = window_->watchlist()->view()->model();
        const int row = static_cast<int>(window_->watchlist()->visibleSymbols().indexOf(name));
        QVERIFY2(row >= 0, qPrintable(name));
        store::Database db = store::Database::connect(db_path_);
        const PriceSeries bars = store::SymbolStore(db).load(name.toStdString());
        const AtcResult expected = compute_symbol(bars.close, params);
        const QModelIndex average = model->index(row, SymbolListModel::AverageColumn);
        QCOMPARE(average.data(SymbolListModel::kValueRole).toDouble(), expected.row.average);
        const double zone =
            threshold_cut(expected.row.average, params.long_threshold, params.short_threshold);
        const QString arrow = zone > 0   ? QStringLiteral("▲")
                              : zone < 0 ? QStringLiteral("▼")
                                         : QStringLiteral("•");
        QCOMPARE(average.data().toString(),
                 arrow + QLatin1Char(' ') + signedSignalText(expected.row.average));
        const QModelIndex since = model->index(row, SymbolListModel::SinceEntryColumn);
        QVERIFY2(expected.row.last_marker, qPrintable(name));  // the bundled data has entries
        const std::size_t bars_since = bars.close.size() - 1 - expected.row.last_marker->bar;
        QCOMPARE(since.data(SymbolListModel::kValueRole).toDouble(),
                 static_cast<double>(bars_since));
        QCOMPARE(since.data().toString(), groupedCount(bars_since));
    }

    // The window, or `of` (a dialog).
    void save_screenshot(const QString& name, QWidget* of = nullptr) {
        const QString dir = qEnvironmentVariable("ATC_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(50);  // let the panes repaint
        QWidget* shown = of ? of : window_.get();
        QVERIFY(shown->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

private slots:
    void initTestCase() {
        alert_notifier_ = &notifier_;
        open_studio();
        if (QTest::currentTestFailed())
            return;
    }

    void cleanupTestCase() { close_studio(); }

    void opensOnTheBundledData() {
        window_->restoreSession();
        session_restored_ = true;
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));  // the first real series
        QCOMPARE(window_->watchlist()->currentSymbol(), QStringLiteral("DAX"));
        QVERIFY(window_->statusText()->text().contains(QStringLiteral("1,860 bars")));
    }

    void selectingASymbolDrawsTheEnginesNumbers() {
        click_symbol(QStringLiteral("TTRC"));
        QVERIFY(wait_for_symbol(QStringLiteral("TTRC")));
        const auto data = window_->currentData();
        const AtcResult expected = compute_symbol(data->bars.close, AtcParams{});
        QChart* signals_chart = window_->charts()->signalChart();
        const auto visible = window_->charts()->visibleRange();
        for (const MaType t : kAllFamilies) {
            QVERIFY2(
                test::same_values(window_->charts()->plottedSignal(t), expected.family(t).signal),
                family_name(t).data());
        }
        QVERIFY(plots_exactly(series_named(signals_chart, QStringLiteral("Average_Signal")),
                              expected.average, visible));
        QVERIFY(
            plots_exactly(series_named(window_->charts()->equityChart(), QStringLiteral("KAMA_S")),
                          expected.family(MaType::KAMA).weight_equity, visible));
        QVERIFY(test::same_values(window_->charts()->plottedMa(MaType::EMA),
                                  expected.family(MaType::EMA).members[0].ma));
    }

    // Requests made in a burst (clicks faster than the engine): only the newest
    // one is delivered, whatever order the workers finish in.
    void supersededRequestsAreDropped() {
        EngineService engine(db_path_, *cache_, *router_);
        QSignalSpy ready(&engine, &EngineService::symbolReady);
        engine.requestSymbol(QStringLiteral("DAX"), AtcParams{});
        engine.requestSymbol(QStringLiteral("SMI"), AtcParams{});
        const std::uint64_t last = engine.requestSymbol(QStringLiteral("CAC"), AtcParams{});
        engine.waitForIdle();
        QTRY_COMPARE(ready.count(), 1);
        QTest::qWait(50);
        QCOMPARE(ready.count(), 1);
        const auto data = ready.at(0).at(0).value<std::shared_ptr<const SymbolData>>();
        QCOMPARE(data->name, QStringLiteral("CAC"));
        QCOMPARE(data->generation, last);
        QVERIFY(!engine.isBusy());
    }

    void changingAParameterRecomputes() {
        QVERIFY(show_symbol(QStringLiteral("TTRC")));
        auto* ema_length =
            window_->paramsPanel()->findChild<NumberField*>(QStringLiteral("ema_len"));
        QVERIFY2(ema_length, "the EMA length editor is named ema_len");
        ema_length->setValue(20);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto d = window_->currentData();
                return d && d->params.lengths[0] == 20 && !window_->busyIndicator()->isVisible();
            },
            10000));
        const auto data = window_->currentData();
        AtcParams p;
        p.lengths[0] = 20;
        const AtcResult expected = compute_symbol(data->bars.close, p);
        QVERIFY(test::same_values(window_->charts()->plottedSignal(MaType::EMA),
                                  expected.family(MaType::EMA).signal));
        QVERIFY(test::same_values(window_->charts()->plottedMa(MaType::EMA),
                                  expected.family(MaType::EMA).members[0].ma));
        // Back to the defaults, and wait for that result so the next test starts settled.
        ema_length->setValue(28);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto d = window_->currentData();
                return d && d->params.lengths[0] == 28 && !window_->busyIndicator()->isVisible();
            },
            10000));
    }

    // The Performance tab (Ctrl+Shift+P): compute_performance's figures and
    // curves for the symbol on screen, on the charts' visible bars.
    void performanceTabShowsTheSignalsFigures() {
        QVERIFY(show_symbol(QStringLiteral("TTRC")));  // whichever case ran before
        PerformancePanel* panel = window_->performancePanel();
        auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("performanceDock"));
        window_->findChild<QDockWidget*>(QStringLiteral("familyDock"))->raise();
        QTRY_VERIFY(isBehindAnotherTab(dock));
        QTest::keyClick(window_.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(!isBehindAnotherTab(dock) && panel->isVisible());
        QVERIFY(wait_for_performance(PerformanceOptions{}));
        const auto data = window_->currentData();
        const Performance expected = expected_performance(*data, {});
        compare_performance_tab(expected);
        QVERIFY(std::isfinite(expected.figures.cagr));  // TTRC has dates

        // On the charts' time axis: their bars, their crosshair; a pan there moves both.
        ChartStack* charts = window_->charts();
        charts->setVisibleRange(2000, 2600);
        for (ChartPane* pane : {static_cast<ChartPane*>(panel->equityPane()),
                                static_cast<ChartPane*>(panel->underwaterPane())}) {
            QCOMPARE(pane->xAxis()->min(), charts->visibleRange().first);
            QCOMPARE(pane->xAxis()->max(), charts->visibleRange().second);
        }
        charts->setCrosshairBar(2300);
        QVERIFY2(panel->equityPane()->legendPlainText().contains(
                     QStringLiteral("×") + formatEquity(expected.equity[2300])),
                 qPrintable(panel->equityPane()->legendPlainText()));
        const auto before = charts->visibleRange();
        QTest::mouseMove(panel->equityPane()->viewport(), QPoint(300, 60));
        QTest::mousePress(panel->equityPane()->viewport(), Qt::LeftButton, {}, QPoint(300, 60));
        QTest::mouseMove(panel->equityPane()->viewport(), QPoint(420, 60));
        QTest::mouseRelease(panel->equityPane()->viewport(), Qt::LeftButton, {}, QPoint(420, 60));
        QVERIFY(charts->visibleRange().first < before.first);  // dragged right: earlier bars
        QCOMPARE(panel->equityPane()->xAxis()->min(), charts->visibleRange().first);
        charts->setCrosshairBar(-1);
        save_screenshot(QStringLiteral("performance-tab"));
    }

    // The mode and the cost through their widgets: the figures follow at once,
    // and the app's exported report holds the position the same way.
    void performanceModeAndCostReachTheReport() {
        QVERIFY(show_symbol(QStringLiteral("TTRC")));
        PerformancePanel* panel = window_->performancePanel();
        const auto data = window_->currentData();
        const Performance both = expected_performance(*data, {});
        QComboBox* mode = panel->modeBox();
        QTest::keyClick(mode, Qt::Key_Down);
        QCOMPARE(mode->currentText(), QStringLiteral("Long only"));
        PerformanceOptions long_only{PositionMode::LongOnly, 0.0};
        QVERIFY(wait_for_performance(long_only));
        const Performance longs = expected_performance(*data, long_only);
        QVERIFY(longs.figures.total_return != both.figures.total_return);
        compare_performance_tab(longs);

        QDoubleSpinBox* cost = panel->costBox();
        cost->setFocus();
        cost->selectAll();
        QTest::keyClicks(cost, QStringLiteral("25"));
        QTest::keyClick(cost, Qt::Key_Return);
        const PerformanceOptions costly{PositionMode::LongOnly, 25.0};
        QVERIFY(wait_for_performance(costly));
        const Performance paid = expected_performance(*data, costly);
        QVERIFY(paid.figures.total_return < longs.figures.total_return);
        compare_performance_tab(paid);

        auto* exporter = window_->findChild<ReportExporter*>();
        QVERIFY(exporter);
        QSignalSpy finished(exporter, &ReportExporter::finished);
        const QString file = dir_.filePath(QStringLiteral("performance.json"));
        QVERIFY(exporter->exportTo(file, ReportFormat::Json));
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.front().at(0).toBool());
        QFile json(file);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject perf = QJsonDocument::fromJson(json.readAll())
                                     .object()
                                     .value(QStringLiteral("performance"))
                                     .toObject();
        QCOMPARE(perf.value(QStringLiteral("mode")).toString(), QStringLiteral("long_only"));
        QCOMPARE(perf.value(QStringLiteral("cost_bps")).toDouble(), 25.0);
        QCOMPARE(perf.value(QStringLiteral("total_return")).toDouble(), paid.figures.total_return);

        panel->setOptions({});
        QVERIFY(wait_for_performance(PerformanceOptions{}));
    }

    // A new result (La edited in the parameters) is measured as soon as it is drawn.
    void performanceTabFollowsTheParameters() {
        QVERIFY(show_symbol(QStringLiteral("TTRC")));
        auto* la = window_->paramsPanel()->findChild<NumberField*>(QStringLiteral("La"));
        QVERIFY(la);
        const auto drawn_with = [&](double lambda) {
            return QTest::qWaitFor(
                [&] {
                    const auto d = window_->currentData();
                    return d && d->params.lambda == lambda &&
                           !window_->busyIndicator()->isVisible();
                },
                10000);
        };
        la->setValue(0.01);
        QVERIFY(drawn_with(0.01));
        QVERIFY(wait_for_performance(PerformanceOptions{}));
        compare_performance_tab(expected_performance(*window_->currentData(), {}));
        la->setValue(0.02);  // back to the default
        QVERIFY(drawn_with(0.02));
        QVERIFY(wait_for_performance(PerformanceOptions{}));
    }

    // Bars without dates (the year-labelled DAX): the figures that need years
    // say "—", the curves run by bar.
    void performanceTabOnUndatedBars() {
        click_symbol(QStringLiteral("DAX"));
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));
        QVERIFY(window_->currentData()->bars.time_ms.empty());
        QVERIFY(wait_for_performance(PerformanceOptions{}));
        const Performance expected = expected_performance(*window_->currentData(), {});
        QVERIFY(std::isnan(expected.figures.cagr));
        compare_performance_tab(expected);
        QCOMPARE(window_->performancePanel()->figuresTable()->item(1, 1)->text(),
                 QStringLiteral("—"));
        save_screenshot(QStringLiteral("performance-undated"));
        window_->findChild<QDockWidget*>(QStringLiteral("familyDock"))->raise();
        click_symbol(QStringLiteral("TTRC"));
        QVERIFY(wait_for_symbol(QStringLiteral("TTRC")));
    }

    // The watchlist's Avg and Entry columns fill in the background with the
    // parameters of the chart on screen, follow a parameter change, and sort
    // by a click on their header (unknown last).
    void watchlistAtcColumnsFollowTheParameters() {
        QVERIFY(show_symbol(QStringLiteral("TTRC")));
        QVERIFY(wait_for_watchlist_fill());
        const QStringList known{QStringLiteral("DAX"), QStringLiteral("TTRC"),
                                QStringLiteral("GEN-0250")};
        for (const QString& name : known)
            compare_atc_cells(name, AtcParams{});

        auto* ema_length =
            window_->paramsPanel()->findChild<NumberField*>(QStringLiteral("ema_len"));
        QVERIFY(ema_length);
        ema_length->setValue(20);
        AtcParams edited;
        edited.lengths[0] = 20;
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto d = window_->currentData();
                return d && d->params == edited;
            },
            10000));
        QVERIFY(wait_for_watchlist_fill());
        for (const QString& name : known)
            compare_atc_cells(name, edited);

        // Sorted by Avg: strongest long first, then the other way; by Entry:
        // the freshest entry first. Every cell is known, so the values decide.
        QTableView* view = window_->watchlist()->view();
        const auto column_values = [view](int column) {
            std::vector<double> values;
            for (int row = 0; row < view->model()->rowCount(); ++row) {
                const QVariant v =
                    view->model()->index(row, column).data(SymbolListModel::kValueRole);
                values.push_back(v.isValid() ? v.toDouble() : std::nan(""));
            }
            return values;
        };
        const auto unknown_last = [](const std::vector<double>& values) {
            const auto first_unknown =
                std::find_if(values.begin(), values.end(), [](double v) { return std::isnan(v); });
            return std::all_of(first_unknown, values.end(), [](double v) { return std::isnan(v); });
        };
        const auto known_part = [](std::vector<double> values) {
            values.erase(std::remove_if(values.begin(), values.end(),
                                        [](double v) { return std::isnan(v); }),
                         values.end());
            return values;
        };
        gui_test::click_header(view, SymbolListModel::AverageColumn);
        std::vector<double> averages = column_values(SymbolListModel::AverageColumn);
        QVERIFY(unknown_last(averages));
        const std::vector<double> descending = known_part(averages);
        QVERIFY(std::is_sorted(descending.begin(), descending.end(), std::greater<>()));
        QVERIFY(descending.front() > 0.0 && descending.back() < 0.0);
        gui_test::click_header(view, SymbolListModel::AverageColumn);
        averages = column_values(SymbolListModel::AverageColumn);
        QVERIFY(unknown_last(averages));
        const std::vector<double> ascending = known_part(averages);
        QVERIFY(std::is_sorted(ascending.begin(), ascending.end()));
        gui_test::click_header(view, SymbolListModel::SinceEntryColumn);
        const std::vector<double> since = column_values(SymbolListModel::SinceEntryColumn);
        QVERIFY(unknown_last(since));
        const std::vector<double> fresh_first = known_part(since);
        QVERIFY(std::is_sorted(fresh_first.begin(), fresh_first.end()));
        QVERIFY(fresh_first.size() > 400);
        // Two more clicks: the other way, then the store's order again.
        gui_test::click_header(view, SymbolListModel::SinceEntryColumn);
        gui_test::click_header(view, SymbolListModel::SinceEntryColumn);
        QCOMPARE(window_->watchlist()->visibleSymbols(), window_->watchlist()->symbols());

        // Back to the defaults: the cells follow (the cache answers them).
        ema_length->setValue(28);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto d = window_->currentData();
                return d && d->params == AtcParams{} && !window_->busyIndicator()->isVisible();
            },
            10000));
        QVERIFY(wait_for_watchlist_fill());
        compare_atc_cells(QStringLiteral("DAX"), AtcParams{});
    }

    void invalidValueShowsTheSpecsMessage() {
        auto* hull = window_->paramsPanel()->findChild<NumberField*>(QStringLiteral("hull_len"));
        QVERIFY(hull);
        const auto before = window_->currentData();
        hull->setValue(6);
        QTRY_VERIFY(window_->paramsPanel()
                        ->messageFor(QStringLiteral("hull_len"))
                        .contains(QStringLiteral("7 to")));
        QTest::qWait(MainWindow::kRecomputeDelayMs * 3);
        QCOMPARE(window_->currentData(), before);  // nothing invalid was computed
        hull->setValue(28);
        QTRY_VERIFY(window_->paramsPanel()->messageFor(QStringLiteral("hull_len")).isEmpty());
    }

    // A cutout beyond the symbol's bars is marked in its field with the
    // "not applied" banner, typed or met by switching symbols, and the chart
    // keeps the last valid result instead of a status line saying it failed.
    void cutoutBeyondTheSeriesIsMarkedInItsField() {
        ParamsPanel* panel = window_->paramsPanel();
        auto* cutout = panel->findChild<NumberField*>(QStringLiteral("cutout"));
        auto* notice = panel->findChild<QLabel*>(QStringLiteral("invalidNotice"));
        click_symbol(QStringLiteral("DAX"));
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));
        const auto before = window_->currentData();
        QCOMPARE(before->barCount(), std::size_t{1860});

        QTest::mouseClick(cutout, Qt::LeftButton);
        cutout->selectAll();
        QTest::keyClicks(cutout, QStringLiteral("5000"));
        QTest::keyClick(cutout, Qt::Key_Enter);
        const QString message = panel->messageFor(QStringLiteral("cutout"));
        QVERIFY2(message.contains(QStringLiteral("only 1860 bars")), qPrintable(message));
        QVERIFY(notice->isVisible());
        QTest::qWait(MainWindow::kRecomputeDelayMs * 3);
        QCOMPARE(window_->currentData(), before);
        QVERIFY(!window_->busyIndicator()->isVisible());
        QVERIFY2(!window_->statusText()->text().contains(QStringLiteral("could not")),
                 qPrintable(window_->statusText()->text()));
        save_screenshot(QStringLiteral("5-dax-cutout-not-applied"));

        // 5000 suits TTRC's 5550 bars: opening it applies the cutout.
        click_symbol(QStringLiteral("TTRC"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto d = window_->currentData();
                return d && d->name == QStringLiteral("TTRC") && d->params.cutout == 5000 &&
                       !window_->busyIndicator()->isVisible();
            },
            10000));
        QVERIFY(panel->messageFor(QStringLiteral("cutout")).isEmpty());
        QVERIFY(!notice->isVisible());
        // Back to DAX: marked again before anything is computed.
        click_symbol(QStringLiteral("DAX"));
        QCOMPARE(panel->messageFor(QStringLiteral("cutout")), message);
        QVERIFY(notice->isVisible());

        cutout->setValue(0);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto d = window_->currentData();
                return d && d->name == QStringLiteral("DAX") && d->params == AtcParams{} &&
                       !window_->busyIndicator()->isVisible();
            },
            10000));
        QVERIFY(!notice->isVisible());
        click_symbol(QStringLiteral("TTRC"));
        QVERIFY(wait_for_symbol(QStringLiteral("TTRC")));
    }

    // At 1600 × 1000, as the window opens on such a screen (92 % of it) or
    // filling it, every parameter is in view; a smaller window scrolls the
    // dock, and the wheel scrolls it past its fields without changing one.
    void parametersDockFitsAndScrollsPastItsFields() {
        ParamsPanel* panel = window_->paramsPanel();
        QScrollBar* bar = panel->findChild<QScrollArea*>()->verticalScrollBar();
        auto* families = window_->findChild<QDockWidget*>(QStringLiteral("familyDock"));
        const QSize original = window_->size();
        const QByteArray docks = window_->saveState();  // for the tests after this one
        // The default layout's docks (MainWindow::applyDefaultLayout) at a window size.
        const auto lay_out = [&](QSize size) {
            window_->resize(size);
            window_->resizeDocks({families}, {size.height() / 4}, Qt::Vertical);
            QTest::qWait(50);
        };
        for (const QSize size : {QSize(1472, 920), QSize(1600, 1000)}) {
            lay_out(size);
            QVERIFY2(bar->maximum() == 0,
                     qPrintable(QStringLiteral("%1×%2: the Parameters dock scrolls by %3 px")
                                    .arg(size.width())
                                    .arg(size.height())
                                    .arg(bar->maximum())));
        }

        lay_out(QSize(1024, 700));
        QVERIFY(bar->maximum() > 0);
        bar->setValue(0);
        window_->charts()->setFocus();
        auto* la = panel->findChild<NumberField*>(QStringLiteral("La"));
        auto* robustness = panel->findChild<QComboBox*>(QStringLiteral("robustness"));
        const AtcParams params = panel->params();
        QSignalSpy edited(panel, &ParamsPanel::paramsEdited);
        for (QWidget* field : std::initializer_list<QWidget*>{robustness, la}) {
            panel->findChild<QScrollArea*>()->ensureWidgetVisible(field);
            const int at = bar->value();
            atc::test::turnWheel(field, at == 0 ? -1 : 1);
            QVERIFY2(bar->value() != at, qPrintable(field->objectName()));
        }
        QCOMPARE(la->text(), QStringLiteral("0.02"));
        QCOMPARE(robustness->currentData().toInt(), static_cast<int>(Robustness::Medium));
        QCOMPARE(edited.count(), 0);
        QCOMPARE(panel->params(), params);
        window_->resize(original);
        window_->restoreState(docks);
    }

    void crosshairLegendShowsTheBar() {
        QVERIFY(show_symbol(QStringLiteral("TTRC")));
        window_->charts()->setCrosshairBar(0);
        QVERIFY2(window_->charts()->legendText().contains(QStringLiteral("1985-01-02")),
                 qPrintable(window_->charts()->legendText()));
    }

    // Each view a trader switches to, through the toolbar. With ATC_SCREENSHOT_DIR
    // set, every step is also saved as a PNG there (to look at them, see README).
    void toolbarSwitchesEveryView() {
        click_symbol(QStringLiteral("TTRC"));
        QVERIFY(wait_for_symbol(QStringLiteral("TTRC")));
        ChartToolbar* toolbar = window_->chartToolbar();
        ChartStack* charts = window_->charts();
        save_screenshot(QStringLiteral("1-ttrc-close"));

        toolbar->setCandles(true);
        QVERIFY(charts->candlesDrawn());  // TTRC has OHLC
        charts->setVisibleRange(5400, 5549);
        save_screenshot(QStringLiteral("2-ttrc-candles-zoomed"));

        toolbar->calibrationCombo()->setCurrentIndex(1 + static_cast<int>(MaType::KAMA));
        QVERIFY(charts->calibrationVisible());
        QCOMPARE(charts->calibrationFamily(), MaType::KAMA);
        // The app keeps the drawn series only: the members are computed on the
        // engine's worker when a view shows them, and the view says so until
        // they come.
        QVERIFY(charts->plottedCalibrationMa(0).empty());
        QVERIFY(charts->legendText().contains(QStringLiteral("Computing KAMA members")));
        QTRY_VERIFY_WITH_TIMEOUT(!charts->plottedCalibrationMa(0).empty(), 20000);
        QVERIFY(!charts->legendText().contains(QStringLiteral("Computing")));
        const std::shared_ptr<const SymbolData> shown = window_->currentData();
        const AtcResult full = compute_symbol(shown->bars.close, shown->params);
        for (std::size_t m = 0; m < kMembersPerFamily; ++m) {
            const MemberSeries& want = full.family(MaType::KAMA).members[m];
            QVERIFY(test::same_values(charts->plottedCalibrationMa(m), want.ma));
            QVERIFY(charts->plottedCalibrationStates(m) == want.state);
        }
        toolbar->equityCombo()->setCurrentIndex(1 + static_cast<int>(MaType::HMA));
        QCOMPARE(charts->equityFamily(), std::optional<MaType>(MaType::HMA));
        QVERIFY(charts->legendText().contains(QStringLiteral("Computing HMA members")));
        QTRY_COMPARE_WITH_TIMEOUT(charts->equityChart()->series().size(), 9, 20000);
        const auto& hma = charts->members()[static_cast<std::size_t>(MaType::HMA)];
        QVERIFY(hma);
        for (std::size_t m = 0; m < kMembersPerFamily; ++m)
            QVERIFY(
                test::same_values((*hma)[m].equity, full.family(MaType::HMA).members[m].equity));
        charts->setCrosshairBar(5500);
        save_screenshot(QStringLiteral("3-ttrc-calibration-members"));

        window_->setTheme(ThemeKind::Light);
        save_screenshot(QStringLiteral("4-ttrc-light"));

        window_->setTheme(ThemeKind::Dark);
        toolbar->calibrationCombo()->setCurrentIndex(0);
        toolbar->equityCombo()->setCurrentIndex(0);
        toolbar->setCandles(false);
        QVERIFY(!charts->calibrationVisible());
        QCOMPARE(charts->equityFamily(), std::optional<MaType>());
        for (const auto& held : charts->members())
            QVERIFY(!held);  // let go with their views
        charts->resetZoom();
        charts->setCrosshairBar(-1);
    }

    void themeSwitchReachesTheCharts() {
        const QColor dark = window_->charts()->priceChart()->backgroundBrush().color();
        window_->setTheme(ThemeKind::Light);
        QVERIFY(window_->charts()->priceChart()->backgroundBrush().color() != dark);
        window_->setTheme(ThemeKind::Dark);
        QCOMPARE(window_->charts()->priceChart()->backgroundBrush().color(), dark);
    }

    // At 1024 x 700, and at 1600 x 1000 with the calibration view on, every pane
    // has a plot of at least the minimum height or is folded to its one-line
    // legend; the price always keeps its plot.
    void panesStayReadableAtAnySize() {
        QVERIFY(show_symbol(QStringLiteral("TTRC")));
        ChartToolbar* toolbar = window_->chartToolbar();
        ChartStack* charts = window_->charts();
        const auto check = [&](const QString& screenshot) {
            QCoreApplication::processEvents();
            QVERIFY(!charts->pane(QStringLiteral("price"))->titleOnly());
            for (const QString& name : ChartStack::paneNames()) {
                ChartPane* pane = charts->pane(name);
                if (pane->isHidden())
                    continue;
                const LegendStrip* legend = pane->legendStrip();
                QCOMPARE(legend->height(), QFontMetrics(legend->font()).height());
                QVERIFY(legend->toolTip().contains(legend->plainText()));
                if (pane->titleOnly()) {
                    QCOMPARE(pane->height(), pane->titleOnlyHeight());
                } else {
                    QVERIFY2(pane->chart()->plotArea().height() >= ChartPane::kMinPlotHeight,
                             qPrintable(QStringLiteral("%1 at %2: plot %3 px")
                                            .arg(name, screenshot)
                                            .arg(pane->chart()->plotArea().height())));
                }
            }
            save_screenshot(screenshot);
        };
        window_->resize(1024, 700);
        check(QStringLiteral("5-small-window"));
        toolbar->calibrationCombo()->setCurrentIndex(1 + static_cast<int>(MaType::KAMA));
        check(QStringLiteral("6-small-window-calibration"));
        window_->resize(1600, 1000);
        check(QStringLiteral("7-calibration"));
        // At this size every pane has its plot, the equities under the calibration view too.
        for (const QString& name : ChartStack::paneNames())
            QVERIFY2(!charts->pane(name)->titleOnly(), qPrintable(name));
        toolbar->calibrationCombo()->setCurrentIndex(0);
    }

    // A hidden family's button reads as off: crossed-out swatch, struck-through
    // name, a tooltip that says so.
    void hiddenFamilyButtonLooksOff() {
        ChartToolbar* toolbar = window_->chartToolbar();
        auto* button =
            qobject_cast<QToolButton*>(toolbar->widgetForAction(toolbar->maAction(MaType::HMA)));
        QVERIFY(button);
        const QImage shown = button->icon().pixmap(14, 14).toImage();
        QVERIFY(!button->font().strikeOut());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!window_->charts()->maVisible(MaType::HMA));
        QVERIFY(button->font().strikeOut());
        QVERIFY(button->icon().pixmap(14, 14).toImage() != shown);
        QVERIFY2(button->toolTip().contains(QStringLiteral("hidden")),
                 qPrintable(button->toolTip()));
        save_screenshot(QStringLiteral("8-hma-hidden"));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(window_->charts()->maVisible(MaType::HMA));
        QVERIFY(!button->font().strikeOut());
        QCOMPARE(button->icon().pixmap(14, 14).toImage(), shown);
    }

    // An alert defined in the Alerts dock fires on the new bars of an import
    // that cross its price, never on the history it was defined over: the
    // notification, the dock's list, the status bar and the database say so.
    void priceAlertFiresOnANewBar() {
        // History crossing 110 both ways, then back at 100.
        std::vector<double> closes(30, 100.0);
        closes[10] = 112.0;
        closes[11] = 108.0;
        const QString file = write_daily_closes(dir_.filePath(QStringLiteral("ALRT.csv")), closes);
        QSignalSpy imported(window_->watchlist(), &WatchlistPanel::importFinished);
        window_->watchlist()->importFiles({file});
        QVERIFY(imported.wait(10000));
        QVERIFY(wait_for_symbol(QStringLiteral("ALRT")));

        // Ctrl+Shift+A brings the dock to the front; Add… opens the dialog for
        // the symbol on screen, its price field ready to type in. (Shortcuts
        // reach only the active window.)
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("alertsDock"));
        window_->findChild<QDockWidget*>(QStringLiteral("familyDock"))->raise();
        QTRY_VERIFY(isBehindAnotherTab(dock));  // as the default layout has it
        QTest::keyClick(window_.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(!dock->visibleRegion().isEmpty());
        AlertsPanel* panel = window_->alertsPanel();
        QTest::mouseClick(panel->addButton(), Qt::LeftButton);
        AlertDialog* dialog = panel->addDialog();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->symbolBox()->currentText(), QStringLiteral("ALRT"));
        QCOMPARE(dialog->kindBox()->currentData().toInt(), int(AlertKind::PriceCrossing));
        QTest::keyClicks(dialog->levelField(), QStringLiteral("abc"));
        QTest::keyClick(dialog->levelField(), Qt::Key_Return);
        QVERIFY(dialog->isVisible());  // not a price: it says so and stays open
        QVERIFY(dialog->messageLabel()->isVisible());
        dialog->levelField()->clear();
        QTest::keyClicks(dialog->levelField(), QStringLiteral("110"));
        QTest::keyClick(dialog->levelField(), Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([&] { return panel->addDialog() == nullptr; }, 2000));
        QTableWidget* alerts = panel->alertTable();
        QCOMPARE(alerts->rowCount(), 1);
        QCOMPARE(alerts->item(0, AlertsPanel::SymbolColumn)->text(), QStringLiteral("ALRT"));
        QCOMPARE(alerts->item(0, AlertsPanel::ConditionColumn)->text(),
                 QStringLiteral("Price crosses a level"));
        QCOMPARE(alerts->item(0, AlertsPanel::LevelColumn)->text(), QStringLiteral("110.00"));
        QCOMPARE(alerts->item(0, AlertsPanel::OnColumn)->checkState(), Qt::Checked);

        // The same bars again: history, nothing fires.
        AlertMonitor* monitor = window_->alertMonitor();
        window_->watchlist()->importFiles({file});
        QVERIFY(imported.wait(10000));
        QVERIFY(QTest::qWaitFor([&] { return monitor->pendingChecks() == 0; }, 10000));
        QVERIFY(notifier_.messages.isEmpty());

        // Two new days: 105, then 112 crosses 110 on 2024-02-01.
        closes.push_back(105.0);
        closes.push_back(112.0);
        write_daily_closes(file, closes);
        window_->watchlist()->importFiles({file});
        QVERIFY(imported.wait(10000));
        QVERIFY(QTest::qWaitFor([&] { return !notifier_.messages.isEmpty(); }, 10000));
        const QString message =
            QStringLiteral("ALRT crossed above 110.00: close 112.00 on 2024-02-01");
        QCOMPARE(notifier_.titles, QStringList{QStringLiteral("Alert: ALRT")});
        QCOMPARE(notifier_.messages, QStringList{message});
        QTableWidget* events = panel->eventTable();
        QCOMPARE(events->rowCount(), 1);
        QCOMPARE(events->item(0, 1)->text(), QStringLiteral("ALRT"));
        QCOMPARE(events->item(0, 2)->text(), message);
        QCOMPARE(window_->statusBar()->currentMessage(), message);
        save_screenshot(QStringLiteral("alerts"));
        {
            store::Database db = store::Database::connect(db_path_);
            const std::vector<store::AlertEvent> stored = store::AlertStore(db).events();
            QCOMPARE(stored.size(), std::size_t{1});
            QCOMPARE(QString::fromStdString(stored[0].message), message);
            QCOMPARE(store::AlertStore(db).list_for("ALRT").alerts.at(0).checked_bars,
                     closes.size());
        }

        // Space on the check box turns it off (kept so); Del removes it, and
        // what it fired stays listed.
        alerts->setFocus();
        alerts->setCurrentCell(0, AlertsPanel::OnColumn);
        QTest::keyClick(alerts, Qt::Key_Space);
        QCOMPARE(alerts->item(0, AlertsPanel::OnColumn)->checkState(), Qt::Unchecked);
        QVERIFY(!monitor->alerts().alerts.at(0).enabled);
        alerts->selectRow(0);
        QTest::keyClick(alerts, Qt::Key_Delete);
        QCOMPARE(alerts->rowCount(), 0);
        QVERIFY(monitor->alerts().alerts.empty());
        QCOMPARE(events->rowCount(), 1);
    }

    // The entry point of a chart's horizontal line: the dialog filled in.
    void priceLevelAlertOpensTheDialogFilledIn() {
        window_->addPriceLevelAlert(QStringLiteral("DAX"), 12345.6);
        AlertDialog* dialog = window_->alertsPanel()->addDialog();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->symbolBox()->currentText(), QStringLiteral("DAX"));
        QCOMPARE(dialog->kindBox()->currentData().toInt(), int(AlertKind::PriceCrossing));
        QCOMPARE(dialog->levelField()->text(), QStringLiteral("12,345.60"));
        QCOMPARE(AlertDialog::parseLevel(dialog->levelField()->text()), std::optional(12345.6));
        save_screenshot(QStringLiteral("alert-dialog"), dialog);
        QTest::keyClick(dialog->levelField(), Qt::Key_Escape);
        QVERIFY(
            QTest::qWaitFor([&] { return window_->alertsPanel()->addDialog() == nullptr; }, 2000));
        QVERIFY(window_->alertMonitor()->alerts().alerts.empty());
    }

    // The toolbar's Measure tool: the next plain drag on a chart measures
    // instead of panning, and the tool unchecks itself; Esc removes the measurement.
    void measureToolMeasuresADrag() {
        click_symbol(QStringLiteral("TTRC"));
        QVERIFY(wait_for_symbol(QStringLiteral("TTRC")));
        ChartToolbar* toolbar = window_->chartToolbar();
        ChartStack* charts = window_->charts();
        charts->resetZoom();
        auto* button =
            qobject_cast<QToolButton*>(toolbar->widgetForAction(toolbar->measureAction()));
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(toolbar->measureAction()->isChecked());
        QVERIFY(charts->measureToolArmed());

        ChartPane* price = charts->pane(QStringLiteral("price"));
        const QRectF plot = price->chart()->plotArea();
        const QPoint a(static_cast<int>(plot.left() + plot.width() * 0.3),
                       static_cast<int>(plot.top() + plot.height() * 0.6));
        const QPoint b(static_cast<int>(plot.left() + plot.width() * 0.5),
                       static_cast<int>(plot.top() + plot.height() * 0.4));
        const auto range = charts->visibleRange();
        QTest::mousePress(price->viewport(), Qt::LeftButton, Qt::NoModifier, a);
        QTest::mouseMove(price->viewport(), b);
        QTest::mouseRelease(price->viewport(), Qt::LeftButton, Qt::NoModifier, b);
        QCOMPARE(charts->visibleRange(), range);
        QVERIFY2(charts->measureText().contains(QStringLiteral(" %)\n")) &&
                     charts->measureText().contains(QStringLiteral(" bars, ")),
                 qPrintable(charts->measureText()));
        QVERIFY(!toolbar->measureAction()->isChecked());
        QVERIFY(!charts->measureToolArmed());
        save_screenshot(QStringLiteral("9-measure"));
        QTest::keyClick(charts, Qt::Key_Escape);
        QVERIFY(charts->measureText().isEmpty());
    }

    // Each drawing tool, from its key or the toolbar, placed with the mouse on
    // the price pane: anchored to the bar's time and the price under the
    // mouse, saved to the database at once; the tool disarms once it has placed.
    void drawingToolsPlaceEachKind() {
        click_symbol(QStringLiteral("TTRC"));
        QVERIFY(wait_for_symbol(QStringLiteral("TTRC")));
        ChartStack* charts = window_->charts();
        charts->resetZoom();
        ChartToolbar* toolbar = window_->chartToolbar();
        DrawingLayer* layer = charts->drawingLayer();
        QCOMPARE(layer->symbol(), QStringLiteral("TTRC"));
        QVERIFY(layer->drawings().empty());
        QVERIFY(toolbar->magnetAction()->isChecked());  // on by default
        toolbar->magnetAction()->trigger();
        QVERIFY(!layer->magnet());
        const auto data = window_->currentData();
        const std::vector<std::int64_t>& times = data->bars.time_ms;
        const double tolerance = 1.5 * price_per_pixel();
        const auto check_anchor = [&](const store::DrawingAnchor& a, QPoint p) {
            QCOMPARE(a.x, times[bar_at(p.x())]);
            QVERIFY2(std::abs(a.price - price_at(p.y())) <= tolerance,
                     qPrintable(QStringLiteral("%1 vs %2").arg(a.price).arg(price_at(p.y()))));
        };

        // Alt+H, as on TradingView: one click places a horizontal line. Window
        // shortcuts need the window active (an alert dialog before took it).
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        QTest::keyClick(window_.get(), Qt::Key_H, Qt::AltModifier);
        QCOMPARE(layer->tool(), std::optional(store::DrawingKind::HorizontalLine));
        QVERIFY(toolbar->drawingAction(store::DrawingKind::HorizontalLine)->isChecked());
        QVERIFY2(toolbar->drawButton()->text().contains(QStringLiteral("Horizontal line")),
                 qPrintable(toolbar->drawButton()->text()));
        const auto range = charts->visibleRange();
        const QPoint h = plot_point(0.45, 0.3);
        click_at(h);
        QCOMPARE(charts->visibleRange(), range);  // placing is no pan
        QVERIFY(!layer->tool());
        QVERIFY(!toolbar->drawingAction(store::DrawingKind::HorizontalLine)->isChecked());
        QCOMPARE(layer->drawings().size(), std::size_t{1});
        QCOMPARE(layer->drawings()[0].kind, store::DrawingKind::HorizontalLine);
        QVERIFY(!layer->drawings()[0].by_bar);
        check_anchor(layer->drawings()[0].start, h);

        // The toolbar's trend line, by a drag.
        toolbar->drawingAction(store::DrawingKind::TrendLine)->trigger();
        QCOMPARE(layer->tool(), std::optional(store::DrawingKind::TrendLine));
        const QPoint t1 = plot_point(0.2, 0.8), t2 = plot_point(0.6, 0.5);
        drag_on_price(t1, t2);
        QCOMPARE(layer->drawings().size(), std::size_t{2});
        QCOMPARE(layer->drawings()[1].kind, store::DrawingKind::TrendLine);
        check_anchor(layer->drawings()[1].start, t1);
        check_anchor(layer->drawings()[1].end, t2);
        QVERIFY(!layer->drawings()[1].extend_right);

        // Alt+V: a vertical line at the bar clicked.
        QTest::keyClick(window_.get(), Qt::Key_V, Qt::AltModifier);
        QCOMPARE(layer->tool(), std::optional(store::DrawingKind::VerticalLine));
        const QPoint v = plot_point(0.7, 0.5);
        click_at(v);
        QCOMPARE(layer->drawings().size(), std::size_t{3});
        QCOMPARE(layer->drawings()[2].kind, store::DrawingKind::VerticalLine);
        QCOMPARE(layer->drawings()[2].start.x, times[bar_at(v.x())]);

        // Alt+R: a rectangle by two clicks, the second corner following the mouse between.
        QTest::keyClick(window_.get(), Qt::Key_R, Qt::AltModifier);
        const QPoint r1 = plot_point(0.75, 0.2), r2 = plot_point(0.9, 0.4);
        click_at(r1);
        QVERIFY(layer->placing());
        QCOMPARE(layer->drawings().size(), std::size_t{3});
        QTest::mouseMove(price_pane()->viewport(), r2);
        click_at(r2);
        QVERIFY(!layer->placing());
        QCOMPARE(layer->drawings().size(), std::size_t{4});
        QCOMPARE(layer->drawings()[3].kind, store::DrawingKind::Rectangle);
        check_anchor(layer->drawings()[3].start, r1);
        check_anchor(layer->drawings()[3].end, r2);
        QCOMPARE(layer->selected(), std::optional<std::size_t>(3));

        // Each placement was saved.
        QCOMPARE(saved_drawings(QStringLiteral("TTRC")), layer->drawings());
        // Drawn: the vertical line's column is blue from top to bottom.
        QVERIFY(blue_pixels_in_column(x_of_bar(static_cast<double>(bar_at(v.x())))) >
                price_pane()->chart()->plotArea().height() * 0.8);
        save_screenshot(QStringLiteral("10-drawings"));
    }

    // The magnet pulls a point to the bar's high; a drawing is selected by a
    // click, moved by a drag (whole, or one end by its handle), deleted by
    // Del; Ctrl+Z and Ctrl+Y undo and redo each step, and every step is saved.
    // This and the next two cases go on with the drawings the one before left
    // (a trader's session, step by step): run them from drawingToolsPlaceEachKind.
    void drawingsSnapMoveDeleteAndUndo() {
        ChartStack* charts = window_->charts();
        ChartToolbar* toolbar = window_->chartToolbar();
        DrawingLayer* layer = charts->drawingLayer();
        QCOMPARE(layer->drawings().size(), std::size_t{4});
        const auto data = window_->currentData();
        charts->setFocus();

        // The magnet: 5 px above a bar's high, the line goes to the high exactly.
        toolbar->magnetAction()->trigger();
        QVERIFY(layer->magnet());
        const std::size_t bar = bar_at(plot_point(0.3, 0.5).x());
        const double high = data->bars.high[bar];
        QTest::keyClick(window_.get(), Qt::Key_H, Qt::AltModifier);
        click_at(QPoint(x_of_bar(static_cast<double>(bar)), y_of_price(high) - 5));
        QCOMPARE(layer->drawings().size(), std::size_t{5});
        QCOMPARE(layer->drawings()[4].start.price, high);
        QCOMPARE(layer->drawings()[4].start.x, data->bars.time_ms[bar]);
        toolbar->magnetAction()->trigger();  // off: the moves below follow the mouse

        // A drag on the first horizontal line moves it 40 px down, on the same bar.
        const store::Drawing line = layer->drawings()[0];
        const int line_y = y_of_price(line.start.price);
        const QPoint grab(plot_point(0.1, 0.0).x(), line_y);
        // Over a drawing the cursor is a pointing hand: a click takes it.
        QTest::mouseMove(price_pane()->viewport(), grab - QPoint(0, 30));
        QVERIFY(price_pane()->viewport()->cursor().shape() != Qt::PointingHandCursor);
        QTest::mouseMove(price_pane()->viewport(), grab);
        QCOMPARE(price_pane()->viewport()->cursor().shape(), Qt::PointingHandCursor);
        drag_on_price(grab, grab + QPoint(0, 40));
        QCOMPARE(layer->selected(), std::optional<std::size_t>(0));
        const store::Drawing moved = layer->drawings()[0];
        QCOMPARE(moved.start.x, line.start.x);
        QVERIFY2(
            std::abs((line.start.price - moved.start.price) - 40 * price_per_pixel()) <=
                1.5 * price_per_pixel(),
            qPrintable(QStringLiteral("%1 -> %2").arg(line.start.price).arg(moved.start.price)));
        QCOMPARE(saved_drawings(QStringLiteral("TTRC")), layer->drawings());

        // The trend line's end by its handle: the start stays.
        const store::Drawing trend = layer->drawings()[1];
        const QPoint end(x_of_bar(barPositionOf(data->bars, trend.end.x, false)),
                         y_of_price(trend.end.price));
        click_at(point_on_trend(trend));
        QCOMPARE(layer->selected(), std::optional<std::size_t>(1));
        const QPoint new_end = end + QPoint(30, -25);
        drag_on_price(end, new_end);
        QCOMPARE(layer->drawings()[1].start, trend.start);
        QCOMPARE(layer->drawings()[1].end.x, data->bars.time_ms[bar_at(new_end.x())]);
        QVERIFY(std::abs(layer->drawings()[1].end.price - price_at(new_end.y())) <=
                1.5 * price_per_pixel());
        const std::vector<store::Drawing> before_delete = layer->drawings();

        // Del deletes the selected trend line; Ctrl+Z brings it back, Ctrl+Y deletes it again.
        QTest::keyClick(charts, Qt::Key_Delete);
        QCOMPARE(layer->drawings().size(), std::size_t{4});
        QVERIFY(std::none_of(
            layer->drawings().begin(), layer->drawings().end(),
            [](const store::Drawing& d) { return d.kind == store::DrawingKind::TrendLine; }));
        QCOMPARE(saved_drawings(QStringLiteral("TTRC")), layer->drawings());
        QTest::keyClick(charts, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(layer->drawings(), before_delete);
        QCOMPARE(saved_drawings(QStringLiteral("TTRC")), before_delete);
        QTest::keyClick(charts, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(layer->drawings().size(), std::size_t{4});
        QCOMPARE(saved_drawings(QStringLiteral("TTRC")), layer->drawings());
        // Back past the delete and the handle drag: the trend line as placed.
        QTest::keyClick(charts, Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(charts, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(layer->drawings()[1], trend);
        QCOMPARE(saved_drawings(QStringLiteral("TTRC")), layer->drawings());

        // Esc cancels a trend line whose first point is placed, and disarms the
        // tool. Arming it disarmed Measure: one tool at a time.
        toolbar->measureAction()->trigger();
        QVERIFY(charts->measureToolArmed());
        QTest::keyClick(window_.get(), Qt::Key_T, Qt::AltModifier);
        QVERIFY(!charts->measureToolArmed());
        click_at(plot_point(0.5, 0.5));
        QVERIFY(layer->placing());
        QTest::keyClick(charts, Qt::Key_Escape);
        QVERIFY(!layer->placing());
        QVERIFY(!layer->tool());
        QVERIFY(!toolbar->drawingAction(store::DrawingKind::TrendLine)->isChecked());
        QCOMPARE(layer->drawings().size(), std::size_t{5});

        // Hidden, the drawings are neither drawn nor grabbed: a click there selects nothing.
        const int vertical_x =
            x_of_bar(barPositionOf(data->bars, layer->drawings()[2].start.x, false));
        QVERIFY(blue_pixels_in_column(vertical_x) > 0);
        toolbar->hideDrawingsAction()->trigger();
        QVERIFY(layer->hidden());
        QCOMPARE(blue_pixels_in_column(vertical_x), 0);
        click_at(QPoint(vertical_x, plot_point(0.0, 0.5).y()));
        QVERIFY(!layer->selected());
        toolbar->hideDrawingsAction()->trigger();
        QVERIFY(!layer->hidden());
        QVERIFY(blue_pixels_in_column(vertical_x) > 0);
    }

    // A horizontal line's menu offers an alert at its price (the alerts
    // connect to alertRequested); a trend line's extends it to the right.
    void drawingMenusOfferAlertAndExtend() {
        DrawingLayer* layer = window_->charts()->drawingLayer();
        QCOMPARE(layer->drawings().size(), std::size_t{5});
        const auto data = window_->currentData();
        const auto open_menu_at = [&](QPoint p) -> QMenu* {
            QContextMenuEvent event(QContextMenuEvent::Mouse, p,
                                    price_pane()->viewport()->mapToGlobal(p));
            QApplication::sendEvent(price_pane()->viewport(), &event);
            QMenu* menu = nullptr;
            if (!QTest::qWaitFor(
                    [&] {
                        return (menu = qobject_cast<QMenu*>(QApplication::activePopupWidget()));
                    },
                    2000))
                return nullptr;
            return menu;
        };
        const store::Drawing line = layer->drawings()[0];
        QSignalSpy alerts(layer, &DrawingLayer::alertRequested);
        QMenu* menu = open_menu_at(QPoint(plot_point(0.2, 0.0).x(), y_of_price(line.start.price)));
        QVERIFY(menu);
        auto* alert = menu->findChild<QAction*>(QStringLiteral("addAlertAction"));
        QVERIFY(alert);
        QVERIFY(!menu->findChild<QAction*>(QStringLiteral("extendRightAction")));
        alert->trigger();
        menu->close();
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.front().front().toDouble(), line.start.price);
        // The window answers with the alert dialog, filled in for this symbol at the line's price.
        AlertDialog* dialog = window_->alertsPanel()->addDialog();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->symbolBox()->currentText(), data->name);
        QCOMPARE(dialog->kindBox()->currentData().toInt(), int(AlertKind::PriceCrossing));
        QVERIFY(AlertDialog::parseLevel(dialog->levelField()->text()).has_value());
        QVERIFY(std::abs(*AlertDialog::parseLevel(dialog->levelField()->text()) -
                         line.start.price) <= 0.01);
        QTest::keyClick(dialog->levelField(), Qt::Key_Escape);
        QVERIFY(
            QTest::qWaitFor([&] { return window_->alertsPanel()->addDialog() == nullptr; }, 2000));

        const store::Drawing trend = layer->drawings()[1];
        const QPoint end(x_of_bar(barPositionOf(data->bars, trend.end.x, false)),
                         y_of_price(trend.end.price));
        menu = open_menu_at(point_on_trend(trend));
        QVERIFY(menu);
        QVERIFY(!menu->findChild<QAction*>(QStringLiteral("addAlertAction")));
        auto* extend = menu->findChild<QAction*>(QStringLiteral("extendRightAction"));
        QVERIFY(extend && !extend->isChecked());
        extend->trigger();
        menu->close();
        QVERIFY(layer->drawings()[1].extend_right);
        QCOMPARE(saved_drawings(QStringLiteral("TTRC")), layer->drawings());
        // Extended: the line reaches the plot's right edge, beyond its end.
        const int right = static_cast<int>(price_pane()->chart()->plotArea().right()) - 3;
        QVERIFY(end.x() < right - 10);
        QVERIFY(blue_pixels_in_column(right) > 0);
        // The menus took the window's activation: the shortcuts need it back.
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    }

    // The drawings are the symbol's, not the timeframe's: on weekly bars they
    // stand at the same moments and prices, and they come back from the
    // database when the symbol is opened again. Bars without times anchor
    // drawings to bar indices.
    void drawingsFollowTheSymbolOnEveryTimeframe() {
        ChartStack* charts = window_->charts();
        DrawingLayer* layer = charts->drawingLayer();
        const std::vector<store::Drawing> drawn = layer->drawings();
        QCOMPARE(drawn.size(), std::size_t{5});
        const std::int64_t vertical_time = drawn[2].start.x;
        TimeframeSelector* selector = window_->chartToolbar()->timeframeSelector();
        const QString own = selector->sourceTimeframe();
        const int weekly = selector->findData(QStringLiteral("1w"));
        QVERIFY(weekly >= 0);
        selector->setCurrentIndex(weekly);
        emit selector->activated(weekly);
        QVERIFY(wait_for_timeframe(QStringLiteral("TTRC"), QStringLiteral("1w")));
        QCOMPARE(layer->drawings(), drawn);

        // The vertical line stands in the week holding its day.
        const auto weeks = window_->currentData();
        const std::vector<std::int64_t>& t = weeks->bars.time_ms;
        const auto week = static_cast<std::size_t>(
            std::upper_bound(t.begin(), t.end(), vertical_time) - t.begin() - 1);
        const double at = barPositionOf(weeks->bars, vertical_time, false);
        QVERIFY2(at >= static_cast<double>(week) && at < static_cast<double>(week + 1),
                 qPrintable(QStringLiteral("%1 in week %2").arg(at).arg(week)));
        charts->centerOnBar(week);
        charts->setCrosshairBar(-1);  // its dashed line would cover the drawing's
        QVERIFY(blue_pixels_in_column(x_of_bar(at)) >
                price_pane()->chart()->plotArea().height() * 0.8);
        save_screenshot(QStringLiteral("10-drawings-weekly"));

        // Another symbol has none of them. DAX's bars have no times (year
        // labels): its drawings are anchored to bar indices instead.
        click_symbol(QStringLiteral("DAX"));
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));
        QCOMPARE(layer->symbol(), QStringLiteral("DAX"));
        QVERIFY(layer->drawings().empty());
        QTest::keyClick(window_.get(), Qt::Key_V, Qt::AltModifier);
        QCOMPARE(layer->tool(), std::optional(store::DrawingKind::VerticalLine));
        const QPoint v = plot_point(0.6, 0.5);
        click_at(v);
        QCOMPARE(layer->drawings().size(), std::size_t{1});
        QVERIFY(layer->drawings()[0].by_bar);
        QCOMPARE(layer->drawings()[0].start.x, static_cast<std::int64_t>(bar_at(v.x())));
        QCOMPARE(saved_drawings(QStringLiteral("DAX")), layer->drawings());

        // TTRC again (still weekly) has its drawings back from the database.
        click_symbol(QStringLiteral("TTRC"));
        QVERIFY(wait_for_timeframe(QStringLiteral("TTRC"), QStringLiteral("1w")));
        QCOMPARE(layer->drawings(), drawn);
        QVERIFY(!layer->undoStack()->canUndo());  // a reload starts a new history

        const int daily = selector->findText(own);
        selector->setCurrentIndex(daily);
        emit selector->activated(daily);
        QVERIFY(wait_for_timeframe(QStringLiteral("TTRC"), own));
    }

    // Compare: a symbol with other dates and half the bars, added through the
    // dialog (filter, Enter), drawn in the main symbol's prices pinned to its
    // close at the first visible bar, matched by time, fitted, in the legend
    // with its change and colour, re-pinned by a pan, kept by the session,
    // and removed in the dialog.
    void compareDrawsAnotherSymbolFromTheFirstVisibleBar() {
        const QString main = QStringLiteral("GEN-0001");
        const QString other = QStringLiteral("CMP-HALF");
        PriceSeries main_bars;
        PriceSeries half;  // GEN-0002's closes on every other date of GEN-0001
        {
            store::Database db = store::Database::connect(db_path_);
            store::SymbolStore symbols(db);
            main_bars = symbols.load(main.toStdString());
            const PriceSeries source = symbols.load("GEN-0002");
            half.time_kind = main_bars.time_kind;
            for (std::size_t i = 0; i < main_bars.close.size(); i += 2) {
                half.time_ms.push_back(main_bars.time_ms[i]);
                half.close.push_back(source.close[i]);
            }
            store::SymbolMeta meta;
            meta.name = other.toStdString();
            meta.source = "test";
            symbols.save(meta, half);
        }
        window_->watchlist()->refresh();
        click_symbol(main);
        QVERIFY(wait_for_symbol(main));
        ChartStack* charts = window_->charts();
        charts->resetZoom();

        ChartToolbar* toolbar = window_->chartToolbar();
        toolbar->setPriceScale(PriceScale::Linear);
        QTest::mouseClick(toolbar->widgetForAction(toolbar->compareAction()), Qt::LeftButton);
        CompareDialog* dialog = window_->compare()->dialog();
        QVERIFY(dialog && dialog->isVisible());
        QTest::keyClicks(dialog->filterField(), QStringLiteral("cmp-h"));
        QCOMPARE(dialog->choiceList()->model()->rowCount(), 1);
        QTest::keyClick(dialog->filterField(), Qt::Key_Return);
        QVERIFY(dialog->isVisible());  // open for the next one
        QTRY_VERIFY(!charts->plottedCompare(other).empty());
        // As on TradingView, comparing turned the linear scale to percent.
        QCOMPARE(charts->priceScale(), PriceScale::Percent);
        QVERIFY(toolbar->percentScaleAction()->isChecked());
        QCOMPARE(dialog->comparedList()->count(), 1);
        QCOMPARE(dialog->comparedList()->item(0)->text(), other);

        // The close of `other` at main bar i: its last bar at or before that date.
        const auto other_close = [&](std::size_t i) { return half.close[i / 2]; };
        const std::size_t n = main_bars.close.size();
        const auto check_pinned = [&](std::size_t base) {
            const std::vector<double> drawn = charts->plottedCompare(other);
            QCOMPARE(drawn.size(), n);
            QVERIFY(nearly(drawn[base], main_bars.close[base]));
            const double ratio = main_bars.close[base] / other_close(base);
            for (std::size_t i : {base + 1, base + 2, base + 7, n - 1})
                QVERIFY2(nearly(drawn[i], other_close(i) * ratio), qPrintable(QString::number(i)));
        };
        const std::size_t base = firstVisibleBar(charts->visibleRange().first, n);
        check_pinned(base);
        if (QTest::currentTestFailed())
            return;

        // Never off the pane: the value axis fits the line over the visible bars.
        ChartPane* price = charts->pane(QStringLiteral("price"));
        {
            const std::vector<double> drawn = charts->plottedCompare(other);
            const auto [lo, hi] = std::minmax_element(drawn.begin() + base, drawn.end());
            QVERIFY(price->yAxis()->min() <= *lo && *hi <= price->yAxis()->max());
        }

        // The legend at the crosshair: the change since the first visible bar, in its colour.
        const QColor color = charts->plottedCompareColor(other);
        QCOMPARE(color, charts->theme().compare[0]);
        const std::size_t probe = base + 41;
        charts->setCrosshairBar(static_cast<int>(probe));
        const QString change =
            signedPercent(100.0 * (other_close(probe) / other_close(base) - 1.0), 2);
        QVERIFY2(charts->legendText().contains(other + QLatin1Char(' ') + change),
                 qPrintable(charts->legendText()));
        QVERIFY(shows_color(price->legendStrip()->grab().toImage(), color));
        save_screenshot(QStringLiteral("10-compare"));

        // A pan moves the first visible bar: the line is pinned there again.
        const QRectF plot = price->chart()->plotArea();
        const QPoint from(static_cast<int>(plot.center().x()), static_cast<int>(plot.center().y()));
        const QPoint to = from + QPoint(static_cast<int>(plot.width() / 4), 0);
        QTest::mousePress(price->viewport(), Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(price->viewport(), to);
        QTest::mouseRelease(price->viewport(), Qt::LeftButton, Qt::NoModifier, to);
        const std::size_t panned = firstVisibleBar(charts->visibleRange().first, n);
        QVERIFY(panned + 50 < base);
        check_pinned(panned);
        if (QTest::currentTestFailed())
            return;
        // So it is on a stretched price axis, which fits nothing any more.
        price->stretchValueRange(2.0);
        QVERIFY(!price->autoFit());
        charts->panBars(-30);
        check_pinned(firstVisibleBar(charts->visibleRange().first, n));
        price->setAutoFit();
        if (QTest::currentTestFailed())
            return;

        // Kept by the session, and drawn again by the next window.
        window_->close();
        QCOMPARE(readSession(*settings_).compared, QStringList{other});
        window_->show();
        {
            MainWindow next(StudioContext{db_path_, *cache_, *engine_, *settings_});
            next.setSessionKept(false);
            next.restoreSession();
            QCOMPARE(next.compare()->symbols(), QStringList{other});
            QTRY_VERIFY(!next.charts()->plottedCompare(other).empty());
            QVERIFY(wait_for_symbol(main));
        }

        // Removed in the dialog: no line, no legend entry.
        QTest::mouseClick(toolbar->widgetForAction(toolbar->compareAction()), Qt::LeftButton);
        QListWidget* compared = dialog->comparedList();
        QTest::mouseClick(compared->viewport(), Qt::LeftButton, {},
                          compared->visualItemRect(compared->item(0)).center());
        QTest::mouseClick(dialog->removeButton(), Qt::LeftButton);
        QCOMPARE(compared->count(), 0);
        QVERIFY(charts->plottedCompare(other).empty());
        QVERIFY(charts->comparedSymbols().isEmpty());
        QVERIFY(!charts->legendText().contains(other));
        dialog->close();
        charts->setCrosshairBar(-1);
        toolbar->setPriceScale(PriceScale::Linear);
    }

    // Undated data (the bundled indices) is compared bar by bar from the last
    // bar, and the legend's tooltip says so. A compared symbol stays when
    // another is shown, as on TradingView; the "×" in the legend removes it.
    void compareWithoutDatesGoesBarByBarAndLeavesByTheLegend() {
        click_symbol(QStringLiteral("DAX"));
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));
        ChartStack* charts = window_->charts();
        window_->compare()->add(QStringLiteral("SMI"));
        QTRY_VERIFY(!charts->plottedCompare(QStringLiteral("SMI")).empty());
        const std::vector<double> drawn = charts->plottedCompare(QStringLiteral("SMI"));
        const std::size_t base = firstVisibleBar(charts->visibleRange().first, drawn.size());
        QVERIFY(nearly(drawn[base], window_->currentData()->bars.close[base]));
        QVERIFY2(charts->pane(QStringLiteral("price"))
                     ->legendStrip()
                     ->toolTip()
                     .contains(QStringLiteral("bar by bar")),
                 qPrintable(charts->pane(QStringLiteral("price"))->legendStrip()->toolTip()));

        // It stays while other symbols are shown, but is not drawn over itself.
        click_symbol(QStringLiteral("SMI"));
        QVERIFY(wait_for_symbol(QStringLiteral("SMI")));
        QTest::qWait(100);  // the loader's answers, if any came
        QVERIFY(charts->plottedCompare(QStringLiteral("SMI")).empty());
        QCOMPARE(window_->compare()->symbols(), QStringList{QStringLiteral("SMI")});
        click_symbol(QStringLiteral("DAX"));
        QVERIFY(wait_for_symbol(QStringLiteral("DAX")));
        QTRY_VERIFY(!charts->plottedCompare(QStringLiteral("SMI")).empty());

        // The "×" after its legend entry removes it.
        LegendStrip* legend = charts->pane(QStringLiteral("price"))->legendStrip();
        const QRectF mark = legend->removeButtonRect(QStringLiteral("SMI"));
        QVERIFY(!mark.isEmpty());
        QTest::mouseClick(legend, Qt::LeftButton, {}, mark.center().toPoint());
        QVERIFY(charts->plottedCompare(QStringLiteral("SMI")).empty());
        QVERIFY(window_->compare()->symbols().isEmpty());
        QVERIFY(!charts->legendText().contains(QStringLiteral("SMI")));
    }

    // A narrow window: the tools that do not fit wait behind the toolbar's "»",
    // which reads as clearly as the tools' own text, and open from there.
    void narrowWindowKeepsEveryToolReachable() {
        window_->resize(1024, 700);
        QCoreApplication::processEvents();
        ChartToolbar* toolbar = window_->chartToolbar();
        QToolButton* more = toolbar->overflowButton();
        QVERIFY(more);
        QTRY_VERIFY(more->isVisible());
        QVERIFY(more->isEnabled());
        QWidget* theme_button = toolbar->widgetForAction(toolbar->themeAction());
        QVERIFY(theme_button && !theme_button->isVisible());

        // The "»" contrasts with the toolbar at least half as much as text does
        // (the style's own grey arrows were all but invisible on the dark theme).
        const auto luma = [](const QColor& c) { return qGray(c.rgb()) / 255.0; };
        const QColor background = toolbar->palette().color(QPalette::Window);
        const QColor text = toolbar->palette().color(QPalette::ButtonText);
        const QImage glyph = more->grab().toImage();
        double strongest = 0.0;
        for (int y = 0; y < glyph.height(); ++y) {
            for (int x = 0; x < glyph.width(); ++x) {
                strongest =
                    std::max(strongest, std::abs(luma(glyph.pixelColor(x, y)) - luma(background)));
            }
        }
        QVERIFY2(strongest >= 0.5 * std::abs(luma(text) - luma(background)),
                 qPrintable(QStringLiteral("contrast %1").arg(strongest)));

        QTest::mouseClick(more, Qt::LeftButton);
        QTRY_VERIFY(theme_button->isVisible());
        save_screenshot(QStringLiteral("9-toolbar-overflow"));
        QTest::mouseClick(theme_button, Qt::LeftButton);
        QCOMPARE(window_->charts()->theme().kind, ThemeKind::Light);
        window_->setTheme(ThemeKind::Dark);
        window_->resize(1600, 1000);
        QCoreApplication::processEvents();
    }

    // The Parameter sweep window (View → Parameter sweep…, Ctrl+Shift+W) over
    // TTRC with the default parameters, set up through its boxes and fields.
    void open_sweep_on_ttrc(SweepWindow*& sweep) {
        click_symbol(QStringLiteral("TTRC"));
        window_->paramsPanel()->restoreDefaults();
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const auto d = window_->currentData();
                         return d && d->name == QStringLiteral("TTRC") &&
                                d->params == AtcParams{} && !window_->busyIndicator()->isVisible();
                     },
                     10000),
                 "TTRC with the default parameters is not drawn");
        // The shortcut is the main window's: it must be the active one (an
        // earlier test may have left a dialog in front, as the compare dialog).
        if (QWidget* front = QApplication::activeWindow(); front && front != window_.get())
            front->close();
        window_->activateWindow();
        QTRY_VERIFY(QApplication::activeWindow() == window_.get());
        QTest::keyClick(window_.get(), Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY2(window_->sweepWindow(), "Ctrl+Shift+W opened no sweep window");
        QVERIFY(QTest::qWaitForWindowExposed(window_->sweepWindow()));
        sweep = window_->sweepWindow();
    }
    // Types the start of a parameter's name into the box, as the keyboard chooses.
    // (After the keyboard search's pause, so it is not read as more of the last search.)
    static void choose_sweep_param(SweepAxisEditor* axis, const QString& typed) {
        QTest::qWait(QApplication::keyboardInputInterval() + 50);
        QTest::keyClicks(axis->paramBox(), typed);
    }
    static void type_number(NumberField* field, const QString& text) {
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Return);
    }
    // The axis's parameter (by the start of its name) and its range, typed.
    static void set_sweep_axis(SweepAxisEditor* axis, const QString& typed, const QString& from,
                               const QString& to, const QString& step) {
        choose_sweep_param(axis, typed);
        type_number(axis->fromField(), from);
        type_number(axis->toField(), to);
        type_number(axis->stepField(), step);
    }
    static bool run_sweep_and_wait(SweepWindow* sweep) {
        QSignalSpy finished(sweep, &SweepWindow::sweepFinished);
        QTest::mouseClick(sweep->runButton(), Qt::LeftButton);
        return finished.wait(30000) || finished.count() > 0;
    }
    // run_sweep on the chart's bars, as `atc sweep --vary` would be asked.
    std::shared_ptr<const SweepResult> expected_sweep(const QStringList& vary,
                                                      std::optional<double> split = {},
                                                      PerformanceOptions performance = {}) {
        const auto data = window_->currentData();
        SweepRequest request;
        request.close = data->bars.close;
        request.time_ms = data->bars.time_ms;
        for (const QString& v : vary)
            request.axes.push_back(parse_sweep_axis(v.toStdString()));
        request.split = split;
        request.performance = performance;
        return std::make_shared<const SweepResult>(run_sweep(request));
    }
    static bool same_figures(const std::optional<PerformanceFigures>& a,
                             const std::optional<PerformanceFigures>& b) {
        if (a.has_value() != b.has_value())
            return false;
        if (!a)
            return true;
        const auto same = [](double x, double y) { return x == y || (x != x && y != y); };
        return same(a->total_return, b->total_return) && same(a->cagr, b->cagr) &&
               same(a->sharpe, b->sharpe) && same(a->sortino, b->sortino) &&
               same(a->max_drawdown, b->max_drawdown) && a->trades == b->trades &&
               same(a->win_rate, b->win_rate) && same(a->time_in_market, b->time_in_market);
    }
    static void compare_sweeps(const SweepResult& shown, const SweepResult& expected) {
        QCOMPARE(shown.cells.size(), expected.cells.size());
        for (std::size_t i = 0; i < shown.cells.size(); ++i) {
            const SweepCell& s = shown.cells[i];
            const SweepCell& e = expected.cells[i];
            QCOMPARE(s.values, e.values);
            QVERIFY(s.params == e.params);
            QCOMPARE(s.ok(), e.ok());
            QVERIFY2(same_figures(s.figures, e.figures), qPrintable(QString::number(i)));
            QVERIFY(same_figures(s.in_sample, e.in_sample));
            QVERIFY(same_figures(s.out_of_sample, e.out_of_sample));
        }
    }

    // A 3 × 2 sweep set up with the keyboard shows run_sweep's cells, marks
    // the current parameters and the best cell, and a click on a cell applies
    // its parameters to the app.
    void sweepShowsTheEnginesCellsAndAClickAppliesThem() {
        SweepWindow* sweep = nullptr;
        open_sweep_on_ttrc(sweep);
        QVERIFY(sweep);
        set_sweep_axis(sweep->firstAxis(), QStringLiteral("Growth"), QStringLiteral("0.01"),
                       QStringLiteral("0.03"), QStringLiteral("0.01"));
        set_sweep_axis(sweep->secondAxis(), QStringLiteral("Decay"), QStringLiteral("0.03"),
                       QStringLiteral("0.04"), QStringLiteral("0.01"));
        QCOMPARE(sweep->firstAxis()->paramBox()->currentData().toString(), QStringLiteral("La"));
        QCOMPARE(sweep->secondAxis()->paramBox()->currentData().toString(), QStringLiteral("De"));
        QCOMPARE(sweep->firstAxis()->countLabel()->text(), QStringLiteral("3 values"));
        QCOMPARE(sweep->findChild<QLabel*>(QStringLiteral("sweepCells"))->text(),
                 QStringLiteral("3 × 2 = 6 cells"));
        QVERIFY(run_sweep_and_wait(sweep));

        const auto expected = expected_sweep(
            {QStringLiteral("La=0.01:0.03:0.01"), QStringLiteral("De=0.03:0.04:0.01")});
        SweepMap* map = sweep->map();
        QVERIFY(map->sweep());
        compare_sweeps(*map->sweep(), *expected);
        QVERIFY(sweep->statusLabel()->text().startsWith(QStringLiteral("Done: 6 cells")));
        // Each cell's tooltip tells its figures as the engine gave them.
        for (std::size_t i = 0; i < expected->cells.size(); ++i) {
            const PerformanceFigures& f = *expected->cells[i].figures;
            const QString tip = map->cellToolTip(i);
            QVERIFY2(tip.contains(sweepCellName(*expected, expected->cells[i])), qPrintable(tip));
            QVERIFY2(tip.contains(QStringLiteral("Total return ") +
                                  sweepMetricText(SweepMetric::TotalReturn, f.total_return)),
                     qPrintable(tip));
            QVERIFY2(tip.contains(QStringLiteral("Sharpe ") +
                                  sweepMetricText(SweepMetric::Sharpe, f.sharpe)),
                     qPrintable(tip));
            QVERIFY2(tip.contains(sweepMetricText(SweepMetric::MaxDrawdown, f.max_drawdown)),
                     qPrintable(tip));
        }
        // The defaults (La 0.02, De 0.03) are row 1, column 0.
        QCOMPARE(map->marked(), std::optional<std::size_t>(2));
        QCOMPARE(map->best(), best_sweep_cell(*expected, SweepMetric::Sharpe));
        QVERIFY(sweep->caption()->text().contains(QStringLiteral("overstates")));
        QVERIFY(sweep->caption()->text().contains(QStringLiteral("long and short, cost 0 bps")));
        save_screenshot(QStringLiteral("sweep-3x2"), sweep);
        // Another metric recolours and moves the best mark, computing nothing.
        QTest::keyClicks(sweep->metricBox(), QStringLiteral("Max"));
        QCOMPARE(map->best(), best_sweep_cell(*expected, SweepMetric::MaxDrawdown));
        QVERIFY(sweep->caption()->text().contains(QStringLiteral("Best by Max drawdown")));

        // La 0.03, De 0.04: applied to the panel, the chart and the mark.
        QTest::mouseClick(map, Qt::LeftButton, {}, map->cellCenter(5));
        QVERIFY(window_->paramsPanel()->params() == expected->cells[5].params);
        QCOMPARE(map->marked(), std::optional<std::size_t>(5));
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto d = window_->currentData();
                return d && d->params == expected->cells[5].params &&
                       !window_->busyIndicator()->isVisible();
            },
            10000));
        // An edit in the panel moves the mark as well: back to the defaults.
        window_->paramsPanel()->restoreDefaults();
        QCOMPARE(map->marked(), std::optional<std::size_t>(2));
        sweep->close();
    }

    // More than 50 values on an axis are refused before anything runs; a
    // large sweep stops at Cancel, and the window says so.
    void sweepRefusesTooManyValuesAndCancels() {
        SweepWindow* sweep = nullptr;
        open_sweep_on_ttrc(sweep);
        QVERIFY(sweep);
        set_sweep_axis(sweep->firstAxis(), QStringLiteral("Growth"), QStringLiteral("0.01"),
                       QStringLiteral("0.6"), QStringLiteral("0.01"));
        QCOMPARE(sweep->firstAxis()->countLabel()->text(),
                 QStringLiteral("La takes 60 values; a sweep axis takes at most 50"));
        QVERIFY(!sweep->runButton()->isEnabled());

        // 50 × 50 lengths: every cell a whole pipeline, many seconds of work.
        set_sweep_axis(sweep->firstAxis(), QStringLiteral("EMA len"), QStringLiteral("10"),
                       QStringLiteral("59"), QStringLiteral("1"));
        set_sweep_axis(sweep->secondAxis(), QStringLiteral("HMA len"), QStringLiteral("10"),
                       QStringLiteral("59"), QStringLiteral("1"));
        QVERIFY(sweep->runButton()->isEnabled());
        QSignalSpy finished(sweep, &SweepWindow::sweepFinished);
        QTest::mouseClick(sweep->runButton(), Qt::LeftButton);
        QVERIFY(sweep->isRunning());
        QVERIFY(sweep->cancelButton()->isEnabled());
        QVERIFY(QTest::qWaitFor([&] { return sweep->progressBar()->value() > 0; }, 10000));
        QTest::mouseClick(sweep->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000) || finished.count() > 0);
        const auto outcome = sweep->outcome();
        QVERIFY(outcome && outcome->result.cancelled);
        const auto computed =
            std::count_if(outcome->result.cells.begin(), outcome->result.cells.end(),
                          [](const SweepCell& c) { return c.computed; });
        QVERIFY(computed > 0 && computed < 2500);
        QVERIFY2(sweep->statusLabel()->text().startsWith(QStringLiteral("Cancelled")),
                 qPrintable(sweep->statusLabel()->text()));
        QVERIFY(!sweep->isRunning());
        QVERIFY(sweep->runButton()->isEnabled());
        QVERIFY(!sweep->cancelButton()->isEnabled());
        sweep->close();
    }

    // One parameter with a split: a line, both parts' figures, and the best
    // choosing cell's check figure in words; the mode and cost are the
    // Performance tab's.
    void sweepWithASplitShowsTheCheckFigures() {
        SweepWindow* sweep = nullptr;
        open_sweep_on_ttrc(sweep);
        QVERIFY(sweep);
        const PerformanceOptions costly{PositionMode::LongOnly, 5.0};
        window_->performancePanel()->setOptions(costly);
        set_sweep_axis(sweep->firstAxis(), QStringLiteral("Growth"), QStringLiteral("0.01"),
                       QStringLiteral("0.04"), QStringLiteral("0.01"));
        choose_sweep_param(sweep->secondAxis(), QStringLiteral("None"));
        QVERIFY(!sweep->secondAxis()->isChosen());
        QTest::keyClicks(sweep->metricBox(), QStringLiteral("Sharpe"));
        QCOMPARE(sweep->metricBox()->currentText(), QStringLiteral("Sharpe"));
        QTest::mouseClick(sweep->splitBox(), Qt::LeftButton);
        QVERIFY(sweep->splitPercent()->isEnabled());
        QTest::keyClick(sweep->splitPercent(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(sweep->splitPercent(), QStringLiteral("60"));
        QCOMPARE(sweep->splitPercent()->value(), 60);
        QVERIFY(run_sweep_and_wait(sweep));

        const auto expected = expected_sweep({QStringLiteral("La=0.01:0.04:0.01")}, 0.6, costly);
        SweepMap* map = sweep->map();
        compare_sweeps(*map->sweep(), *expected);
        QVERIFY2(sweep->caption()->text().contains(QStringLiteral("long only, cost 5 bps")),
                 qPrintable(sweep->caption()->text()));
        QVERIFY(sweep->chooseButton()->isVisible());
        QCOMPARE(map->shownPart(), SweepPart::InSample);
        const auto best = best_sweep_cell(*expected, SweepMetric::Sharpe, SweepPart::InSample);
        QVERIFY(best);
        QCOMPARE(map->best(), best);
        const SweepCell& chosen = expected->cells[*best];
        const QString check = sweepMetricText(SweepMetric::Sharpe, chosen.out_of_sample->sharpe);
        QVERIFY2(sweep->caption()->text().contains(QStringLiteral("has a Sharpe of <b>") + check),
                 qPrintable(sweep->caption()->text()));
        const QString tip = map->cellToolTip(*best);
        QVERIFY2(tip.contains(QStringLiteral("Choose (first 60 %)")) &&
                     tip.contains(QStringLiteral("Check (last 40 %)")) &&
                     tip.contains(QStringLiteral("Sharpe ") + check),
                 qPrintable(tip));
        QTest::mouseClick(sweep->checkButton(), Qt::LeftButton);
        QCOMPARE(map->shownPart(), SweepPart::OutOfSample);
        QVERIFY(map->cellAt(map->cellCenter(3)) == std::optional<std::size_t>(3));
        save_screenshot(QStringLiteral("sweep-line-split"), sweep);
        QTest::mouseClick(sweep->splitBox(), Qt::LeftButton);  // as the next test expects
        window_->performancePanel()->setOptions({});
        sweep->close();
    }

    // 20 × 20 La × De on TTRC, as the README describes it (and, with
    // ATC_SCREENSHOT_DIR set, saved to look at): every cell computed.
    void sweepHeatMapOfTwentyByTwenty() {
        SweepWindow* sweep = nullptr;
        open_sweep_on_ttrc(sweep);
        QVERIFY(sweep);
        sweep->resize(1180, 760);
        QVERIFY(!sweep->splitBox()->isChecked());
        set_sweep_axis(sweep->firstAxis(), QStringLiteral("Growth"), QStringLiteral("-0.1"),
                       QStringLiteral("0.09"), QStringLiteral("0.01"));
        set_sweep_axis(sweep->secondAxis(), QStringLiteral("Decay"), QStringLiteral("0.01"),
                       QStringLiteral("0.2"), QStringLiteral("0.01"));
        QVERIFY(run_sweep_and_wait(sweep));
        const auto shown = sweep->map()->sweep();
        QCOMPARE(shown->cells.size(), std::size_t(400));
        QVERIFY(std::all_of(shown->cells.begin(), shown->cells.end(),
                            [](const SweepCell& c) { return c.ok(); }));
        QVERIFY(sweep->map()->marked());  // La 0.02, De 0.03 is in the grid
        save_screenshot(QStringLiteral("sweep-20x20"), sweep);
        sweep->close();
    }

    // Help → About, opened with the mouse from the menu bar, names the release:
    // the version of the top-level CMakeLists.txt.
    void aboutBoxShowsTheVersion() {
        const QString version = atc::test::cmake_project_version();
        QVERIFY2(!version.isEmpty(),
                 "no project(... VERSION x.y.z) in the top-level CMakeLists.txt");
        QMenuBar* bar = window_->menuBar();
        QAction* help_menu = nullptr;
        for (QAction* action : bar->actions()) {
            if (action->text() == QStringLiteral("H&elp"))
                help_menu = action;
        }
        QVERIFY(help_menu && help_menu->menu());
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(help_menu).center());
        QMenu* help = help_menu->menu();
        QTRY_VERIFY(help->isVisible());
        QAction* about = help->actions().value(0);
        QVERIFY(about && about->text() == QStringLiteral("&About ATC Studio"));
        // The box is modal: read and close it from inside its own event loop.
        QString shown;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                shown = box->text();
                box->accept();
            }
        });
        poll.start(10);
        QTest::mouseClick(help, Qt::LeftButton, {}, help->actionGeometry(about).center());
        QTRY_VERIFY(!shown.isEmpty());
        QVERIFY2(shown.contains(QStringLiteral("<b>ATC Studio %1</b>").arg(version)),
                 qPrintable(shown));
    }

    // The event loop must never stall for more than 50 ms while the engine scans
    // the 500-symbol universe: the window keeps painting and answering.
    void eventLoopStaysResponsiveDuringAScan() {
        QStringList names;
        {
            store::Database db = store::Database::connect(db_path_);
            for (const auto& s : store::SymbolStore(db).list()) {
                names << QString::fromStdString(s.meta.name);
            }
        }
        QVERIFY(names.size() >= 500);
        // Let the window finish what earlier steps left to paint: the probe
        // measures the scan, not the last redraw of a previous test (the theme
        // switch before this takes over 100 ms to repaint on a loaded machine).
        test::settle_event_loop();
        AtcParams p;
        p.lengths = {21, 22, 23, 24, 25, 26};  // not in the cache: a real computation
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 worst_gap = 0;
        QTimer probe;
        probe.setInterval(5);
        connect(&probe, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worst_gap = std::max(worst_gap, now - last);
            last = now;
        });
        std::shared_ptr<const ScanOutcome> outcome;
        // A plain event loop, as the application runs: QTest::qWaitFor sleeps
        // 10 ms between its rounds, which the probe would count as stalls.
        QEventLoop loop;
        const auto connection = connect(engine_.get(), &EngineService::scanFinished, this,
                                        [&](std::shared_ptr<const ScanOutcome> o) {
                                            outcome = o;
                                            loop.quit();
                                        });
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        clock.start();
        probe.start();
        engine_->requestScan(names, p);
        loop.exec();
        probe.stop();
        disconnect(connection);
        QVERIFY2(outcome, "the scan did not finish");
        qInfo("500-symbol scan: %.0f ms, worst event-loop gap %lld ms", outcome->elapsed_ms,
              worst_gap);
        QCOMPARE(outcome->results.size(), static_cast<std::size_t>(names.size()));
        QVERIFY(outcome->results.front() && outcome->results.front()->ok());
        QVERIFY2(worst_gap <= atc::test::latency_bound_ms(50),
                 qPrintable(QStringLiteral("event loop stalled %1 ms").arg(worst_gap)));
    }

private:
    RecordingNotifier notifier_;
    bool session_restored_ = false;  // restoreSession() ran (show_symbol)
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
