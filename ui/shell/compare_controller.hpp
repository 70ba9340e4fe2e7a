// SPDX-License-Identifier: GPL-3.0-or-later
// Compare: the symbols drawn over the price pane, kept while the trader
// switches symbols or timeframes (as on TradingView). Owns the list, the
// Compare dialog and the loader; for each chart shown it loads the compared
// symbols laid on that chart's bars, off the GUI thread, and hands them to
// the chart stack as they arrive.
#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>
#include <filesystem>
#include <functional>
#include <memory>

#include "core/compare_series.hpp"
#include "core/symbol_data.hpp"

namespace atc::ui {

class ChartStack;
class CompareDialog;
class CompareLoader;

class CompareController : public QObject {
    Q_OBJECT

public:
    // `symbols`: what the dialog offers (the database's symbols); `parent` is
    // the dialog's parent window.
    CompareController(std::filesystem::path database, ChartStack& charts,
                      std::function<QStringList()> symbols, QWidget* parent);
    ~CompareController() override;

    // The chart shown now: the compared symbols are loaded again for its bars.
    void setData(std::shared_ptr<const SymbolData> main);
    // The compared symbols, in the order added (the session keeps them).
    const QStringList& symbols() const { return names_; }
    void setSymbols(const QStringList& names);
    void add(const QString& name);
    void remove(const QString& name);

    // Opens the dialog (one, kept between uses).
    void openDialog();
    CompareDialog* dialog() const { return dialog_; }

signals:
    // Something the status bar should say (a symbol that could not be compared).
    void message(const QString& text);
    // The trader added a compared symbol (not the session's list coming back).
    void added(const QString& name);

private:
    void load(const QStringList& names);
    void showLoaded(std::shared_ptr<const CompareSeries> series);
    void refreshDialog();

    ChartStack& charts_;
    std::function<QStringList()> all_symbols_;
    QWidget* parent_;
    CompareLoader* loader_ = nullptr;
    CompareDialog* dialog_ = nullptr;  // made on first use, a child of the window
    QStringList names_;
    // What the chart draws for each compared symbol, as long as it fits the
    // bars shown: a new result of the same bars (a parameter edit) loads nothing.
    QHash<QString, std::shared_ptr<const CompareSeries>> drawn_;
    std::shared_ptr<const SymbolData> main_;
};

}  // namespace atc::ui
