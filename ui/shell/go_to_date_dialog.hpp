// SPDX-License-Identifier: GPL-3.0-or-later
// Go to date (Ctrl+G, Alt+G): a date or date-time typed in, the chart centred
// on that bar. The dialog stays open with the reason when the text is not a
// date or the symbol has no bar there, so nothing typed is lost.
#pragma once

#include <QDialog>
#include <cstddef>
#include <memory>
#include <optional>

#include "core/symbol_data.hpp"
#include "theme/theme.hpp"

class QLabel;
class QLineEdit;

namespace atc::ui {

class GoToDateDialog : public QDialog {
    Q_OBJECT

public:
    explicit GoToDateDialog(QWidget* parent = nullptr);

    // The symbol whose bars a date is looked up in (its range is shown as a hint).
    void setData(std::shared_ptr<const SymbolData> symbol);
    // The error reads in the theme's bear colour.
    void setTheme(const Theme& theme);
    QLineEdit* dateField() const { return field_; }
    QLabel* errorLabel() const { return error_; }

signals:
    // A date was found: the bar to centre on.
    void barChosen(std::size_t bar);

public slots:
    void accept() override;

private:
    std::shared_ptr<const SymbolData> data_;
    QLineEdit* field_ = nullptr;
    QLabel* range_ = nullptr;
    QLabel* error_ = nullptr;
};

}  // namespace atc::ui
