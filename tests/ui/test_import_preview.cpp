// SPDX-License-Identifier: GPL-3.0-or-later
// Importing from the app as a trader does: one file opens the preview (what
// was detected, the first and last bars as they will be stored; settings that
// change the reading; Import and Cancel), several files or a folder import as
// a batch with a progress bar and one summary. Nothing is stored before
// Import, and nothing from a refused file.
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>

#include "atc/store/database.hpp"
#include "atc/store/symbol_store.hpp"
#include "panels/import_preview_dialog.hpp"
#include "panels/symbol_import.hpp"
#include "panels/watchlist_panel.hpp"

using namespace atc;
using namespace atc::ui;
namespace fs = std::filesystem;

namespace {

void writeBytes(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// A German spreadsheet export: semicolons, decimal commas, DD.MM.YYYY.
const std::string kGermanCsv =
    "Datum;Eröffnung;Hoch;Tief;Schluss;Volumen\n"
    "02.01.2024;16.769,12;16.800,00;16.700,50;16.750,25;1.234.567\n"
    "03.01.2024;16.750,25;16.900,00;16.740,00;16.880,75;1.100.000\n"
    "04.01.2024;16.880,75;16.950,00;16.810,00;16.900,00;990.000\n";

// Slashed dates that never show a day above 12: the file cannot tell
// 02/01/2024 (2 January or February 1) by itself.
const std::string kAmbiguousCsv =
    "Date,Open,High,Low,Close,Volume\n"
    "01/02/2024,10,11,9,10.5,100\n"
    "02/02/2024,10.5,11,10,10.8,120\n"
    "03/02/2024,10.8,11.2,10.4,11.0,90\n";

QString factValue(const ImportPreviewDialog& dialog, const QString& name) {
    const auto* facts = dialog.findChild<QFormLayout*>(QStringLiteral("importFacts"));
    if (facts == nullptr)
        return {};
    for (int r = 0; r < facts->rowCount(); ++r) {
        const auto* label =
            qobject_cast<QLabel*>(facts->itemAt(r, QFormLayout::LabelRole)->widget());
        const auto* value =
            qobject_cast<QLabel*>(facts->itemAt(r, QFormLayout::FieldRole)->widget());
        if (label != nullptr && value != nullptr && label->text() == name)
            return value->text();
    }
    return {};
}

QPushButton* importButtonOf(ImportPreviewDialog& dialog) {
    return dialog.findChild<QPushButton*>(QStringLiteral("importConfirm"));
}

}  // namespace

class TestImportPreview : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    int next_ = 0;

    // A fresh store with one symbol in it, so that "nothing stored" is visible.
    fs::path freshStore() {
        const fs::path db =
            fs::path(tmp_.path().toStdString()) / ("store" + std::to_string(next_++) + ".sqlite");
        store::Database conn = store::Database::open(db);
        PriceSeries bars;
        bars.close = {1.0, 2.0, 3.0};
        store::SymbolStore(conn).save({"KEEP", "", "", "", store::SymbolKind::Imported, 0}, bars);
        return db;
    }

    fs::path fileWith(const std::string& name, const std::string& text) {
        const fs::path dir = fs::path(tmp_.path().toStdString()) / ("in" + std::to_string(next_++));
        fs::create_directories(dir);
        writeBytes(dir / name, text);
        return dir / name;
    }

    static std::vector<std::string> storedNames(const fs::path& db) {
        store::Database conn = store::Database::connect(db);
        std::vector<std::string> names;
        for (const store::SymbolInfo& s : store::SymbolStore(conn).list())
            names.push_back(s.meta.name);
        return names;
    }

    static bool waitIdle(ImportPreviewDialog& dialog) {
        return QTest::qWaitFor([&] { return !dialog.isBusy(); }, 10000);
    }

private slots:
    void initTestCase() { QVERIFY(tmp_.isValid()); }

    // The preview shows what was detected and the bars as they will be stored;
    // Import stores them under the name the user typed.
    void previewShowsDetectionAndImportsUnderTheTypedName() {
        const fs::path db = freshStore();
        WatchlistPanel panel(db);
        QSignalSpy finished(&panel, &WatchlistPanel::importFinished);
        panel.openImport({QString::fromStdString(fileWith("dax.csv", kGermanCsv).string())});
        ImportPreviewDialog* dialog = panel.lastPreview();
        QVERIFY(dialog != nullptr);
        QVERIFY(dialog->isVisible());
        QVERIFY(waitIdle(*dialog));
        QVERIFY2(dialog->refusal().isEmpty(), qPrintable(dialog->refusal()));

        QVERIFY(dialog->detection().has_value());
        // With ATC_SCREENSHOT_DIR set, the preview as the trader sees it.
        if (const QString dir = qEnvironmentVariable("ATC_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QCoreApplication::processEvents();  // widgets added to a shown layout show queued
            dialog->grab().save(dir + QStringLiteral("/import-preview.png"));
        }
        QCOMPARE(dialog->detection()->delimiter, ';');
        QCOMPARE(dialog->detection()->decimal_separator, ',');
        QCOMPARE(factValue(*dialog, QStringLiteral("Delimiter")),
                 QStringLiteral("semicolon ( ; )"));
        QCOMPARE(factValue(*dialog, QStringLiteral("Bars")), QStringLiteral("3"));
        QVERIFY(factValue(*dialog, QStringLiteral("Numbers")).contains(QStringLiteral("comma")));

        const auto* rows = dialog->findChild<QTableWidget*>(QStringLiteral("importRows"));
        QVERIFY(rows != nullptr);
        QCOMPARE(rows->rowCount(), 3);
        QCOMPARE(rows->item(0, 0)->text(), QStringLiteral("2024-01-02T00:00:00Z"));
        QCOMPARE(rows->item(0, 1)->text(), QStringLiteral("16,769.12"));
        QCOMPARE(rows->item(2, 4)->text(), QStringLiteral("16,900.00"));
        QCOMPARE(rows->item(0, 5)->text(), QStringLiteral("1,234,567"));
        QCOMPARE(storedNames(db), std::vector<std::string>{"KEEP"});  // nothing yet

        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("importSymbol"));
        QCOMPARE(name->text(), QStringLiteral("dax"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("GDAXI"));
        QTest::mouseClick(importButtonOf(*dialog), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toStringList(), QStringList{QStringLiteral("GDAXI")});
        QCOMPARE(panel.currentSymbol(), QStringLiteral("GDAXI"));
        store::Database conn = store::Database::connect(db);
        const PriceSeries bars = store::SymbolStore(conn).load("GDAXI");
        QCOMPARE(bars.close, (std::vector<double>{16750.25, 16880.75, 16900.0}));
        QCOMPARE(bars.volume.front(), 1234567.0);
    }

    // A file the detector cannot settle is refused in the preview, naming the
    // problem; choosing the date order reads it again and makes it importable.
    void dateOrderChoiceSettlesAnAmbiguousFile() {
        const fs::path db = freshStore();
        ImportPreviewDialog dialog(
            db, QString::fromStdString(fileWith("amb.csv", kAmbiguousCsv).string()));
        dialog.show();
        QVERIFY(waitIdle(dialog));
        QVERIFY2(!dialog.refusal().isEmpty(), "an undecidable date order is refused");
        QVERIFY(!importButtonOf(dialog)->isEnabled());

        auto* order = dialog.findChild<QComboBox*>(QStringLiteral("importDateOrder"));
        order->setCurrentIndex(order->findData(static_cast<int>(DateOrder::DayMonthYear)));
        QVERIFY(waitIdle(dialog));
        QVERIFY2(dialog.refusal().isEmpty(), qPrintable(dialog.refusal()));
        QVERIFY(importButtonOf(dialog)->isEnabled());
        const auto* rows = dialog.findChild<QTableWidget*>(QStringLiteral("importRows"));
        QCOMPARE(rows->item(0, 0)->text(), QStringLiteral("2024-02-01T00:00:00Z"));  // 1 February

        order->setCurrentIndex(order->findData(static_cast<int>(DateOrder::MonthDayYear)));
        QVERIFY(waitIdle(dialog));
        QCOMPARE(rows->item(0, 0)->text(), QStringLiteral("2024-01-02T00:00:00Z"));  // January 2
    }

    // Giving a role to another column reads the file again with that mapping.
    void remappingAColumnReadsTheFileAgain() {
        const fs::path db = freshStore();
        const std::string futures =
            "Date,Last,Settle\n2024-01-02,10.5,10.25\n2024-01-03,11.5,11.75\n";
        ImportPreviewDialog dialog(db,
                                   QString::fromStdString(fileWith("es.csv", futures).string()));
        dialog.show();
        QVERIFY(waitIdle(dialog));
        const auto* rows = dialog.findChild<QTableWidget*>(QStringLiteral("importRows"));
        QCOMPARE(rows->item(0, 4)->text(), QStringLiteral("10.50"));  // "Last" is a close

        auto* mapping = dialog.findChild<QTableWidget*>(QStringLiteral("importMapping"));
        QComboBox* close = nullptr;
        for (int r = 0; r < mapping->rowCount(); ++r) {
            if (mapping->verticalHeaderItem(r)->text() == QStringLiteral("Close"))
                close = qobject_cast<QComboBox*>(mapping->cellWidget(r, 0));
        }
        QVERIFY(close != nullptr);
        QCOMPARE(close->currentText(), QStringLiteral("2 · Last"));
        close->setCurrentIndex(close->findText(QStringLiteral("3 · Settle")));
        QVERIFY(waitIdle(dialog));
        QVERIFY2(dialog.refusal().isEmpty(), qPrintable(dialog.refusal()));
        rows = dialog.findChild<QTableWidget*>(QStringLiteral("importRows"));
        QCOMPARE(rows->item(0, 4)->text(), QStringLiteral("10.25"));
        QCOMPARE(rows->item(1, 4)->text(), QStringLiteral("11.75"));
    }

    // A time zone typed in full reads the file again: times without an offset
    // are taken in that zone; an unknown name is refused in place.
    void typedTimeZoneReadsTheFileAgain() {
        const fs::path db = freshStore();
        const std::string intraday =
            "Date,Open,High,Low,Close,Volume\n2024-01-02 09:30:00,10,11,9,10.5,100\n"
            "2024-01-02 09:31:00,10.5,11,10,10.8,120\n";
        ImportPreviewDialog dialog(db,
                                   QString::fromStdString(fileWith("ny.csv", intraday).string()));
        dialog.show();
        QVERIFY(waitIdle(dialog));
        const auto* rows = dialog.findChild<QTableWidget*>(QStringLiteral("importRows"));
        QCOMPARE(rows->item(0, 0)->text(), QStringLiteral("2024-01-02T09:30:00Z"));

        auto* zone = dialog.findChild<QComboBox*>(QStringLiteral("importTimeZone"));
        zone->lineEdit()->selectAll();
        QTest::keyClicks(zone->lineEdit(), QStringLiteral("America/New_York"));
        QVERIFY(!dialog.isBusy());  // typing alone reads nothing
        QTest::keyClick(zone->lineEdit(), Qt::Key_Return);
        QVERIFY(waitIdle(dialog));
        QVERIFY2(dialog.refusal().isEmpty(), qPrintable(dialog.refusal()));
        rows = dialog.findChild<QTableWidget*>(QStringLiteral("importRows"));
        QCOMPARE(rows->item(0, 0)->text(), QStringLiteral("2024-01-02T14:30:00Z"));  // EST = UTC-5

        zone->lineEdit()->selectAll();
        QTest::keyClicks(zone->lineEdit(), QStringLiteral("Mars/Olympus"));
        QTest::keyClick(zone->lineEdit(), Qt::Key_Return);
        QVERIFY(waitIdle(dialog));
        QVERIFY2(dialog.refusal().contains(QStringLiteral("Mars/Olympus")),
                 qPrintable(dialog.refusal()));
    }

    void cancelStoresNothing() {
        const fs::path db = freshStore();
        WatchlistPanel panel(db);
        QSignalSpy finished(&panel, &WatchlistPanel::importFinished);
        panel.openImport({QString::fromStdString(fileWith("x.csv", kGermanCsv).string())});
        QPointer<ImportPreviewDialog> dialog = panel.lastPreview();
        QVERIFY(dialog && waitIdle(*dialog));
        auto* box = dialog->findChild<QDialogButtonBox*>();
        QTest::mouseClick(box->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(dialog.isNull());  // closed and deleted
        QTest::qWait(50);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(storedNames(db), std::vector<std::string>{"KEEP"});
    }

    // A folder dropped on the list imports as one batch: the good files are
    // stored, the bad one is named with its line and stores nothing, and one
    // summary says it all.
    void droppedFolderImportsAsABatchWithOneSummary() {
        const fs::path db = freshStore();
        WatchlistPanel panel(db);
        panel.show();
        QSignalSpy finished(&panel, &WatchlistPanel::importFinished);
        const fs::path dir =
            fileWith("A.csv", "date,close\n2024-01-02,10\n2024-01-03,11\n").parent_path();
        writeBytes(dir / "B.txt", "Date;Close\n02.01.2024;5,5\n03.01.2024;5,75\n");
        writeBytes(dir / "C.tsv", "time\tclose\n1704153600\t7\n1704240000\t8\n");
        writeBytes(dir / "BAD.csv", "date,close\n2024-01-02,10\n2024-01-03,-4\n");

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(QString::fromStdString(dir.string()))});
        QCOMPARE(priceFilesOf(&mime).size(), 4);
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        enter.ignore();
        QApplication::sendEvent(&panel, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&panel, &drop);
        QVERIFY(panel.lastPreview() == nullptr);  // a batch, no preview
        auto* bar = panel.findChild<QProgressBar*>(QStringLiteral("importBatchProgress"));
        QVERIFY(bar != nullptr && bar->isVisible());
        QVERIFY(finished.wait(10000));
        QVERIFY(!bar->isVisible());

        QCOMPARE(finished.at(0).at(0).toStringList(),
                 (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
        const QString status = panel.findChild<QLabel*>(QStringLiteral("watchlistStatus"))->text();
        QVERIFY2(status.contains(QStringLiteral("3 imported, 1 refused: BAD.csv")),
                 qPrintable(status));
        QMessageBox* box = panel.lastErrorDialog();
        QVERIFY(box != nullptr);
        QVERIFY2(box->text().contains(QStringLiteral("BAD.csv, line 3")), qPrintable(box->text()));
        box->close();
        const std::vector<std::string> names = storedNames(db);
        QVERIFY(std::find(names.begin(), names.end(), "BAD") == names.end());
        store::Database conn = store::Database::connect(db);
        QCOMPARE(store::SymbolStore(conn).load("B").close, (std::vector<double>{5.5, 5.75}));
    }

    // Cancel stops a batch between files: what was imported stays, the rest is
    // not read, and the summary says so.
    void batchCancelStopsBetweenFiles() {
        const fs::path db = freshStore();
        QStringList files;
        for (int k = 0; k < 5; ++k) {
            files << QString::fromStdString(
                fileWith("S" + std::to_string(k) + ".csv", "date,close\n2024-01-02,10\n").string());
        }
        std::atomic<bool> cancel{false};
        ImportControl control;
        control.cancel = &cancel;
        control.progress = [&cancel](int done, int) {
            if (done == 2)
                cancel.store(true);
        };
        const ImportOutcome outcome = importSymbolFiles(db, files, control);
        QCOMPARE(outcome.imported, (QStringList{QStringLiteral("S0"), QStringLiteral("S1")}));
        QCOMPARE(outcome.files_cancelled, 3);
        QCOMPARE(importSummary(outcome), QStringLiteral("2 imported, 3 not read (cancelled)"));
    }
};

QTEST_MAIN(TestImportPreview)
#include "test_import_preview.moc"
