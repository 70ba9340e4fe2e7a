// SPDX-License-Identifier: GPL-3.0-or-later
// Alerts → Add…: the symbol (typed with completion, or chosen), what to watch
// (the Average crossing a threshold, or the close crossing a price) and, for a
// price, the level. OK hands the choice to the owner's `add`, which stores it
// or says why not; the dialog stays open with that reason until it is fixed.
#pragma once

#include <QDialog>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

#include "atc/alerts.hpp"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace atc::ui {

class AlertDialog : public QDialog {
    Q_OBJECT

public:
    // Stores an alert; returns why it could not, or an empty string.
    using AddAlert = std::function<QString(const QString& symbol, AlertKind kind, double level)>;

    // `symbols`: those an alert can be set on; `symbol` preselected.
    AlertDialog(const QStringList& symbols, const QString& symbol, AddAlert add,
                QWidget* parent = nullptr);

    // A price alert at `price` (a horizontal line's "Add alert"), level filled in.
    void preparePriceAlert(double price);

    QComboBox* symbolBox() const { return symbol_; }
    QComboBox* kindBox() const { return kind_; }
    QLineEdit* levelField() const { return level_; }
    QLabel* messageLabel() const { return message_; }
    QPushButton* okButton() const { return ok_; }

    // The level as typed ("1,234.5" and "1234.5" alike); none when not a number.
    static std::optional<double> parseLevel(const QString& text);

    void accept() override;

private:
    AlertKind chosenKind() const;
    void showKind();

    AddAlert add_;
    QStringList symbols_;
    QComboBox* symbol_ = nullptr;
    QComboBox* kind_ = nullptr;
    QLineEdit* level_ = nullptr;
    QLabel* message_ = nullptr;
    QPushButton* ok_ = nullptr;
};

}  // namespace atc::ui
