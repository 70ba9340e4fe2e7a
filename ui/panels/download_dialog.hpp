// SPDX-License-Identifier: GPL-3.0-or-later
// File → Download…: a symbol's candles from an exchange (Binance spot or
// USDⓈ-M futures, no key) into the database. The symbol list is searched as
// you type ("btc" → BTCUSDT, BTCFDUSD, …); the download runs on the feed
// service's worker with a progress bar (bars, pages, pages left) and Cancel,
// which keeps every page already stored. A symbol stored before is brought up
// to date instead: only the bars after its last one are asked for.
#pragma once

#include <QDialog>
#include <QElapsedTimer>
#include <memory>
#include <vector>

#include "atc/feeds/binance.hpp"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace atc::ui {

class FeedService;
struct FeedOutcome;
struct FeedProgress;

class DownloadDialog : public QDialog {
    Q_OBJECT

public:
    DownloadDialog(FeedService& feeds, QWidget* parent = nullptr);

    // For tests and the main window.
    QComboBox* marketBox() const { return market_; }
    QLineEdit* searchField() const { return search_; }
    QListWidget* matchList() const { return matches_; }
    QComboBox* intervalBox() const { return interval_; }
    QCheckBox* sinceCheck() const { return since_on_; }
    QDateEdit* sinceDate() const { return since_; }
    QLineEdit* nameField() const { return name_; }
    QPushButton* downloadButton() const { return download_; }
    QPushButton* cancelButton() const { return cancel_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* messageLabel() const { return message_; }
    bool isDownloading() const { return downloading_; }

    // Starts the download of what the fields say (as the Download button).
    void startDownload();

signals:
    // Stored (new or updated): the window lists and opens it.
    void downloaded(const QString& name);

private:
    void loadSymbols();
    void showMatches();
    void showProgress(const FeedProgress& progress);
    void finish(const FeedOutcome& outcome);
    void setDownloading(bool on);
    void showMessage(const QString& text, bool error);
    feeds::BinanceMarket market() const;

    FeedService& feeds_;
    std::shared_ptr<const std::vector<feeds::ListedSymbol>> symbols_;
    QString requested_;  // the name of the download this dialog started
    QElapsedTimer started_;
    bool downloading_ = false;
    QComboBox* exchange_ = nullptr;
    QComboBox* market_ = nullptr;
    QLineEdit* search_ = nullptr;
    QListWidget* matches_ = nullptr;
    QComboBox* interval_ = nullptr;
    QCheckBox* since_on_ = nullptr;
    QDateEdit* since_ = nullptr;
    QLineEdit* name_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* message_ = nullptr;
    QPushButton* download_ = nullptr;
    QPushButton* cancel_ = nullptr;
};

}  // namespace atc::ui
