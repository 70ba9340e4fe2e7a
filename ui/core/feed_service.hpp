// SPDX-License-Identifier: GPL-3.0-or-later
// The bridge between the windows and the market-data feeds (atc/feeds/): the
// exchange's symbol list, downloads, updates and files fetched from a URL all
// run on one worker thread, one at a time (an exchange counts every request
// against one budget), and come back as queued signals. The window never
// waits on the network; Cancel raises a flag the transfer checks several times
// a second, and every page committed before it stays stored.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThreadPool>
#include <atomic>
#include <filesystem>
#include <memory>
#include <vector>

#include "atc/feeds/binance.hpp"
#include "atc/feeds/fetch.hpp"

namespace atc::ui {

// Where a download or an update stands, after each committed page.
struct FeedProgress {
    QString name;    // the symbol being fetched
    int symbol = 0;  // 1-based, of `symbols` (an update of several)
    int symbols = 1;
    feeds::FetchProgress page;  // bars and pages so far, pages left (estimate)
};

// How one symbol's download or update ended.
struct FeedOutcome {
    QString name;
    bool ok = false;
    feeds::FetchReport report;    // valid when ok
    QString error;                // when not ok: the reason, in words
    std::size_t stored_bars = 0;  // committed before a failure (they stay)
};

class FeedService : public QObject {
    Q_OBJECT

public:
    // `database`: the store's file (already created). `connection`: where the
    // requests go and how patiently (tests point it at a local server).
    explicit FeedService(std::filesystem::path database, feeds::BinanceConnection connection = {},
                         QObject* parent = nullptr);
    ~FeedService() override;  // cancels and waits for the running job

    // The market's symbols (exchangeInfo): symbolsListed or feedFailed.
    void requestSymbols(feeds::BinanceMarket market);
    // Downloads (or brings up to date) one symbol: progress, then fetched.
    void requestFetch(const feeds::FetchRequest& request);
    // Brings the stored symbols up to date from their source records, one
    // after the other: progress, then one fetched per symbol, then updatesDone.
    void requestUpdate(const QStringList& names);
    // Downloads `url` into a new temporary file named after the URL's last
    // path part: urlDownloaded with the file, or feedFailed.
    void requestUrl(const QString& url);

    // Stops the running job at its next check; committed pages stay.
    void cancel();
    bool isBusy() const { return running_ > 0; }
    void waitForIdle();

signals:
    void symbolsListed(atc::feeds::BinanceMarket market,
                       std::shared_ptr<const std::vector<atc::feeds::ListedSymbol>> symbols);
    void progress(const atc::ui::FeedProgress& progress);
    void fetched(const atc::ui::FeedOutcome& outcome);
    void updatesDone(int updated, int failed);
    void urlDownloaded(const QString& url, const QString& file);
    void feedFailed(const QString& what, const QString& message);
    void busyChanged(bool busy);

private:
    // Runs `job` on the worker with the cancel flag lowered first.
    template <typename Job>
    void start(Job job);
    FeedOutcome fetchOne(const QString& name,
                         const std::function<feeds::FetchReport(
                             store::SymbolStore&, const feeds::FetchProgressCallback&)>& run,
                         int index, int count);

    std::filesystem::path database_;
    feeds::BinanceConnection connection_;
    std::shared_ptr<std::atomic<bool>> cancel_ = std::make_shared<std::atomic<bool>>(false);
    QTemporaryDir downloads_;  // files fetched from URLs, until the app closes
    int downloads_made_ = 0;   // worker thread only
    QThreadPool pool_;
    int running_ = 0;  // GUI thread only
};

}  // namespace atc::ui

Q_DECLARE_METATYPE(atc::ui::FeedProgress)
Q_DECLARE_METATYPE(atc::ui::FeedOutcome)
