// SPDX-License-Identifier: GPL-3.0-or-later
// The Scanner, driven through its own buttons inside the real window: a scan of
// the 500-symbol universe keeps the event loop responsive, ranks exactly the
// engine's numbers into LONG and SHORT, filters by strength, sorts by a clicked
// header as its arrow says, can be cancelled within 100 ms, lists failed
// symbols, and opens a chart on double-click.

// oneTBB before Qt: Qt's `emit` macro breaks oneTBB's headers.
#include <tbb/task_arena.h>

#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <span>
#include <tuple>

#include "atc/batch.hpp"
#include "atc/bundled_samples.hpp"
#include "atc/compute.hpp"
#include "atc/store/database.hpp"
#include "atc/store/importer.hpp"
#include "charts/chart_format.hpp"
#include "core/engine_service.hpp"
#include "core/number_format.hpp"
#include "core/symbol_data.hpp"
#include "event_loop_probe.hpp"
#include "panels/family_table_panel.hpp"
#include "panels/number_field.hpp"
#include "panels/params_panel.hpp"
#include "panels/watchlist_panel.hpp"
#include "scanner/scan_side_proxy.hpp"
#include "scanner/scan_summary.hpp"
#include "scanner/scan_table_model.hpp"
#include "scanner/scanner_panel.hpp"
#include "shell/dock_shortcut.hpp"
#include "shell/main_window.hpp"
#include "shell/session_state.hpp"
#include "studio_fixture.hpp"

using namespace atc;
using namespace atc::ui;

namespace {

// Parameters no earlier step has computed, so a scan really computes (the
// result cache would answer a repeated scan in a few milliseconds).
AtcParams uncached_params(int base) {
    AtcParams p;
    p.lengths = {base, base + 1, base + 2, base + 3, base + 4, base + 5};
    return p;
}

struct TableRow {
    QString symbol;
    double average = 0.0;
    double trend = 0.0;
    double last_close = 0.0;
    QString entry;  // the marker's date label; empty without one
    double bars = 0.0;
    double bars_since_entry = 0.0;    // NaN without an entry
    double change_since_entry = 0.0;  // NaN without an entry
};

std::vector<TableRow> rows_of(const QTableView* view) {
    const QAbstractItemModel* m = view->model();
    const auto value = [m](int row, int column) {
        return m->index(row, column).data(ScanTableModel::kValueRole);
    };
    std::vector<TableRow> rows;
    for (int r = 0; r < m->rowCount(); ++r) {
        rows.push_back({value(r, ScanTableModel::SymbolColumn).toString(),
                        value(r, ScanTableModel::AverageColumn).toDouble(),
                        value(r, ScanTableModel::TrendColumn).toDouble(),
                        value(r, ScanTableModel::LastCloseColumn).toDouble(),
                        value(r, ScanTableModel::LastEntryColumn).toString(),
                        value(r, ScanTableModel::BarsColumn).toDouble(),
                        value(r, ScanTableModel::BarsSinceEntryColumn).isValid()
                            ? value(r, ScanTableModel::BarsSinceEntryColumn).toDouble()
                            : std::nan(""),
                        value(r, ScanTableModel::ChangeSinceEntryColumn).isValid()
                            ? value(r, ScanTableModel::ChangeSinceEntryColumn).toDouble()
                            : std::nan("")});
    }
    return rows;
}

// Strongest first, to the three decimals shown; equal strengths by the
// default tie-break, the freshest entry first (none last), then by name.
bool ranked(const std::vector<TableRow>& rows) {
    const auto key = [](const TableRow& r) {
        const double since = r.bars_since_entry;
        return std::make_tuple(-std::round(std::fabs(r.average) * 1000.0), std::isnan(since),
                               std::isnan(since) ? 0.0 : since, r.symbol);
    };
    for (std::size_t i = 1; i < rows.size(); ++i) {
        if (key(rows[i]) < key(rows[i - 1]))
            return false;
    }
    return true;
}

// A click in the middle of a header section, as the user sorts.
void clickHeader(QHeaderView* header, int section) {
    const QPoint at(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                    header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
}

// The header as drawn with its sort indicator in `order`.
QImage drawnWith(QHeaderView* header, Qt::SortOrder order) {
    header->setSortIndicator(header->sortIndicatorSection(), order);
    return header->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

// Which way the header's sort arrow points as drawn: +1 up (▲), -1 down (▼),
// 0 if none is found. The arrow is what changes when the order flips; the
// wider of its first and last rows of ink (pixels unlike the header's
// background beside it) is its base.
int drawnSortArrow(QHeaderView* header) {
    const Qt::SortOrder order = header->sortIndicatorOrder();
    const QImage shown = drawnWith(header, order);
    const QImage flipped =
        drawnWith(header, order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder);
    drawnWith(header, order);  // as it was
    QRect arrow;
    for (int y = 0; y < shown.height(); ++y) {
        for (int x = 0; x < shown.width(); ++x) {
            if (shown.pixel(x, y) != flipped.pixel(x, y))
                arrow |= QRect(x, y, 1, 1);
        }
    }
    if (arrow.isEmpty() || arrow.left() < 2)
        return 0;
    const auto ink = [&](int y) {
        const int background = qGray(shown.pixel(arrow.left() - 2, y));
        int n = 0;
        for (int x = arrow.left(); x <= arrow.right(); ++x)
            n += std::abs(qGray(shown.pixel(x, y)) - background) > 24 ? 1 : 0;
        return n;
    };
    const int top = ink(arrow.top());
    const int bottom = ink(arrow.bottom());
    return top < bottom ? +1 : top > bottom ? -1 : 0;
}

// Falls `fall` bars by 1 % a bar, then rises by `rise` a bar to bar 300: every
// family ends long, so the Average ends at exactly +1.000, with the long entry
// where the rise took over.
PriceSeries fall_then_rise(int fall, double rise) {
    PriceSeries bars;
    double close = 100.0;
    for (int i = 0; i < 300; ++i) {
        close *= i < fall ? 0.99 : 1.0 + rise;
        bars.close.push_back(close);
    }
    return bars;
}

// What the tables should show for one symbol, worked out from compute_symbol's
// full result (its markers and Layer-2 curves), not from the scan.
struct Expected {
    QString symbol;
    double average = 0.0;
    double bars_since_entry = 0.0;
    double change_since_entry = 0.0;
    MaType strongest = MaType::EMA;
    double strongest_equity = 0.0;
};

Expected expected_of(const QString& symbol, const PriceSeries& bars, const AtcParams& params) {
    const AtcResult r = compute_symbol(bars.close, params);
    Expected e;
    e.symbol = symbol;
    e.average = r.average.back();
    if (!r.markers.empty()) {
        const std::size_t entry = r.markers.back().bar;
        e.bars_since_entry = static_cast<double>(bars.close.size() - 1 - entry);
        e.change_since_entry = (bars.close.back() / bars.close[entry] - 1.0) * 100.0;
    }
    for (const FamilyResult& f : r.families) {
        if (f.weight_equity.back() > e.strongest_equity) {
            e.strongest = f.type;
            e.strongest_equity = f.weight_equity.back();
        }
    }
    return e;
}

QStringList symbols_of(const QTableView* view) {
    QStringList names;
    for (const TableRow& r : rows_of(view))
        names << r.symbol;
    return names;
}

}  // namespace

class TestScanner : public atc::ui::gui_test::StudioTestBase {
    Q_OBJECT

    ScannerPanel* scanner_ = nullptr;

    // With ATC_SCREENSHOT_DIR set, saves `widget` (the window) there as
    // scanner-NAME.png (to look at them, see README).
    void save_screenshot(const QString& name, QWidget* widget = nullptr) {
        const QString dir = qEnvironmentVariable("ATC_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(50);  // let the panes repaint
        QWidget* shot = widget ? widget : window_.get();
        QVERIFY(
            shot->grab().save(dir + QStringLiteral("/scanner-") + name + QStringLiteral(".png")));
    }

    // Clicks Scan and waits for the results; returns the worst event-loop gap
    // while the scan ran (ms), or -1 if it did not finish.
    qint64 scan_and_wait() {
        QSignalSpy shown(scanner_, &ScannerPanel::resultsShown);
        // The probe measures the scan, not what earlier steps left to paint.
        test::settle_event_loop();
        QEventLoop loop;
        connect(scanner_, &ScannerPanel::resultsShown, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        test::EventLoopProbe probe;
        probe.start();
        QTest::mouseClick(scanner_->scanButton(), Qt::LeftButton);
        if (!scanner_->isScanning())
            return -1;
        loop.exec();
        // Keep probing while the filled tables are laid out and painted.
        test::run_event_loop(150);
        const qint64 worst = probe.stop();
        return shown.count() == 1 ? worst : -1;
    }

private slots:
    void initTestCase() {
        open_studio();
        if (QTest::currentTestFailed())
            return;
        // Shortcuts reach only the active window (under xvfb nothing activates it).
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        window_->restoreSession();
        QVERIFY(QTest::qWaitFor(
            [&] { return window_->currentData() && !window_->busyIndicator()->isVisible(); },
            10000));
        scanner_ = window_->scanner();
        QVERIFY(scanner_);
    }

    void cleanupTestCase() { close_studio(); }

    // The scanner is a tab behind the families until asked for: View menu or
    // Ctrl+Shift+S, which brings it to the front rather than closing it.
    void shortcutBringsTheScannerForward() {
        auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("scannerDock"));
        auto* families = window_->findChild<QDockWidget*>(QStringLiteral("familyDock"));
        QVERIFY(dock && families);
        QVERIFY(window_->tabifiedDockWidgets(dock).contains(families));
        QTRY_VERIFY(isBehindAnotherTab(dock));  // the families tab is in front at first
        QVERIFY(!isBehindAnotherTab(families));
        const auto press = [this] {
            QTest::keyClick(window_.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        };
        press();
        QTRY_VERIFY(!dock->visibleRegion().isEmpty());
        QVERIFY(isBehindAnotherTab(families));
        press();  // in front: the shortcut closes it, like the menu entry
        QTRY_VERIFY(dock->isHidden());
        QVERIFY(!dock->toggleViewAction()->isChecked());
        press();  // and opens it again, in front
        QTRY_VERIFY(!dock->visibleRegion().isEmpty());
        QVERIFY(dock->toggleViewAction()->isChecked());
        QCOMPARE(dock->toggleViewAction()->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    }

    // The whole universe with parameters nobody computed yet: the window keeps
    // answering, progress and throughput are shown, and the tables hold exactly
    // what compute_symbol gives, ranked by strength.
    void scanRanksTheUniverseWithoutStallingTheWindow() {
        const AtcParams params = uncached_params(21);
        window_->paramsPanel()->setParams(params);
        QCOMPARE(window_->paramsPanel()->params(), params);
        const QStringList universe = window_->watchlist()->symbols();
        QVERIFY(universe.size() >= 500);

        QStringList progress_texts;
        const auto watch = connect(
            engine_.get(), &EngineService::scanProgress, this,
            [&](const ScanProgress&) { progress_texts << scanner_->statusLabel()->text(); });
        const qint64 worst_gap = scan_and_wait();
        disconnect(watch);
        QVERIFY2(worst_gap >= 0, "the scan did not finish");
        const auto outcome = scanner_->outcome();
        QVERIFY(outcome);
        qInfo(
            "Scanner: %lld symbols in %.0f ms, %lld progress updates, worst event-loop gap %lld ms",
            static_cast<long long>(universe.size()), outcome->elapsed_ms,
            static_cast<long long>(progress_texts.size()), worst_gap);
        QVERIFY2(worst_gap <= atc::test::latency_bound_ms(50),
                 qPrintable(QStringLiteral("event loop stalled %1 ms").arg(worst_gap)));

        QCOMPARE(outcome->names, universe);
        QCOMPARE(outcome->params, params);
        QVERIFY(!outcome->cancelled);
        QVERIFY(!scanner_->isScanning());
        // The focus went from Scan to Cancel and back, never to the min-signal box.
        QVERIFY(scanner_->scanButton()->hasFocus());
        QCOMPARE(scanner_->progressBar()->maximum(), universe.size());
        QCOMPARE(scanner_->progressBar()->value(), universe.size());
        QVERIFY(!progress_texts.isEmpty());
        QVERIFY2(std::any_of(progress_texts.begin(), progress_texts.end(),
                             [](const QString& t) {
                                 return t.contains(QStringLiteral("symbols/s")) &&
                                        t.contains(QStringLiteral("left"));
                             }),
                 qPrintable(progress_texts.join(QStringLiteral(" | "))));
        QVERIFY(!scanner_->failedLabel()->isVisible());  // the bundled data all computes

        const std::vector<TableRow> longs = rows_of(scanner_->longView());
        const std::vector<TableRow> shorts = rows_of(scanner_->shortView());
        const ScanCounts counts = countScan(*outcome);
        QCOMPARE(counts.computed, universe.size());
        QCOMPARE(static_cast<qsizetype>(longs.size()), counts.longs);
        QCOMPARE(static_cast<qsizetype>(shorts.size()), counts.shorts);
        QCOMPARE(counts.longs + counts.shorts + counts.flats, universe.size());
        QVERIFY(longs.size() > 50 && shorts.size() > 50);  // the generator has both regimes
        QVERIFY(std::all_of(longs.begin(), longs.end(),
                            [](const auto& r) { return r.average > 0.0 && r.trend == 1.0; }));
        QVERIFY(std::all_of(shorts.begin(), shorts.end(),
                            [](const auto& r) { return r.average < 0.0 && r.trend == -1.0; }));
        QVERIFY(ranked(longs));
        QVERIFY(ranked(shorts));

        // A few symbols, real and generated, against the engine's own answer.
        store::Database db = store::Database::connect(db_path_);
        store::SymbolStore store(db);
        for (const QString& name :
             {QStringLiteral("DAX"), QStringLiteral("TTRC"), QStringLiteral("GEN-0001"),
              QStringLiteral("GEN-0250"), QStringLiteral("GEN-0500"), longs.front().symbol,
              shorts.front().symbol}) {
            const PriceSeries bars = store.load(name.toStdString());
            const AtcResult expected = compute_symbol(bars.close, params);
            const std::vector<TableRow>& side = expected.row.average > 0.0 ? longs : shorts;
            const auto found = std::find_if(side.begin(), side.end(),
                                            [&](const TableRow& r) { return r.symbol == name; });
            QVERIFY2(found != side.end(), qPrintable(name));
            QCOMPARE(found->average, expected.row.average);  // exactly, not approximately
            QCOMPARE(found->trend, static_cast<double>(expected.row.trend));
            QCOMPARE(found->last_close, bars.close.back());
            QCOMPARE(found->bars, static_cast<double>(bars.close.size()));
            QVERIFY2(expected.row.last_marker.has_value(), qPrintable(name));
            QCOMPARE(found->entry, barLabel(bars, expected.row.last_marker->bar));
            // Since the last of the chart's entry markers, from the bars themselves.
            const std::size_t entry_bar = expected.markers.back().bar;
            QCOMPARE(found->bars_since_entry,
                     static_cast<double>(bars.close.size() - 1 - entry_bar));
            QCOMPARE(found->change_since_entry,
                     (bars.close.back() / bars.close[entry_bar] - 1.0) * 100.0);
            if (!bars.time_ms.empty()) {  // dated bars give a date (TTRC has year fractions)
                QVERIFY2(QDate::fromString(found->entry, Qt::ISODate).isValid(),
                         qPrintable(found->entry));
            }
        }
        save_screenshot(QStringLiteral("1-universe"));
    }

    void minimumSignalFilterHidesWeakSymbols() {
        const auto all_longs = rows_of(scanner_->longView());
        const auto all_shorts = rows_of(scanner_->shortView());
        const double min_signal = 0.5;
        const auto strong = [min_signal](const std::vector<TableRow>& rows) {
            return std::count_if(rows.begin(), rows.end(), [min_signal](const TableRow& r) {
                return std::fabs(r.average) >= min_signal;
            });
        };
        const auto strong_longs = strong(all_longs);
        const auto strong_shorts = strong(all_shorts);
        // The threshold must split the data, or the test proves nothing.
        QVERIFY(strong_longs > 0 && strong_longs < static_cast<long>(all_longs.size()));
        QVERIFY(strong_shorts > 0 && strong_shorts < static_cast<long>(all_shorts.size()));

        QDoubleSpinBox* box = scanner_->minSignalBox();
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, QStringLiteral("0.50"));
        QCOMPARE(box->value(), min_signal);
        const auto longs = rows_of(scanner_->longView());
        const auto shorts = rows_of(scanner_->shortView());
        QCOMPARE(static_cast<long>(longs.size()), strong_longs);
        QCOMPARE(static_cast<long>(shorts.size()), strong_shorts);
        QVERIFY(std::all_of(longs.begin(), longs.end(),
                            [&](const auto& r) { return std::fabs(r.average) >= min_signal; }));
        QVERIFY(std::all_of(shorts.begin(), shorts.end(),
                            [&](const auto& r) { return std::fabs(r.average) >= min_signal; }));
        QVERIFY(ranked(longs) && ranked(shorts));
        save_screenshot(QStringLiteral("2-min-signal"));

        scanner_->setMinSignal(0.0);
        QCOMPARE(rows_of(scanner_->longView()).size(), all_longs.size());
    }

    // Export… writes the tables on display as a scan report; a bad name or an
    // unwritable place is an error that leaves nothing behind.
    void exportWritesTheScanReport() {
        const auto outcome = scanner_->outcome();
        QVERIFY(outcome);
        QVERIFY(scanner_->exportButton()->isEnabled());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto export_to = [&](const QString& path) {
            QSignalSpy done(scanner_, &ScannerPanel::exportFinished);
            scanner_->exportTo(path);
            if (done.isEmpty() && !done.wait(20000))
                return QStringLiteral("no exportFinished");
            return done.at(0).at(1).toString();
        };
        const QString csv_path = dir.filePath(QStringLiteral("scan.csv"));
        QCOMPARE(export_to(csv_path), QString());
        QFile csv(csv_path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(csv.readAll());
        // Every computed symbol of the scan is in the report.
        std::size_t computed = 0;
        for (std::size_t i = 0; i < outcome->results.size(); ++i) {
            if (!outcome->results[i] || !outcome->results[i]->ok())
                continue;
            ++computed;
            QVERIFY2(text.contains(outcome->names[static_cast<qsizetype>(i)]),
                     qPrintable(outcome->names[static_cast<qsizetype>(i)]));
        }
        QVERIFY(computed > 0);

        QVERIFY(
            export_to(dir.filePath(QStringLiteral("scan.txt"))).contains(QStringLiteral(".pdf")));
        const QString unwritable = dir.filePath(QStringLiteral("missing/folder/scan.json"));
        QVERIFY(!export_to(unwritable).isEmpty());
        QVERIFY(!QFile::exists(unwritable));
        QVERIFY(scanner_->exportButton()->isEnabled());
    }

    // Clicking a header sorts by that column as everywhere else: ascending
    // first (smallest on top, ▲), again for descending (▼); numbers sort as
    // numbers although their text is grouped ("13,066.59" after "952.10").
    // Average starts where the ranking is, strongest first (▼).
    void headersSortLikeEverywhereElse() {
        window_->findChild<QDockWidget*>(QStringLiteral("scannerDock"))->raise();
        QTableView* view = scanner_->longView();
        QHeaderView* header = view->horizontalHeader();
        // As the scan left it: ranked, with the descending arrow.
        QCOMPARE(header->sortIndicatorSection(), int(ScanTableModel::AverageColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(drawnSortArrow(header), -1);
        QVERIFY(ranked(rows_of(view)));

        const auto closes = [view] {
            std::vector<double> v;
            for (const TableRow& r : rows_of(view))
                v.push_back(r.last_close);
            return v;
        };
        const std::vector<double> all = closes();
        const double lowest = *std::min_element(all.begin(), all.end());
        const double highest = *std::max_element(all.begin(), all.end());
        QVERIFY2(highest >= 1000.0, "no close above 1,000: the grouping is not shown");

        clickHeader(header, ScanTableModel::LastCloseColumn);
        QCOMPARE(header->sortIndicatorSection(), int(ScanTableModel::LastCloseColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        QCOMPARE(drawnSortArrow(header), +1);
        const std::vector<double> ascending = closes();
        QCOMPARE(ascending.front(), lowest);
        QVERIFY(std::is_sorted(ascending.begin(), ascending.end()));
        const QModelIndex last =
            view->model()->index(view->model()->rowCount() - 1, ScanTableModel::LastCloseColumn);
        QCOMPARE(last.data(ScanTableModel::kValueRole).toDouble(), highest);
        QCOMPARE(last.data().toString(), tablePrice(highest));
        QVERIFY2(last.data().toString().contains(QLatin1Char(',')),
                 qPrintable(last.data().toString()));
        save_screenshot(QStringLiteral("2b-close-ascending"));

        clickHeader(header, ScanTableModel::LastCloseColumn);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(drawnSortArrow(header), -1);
        const std::vector<double> descending = closes();
        QCOMPARE(descending.front(), highest);
        QVERIFY(std::is_sorted(descending.rbegin(), descending.rend()));
        save_screenshot(QStringLiteral("2c-close-descending"));

        clickHeader(header, ScanTableModel::AverageColumn);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(drawnSortArrow(header), -1);
        QVERIFY(ranked(rows_of(view)));
    }

    // Prices below 1 keep four significant digits; counts are grouped.
    void cellsReadLikePrices() {
        ScanTableModel model;
        ScanTableRow penny;
        penny.symbol = QStringLiteral("PENNY");
        penny.average = 0.5;
        penny.last_close = 0.0001234;
        penny.bars = 12'345;
        model.setRows({penny});
        QTableView view;
        view.setModel(&model);
        const auto text = [&](int column) {
            return view.model()->index(0, column).data().toString();
        };
        QCOMPARE(text(ScanTableModel::LastCloseColumn), QStringLiteral("0.0001234"));
        QCOMPARE(text(ScanTableModel::BarsColumn), QStringLiteral("12,345"));
    }

    void doubleClickOpensTheChart() {
        QTableView* view = scanner_->shortView();
        const QModelIndex index = view->model()->index(2, ScanTableModel::AverageColumn);
        const QString name = index.siblingAtColumn(ScanTableModel::SymbolColumn).data().toString();
        QVERIFY(!name.isEmpty());
        QVERIFY(window_->currentData()->name != name);
        view->scrollTo(index);
        const QPoint at = view->visualRect(index).center();
        // A real double-click: press, release, double-click event.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto data = window_->currentData();
                return data && data->name == name && !window_->busyIndicator()->isVisible();
            },
            10000));
        QCOMPARE(window_->watchlist()->currentSymbol(), name);
        save_screenshot(QStringLiteral("3-opened-from-scanner"));
    }

    // Cancel mid-scan: the engine checks its cancel flag per symbol (loading and
    // computing), so the scan ends and the panel is idle again within 100 ms.
    void cancelStopsTheScanWithin100Ms() {
        window_->paramsPanel()->setParams(uncached_params(31));
        test::settle_event_loop();
        qint64 done_at_cancel = -1;
        QElapsedTimer since_cancel;
        qint64 cancel_ms = -1;  // Cancel click to the panel showing the cancelled scan
        QEventLoop loop;
        // Cancel as the user does, with the scan well under way: past its
        // first chunks, workers busy computing, the next chunk to load.
        const auto on_progress =
            connect(engine_.get(), &EngineService::scanProgress, this, [&](const ScanProgress& p) {
                if (done_at_cancel >= 0 || p.done < 150)
                    return;
                done_at_cancel = p.done;
                since_cancel.start();
                QTest::mouseClick(scanner_->cancelButton(), Qt::LeftButton);
            });
        const auto on_shown = connect(scanner_, &ScannerPanel::resultsShown, this, [&] {
            if (since_cancel.isValid())
                cancel_ms = since_cancel.elapsed();
            loop.quit();
        });
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        QTest::mouseClick(scanner_->scanButton(), Qt::LeftButton);
        QVERIFY(scanner_->isScanning());
        loop.exec();
        disconnect(on_progress);
        disconnect(on_shown);
        QVERIFY2(done_at_cancel >= 150, "the scan finished before the cancel");
        const auto outcome = scanner_->outcome();
        QVERIFY(outcome);
        qInfo("Cancel clicked at %lld of %lld symbols: scan stopped and shown after %lld ms",
              done_at_cancel, static_cast<long long>(outcome->names.size()), cancel_ms);
        QVERIFY2(outcome->cancelled, "the scan finished before the cancel reached it");
        QVERIFY(cancel_ms >= 0);
        QVERIFY2(cancel_ms <= atc::test::latency_bound_ms(100),
                 qPrintable(QStringLiteral("cancel took %1 ms").arg(cancel_ms)));
        QVERIFY(!scanner_->isScanning());
        QVERIFY(scanner_->scanButton()->isEnabled());
        QVERIFY(!scanner_->cancelButton()->isEnabled());
        const ScanCounts counts = countScan(*outcome);
        QVERIFY(counts.unreached > 0);
        QVERIFY(scanner_->progressBar()->value() < outcome->names.size());
        QVERIFY2(scanner_->statusLabel()->text().contains(QStringLiteral("Cancelled")),
                 qPrintable(scanner_->statusLabel()->text()));
        save_screenshot(QStringLiteral("5-cancelled"));
        // What was computed before the cancel is shown; nothing unreached is.
        const auto rows =
            rows_of(scanner_->longView()).size() + rows_of(scanner_->shortView()).size();
        QCOMPARE(static_cast<qsizetype>(rows), counts.longs + counts.shorts);
    }

    // What the 100 ms rests on: the batch engine looks at the cancel flag before
    // every symbol, not once per call. On one thread the count is exact.
    void batchChecksCancelBeforeEverySymbol() {
        store::Database db = store::Database::connect(db_path_);
        const PriceSeries bars = store::SymbolStore(db).load("GEN-0001");
        const std::vector<std::span<const double>> closes(50, std::span<const double>(bars.close));
        std::atomic<bool> cancel{false};
        BatchOptions options;
        options.keep_series = false;
        options.cancel = &cancel;
        options.progress = [&cancel](std::size_t done, std::size_t) {
            if (done == 10)
                cancel = true;
        };
        tbb::task_arena one_thread(1);
        const BatchResult result =
            one_thread.execute([&] { return compute_batch(closes, uncached_params(41), options); });
        QVERIFY(result.cancelled);
        const auto computed = std::count_if(result.symbols.begin(), result.symbols.end(),
                                            [](const SymbolScan& s) { return s.computed; });
        QCOMPARE(computed, 10);
    }

    // A scan the result cache answers from disk (its memory tier cleared, as
    // after a restart) finds the answers by the close hashes the store keeps,
    // computes nothing and reads no closes, and gives what computing gave:
    // the rows, the last closes and the markers' dates.
    void cachedScanEqualsComputed() {
        const QStringList names = window_->watchlist()->symbols();
        const AtcParams params = uncached_params(61);
        QSignalSpy finished(engine_.get(), &EngineService::scanFinished);
        engine_->requestScan(names, params);
        QVERIFY(finished.wait(20000));
        const auto computed = finished.at(0).at(0).value<std::shared_ptr<const ScanOutcome>>();
        QCOMPARE(computed->compute.from_cache, std::size_t{0});
        cache_->clear_memory();
        const std::uint64_t disk_hits = cache_->stats().disk_hits;
        engine_->requestScan(names, params);
        QVERIFY(finished.wait(20000));
        const auto cached = finished.at(1).at(0).value<std::shared_ptr<const ScanOutcome>>();
        QVERIFY(!cached->cancelled);
        QCOMPARE(cached->compute.from_cache, static_cast<std::size_t>(names.size()));
        QCOMPARE(cache_->stats().disk_hits - disk_hits, static_cast<std::uint64_t>(names.size()));
        QCOMPARE(cached->bars_computed, std::size_t{0});
        QCOMPARE(cached->errors, computed->errors);
        QCOMPARE(cached->marker_labels, computed->marker_labels);
        QVERIFY(cached->last_close == computed->last_close);
        qsizetype markers = 0;
        for (std::size_t i = 0; i < computed->results.size(); ++i) {
            QVERIFY(computed->results[i] && cached->results[i]);
            const ScanRow& a = computed->results[i]->row;
            const ScanRow& b = cached->results[i]->row;
            QVERIFY(a.average == b.average && a.bars == b.bars);
            QCOMPARE(a.last_marker.has_value(), b.last_marker.has_value());
            if (a.last_marker) {
                QCOMPARE(a.last_marker->bar, b.last_marker->bar);
                ++markers;
            }
        }
        QVERIFY(markers > names.size() / 2);
        QVERIFY(std::count_if(cached->marker_labels.begin(), cached->marker_labels.end(),
                              [](const QString& label) { return !label.isEmpty(); }) == markers);
    }

    // A cancel that comes before the worker starts loads nothing at all.
    void cancelBeforeLoadingLoadsNothing() {
        QSignalSpy finished(engine_.get(), &EngineService::scanFinished);
        engine_->requestScan(window_->watchlist()->symbols(), uncached_params(51));
        engine_->cancelScan();
        QVERIFY(finished.wait(5000));
        const auto outcome = finished.at(0).at(0).value<std::shared_ptr<const ScanOutcome>>();
        QVERIFY(outcome->cancelled);
        QVERIFY(std::none_of(outcome->results.begin(), outcome->results.end(),
                             [](const auto& r) { return r != nullptr; }));
        QCOMPARE(countScan(*outcome).unreached, outcome->names.size());
        QVERIFY(!scanner_->isScanning());  // the panel did not start it and ignores it
    }

    void watchlistFilterLimitsTheScan() {
        window_->paramsPanel()->setParams(AtcParams{});
        window_->watchlist()->setFilterText(QStringLiteral("GEN-00"));
        const QStringList shown = window_->watchlist()->visibleSymbols();
        QCOMPARE(shown.size(), 99);  // GEN-0001 … GEN-0099
        scanner_->scopeBox()->setCurrentIndex(
            static_cast<int>(ScannerPanel::Scope::WatchlistFilter));
        QVERIFY(scan_and_wait() >= 0);
        QCOMPARE(scanner_->outcome()->names, shown);
        QCOMPARE(rows_of(scanner_->longView()).size() + rows_of(scanner_->shortView()).size() +
                     static_cast<std::size_t>(countScan(*scanner_->outcome()).flats),
                 static_cast<std::size_t>(shown.size()));
        window_->watchlist()->setFilterText(QString());
        scanner_->setScope(ScannerPanel::Scope::AllSymbols);
    }

    // Results made with other parameters than the editors now hold say so.
    void changedParametersMarkTheResults() {
        QVERIFY(!scanner_->statusLabel()->text().contains(QStringLiteral("other parameters")));
        auto* ema = window_->paramsPanel()->findChild<NumberField*>(QStringLiteral("ema_len"));
        QVERIFY(ema);
        ema->setValue(30);
        QTRY_VERIFY(scanner_->statusLabel()->text().contains(QStringLiteral("other parameters")));
        ema->setValue(28);
        QTRY_VERIFY(!scanner_->statusLabel()->text().contains(QStringLiteral("other parameters")));
    }

    // A symbol that cannot be loaded is listed as failed; the others are ranked.
    void failedSymbolsAreListed() {
        ScannerPanel panel(*engine_, ScanSources{[] { return AtcParams{}; },
                                                 [] {
                                                     return QStringList{
                                                         QStringLiteral("DAX"),
                                                         QStringLiteral("NO-SUCH-SYMBOL"),
                                                         QStringLiteral("SMI")};
                                                 },
                                                 [] { return QStringList{}; }});
        panel.resize(1200, 300);
        panel.show();
        QSignalSpy shown(&panel, &ScannerPanel::resultsShown);
        QTest::mouseClick(panel.scanButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return shown.count() == 1; }, 20000));
        QVERIFY(panel.failedLabel()->isVisible());
        QVERIFY2(panel.failedLabel()->text().contains(QStringLiteral("1 failed")),
                 qPrintable(panel.failedLabel()->text()));
        QVERIFY(panel.failedLabel()->toolTip().contains(QStringLiteral("NO-SUCH-SYMBOL")));
        QCOMPARE(panel.model()->rowCount(), 2);
        save_screenshot(QStringLiteral("6-failed"), &panel);
        // The link opens the full list.
        emit panel.failedLabel()->linkActivated(QStringLiteral("failed"));
        QTRY_VERIFY(panel.failuresDialog() && panel.failuresDialog()->isVisible());
        QVERIFY(panel.failuresDialog()->detailedText().contains(QStringLiteral("NO-SUCH-SYMBOL")));
        panel.failuresDialog()->close();

        // With nothing to scan, Scan says so and starts nothing.
        panel.setScope(ScannerPanel::Scope::WatchlistFilter);
        QTest::mouseClick(panel.scanButton(), Qt::LeftButton);
        QVERIFY(!panel.isScanning());
        QVERIFY(panel.statusLabel()->text().contains(QStringLiteral("no symbols")));
    }

    void lightThemeKeepsTheTablesReadable() {
        window_->setTheme(ThemeKind::Light);
        scanner_->startScan();
        QTRY_VERIFY(!scanner_->isScanning());
        save_screenshot(QStringLiteral("4-light"));
        const QModelIndex first = scanner_->longView()->model()->index(0, 1);
        const QColor bull = first.data(Qt::ForegroundRole).value<QColor>();
        QVERIFY(bull.isValid());
        QVERIFY(
            bull !=
            scanner_->shortView()->model()->index(0, 1).data(Qt::ForegroundRole).value<QColor>());
        window_->setTheme(ThemeKind::Dark);
    }

    // Symbols that all end at +1.000 are ranked by the key chosen in "Ties
    // by:", switched with the keyboard; the new columns read what the
    // engine's markers and family equities say.
    void tiesAtFullStrengthFollowTheChosenKey() {
        const std::vector<std::pair<int, double>> shapes = {
            {60, 0.004}, {120, 0.015}, {180, 0.008}, {90, 0.003}};
        QStringList names;
        std::vector<Expected> expected;
        {
            store::Database db = store::Database::connect(db_path_);
            store::SymbolStore store(db);
            for (std::size_t i = 0; i < shapes.size(); ++i) {
                const QString name = QStringLiteral("TIE-%1").arg(QChar('A' + int(i)));
                const PriceSeries bars = fall_then_rise(shapes[i].first, shapes[i].second);
                store.save(
                    {name.toStdString(), "test", "", "crafted", store::SymbolKind::Imported, 0},
                    bars);
                names << name;
                expected.push_back(expected_of(name, bars, AtcParams{}));
                QCOMPARE(expected.back().average, 1.0);  // crafted to tie at +1.000
            }
        }
        ScannerPanel panel(*engine_,
                           ScanSources{[] { return AtcParams{}; }, [names] { return names; },
                                       [] { return QStringList{}; }});
        panel.resize(1400, 300);
        panel.show();
        QSignalSpy shown(&panel, &ScannerPanel::resultsShown);
        QTest::mouseClick(panel.scanButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return shown.count() == 1; }, 20000));
        QCOMPARE(panel.longView()->model()->rowCount(), 4);

        // The columns, as shown.
        const QAbstractItemModel* model = panel.longView()->model();
        for (int row = 0; row < 4; ++row) {
            const auto cell = [&](int column) {
                return model->index(row, column).data().toString();
            };
            const QString symbol = cell(ScanTableModel::SymbolColumn);
            const auto e = std::find_if(expected.begin(), expected.end(),
                                        [&](const Expected& x) { return x.symbol == symbol; });
            QVERIFY(e != expected.end());
            QCOMPARE(cell(ScanTableModel::AverageColumn), QStringLiteral("+1.000"));
            QCOMPARE(cell(ScanTableModel::BarsSinceEntryColumn),
                     groupedCount(static_cast<std::uint64_t>(e->bars_since_entry)));
            QCOMPARE(cell(ScanTableModel::ChangeSinceEntryColumn),
                     signedPercent(e->change_since_entry));
            QVERIFY(cell(ScanTableModel::ChangeSinceEntryColumn).startsWith(QLatin1Char('+')));
            QCOMPARE(cell(ScanTableModel::StrongestFamilyColumn),
                     familyEquityText(e->strongest, e->strongest_equity));
        }

        // The order for each key, worked out independently; the keys must
        // disagree or the test proves nothing.
        const auto order_by = [&](auto ranks_before) {
            std::vector<Expected> sorted = expected;
            std::sort(sorted.begin(), sorted.end(), [&](const Expected& a, const Expected& b) {
                return ranks_before(a, b) || (!ranks_before(b, a) && a.symbol < b.symbol);
            });
            QStringList order;
            for (const Expected& e : sorted)
                order << e.symbol;
            return order;
        };
        const QStringList freshest = order_by([](const Expected& a, const Expected& b) {
            return a.bars_since_entry < b.bars_since_entry;
        });
        const QStringList strongest = order_by([](const Expected& a, const Expected& b) {
            return a.strongest_equity > b.strongest_equity;
        });
        const QStringList furthest = order_by([](const Expected& a, const Expected& b) {
            return a.change_since_entry > b.change_since_entry;
        });
        QVERIFY(freshest != strongest && freshest != furthest && strongest != furthest);
        QVERIFY(freshest != names);  // nor may the name alone give it

        QComboBox* ties = panel.tieBreakBox();
        QCOMPARE(ties->currentText(), QStringLiteral("bars since entry (fewest first)"));
        QCOMPARE(symbols_of(panel.longView()), freshest);
        ties->setFocus();
        QTest::keyClick(ties, Qt::Key_Down);
        QCOMPARE(panel.tieBreak(), ScanTieBreak::FamilyEquity);
        QCOMPARE(symbols_of(panel.longView()), strongest);
        QTest::keyClick(ties, Qt::Key_Down);
        QCOMPARE(panel.tieBreak(), ScanTieBreak::ChangeSinceEntry);
        QCOMPARE(symbols_of(panel.longView()), furthest);
        save_screenshot(QStringLiteral("7-ties"), &panel);
        QTest::keyClick(ties, Qt::Key_Up);
        QTest::keyClick(ties, Qt::Key_Up);
        QCOMPARE(symbols_of(panel.longView()), freshest);
    }

    // The key chosen in the window's scanner comes back with the next session.
    void tieBreakIsRemembered() {
        QComboBox* ties = scanner_->tieBreakBox();
        ties->setFocus();
        QTest::keyClick(ties, Qt::Key_End);
        QCOMPARE(scanner_->tieBreak(), ScanTieBreak::ChangeSinceEntry);
        window_->close();
        QCOMPARE(readSession(*settings_).scanner_ties, ScanTieBreak::ChangeSinceEntry);
        window_ =
            std::make_unique<MainWindow>(StudioContext{db_path_, *cache_, *engine_, *settings_});
        window_->restoreSession();
        QCOMPARE(window_->scanner()->tieBreakBox()->currentIndex(),
                 static_cast<int>(ScanTieBreak::ChangeSinceEntry));
        scanner_ = window_->scanner();
    }
};

QTEST_MAIN(TestScanner)
#include "test_scanner.moc"
