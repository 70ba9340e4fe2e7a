// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/download_dialog.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "core/feed_service.hpp"
#include "core/number_format.hpp"
#include "core/qt_text.hpp"

namespace atc::ui {

DownloadDialog::DownloadDialog(FeedService& feeds, QWidget* parent)
    : QDialog(parent), feeds_(feeds) {
    setWindowTitle(tr("Download market data"));
    setObjectName(QStringLiteral("downloadDialog"));

    exchange_ = new QComboBox;
    exchange_->addItem(tr("Binance (public data, no key)"));
    market_ = new QComboBox;
    market_->setObjectName(QStringLiteral("downloadMarket"));
    market_->addItem(tr("Spot"), static_cast<int>(feeds::BinanceMarket::Spot));
    market_->addItem(tr("USDⓈ-M futures"), static_cast<int>(feeds::BinanceMarket::Futures));
    search_ = new QLineEdit;
    search_->setObjectName(QStringLiteral("downloadSearch"));
    search_->setPlaceholderText(tr("Type to search: btc, ethusdt, sol…"));
    matches_ = new QListWidget;
    matches_->setObjectName(QStringLiteral("downloadMatches"));
    matches_->setMinimumHeight(140);
    interval_ = new QComboBox;
    interval_->setObjectName(QStringLiteral("downloadInterval"));
    for (const std::string_view interval : feeds::binance_intervals())
        interval_->addItem(qs(interval));
    interval_->setCurrentText(QStringLiteral("1h"));
    since_on_ = new QCheckBox(tr("From"));
    since_ = new QDateEdit(QDate::currentDate().addYears(-1));
    since_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    since_->setCalendarPopup(true);
    since_->setEnabled(false);
    auto* since_row = new QHBoxLayout;
    since_row->addWidget(since_on_);
    since_row->addWidget(since_, 1);
    auto* since_note =
        new QLabel(tr("(otherwise the last 1,000 bars; a stored symbol is "
                      "brought up to date from its last bar)"));
    since_note->setWordWrap(true);
    name_ = new QLineEdit;
    name_->setObjectName(QStringLiteral("downloadName"));
    name_->setPlaceholderText(tr("the exchange's symbol"));

    progress_ = new QProgressBar;
    progress_->setObjectName(QStringLiteral("downloadProgress"));
    progress_->setVisible(false);
    message_ = new QLabel;
    message_->setObjectName(QStringLiteral("downloadMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("Exchange:"), exchange_);
    form->addRow(tr("Market:"), market_);
    form->addRow(tr("Symbol:"), search_);
    form->addRow(QString(), matches_);
    form->addRow(tr("Interval:"), interval_);
    form->addRow(tr("Since:"), since_row);
    form->addRow(QString(), since_note);
    form->addRow(tr("Store as:"), name_);

    auto* buttons = new QDialogButtonBox;
    download_ = buttons->addButton(tr("Download"), QDialogButtonBox::AcceptRole);
    download_->setObjectName(QStringLiteral("downloadButton"));
    download_->setEnabled(false);
    cancel_ = buttons->addButton(QDialogButtonBox::Close);
    cancel_->setObjectName(QStringLiteral("downloadCancel"));

    auto* column = new QVBoxLayout(this);
    column->addLayout(form);
    column->addWidget(progress_);
    column->addWidget(message_);
    column->addWidget(buttons);
    resize(520, 560);

    connect(market_, &QComboBox::currentIndexChanged, this, &DownloadDialog::loadSymbols);
    connect(search_, &QLineEdit::textChanged, this, [this] {
        showMatches();
        download_->setEnabled(!downloading_ && !search_->text().trimmed().isEmpty());
    });
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        if (matches_->count() > 0 && matches_->currentRow() < 0)
            matches_->setCurrentRow(0);
        if (matches_->currentItem())
            search_->setText(matches_->currentItem()->data(Qt::UserRole).toString());
    });
    connect(matches_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        search_->setText(item->data(Qt::UserRole).toString());
    });
    connect(matches_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        search_->setText(item->data(Qt::UserRole).toString());
        startDownload();
    });
    connect(since_on_, &QCheckBox::toggled, since_, &QWidget::setEnabled);
    connect(download_, &QPushButton::clicked, this, &DownloadDialog::startDownload);
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (downloading_) {
            feeds_.cancel();
            showMessage(tr("Cancelling… the pages already stored stay."), false);
        } else {
            reject();
        }
    });
    connect(&feeds_, &FeedService::symbolsListed, this,
            [this](feeds::BinanceMarket listed,
                   std::shared_ptr<const std::vector<feeds::ListedSymbol>> symbols) {
                if (listed != market())
                    return;
                symbols_ = std::move(symbols);
                showMessage(tr("%1 symbols listed.").arg(groupedCount(symbols_->size())), false);
                showMatches();
            });
    connect(&feeds_, &FeedService::feedFailed, this,
            [this](const QString& what, const QString& message) {
                if (!downloading_)
                    showMessage(tr("Could not load %1: %2. You can still type the exact symbol.")
                                    .arg(what, message),
                                true);
            });
    connect(&feeds_, &FeedService::progress, this, &DownloadDialog::showProgress);
    connect(&feeds_, &FeedService::fetched, this, &DownloadDialog::finish);
    loadSymbols();
}

feeds::BinanceMarket DownloadDialog::market() const {
    return static_cast<feeds::BinanceMarket>(market_->currentData().toInt());
}

void DownloadDialog::loadSymbols() {
    symbols_.reset();
    matches_->clear();
    showMessage(tr("Loading the symbol list…"), false);
    feeds_.requestSymbols(market());
}

void DownloadDialog::showMatches() {
    matches_->clear();
    if (!symbols_)
        return;
    const std::string query = search_->text().trimmed().toStdString();
    for (const feeds::ListedSymbol& s : feeds::search_symbols(*symbols_, query)) {
        QString text =
            QStringLiteral("%1   %2 / %3").arg(qs(s.symbol), qs(s.base_asset), qs(s.quote_asset));
        if (s.status != "TRADING")
            text += tr("   (%1)").arg(qs(s.status).toLower());
        auto* item = new QListWidgetItem(text, matches_);
        item->setData(Qt::UserRole, qs(s.symbol));
    }
}

void DownloadDialog::startDownload() {
    const QString symbol = search_->text().trimmed().toUpper();
    if (symbol.isEmpty() || downloading_)
        return;
    feeds::FetchRequest request;
    request.source.market = market();
    request.source.symbol = symbol.toStdString();
    request.source.interval = interval_->currentText().toStdString();
    request.name = name_->text().trimmed().toStdString();
    if (since_on_->isChecked())
        request.since_ms =
            QDateTime(since_->date(), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    requested_ = request.name.empty() ? symbol : name_->text().trimmed();
    started_.start();
    setDownloading(true);
    progress_->setRange(0, 0);  // until the first page says how many are left
    showMessage(tr("Downloading %1 (%2)…").arg(symbol, interval_->currentText()), false);
    feeds_.requestFetch(request);
}

void DownloadDialog::showProgress(const FeedProgress& progress) {
    if (!downloading_ || progress.name != requested_)
        return;
    const auto done = static_cast<int>(progress.page.pages);
    progress_->setRange(0, done + static_cast<int>(progress.page.pages_left));
    progress_->setValue(done);
    const QString last =
        QDateTime::fromMSecsSinceEpoch(progress.page.last_time_ms, QTimeZone::utc())
            .toString(QStringLiteral("yyyy-MM-dd hh:mm"));
    progress_->setFormat(tr("%1 bars · page %2 of about %3")
                             .arg(groupedCount(progress.page.new_bars))
                             .arg(done)
                             .arg(done + static_cast<int>(progress.page.pages_left)));
    // The pages so far set the pace of those left (the exchange's limits included).
    QString left;
    if (done > 0 && progress.page.pages_left > 0) {
        const double seconds = static_cast<double>(started_.elapsed()) / 1000.0 / done *
                               static_cast<double>(progress.page.pages_left);
        left = tr(" About %1 s left.").arg(std::max(1, static_cast<int>(std::lround(seconds))));
    }
    showMessage(tr("Stored up to %1 UTC.%2").arg(last, left), false);
}

void DownloadDialog::finish(const FeedOutcome& outcome) {
    if (!downloading_ || outcome.name != requested_)
        return;
    setDownloading(false);
    if (outcome.ok) {
        emit downloaded(outcome.name);
        accept();
        return;
    }
    QString text = tr("%1 was not downloaded: %2").arg(outcome.name, outcome.error);
    if (outcome.stored_bars > 0)
        text += tr(" (%1 bars were stored before; Update continues after them)")
                    .arg(groupedCount(outcome.stored_bars));
    showMessage(text, true);
    if (outcome.stored_bars > 0)
        emit downloaded(outcome.name);  // what was stored is listed all the same
}

void DownloadDialog::setDownloading(bool on) {
    downloading_ = on;
    progress_->setVisible(on);
    for (QWidget* w :
         std::initializer_list<QWidget*>{market_, search_, matches_, interval_, since_on_, name_})
        w->setEnabled(!on);
    since_->setEnabled(!on && since_on_->isChecked());
    download_->setEnabled(!on && !search_->text().trimmed().isEmpty());
    cancel_->setText(on ? tr("Cancel") : tr("Close"));
}

void DownloadDialog::showMessage(const QString& text, bool error) {
    message_->setText(text);
    message_->setStyleSheet(error ? QStringLiteral("color: #e5534b;") : QString());
}

}  // namespace atc::ui
