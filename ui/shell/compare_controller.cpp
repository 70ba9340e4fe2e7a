// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/compare_controller.hpp"

#include <QLineEdit>

#include "charts/chart_stack.hpp"
#include "core/compare_loader.hpp"
#include "shell/compare_dialog.hpp"

namespace atc::ui {

CompareController::CompareController(std::filesystem::path database, ChartStack& charts,
                                     std::function<QStringList()> symbols, QWidget* parent)
    : QObject(parent), charts_(charts), all_symbols_(std::move(symbols)), parent_(parent) {
    loader_ = new CompareLoader(std::move(database), this);
    connect(&charts_, &ChartStack::compareRemoveRequested, this, &CompareController::remove);
    connect(loader_, &CompareLoader::loaded, this, &CompareController::showLoaded);
    connect(loader_, &CompareLoader::failed, this, [this](const QString& name, const QString& why) {
        if (names_.contains(name))
            emit message(tr("%1 cannot be compared: %2").arg(name, why));
    });
}

CompareController::~CompareController() = default;

void CompareController::setData(std::shared_ptr<const SymbolData> main) {
    main_ = std::move(main);
    // The chart stack dropped the lines that do not fit the new bars (PricePane::setSymbol).
    drawn_.removeIf([this](const auto& drawn) { return !main_ || !drawn.value()->fits(*main_); });
    QStringList missing;
    for (const QString& name : names_) {
        if (!drawn_.contains(name))
            missing << name;
    }
    load(missing);
    if (dialog_)
        dialog_->setChoices(all_symbols_(), main_ ? main_->name : QString());
}

void CompareController::setSymbols(const QStringList& names) {
    for (const QString& name : QStringList(names_))
        remove(name);
    for (const QString& name : names)
        add(name);
}

void CompareController::add(const QString& name) {
    if (name.isEmpty() || names_.contains(name))
        return;
    names_ << name;
    load({name});
    refreshDialog();
    emit added(name);
}

void CompareController::remove(const QString& name) {
    if (!names_.removeOne(name))
        return;
    drawn_.remove(name);
    charts_.removeCompare(name);
    refreshDialog();
}

void CompareController::load(const QStringList& names) {
    if (!main_)
        return;
    QStringList others = names;
    // The chart's own symbol stays in the list (it comes back on the next
    // one) but is not drawn over itself.
    others.removeAll(main_->name);
    loader_->request(others, main_);
}

void CompareController::showLoaded(std::shared_ptr<const CompareSeries> series) {
    // Removed meanwhile, or loaded for a chart no longer shown.
    if (!names_.contains(series->name) || !main_ || !series->fits(*main_))
        return;
    drawn_.insert(series->name, series);
    charts_.setCompare(series);
    refreshDialog();
}

void CompareController::openDialog() {
    if (!dialog_) {
        dialog_ = new CompareDialog(parent_);
        connect(dialog_, &CompareDialog::addRequested, this, &CompareController::add);
        connect(dialog_, &CompareDialog::removeRequested, this, &CompareController::remove);
    }
    dialog_->setChoices(all_symbols_(), main_ ? main_->name : QString());
    refreshDialog();
    dialog_->show();
    dialog_->raise();
    dialog_->activateWindow();
    dialog_->filterField()->setFocus();
}

void CompareController::refreshDialog() {
    if (!dialog_)
        return;
    QList<QPair<QString, QColor>> compared;
    for (const QString& name : names_)
        compared.append({name, charts_.plottedCompareColor(name)});
    dialog_->setCompared(compared);
}

}  // namespace atc::ui
