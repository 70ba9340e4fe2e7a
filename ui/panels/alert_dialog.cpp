// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/alert_dialog.hpp"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

#include "core/number_format.hpp"

namespace atc::ui {

AlertDialog::AlertDialog(const QStringList& symbols, const QString& symbol, AddAlert add,
                         QWidget* parent)
    : QDialog(parent), add_(std::move(add)), symbols_(symbols) {
    setWindowTitle(tr("Add alert"));
    setObjectName(QStringLiteral("alertDialog"));

    // Editable, so that a trader types "BTC" among 500 symbols instead of scrolling.
    symbol_ = new QComboBox(this);
    symbol_->setObjectName(QStringLiteral("alertSymbol"));
    symbol_->setEditable(true);
    symbol_->setInsertPolicy(QComboBox::NoInsert);
    symbol_->addItems(symbols);
    symbol_->completer()->setCompletionMode(QCompleter::PopupCompletion);
    symbol_->completer()->setFilterMode(Qt::MatchContains);
    symbol_->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    symbol_->setCurrentText(symbol);

    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("alertKind"));
    for (const AlertKind kind : kAllAlertKinds)
        kind_->addItem(tr(alert_kind_name(kind).data()), static_cast<int>(kind));
    kind_->setCurrentIndex(kind_->findData(static_cast<int>(AlertKind::PriceCrossing)));

    level_ = new QLineEdit(this);
    level_->setObjectName(QStringLiteral("alertLevel"));
    level_->setPlaceholderText(tr("price, e.g. 105.5"));

    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("alertMessage"));
    message_->setWordWrap(true);
    message_->setVisible(false);

    auto* form = new QFormLayout;
    form->addRow(tr("&Symbol:"), symbol_);
    form->addRow(tr("&When:"), kind_);
    form->addRow(tr("&Price:"), level_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(tr("Add"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AlertDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(message_);
    layout->addWidget(buttons);

    connect(kind_, &QComboBox::currentIndexChanged, this, &AlertDialog::showKind);
    showKind();
}

void AlertDialog::preparePriceAlert(double price) {
    kind_->setCurrentIndex(kind_->findData(static_cast<int>(AlertKind::PriceCrossing)));
    level_->setText(tablePrice(price));
    level_->setFocus();
    level_->selectAll();
}

std::optional<double> AlertDialog::parseLevel(const QString& text) {
    QString plain = text.trimmed();
    plain.remove(QLatin1Char(','));
    bool ok = false;
    const double value = QLocale::c().toDouble(plain, &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

AlertKind AlertDialog::chosenKind() const {
    return static_cast<AlertKind>(kind_->currentData().toInt());
}

void AlertDialog::showKind() {
    // The Average's thresholds are the parameters' (whatever they are when
    // bars arrive); only a price alert has a level of its own.
    level_->setEnabled(chosenKind() == AlertKind::PriceCrossing);
}

void AlertDialog::accept() {
    const QString symbol = symbol_->currentText().trimmed();
    QString problem;
    double level = 0.0;
    if (!symbols_.contains(symbol)) {
        problem = tr("No symbol \"%1\" in the watchlist.").arg(symbol);
    } else if (chosenKind() == AlertKind::PriceCrossing) {
        const std::optional<double> typed = parseLevel(level_->text());
        if (!typed || *typed <= 0.0)
            problem = tr("Type the price to watch, a number above 0.");
        else
            level = *typed;
    }
    if (problem.isEmpty())
        problem = add_(symbol, chosenKind(), level);
    if (!problem.isEmpty()) {
        message_->setText(problem);
        message_->setVisible(true);
        return;
    }
    QDialog::accept();
}

}  // namespace atc::ui
