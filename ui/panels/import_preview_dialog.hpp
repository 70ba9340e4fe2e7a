// SPDX-License-Identifier: GPL-3.0-or-later
// The import preview: before anything is stored, what the detector made of a
// price file (format, encoding, delimiter, columns, times, bars) and the first
// and last rows exactly as they will be stored. The user may rename the
// symbol, remap columns, settle the date order and name the time zone; every
// change reads the file again on a worker thread. Import saves on a worker
// thread too, with a progress bar and Cancel; a refused file stores nothing.
#pragma once

#include <QDialog>
#include <QPointer>
#include <QStringList>
#include <filesystem>
#include <memory>
#include <optional>

#include "atc/price_import.hpp"

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTableWidget;
class QThread;

namespace atc::ui {

struct PreviewRead;  // the worker's answer (import_preview_dialog.cpp)

class ImportPreviewDialog : public QDialog {
    Q_OBJECT
public:
    ImportPreviewDialog(std::filesystem::path database, const QString& file,
                        QWidget* parent = nullptr);
    ~ImportPreviewDialog() override;  // waits for a running worker

    // True while the file is read or the bars are saved.
    bool isBusy() const { return worker_ != nullptr; }
    // The last reading's detection; empty before the first one ends or when
    // the file was refused.
    const std::optional<ImportDetection>& detection() const { return detection_; }
    // The refusal shown, "" when the file reads.
    QString refusal() const;

    // Cancel and Esc: a running read is abandoned; a running save (one short
    // transaction) is waited for, never cut.
    void reject() override;

signals:
    // After Import: the symbols saved (one, or one per ticker) and the reader's
    // warnings. Emitted before the dialog closes.
    void imported(const QStringList& symbols, const QStringList& warnings);

private:
    void buildLayout();
    ImportOptions currentOptions() const;
    void readAgain();
    void showReading(const PreviewRead& read);
    void fillDetection(const ImportDetection& d);
    void fillMapping(const ImportDetection& d);
    void fillRows(const ImportedPrices& prices);
    void startImport();
    void setBusy(const QString& what);

    std::filesystem::path database_;
    QString file_;
    std::shared_ptr<const ImportedPrices> prices_;  // what Import would store
    std::optional<ImportDetection> detection_;
    bool read_again_ = false;  // an option changed while a read was running
    bool mapping_filled_ = false;
    bool applying_ = false;  // filling widgets: their signals are not the user's
    bool saving_ = false;
    QString read_zone_;  // the time zone of the last reading ("" = UTC)
    QThread* worker_ = nullptr;

    QLineEdit* symbol_ = nullptr;
    QLabel* tickers_ = nullptr;
    QFormLayout* facts_ = nullptr;
    QTableWidget* mapping_ = nullptr;
    QComboBox* date_order_ = nullptr;
    QComboBox* time_zone_ = nullptr;
    QTableWidget* rows_ = nullptr;
    QLabel* problem_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* progress_text_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
};

}  // namespace atc::ui
