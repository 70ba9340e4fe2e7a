// SPDX-License-Identifier: GPL-3.0-or-later
// The Alerts dock (bottom, a tab next to the families): the alert
// definitions (symbol, condition, level, on/off: the check box) with Add… and
// Remove, and the alerts that fired (time, symbol, message), newest first.
// Everything is read from and written through the AlertMonitor, which keeps
// them in the database and evaluates them when new bars arrive.
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>
#include <functional>

#include "atc/alerts.hpp"

class QLabel;
class QPushButton;
class QTableWidget;

namespace atc::ui {

class AlertDialog;
class AlertMonitor;

class AlertsPanel : public QWidget {
    Q_OBJECT

public:
    // `symbols`: those the Add dialog offers (the watchlist's), asked when it
    // opens; `current`: the symbol on screen, which it preselects. `monitor`
    // outlives the panel.
    AlertsPanel(AlertMonitor& monitor, std::function<QStringList()> symbols,
                std::function<QString()> current, QWidget* parent = nullptr);

    // Add…: the dialog for the symbol on screen.
    void openAddDialog();
    // A price alert on `symbol` at `price`: the Add dialog with both filled in
    // (a horizontal line's "Add alert" on the chart).
    void addPriceLevelAlert(const QString& symbol, double price);
    // Remove: the selected definitions.
    void removeSelected();
    // Reads the definitions and events again.
    void reload();

    QTableWidget* alertTable() const { return alerts_; }
    QTableWidget* eventTable() const { return events_; }
    QPushButton* addButton() const { return add_; }
    QPushButton* removeButton() const { return remove_; }
    // The open Add dialog, or null.
    AlertDialog* addDialog() const { return dialog_; }

    // Columns of the definitions table.
    enum AlertColumn { OnColumn, SymbolColumn, ConditionColumn, LevelColumn };

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    AlertDialog* openDialog(const QString& symbol);
    void onItemChanged(int row, int column);

    AlertMonitor& monitor_;
    std::function<QStringList()> symbols_;
    std::function<QString()> current_;
    QTableWidget* alerts_ = nullptr;
    QTableWidget* events_ = nullptr;
    QPushButton* add_ = nullptr;
    QPushButton* remove_ = nullptr;
    QLabel* skipped_ = nullptr;
    AlertDialog* dialog_ = nullptr;
    bool filling_ = false;  // reload() sets the check boxes: not the trader's clicks
};

}  // namespace atc::ui
