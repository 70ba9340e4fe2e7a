// SPDX-License-Identifier: GPL-3.0-or-later
// View → Compare… (and the chart toolbar's Compare…): picks the symbols drawn
// over the price pane. A filter box over the database's symbols (Enter or Add
// takes the highlighted one, else the first match), and the list of those
// compared now, each with its colour, to remove. It stays open while symbols
// are added, as TradingView's compare box does.
#pragma once

#include <QColor>
#include <QDialog>
#include <QList>
#include <QPair>
#include <QStringList>

class QLineEdit;
class QListView;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QStringListModel;

namespace atc::ui {

class CompareDialog : public QDialog {
    Q_OBJECT

public:
    explicit CompareDialog(QWidget* parent = nullptr);

    // The symbols that can be added: the database's, less `shown` (the chart's own).
    void setChoices(const QStringList& symbols, const QString& shown);
    // Those compared now, with their colours (invalid while not drawn yet).
    void setCompared(const QList<QPair<QString, QColor>>& compared);

    QLineEdit* filterField() const { return filter_; }
    QListView* choiceList() const { return choices_; }
    QListWidget* comparedList() const { return compared_; }
    QPushButton* addButton() const { return add_; }
    QPushButton* removeButton() const { return remove_; }

signals:
    void addRequested(const QString& name);
    void removeRequested(const QString& name);

private:
    // The highlighted match, else the first one; empty when nothing matches.
    QString chosen() const;
    void addChosen();

    QLineEdit* filter_ = nullptr;
    QStringListModel* symbols_ = nullptr;
    QSortFilterProxyModel* matches_ = nullptr;
    QListView* choices_ = nullptr;
    QListWidget* compared_ = nullptr;
    QPushButton* add_ = nullptr;
    QPushButton* remove_ = nullptr;
};

}  // namespace atc::ui
