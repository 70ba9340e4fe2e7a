// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/compare_dialog.hpp"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStringListModel>
#include <QVBoxLayout>
#include <algorithm>

namespace atc::ui {
namespace {

// A short bar in the line's colour, as the legend shows it.
QIcon lineSwatch(const QColor& color) {
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    if (color.isValid()) {
        QPainter p(&pixmap);
        p.setPen(QPen(color, 3.0, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(2.0, 8.0), QPointF(14.0, 8.0));
    }
    return QIcon(pixmap);
}

// A button at the right end of its own row. Enter belongs to the filter (it
// adds), so no button of the dialog is a default one.
QPushButton* addButtonRow(QVBoxLayout* layout, const QString& text, const char* object_name,
                          QWidget* parent) {
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    auto* button = new QPushButton(text, parent);
    button->setObjectName(QString::fromLatin1(object_name));
    button->setAutoDefault(false);
    row->addWidget(button);
    layout->addLayout(row);
    return button;
}

}  // namespace

CompareDialog::CompareDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Compare"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("Symbols drawn over the price, in percent from the first visible bar:"), this));
    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("compareFilter"));
    filter_->setPlaceholderText(tr("Type to filter the symbols, Enter adds"));
    filter_->setClearButtonEnabled(true);
    layout->addWidget(filter_);

    symbols_ = new QStringListModel(this);
    matches_ = new QSortFilterProxyModel(this);
    matches_->setSourceModel(symbols_);
    matches_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    choices_ = new QListView(this);
    choices_->setObjectName(QStringLiteral("compareChoices"));
    choices_->setModel(matches_);
    choices_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(choices_, 1);

    add_ = addButtonRow(layout, tr("Add"), "compareAdd", this);

    layout->addWidget(new QLabel(tr("Compared:"), this));
    compared_ = new QListWidget(this);
    compared_->setObjectName(QStringLiteral("comparedSymbols"));
    // Room for four symbols, empty or not (an empty list has no row to measure).
    compared_->setFixedHeight(4 * (std::max(fontMetrics().height(), 16) + 4) + 6);
    layout->addWidget(compared_);
    remove_ = addButtonRow(layout, tr("Remove"), "compareRemove", this);
    remove_->setEnabled(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);  // Enter adds
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(filter_, &QLineEdit::textChanged, this, [this](const QString& text) {
        matches_->setFilterFixedString(text.trimmed());
        choices_->setCurrentIndex(matches_->index(0, 0));
    });
    // Enter in the filter adds, and keeps the dialog open for the next symbol.
    connect(filter_, &QLineEdit::returnPressed, this, &CompareDialog::addChosen);
    connect(choices_, &QListView::activated, this, &CompareDialog::addChosen);
    connect(add_, &QPushButton::clicked, this, &CompareDialog::addChosen);
    connect(compared_, &QListWidget::currentRowChanged, this,
            [this](int row) { remove_->setEnabled(row >= 0); });
    connect(remove_, &QPushButton::clicked, this, [this] {
        if (const QListWidgetItem* item = compared_->currentItem())
            emit removeRequested(item->text());
    });
    resize(340, 460);
}

void CompareDialog::setChoices(const QStringList& symbols, const QString& shown) {
    QStringList choices = symbols;
    choices.removeAll(shown);
    symbols_->setStringList(choices);
    choices_->setCurrentIndex(matches_->index(0, 0));
}

void CompareDialog::setCompared(const QList<QPair<QString, QColor>>& compared) {
    const QString current = compared_->currentItem() ? compared_->currentItem()->text() : QString();
    compared_->clear();
    for (const auto& [name, color] : compared) {
        auto* item = new QListWidgetItem(lineSwatch(color), name, compared_);
        if (name == current)
            compared_->setCurrentItem(item);
    }
    remove_->setEnabled(compared_->currentItem() != nullptr);
}

QString CompareDialog::chosen() const {
    const QModelIndex current = choices_->currentIndex();
    if (current.isValid())
        return current.data().toString();
    return matches_->rowCount() > 0 ? matches_->index(0, 0).data().toString() : QString();
}

void CompareDialog::addChosen() {
    const QString name = chosen();
    if (name.isEmpty())
        return;
    emit addRequested(name);
    filter_->clear();
    filter_->setFocus();
}

}  // namespace atc::ui
