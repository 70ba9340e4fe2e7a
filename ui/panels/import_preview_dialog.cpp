// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/import_preview_dialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>
#include <algorithm>
#include <array>
#include <cmath>
#include <exception>

#include "atc/bars_csv.hpp"
#include "atc/store/database.hpp"
#include "atc/store/importer.hpp"
#include "atc/store/symbol_store.hpp"
#include "charts/chart_format.hpp"
#include "core/number_format.hpp"
#include "core/qt_text.hpp"

namespace atc::ui {

// What a reading of the file gave: the prices, or the refusal.
struct PreviewRead {
    std::shared_ptr<const ImportedPrices> prices;
    QString problem;  // "line 7, column "Close": ..." ; empty when read
};

namespace {

// Rows shown from each end of the series.
constexpr int kEndRows = 5;

// The roles a user can map, in the order of the mapping table. A date and a
// time of day in two columns are Time (the date) and TimeOfDay.
constexpr std::array<ColumnRole, 8> kMappedRoles = {
    ColumnRole::Time, ColumnRole::TimeOfDay, ColumnRole::Open,   ColumnRole::High,
    ColumnRole::Low,  ColumnRole::Close,     ColumnRole::Volume, ColumnRole::Ticker};

QString roleLabel(ColumnRole role) {
    switch (role) {
        case ColumnRole::Time:
            return QObject::tr("Time");
        case ColumnRole::Date:
            return QObject::tr("Date");
        case ColumnRole::TimeOfDay:
            return QObject::tr("Time of day");
        case ColumnRole::Open:
            return QObject::tr("Open");
        case ColumnRole::High:
            return QObject::tr("High");
        case ColumnRole::Low:
            return QObject::tr("Low");
        case ColumnRole::Close:
            return QObject::tr("Close");
        case ColumnRole::Volume:
            return QObject::tr("Volume");
        case ColumnRole::Ticker:
            return QObject::tr("Ticker");
    }
    return {};
}

QString delimiterLabel(char delimiter) {
    switch (delimiter) {
        case '\t':
            return QObject::tr("tab");
        case ';':
            return QObject::tr("semicolon ( ; )");
        default:
            return QObject::tr("comma ( , )");
    }
}

QString separatorName(char c) {
    switch (c) {
        case ',':
            return QObject::tr("comma");
        case '.':
            return QObject::tr("point");
        case ' ':
            return QObject::tr("space");
        case '\'':
            return QObject::tr("apostrophe");
        default:
            return QString(QLatin1Char(c));
    }
}

// "2024-01-05T00:00:00Z", exactly as `atc export` writes it.
QString utcText(std::int64_t ms) {
    return QString::fromStdString(format_bar_time(ms));
}

// A price as the chart's legend writes it: the series' decimals, grouped.
QString storedPrice(const std::vector<double>& column, std::size_t bar, int decimals) {
    return column.empty() ? QString() : formatPrice(column[bar], decimals);
}

// Volume: grouped, whole numbers without decimals (crypto volumes have them).
QString storedVolume(const std::vector<double>& column, std::size_t bar) {
    if (column.empty())
        return QString();
    const double v = column[bar];
    return groupedNumber(v, v == std::floor(v) ? 0 : significantDecimals(v, 8, 0));
}

// "line 7, column "Close": ..." from the reader's error.
QString refusalText(const CsvError& e) {
    QString where;
    if (e.line() > 0)
        where = QObject::tr("Line %1").arg(e.line());
    if (!e.column().empty()) {
        where += (where.isEmpty() ? QObject::tr("Column") : QObject::tr(", column")) +
                 QStringLiteral(" \"%1\"").arg(qs(e.column()));
    }
    const QString problem = qs(e.problem());
    return where.isEmpty() ? problem : where + QStringLiteral(": ") + problem;
}

std::filesystem::path nativePath(const QString& file) {
    return std::filesystem::path(QFile::encodeName(file).toStdString());
}

// Time zones offered first; any IANA name can be typed.
const QStringList& commonTimeZones() {
    static const QStringList zones = {QStringLiteral("UTC"),
                                      QStringLiteral("America/New_York"),
                                      QStringLiteral("America/Chicago"),
                                      QStringLiteral("Europe/London"),
                                      QStringLiteral("Europe/Berlin"),
                                      QStringLiteral("Europe/Paris"),
                                      QStringLiteral("Europe/Zurich"),
                                      QStringLiteral("Asia/Tokyo"),
                                      QStringLiteral("Asia/Hong_Kong"),
                                      QStringLiteral("Asia/Shanghai"),
                                      QStringLiteral("Asia/Kolkata"),
                                      QStringLiteral("Australia/Sydney")};
    return zones;
}

}  // namespace

ImportPreviewDialog::ImportPreviewDialog(std::filesystem::path database, const QString& file,
                                         QWidget* parent)
    : QDialog(parent), database_(std::move(database)), file_(file) {
    setObjectName(QStringLiteral("importPreviewDialog"));
    setWindowTitle(tr("Import %1").arg(QFileInfo(file).fileName()));
    buildLayout();
    readAgain();
}

ImportPreviewDialog::~ImportPreviewDialog() {
    // A cancelled read is left to finish (its answer is dropped): the reader
    // has no cancellation point, and a million rows take about a second.
    if (worker_)
        worker_->wait();
}

void ImportPreviewDialog::buildLayout() {
    symbol_ = new QLineEdit(QFileInfo(file_).completeBaseName());
    symbol_->setObjectName(QStringLiteral("importSymbol"));
    tickers_ = new QLabel;
    tickers_->setObjectName(QStringLiteral("importTickers"));
    tickers_->setWordWrap(true);
    tickers_->hide();

    auto* detected = new QGroupBox(tr("Detected"));
    facts_ = new QFormLayout(detected);
    facts_->setObjectName(QStringLiteral("importFacts"));

    mapping_ = new QTableWidget(static_cast<int>(kMappedRoles.size()), 1);
    mapping_->setObjectName(QStringLiteral("importMapping"));
    mapping_->setHorizontalHeaderLabels({tr("Column in the file")});
    QStringList role_names;
    for (const ColumnRole role : kMappedRoles)
        role_names << roleLabel(role);
    mapping_->setVerticalHeaderLabels(role_names);
    mapping_->horizontalHeader()->setStretchLastSection(true);
    mapping_->setSelectionMode(QAbstractItemView::NoSelection);

    date_order_ = new QComboBox;
    date_order_->setObjectName(QStringLiteral("importDateOrder"));
    date_order_->addItem(tr("Decided by the data"), static_cast<int>(DateOrder::Auto));
    date_order_->addItem(tr("Day first (31/12/2024)"), static_cast<int>(DateOrder::DayMonthYear));
    date_order_->addItem(tr("Month first (12/31/2024)"), static_cast<int>(DateOrder::MonthDayYear));
    time_zone_ = new QComboBox;
    time_zone_->setObjectName(QStringLiteral("importTimeZone"));
    time_zone_->setEditable(true);
    time_zone_->setInsertPolicy(QComboBox::NoInsert);  // a typed zone is read, not listed
    time_zone_->addItems(commonTimeZones());
    time_zone_->setToolTip(
        tr("The zone of times written without an offset (an IANA name such as "
           "America/New_York). Times with an offset are exact whatever is chosen here."));

    auto* settings = new QGroupBox(tr("Columns and times"));
    auto* settings_form = new QFormLayout;
    settings_form->addRow(tr("Date order"), date_order_);
    settings_form->addRow(tr("Time zone"), time_zone_);
    auto* settings_layout = new QVBoxLayout(settings);
    settings_layout->addWidget(mapping_);
    settings_layout->addLayout(settings_form);

    rows_ = new QTableWidget(0, 6);
    rows_->setObjectName(QStringLiteral("importRows"));
    rows_->setHorizontalHeaderLabels(
        {tr("Time (UTC)"), tr("Open"), tr("High"), tr("Low"), tr("Close"), tr("Volume")});
    rows_->verticalHeader()->hide();
    rows_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    rows_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    rows_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto* stored = new QGroupBox(tr("First and last bars, as they will be stored"));
    auto* stored_layout = new QVBoxLayout(stored);
    stored_layout->addWidget(rows_);

    problem_ = new QLabel;
    problem_->setObjectName(QStringLiteral("importProblem"));
    problem_->setWordWrap(true);
    problem_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    problem_->setStyleSheet(QStringLiteral("color: #e5534b;"));
    problem_->hide();

    progress_ = new QProgressBar;
    progress_->setObjectName(QStringLiteral("importProgress"));
    progress_->setRange(0, 0);  // busy: reading and saving report no steps
    progress_text_ = new QLabel;
    auto* progress_row = new QHBoxLayout;
    progress_row->addWidget(progress_text_);
    progress_row->addWidget(progress_, 1);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton* import = buttons_->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    import->setObjectName(QStringLiteral("importConfirm"));
    import->setDefault(true);
    connect(buttons_, &QDialogButtonBox::accepted, this, &ImportPreviewDialog::startImport);
    connect(buttons_, &QDialogButtonBox::rejected, this, &ImportPreviewDialog::reject);

    auto* name_row = new QFormLayout;
    name_row->addRow(tr("Symbol"), symbol_);
    name_row->addRow(QString(), tickers_);

    auto* middle = new QHBoxLayout;
    middle->addWidget(detected, 1);
    middle->addWidget(settings, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(name_row);
    layout->addLayout(middle);
    layout->addWidget(stored, 1);
    layout->addWidget(problem_);
    layout->addLayout(progress_row);
    layout->addWidget(buttons_);
    resize(900, 720);

    connect(date_order_, &QComboBox::currentIndexChanged, this, [this] {
        if (!applying_)
            readAgain();
    });
    // A zone is read once it is chosen or typed in full (Enter, leaving the
    // field), not per keystroke: "America/New_Y" is no zone yet.
    connect(time_zone_, &QComboBox::activated, this, &ImportPreviewDialog::readAgain);
    connect(time_zone_->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        if (QString::fromStdString(currentOptions().timezone) != read_zone_)
            readAgain();
    });
}

ImportOptions ImportPreviewDialog::currentOptions() const {
    ImportOptions options;
    options.date_order = static_cast<DateOrder>(date_order_->currentData().toInt());
    const QString zone = time_zone_->currentText().trimmed();
    if (zone != QStringLiteral("UTC"))
        options.timezone = zone.toStdString();
    if (mapping_filled_) {
        for (int r = 0; r < mapping_->rowCount(); ++r) {
            const auto* box = qobject_cast<QComboBox*>(mapping_->cellWidget(r, 0));
            if (box == nullptr || box->currentData().toInt() < 0)
                continue;
            options.columns.push_back({kMappedRoles[static_cast<std::size_t>(r)],
                                       static_cast<std::size_t>(box->currentData().toInt())});
        }
    }
    return options;
}

QString ImportPreviewDialog::refusal() const {
    return problem_->isHidden() ? QString() : problem_->text();
}

void ImportPreviewDialog::setBusy(const QString& what) {
    progress_text_->setText(what);
    progress_->setVisible(!what.isEmpty());
    progress_text_->setVisible(!what.isEmpty());
    for (QAbstractButton* b : buttons_->buttons()) {
        if (buttons_->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(what.isEmpty() && prices_ != nullptr);
    }
}

void ImportPreviewDialog::readAgain() {
    if (worker_) {
        read_again_ = true;  // read once more when this one ends
        return;
    }
    const ImportOptions options = currentOptions();
    read_zone_ = QString::fromStdString(options.timezone);
    auto answer = std::make_shared<PreviewRead>();
    worker_ = QThread::create([file = nativePath(file_), options, answer] {
        try {
            answer->prices =
                std::make_shared<const ImportedPrices>(import_price_file(file, options));
        } catch (const CsvError& e) {
            answer->problem = refusalText(e);
        } catch (const std::exception& e) {
            answer->problem = QString::fromUtf8(e.what());
        }
    });
    worker_->setParent(this);
    connect(worker_, &QThread::finished, this, [this, answer] {
        worker_->deleteLater();
        worker_ = nullptr;
        if (read_again_) {
            read_again_ = false;
            readAgain();
            return;
        }
        showReading(*answer);
    });
    prices_.reset();
    setBusy(tr("Reading %1…").arg(QFileInfo(file_).fileName()));
    worker_->start();
}

void ImportPreviewDialog::showReading(const PreviewRead& read) {
    prices_ = read.prices;
    problem_->setText(read.problem.isEmpty()
                          ? QString()
                          : tr("Not importable: %1 Change a setting above, or fix the file.")
                                .arg(read.problem.endsWith(QLatin1Char('.'))
                                         ? read.problem
                                         : read.problem + QLatin1Char('.')));
    problem_->setVisible(!read.problem.isEmpty());
    if (prices_) {
        detection_ = prices_->detection;
        fillDetection(prices_->detection);
        fillMapping(prices_->detection);
        fillRows(*prices_);
    } else {
        detection_.reset();
        rows_->setRowCount(0);
    }
    setBusy(QString());
}

void ImportPreviewDialog::fillDetection(const ImportDetection& d) {
    while (facts_->rowCount() > 0)
        facts_->removeRow(0);
    const auto add = [this](const QString& name, const QString& value) {
        auto* label = new QLabel(value);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        facts_->addRow(name, label);
    };
    add(tr("Format"), qs(d.format));
    add(tr("Encoding"), qs(d.encoding));
    add(tr("Delimiter"), delimiterLabel(d.delimiter));
    add(tr("Header"), d.header_rows == 0   ? tr("none: the first row is data")
                      : d.header_rows == 1 ? tr("1 row")
                                           : tr("%1 rows").arg(d.header_rows));
    QString numbers = tr("decimal %1").arg(separatorName(d.decimal_separator));
    if (d.thousands_separator != 0)
        numbers += tr(", grouping %1").arg(separatorName(d.thousands_separator));
    add(tr("Numbers"), numbers);
    add(tr("Times"), d.time_format.empty()
                         ? tr("none: the bars are numbered")
                         : tr("%1, zone %2").arg(qs(d.time_format), qs(d.timezone)));
    add(tr("Bars"), groupedNumber(static_cast<double>(d.bar_count), 0));
    if (d.first_time_ms && d.last_time_ms) {
        add(tr("From"), utcText(*d.first_time_ms));
        add(tr("To"), utcText(*d.last_time_ms));
    }
    add(tr("Timeframe"), d.timeframe.empty() ? tr("unknown") : qs(d.timeframe));
    QStringList skipped;
    for (const SkippedRows& s : d.skipped)
        skipped << qs(describe_skipped(s));
    add(tr("Skipped"), skipped.isEmpty() ? tr("nothing") : skipped.join(QLatin1Char('\n')));

    const bool several = d.tickers.size() > 1;
    symbol_->setEnabled(!several);
    tickers_->setVisible(several);
    if (several) {
        QStringList names;
        for (const std::string& t : d.tickers)
            names << qs(t);
        tickers_->setText(tr("%1 symbols, one per ticker: %2")
                              .arg(names.size())
                              .arg(names.join(QStringLiteral(", "))));
    }
}

void ImportPreviewDialog::fillMapping(const ImportDetection& d) {
    applying_ = true;
    for (std::size_t r = 0; r < kMappedRoles.size(); ++r) {
        auto* box = new QComboBox;
        // A role is given to a column, which takes it from any other role; a
        // role read from the file cannot be taken away (close is required,
        // and the others are only read when present), so "not in the file"
        // is offered only where nothing was found.
        const auto detected =
            std::find_if(d.columns.begin(), d.columns.end(),
                         [&](const DetectedColumn& c) { return c.role == kMappedRoles[r]; });
        if (detected == d.columns.end())
            box->addItem(tr("not in the file"), -1);
        for (std::size_t c = 0; c < d.column_headers.size(); ++c)
            box->addItem(QStringLiteral("%1 · %2").arg(c + 1).arg(qs(d.column_headers[c])),
                         static_cast<int>(c));
        if (detected != d.columns.end())
            box->setCurrentIndex(box->findData(static_cast<int>(detected->column)));
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!applying_)
                readAgain();
        });
        mapping_->setCellWidget(static_cast<int>(r), 0, box);
    }
    mapping_filled_ = true;
    const int order = date_order_->findData(static_cast<int>(d.date_order));
    if (order >= 0 && date_order_->currentData().toInt() != static_cast<int>(DateOrder::Auto))
        date_order_->setCurrentIndex(order);
    applying_ = false;
}

void ImportPreviewDialog::fillRows(const ImportedPrices& prices) {
    const PriceSeries& bars = prices.series.front().bars;
    const std::size_t n = bars.close.size();
    const int decimals = priceDecimals(bars.close);
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < n && i < kEndRows; ++i)
        shown.push_back(i);
    const std::size_t tail_start = n > kEndRows ? std::max(n - kEndRows, std::size_t{kEndRows}) : n;
    const bool gap = tail_start > kEndRows;
    for (std::size_t i = tail_start; i < n; ++i)
        shown.push_back(i);

    rows_->setRowCount(static_cast<int>(shown.size() + (gap ? 1 : 0)));
    int row = 0;
    for (std::size_t k = 0; k < shown.size(); ++k) {
        if (gap && k == kEndRows) {
            auto* dots = new QTableWidgetItem(
                tr("… %1 more bars …")
                    .arg(groupedNumber(static_cast<double>(tail_start - kEndRows), 0)));
            dots->setTextAlignment(Qt::AlignCenter);
            rows_->setItem(row, 0, dots);
            rows_->setSpan(row, 0, 1, 6);
            ++row;
        }
        const std::size_t bar = shown[k];
        const QString time =
            bars.time_ms.empty() ? tr("bar %1").arg(bar + 1) : utcText(bars.time_ms[bar]);
        const std::array<QString, 6> cells = {time,
                                              storedPrice(bars.open, bar, decimals),
                                              storedPrice(bars.high, bar, decimals),
                                              storedPrice(bars.low, bar, decimals),
                                              storedPrice(bars.close, bar, decimals),
                                              storedVolume(bars.volume, bar)};
        for (int c = 0; c < 6; ++c) {
            auto* item = new QTableWidgetItem(cells[static_cast<std::size_t>(c)]);
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            rows_->setItem(row, c, item);
        }
        ++row;
    }
}

void ImportPreviewDialog::startImport() {
    if (worker_ || !prices_)
        return;
    std::optional<std::string> name;
    if (symbol_->isEnabled()) {
        const QString typed = symbol_->text().trimmed();
        if (typed.isEmpty()) {
            problem_->setText(tr("Give the symbol a name."));
            problem_->show();
            return;
        }
        name = typed.toStdString();
    }
    struct Saved {
        QStringList symbols, warnings;
        QString problem;
    };
    auto saved = std::make_shared<Saved>();
    worker_ = QThread::create(
        [database = database_, file = nativePath(file_), prices = prices_, name, saved] {
            try {
                store::Database db = store::Database::connect(database);
                store::SymbolStore symbols(db);
                const store::ImportReport report =
                    store::save_imported_prices(symbols, file, *prices, name);
                for (const store::ImportedSymbol& s : report.symbols)
                    saved->symbols << qs(s.symbol.meta.name);
                for (const std::string& w : report.warnings)
                    saved->warnings << qs(w);
            } catch (const std::exception& e) {
                saved->problem = QString::fromUtf8(e.what());
            }
        });
    worker_->setParent(this);
    connect(worker_, &QThread::finished, this, [this, saved] {
        worker_->deleteLater();
        worker_ = nullptr;
        saving_ = false;
        setBusy(QString());
        buttons_->button(QDialogButtonBox::Cancel)->setEnabled(true);
        if (!saved->problem.isEmpty()) {
            problem_->setText(tr("Nothing was imported: %1").arg(saved->problem));
            problem_->show();
            return;
        }
        emit imported(saved->symbols, saved->warnings);
        accept();
    });
    setBusy(tr("Saving %1 bars…")
                .arg(groupedNumber(static_cast<double>(prices_->detection.bar_count), 0)));
    // The save is one short transaction, all or nothing: it is not cancelled
    // half-way, so Cancel waits for it (reading, the long part, can be cancelled).
    buttons_->button(QDialogButtonBox::Cancel)->setEnabled(false);
    saving_ = true;
    worker_->start();
}

void ImportPreviewDialog::reject() {
    if (saving_)
        return;  // the transaction ends in a moment; then the dialog closes itself
    QDialog::reject();
}

}  // namespace atc::ui
