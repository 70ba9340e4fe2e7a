// SPDX-License-Identifier: GPL-3.0-or-later
// Market data in the app, against a fake Binance on 127.0.0.1: File →
// Download… (search, download, progress, the symbol listed and opened),
// Cancel keeping the pages stored, Update and Update all on the watchlist's
// context menu (only the new closed candles), and Import from URL through the
// import preview.
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QtTest>

#include "atc/store/symbol_store.hpp"
#include "core/feed_service.hpp"
#include "panels/download_dialog.hpp"
#include "panels/import_preview_dialog.hpp"
#include "panels/watchlist_panel.hpp"
#include "studio_fixture.hpp"
#include "support/fake_binance.hpp"

using namespace atc;
using namespace atc::ui;

namespace {

constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kMinuteMs = 60'000;
// BTCUSDT 1h: 1,200 candles up to the one forming now; served 1,195 at first
// (the market five hours ago), so the first download ends five hours back.
constexpr std::size_t kHours = 1'200;
constexpr std::size_t kFirstServed = 1'195;

}  // namespace

class TestDownload : public gui_test::StudioTestBase {
    Q_OBJECT

private slots:
    void initTestCase() {
        // The feed service reads the endpoints when the window makes it.
        qputenv("ATC_BINANCE_URL", QByteArray::fromStdString(server_.url()));
        qputenv("ATC_BINANCE_FUTURES_URL", QByteArray::fromStdString(server_.url()));
        server_.add_series("BTCUSDT", "1h", test::aligned_open_ms(kHourMs, kHours - 1), kHourMs,
                           kHours);
        // Twenty pages of minutes, served slowly in the cancel test: the cancel
        // lands long before the last page, however loaded the machine is.
        server_.add_series("ETHBTC", "1m", test::aligned_open_ms(kMinuteMs, 19'999), kMinuteMs,
                           20'000);
        server_.limit_series(kFirstServed);
        open_studio();
    }
    void cleanupTestCase() {
        close_studio();
        qunsetenv("ATC_BINANCE_URL");
        qunsetenv("ATC_BINANCE_FUTURES_URL");
    }

    void downloadDialogSearchesAndStores() {
        window_->openDownload();
        DownloadDialog* dialog = window_->downloadDialog();
        QVERIFY(dialog && dialog->isVisible());
        QTest::keyClicks(dialog->searchField(), QStringLiteral("btc"));
        // The list arrives from the worker; the matches follow the typing.
        QVERIFY(QTest::qWaitFor([&] { return dialog->matchList()->count() > 0; }, 10000));
        QStringList shown;
        for (int i = 0; i < dialog->matchList()->count(); ++i)
            shown << dialog->matchList()->item(i)->data(Qt::UserRole).toString();
        QCOMPARE(shown.mid(0, 2), QStringList({"BTCUSDT", "BTCFDUSD"}));
        saveScreenshot(QStringLiteral("download-dialog"), dialog);
        QVERIFY(shown.contains(QStringLiteral("WBTCBTC")));
        QTest::mouseClick(
            dialog->matchList()->viewport(), Qt::LeftButton, {},
            dialog->matchList()->visualItemRect(dialog->matchList()->item(0)).center());
        QCOMPARE(dialog->searchField()->text(), QStringLiteral("BTCUSDT"));
        dialog->intervalBox()->setCurrentText(QStringLiteral("1h"));

        QTest::mouseClick(dialog->downloadButton(), Qt::LeftButton);
        QVERIFY(wait_for_symbol(QStringLiteral("BTCUSDT")));
        QVERIFY(!dialog->isVisible());
        // 1,000 hours back by default: the 996 up to five hours ago are served.
        const store::SymbolInfo info = storedInfo("BTCUSDT");
        QCOMPARE(info.meta.kind, store::SymbolKind::Downloaded);
        QCOMPARE(info.meta.timeframe, std::string("1h"));
        QCOMPARE(info.bar_count, std::size_t{996});
        QCOMPARE(*info.last_time_ms, test::aligned_open_ms(kHourMs, kHours - kFirstServed));
        QCOMPARE(window_->currentData()->barCount(), std::size_t{996});
        QVERIFY(window_->watchlist()->updatableSymbols().contains(QStringLiteral("BTCUSDT")));
    }

    void updateFetchesOnlyTheNewCandles() {
        // Five hours later: four closed candles, and the one forming now, which
        // must not be stored as if final.
        server_.limit_series(std::nullopt);
        const auto targets_before = server_.targets().size();
        QMenu* menu = window_->watchlist()->contextMenu(QStringLiteral("BTCUSDT"));
        auto* update = menu->findChild<QAction*>(QStringLiteral("updateSymbolAction"));
        QVERIFY(update && update->isEnabled());
        update->trigger();
        menu->close();
        QVERIFY(QTest::qWaitFor([&] { return !window_->feedService()->isBusy(); }, 10000));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return window_->statusBar()->currentMessage().startsWith(QStringLiteral("Updated"));
            },
            10000));
        QVERIFY2(window_->statusBar()->currentMessage().contains(QStringLiteral(": 4 new bars")),
                 qPrintable(window_->statusBar()->currentMessage()));
        QCOMPARE(storedInfo("BTCUSDT").bar_count, std::size_t{1000});
        // It asked from just after the last stored bar's open, not from the start.
        const std::vector<std::string> targets = server_.targets();
        const std::string asked = targets.at(targets_before);
        const std::string start =
            std::to_string(test::aligned_open_ms(kHourMs, kHours - kFirstServed) + 1);
        QVERIFY2(asked.find("startTime=" + start) != std::string::npos, asked.c_str());
        // The chart on screen is redrawn with them.
        QVERIFY(QTest::qWaitFor([&] { return window_->currentData()->barCount() == 1000; }, 10000));

        // Once more: nothing new, and it says so.
        QMenu* again = window_->watchlist()->contextMenu(QStringLiteral("BTCUSDT"));
        again->findChild<QAction*>(QStringLiteral("updateAllAction"))->trigger();
        again->close();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return window_->statusBar()->currentMessage().startsWith(
                    QStringLiteral("Up to date"));
            },
            10000));
        QCOMPARE(storedInfo("BTCUSDT").bar_count, std::size_t{1000});

        // An imported or sample symbol cannot be updated.
        QMenu* other = window_->watchlist()->contextMenu(QStringLiteral("DAX"));
        QVERIFY(!other->findChild<QAction*>(QStringLiteral("updateSymbolAction"))->isEnabled());
        other->close();
    }

    void cancelKeepsTheStoredPages() {
        server_.set_delay(std::chrono::milliseconds(250));
        window_->openDownload();
        DownloadDialog* dialog = window_->downloadDialog();
        dialog->searchField()->setText(QStringLiteral("ETHBTC"));
        dialog->intervalBox()->setCurrentText(QStringLiteral("1m"));
        dialog->sinceCheck()->setChecked(true);
        dialog->sinceDate()->setDate(QDate::currentDate().addDays(-14));  // 20 pages
        QSignalSpy progress(window_->feedService(), &FeedService::progress);
        dialog->startDownload();
        QVERIFY(dialog->isDownloading());
        QVERIFY(progress.wait(10000));  // the first page is stored
        QVERIFY(QTest::qWaitFor(
            [&] { return dialog->messageLabel()->text().contains(QStringLiteral("s left")); },
            5000));
        QVERIFY2(dialog->progressBar()->text().contains(QStringLiteral("1,000 bars")),
                 qPrintable(dialog->progressBar()->text()));
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !dialog->isDownloading(); }, 10000));
        server_.set_delay(std::chrono::milliseconds(0));
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("cancelled")),
                 qPrintable(dialog->messageLabel()->text()));
        const store::SymbolInfo info = storedInfo("ETHBTC");
        QVERIFY(info.bar_count >= 1000 && info.bar_count < 20000);
        QCOMPARE(info.bar_count % 1000, std::size_t{0});  // whole pages only
        dialog->close();
    }

    void importFromUrlGoesThroughThePreview() {
        server_.add_file("/data/SOLUSDT-1d.csv",
                         "date,open,high,low,close,volume\n"
                         "2024-01-02,100,110,95,105,1000\n"
                         "2024-01-03,105,112,101,111,1200\n"
                         "2024-01-04,111,115,108,109,900\n");
        window_->importUrl(QString::fromStdString(server_.url() + "/data/SOLUSDT-1d.csv"));
        QVERIFY(
            QTest::qWaitFor([&] { return window_->watchlist()->lastPreview() != nullptr; }, 10000));
        ImportPreviewDialog* preview = window_->watchlist()->lastPreview();
        auto* name = preview->findChild<QLineEdit*>(QStringLiteral("importSymbol"));
        QVERIFY(QTest::qWaitFor([&] { return preview->detection().has_value(); }, 10000));
        QCOMPARE(name->text(), QStringLiteral("SOLUSDT-1d"));
        QSignalSpy finished(window_->watchlist(), &WatchlistPanel::importFinished);
        QTest::mouseClick(preview->findChild<QPushButton*>(QStringLiteral("importConfirm")),
                          Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(storedInfo("SOLUSDT-1d").bar_count, std::size_t{3});

        // A link that answers 404 says so and imports nothing.
        window_->importUrl(QString::fromStdString(server_.url() + "/data/missing.csv"));
        QVERIFY(QTest::qWaitFor(
            [&] { return window_->statusBar()->currentMessage().contains(QStringLiteral("404")); },
            10000));
    }

private:
    test::FakeBinance server_;

    store::SymbolInfo storedInfo(const std::string& name) {
        store::Database db = store::Database::connect(db_path_);
        const auto info = store::SymbolStore(db).find(name);
        return info ? *info : store::SymbolInfo{};
    }

    // With ATC_SCREENSHOT_DIR set, saves `widget` as NAME.png.
    void saveScreenshot(const QString& name, QWidget* widget) {
        const QString dir = qEnvironmentVariable("ATC_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QCoreApplication::processEvents();
        QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }
};

QTEST_MAIN(TestDownload)
#include "test_download.moc"
