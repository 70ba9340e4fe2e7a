// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/go_to_date_dialog.hpp"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QVBoxLayout>

#include "core/go_to_date.hpp"

namespace atc::ui {

GoToDateDialog::GoToDateDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Go to date"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Date, or date and time (UTC):"), this));
    field_ = new QLineEdit(this);
    field_->setObjectName(QStringLiteral("goToDateField"));
    field_->setPlaceholderText(tr("2024-03-15 or 2024-03-15 14:30"));
    layout->addWidget(field_);
    range_ = new QLabel(this);
    range_->setEnabled(false);  // the muted colour of a hint
    layout->addWidget(range_);
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("goToDateError"));
    error_->setWordWrap(true);
    error_->hide();
    layout->addWidget(error_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &GoToDateDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &GoToDateDialog::reject);
    layout->addWidget(buttons);
    connect(field_, &QLineEdit::textEdited, error_, &QLabel::hide);
}

void GoToDateDialog::setData(std::shared_ptr<const SymbolData> symbol) {
    data_ = std::move(symbol);
    if (!data_ || data_->barCount() == 0 || data_->bars.time_ms.empty()) {
        range_->setText(tr("This symbol's bars have no dates."));
        return;
    }
    range_->setText(
        tr("%1: %2 to %3")
            .arg(data_->name, barLabel(*data_, 0), barLabel(*data_, data_->barCount() - 1)));
}

void GoToDateDialog::setTheme(const Theme& theme) {
    QPalette palette = error_->palette();
    palette.setColor(QPalette::WindowText, theme.bear);
    error_->setPalette(palette);
}

void GoToDateDialog::accept() {
    const DateTarget target = data_ ? barForTypedDate(data_->bars, field_->text())
                                    : DateTarget{std::nullopt, tr("No symbol is open.")};
    if (!target.bar) {
        error_->setText(target.error);
        error_->show();
        field_->setFocus();
        field_->selectAll();
        return;
    }
    error_->hide();
    emit barChosen(*target.bar);
    QDialog::accept();
}

}  // namespace atc::ui
