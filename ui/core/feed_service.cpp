// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/feed_service.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QMetaObject>
#include <QTemporaryDir>
#include <QUrl>
#include <exception>

#include "atc/feeds/feed_error.hpp"
#include "atc/feeds/http.hpp"
#include "atc/store/database.hpp"
#include "atc/store/symbol_store.hpp"
#include "core/qt_text.hpp"

namespace atc::ui {
namespace {

// The words of whatever a feed job threw.
QString reasonOf(const std::exception_ptr& failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const feeds::HttpError& e) {
        if (e.kind() == feeds::HttpError::Kind::Cancelled)
            return QObject::tr("cancelled");
        return qs(e.what());
    } catch (const std::exception& e) {
        return qs(e.what());
    } catch (...) {
        return QObject::tr("unknown error");
    }
}

}  // namespace

FeedService::FeedService(std::filesystem::path database, feeds::BinanceConnection connection,
                         QObject* parent)
    : QObject(parent), database_(std::move(database)), connection_(std::move(connection)) {
    qRegisterMetaType<FeedProgress>();
    qRegisterMetaType<FeedOutcome>();
    qRegisterMetaType<std::shared_ptr<const std::vector<feeds::ListedSymbol>>>();
    // One request at a time: the exchange's weight budget is per IP, not per job.
    pool_.setMaxThreadCount(1);
    connection_.policy.http.cancel = cancel_.get();
}

FeedService::~FeedService() {
    cancel();
    pool_.waitForDone();
}

void FeedService::cancel() {
    *cancel_ = true;
}

void FeedService::waitForIdle() {
    pool_.waitForDone();
    QCoreApplication::sendPostedEvents(this);
}

template <typename Job>
void FeedService::start(Job job) {
    if (running_++ == 0)
        emit busyChanged(true);
    pool_.start([this, job = std::move(job)] {
        *cancel_ = false;  // a cancel of the job before is not this one's
        job();
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (--running_ == 0)
                    emit busyChanged(false);
            },
            Qt::QueuedConnection);
    });
}

void FeedService::requestSymbols(feeds::BinanceMarket market) {
    start([this, market] {
        try {
            auto symbols = std::make_shared<const std::vector<feeds::ListedSymbol>>(
                feeds::binance_symbols(market, connection_));
            QMetaObject::invokeMethod(
                this, [this, market, symbols] { emit symbolsListed(market, symbols); },
                Qt::QueuedConnection);
        } catch (...) {
            const QString reason = reasonOf(std::current_exception());
            QMetaObject::invokeMethod(
                this, [this, reason] { emit feedFailed(tr("the symbol list"), reason); },
                Qt::QueuedConnection);
        }
    });
}

FeedOutcome FeedService::fetchOne(
    const QString& name,
    const std::function<feeds::FetchReport(store::SymbolStore&,
                                           const feeds::FetchProgressCallback&)>& run,
    int index, int count) {
    FeedOutcome outcome;
    outcome.name = name;
    try {
        // The job's own connection: SQLite connections stay on their thread.
        store::Database db = store::Database::connect(database_);
        store::SymbolStore store(db);
        const auto report_page = [this, name, index, count](const feeds::FetchProgress& page) {
            const FeedProgress progress{name, index, count, page};
            QMetaObject::invokeMethod(
                this, [this, progress] { emit this->progress(progress); }, Qt::QueuedConnection);
        };
        outcome.report = run(store, report_page);
        outcome.name = qs(outcome.report.name);
        outcome.ok = !outcome.report.cancelled;
        if (outcome.report.cancelled)
            outcome.error = tr("cancelled");
        outcome.stored_bars = outcome.report.new_bars;
    } catch (const feeds::FeedError& e) {
        outcome.error = qs(e.what());
        outcome.stored_bars = e.stored_bars;
    } catch (...) {
        outcome.error = reasonOf(std::current_exception());
    }
    return outcome;
}

void FeedService::requestFetch(const feeds::FetchRequest& request) {
    start([this, request] {
        const QString name = qs(request.name.empty() ? request.source.symbol : request.name);
        const FeedOutcome outcome = fetchOne(
            name,
            [this, &request](store::SymbolStore& store,
                             const feeds::FetchProgressCallback& progress) {
                return feeds::fetch_binance(store, request, connection_, progress);
            },
            1, 1);
        QMetaObject::invokeMethod(
            this, [this, outcome] { emit fetched(outcome); }, Qt::QueuedConnection);
    });
}

void FeedService::requestUpdate(const QStringList& names) {
    start([this, names] {
        int updated = 0;
        int failed = 0;
        for (int i = 0; i < names.size() && !*cancel_; ++i) {
            const std::string name = names[i].toStdString();
            const FeedOutcome outcome = fetchOne(
                names[i],
                [this, &name](store::SymbolStore& store,
                              const feeds::FetchProgressCallback& progress) {
                    return feeds::update_symbol(store, name, connection_, progress);
                },
                i + 1, static_cast<int>(names.size()));
            (outcome.ok ? updated : failed) += 1;
            QMetaObject::invokeMethod(
                this, [this, outcome] { emit fetched(outcome); }, Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(
            this, [this, updated, failed] { emit updatesDone(updated, failed); },
            Qt::QueuedConnection);
    });
}

void FeedService::requestUrl(const QString& url) {
    start([this, url] {
        try {
            // A directory per download keeps the file's own name (the preview
            // names the symbol after it) without clashing with the one before;
            // all of them go when the app closes.
            const QString dir =
                QDir(downloads_.path()).filePath(QString::number(++downloads_made_));
            QString file_name = QUrl(url).fileName();
            if (file_name.isEmpty())
                file_name = QStringLiteral("download.csv");
            if (!QDir().mkpath(dir))
                throw std::runtime_error(tr("cannot create %1").arg(dir).toStdString());
            const QString file = QDir(dir).filePath(file_name);
            const feeds::HttpResponse answer = feeds::download_to_file(
                url.toStdString(), file.toStdString(), connection_.policy.http);
            if (answer.status < 200 || answer.status >= 300)
                throw std::runtime_error(
                    tr("the server answered HTTP %1").arg(answer.status).toStdString());
            QMetaObject::invokeMethod(
                this, [this, url, file] { emit urlDownloaded(url, file); }, Qt::QueuedConnection);
        } catch (...) {
            const QString reason = reasonOf(std::current_exception());
            QMetaObject::invokeMethod(
                this, [this, url, reason] { emit feedFailed(url, reason); }, Qt::QueuedConnection);
        }
    });
}

}  // namespace atc::ui
