// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/alerts_panel.hpp"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <set>

#include "core/alert_monitor.hpp"
#include "core/number_format.hpp"
#include "panels/alert_dialog.hpp"

namespace atc::ui {
namespace {

QTableWidget* makeTable(const QStringList& headers, const char* name, QWidget* parent) {
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(QString::fromLatin1(name));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->setVisible(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}

QTableWidgetItem* textItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

// What the Level column says: the price, or which of the parameters' thresholds.
QString levelText(const store::AlertDefinition& alert) {
    switch (alert.kind) {
        case AlertKind::AverageAboveLong:
            return QObject::tr("long threshold");
        case AlertKind::AverageBelowShort:
            return QObject::tr("short threshold");
        case AlertKind::PriceCrossing:
            break;
    }
    return tablePrice(alert.level);
}

}  // namespace

AlertsPanel::AlertsPanel(AlertMonitor& monitor, std::function<QStringList()> symbols,
                         std::function<QString()> current, QWidget* parent)
    : QWidget(parent),
      monitor_(monitor),
      symbols_(std::move(symbols)),
      current_(std::move(current)) {
    alerts_ = makeTable({tr("On"), tr("Symbol"), tr("Condition"), tr("Level")}, "alertTable", this);
    alerts_->horizontalHeader()->setStretchLastSection(false);
    alerts_->horizontalHeader()->setSectionResizeMode(ConditionColumn, QHeaderView::Stretch);
    add_ = new QPushButton(tr("Add…"), this);
    add_->setObjectName(QStringLiteral("addAlert"));
    add_->setToolTip(tr("A new alert: the Average crossing a threshold, or the close a price"));
    remove_ = new QPushButton(tr("Remove"), this);
    remove_->setObjectName(QStringLiteral("removeAlert"));
    remove_->setEnabled(false);
    skipped_ = new QLabel(this);
    skipped_->setObjectName(QStringLiteral("alertsSkipped"));
    skipped_->setWordWrap(true);
    skipped_->setVisible(false);

    // Del in the table removes the selected alerts, as Remove does.
    alerts_->installEventFilter(this);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add_);
    buttons->addWidget(remove_);
    buttons->addStretch(1);
    auto* definitions = new QWidget(this);
    auto* left = new QVBoxLayout(definitions);
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(alerts_, 1);
    left->addWidget(skipped_);
    left->addLayout(buttons);

    events_ = makeTable({tr("Fired (UTC)"), tr("Symbol"), tr("Message")}, "alertEvents", this);
    events_->setSelectionMode(QAbstractItemView::SingleSelection);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(definitions);
    split->addWidget(events_);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    connect(add_, &QPushButton::clicked, this, &AlertsPanel::openAddDialog);
    connect(remove_, &QPushButton::clicked, this, &AlertsPanel::removeSelected);
    connect(alerts_, &QTableWidget::itemSelectionChanged, this,
            [this] { remove_->setEnabled(!alerts_->selectedItems().isEmpty()); });
    connect(alerts_, &QTableWidget::cellChanged, this, &AlertsPanel::onItemChanged);
    connect(&monitor_, &AlertMonitor::alertsChanged, this, &AlertsPanel::reload);
    reload();
}

void AlertsPanel::reload() {
    filling_ = true;
    const store::AlertList list = monitor_.alerts();
    alerts_->setRowCount(int(list.alerts.size()));
    for (int row = 0; row < int(list.alerts.size()); ++row) {
        const store::AlertDefinition& alert = list.alerts[std::size_t(row)];
        auto* on = new QTableWidgetItem;
        on->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        on->setCheckState(alert.enabled ? Qt::Checked : Qt::Unchecked);
        on->setData(Qt::UserRole, QVariant::fromValue<qint64>(alert.id));
        on->setToolTip(tr("Checked: fires when new bars cross; unchecked: off"));
        alerts_->setItem(row, OnColumn, on);
        alerts_->setItem(row, SymbolColumn, textItem(QString::fromStdString(alert.symbol)));
        alerts_->setItem(row, ConditionColumn, textItem(tr(alert_kind_name(alert.kind).data())));
        auto* level = textItem(levelText(alert));
        level->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        alerts_->setItem(row, LevelColumn, level);
    }
    alerts_->resizeColumnToContents(OnColumn);
    alerts_->resizeColumnToContents(SymbolColumn);
    alerts_->resizeColumnToContents(LevelColumn);
    QStringList skipped;
    for (const std::string& why : list.skipped)
        skipped << QString::fromStdString(why);
    skipped_->setText(skipped.join(QLatin1Char('\n')));
    skipped_->setVisible(!skipped.isEmpty());

    const std::vector<store::AlertEvent> events = monitor_.events();
    events_->setRowCount(int(events.size()));
    for (int row = 0; row < int(events.size()); ++row) {
        const store::AlertEvent& event = events[std::size_t(row)];
        const QString when = QDateTime::fromMSecsSinceEpoch(event.fired_ms, QTimeZone::utc())
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        events_->setItem(row, 0, textItem(when));
        events_->setItem(row, 1, textItem(QString::fromStdString(event.symbol)));
        events_->setItem(row, 2, textItem(QString::fromStdString(event.message)));
    }
    events_->resizeColumnToContents(0);
    events_->resizeColumnToContents(1);
    filling_ = false;
}

void AlertsPanel::onItemChanged(int row, int column) {
    if (filling_ || column != OnColumn)
        return;
    const QTableWidgetItem* on = alerts_->item(row, OnColumn);
    // The monitor's alertsChanged reloads the table, whatever happened.
    monitor_.setAlertEnabled(on->data(Qt::UserRole).toLongLong(), on->checkState() == Qt::Checked);
}

bool AlertsPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == alerts_ && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::Delete)) {
        removeSelected();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void AlertsPanel::removeSelected() {
    std::set<qint64> ids;
    for (const QModelIndex& index : alerts_->selectionModel()->selectedRows(OnColumn))
        ids.insert(index.data(Qt::UserRole).toLongLong());
    for (const qint64 id : ids)
        monitor_.removeAlert(id);
}

AlertDialog* AlertsPanel::openDialog(const QString& symbol) {
    delete dialog_;
    dialog_ = new AlertDialog(
        symbols_(), symbol,
        [this](const QString& name, AlertKind kind, double level) {
            return monitor_.addAlert(name, kind, level);
        },
        this);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &QObject::destroyed, this, [this] { dialog_ = nullptr; });
    dialog_->open();
    return dialog_;
}

void AlertsPanel::openAddDialog() {
    openDialog(current_())->levelField()->setFocus();
}

void AlertsPanel::addPriceLevelAlert(const QString& symbol, double price) {
    openDialog(symbol)->preparePriceAlert(price);
}

}  // namespace atc::ui
