// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/timeframe_selector.hpp"

#include <QKeyEvent>
#include <QLineEdit>
#include <QSignalBlocker>
#include <stdexcept>

#include "atc/resample.hpp"
#include "atc/timeframe.hpp"

namespace atc::ui {
namespace {

// What the data can give at `text`: its canonical name ("" for the data's
// own), or the reason it cannot in `refusal`.
QString checkTimeframe(const QString& source, const QString& text, QString& refusal) {
    std::optional<Timeframe> target;
    try {
        target = require_timeframe(text.trimmed().toStdString());
    } catch (const std::invalid_argument& e) {
        refusal = QString::fromStdString(e.what());  // the engine's words, as `atc` says them
        return {};
    }
    const std::optional<Timeframe> own = parse_timeframe(source.toStdString());
    if (!own) {
        refusal = QObject::tr("this data has no times: it is shown bar by bar");
        return {};
    }
    if (*target == *own)
        return {};
    refusal = QString::fromStdString(resample_refusal(*own, *target));
    return refusal.isEmpty() ? QString::fromStdString(target->name()) : QString();
}

}  // namespace

TimeframeSelector::TimeframeSelector(QWidget* parent) : QComboBox(parent) {
    setObjectName(QStringLiteral("timeframeSelector"));
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setMinimumContentsLength(5);
    setToolTip(
        tr("Timeframe: pick one, or type any (90m, 3d) and press Enter. Typing a "
           "digit on the chart starts here."));
    // Enter is handled in keyPressEvent: QComboBox would otherwise add or
    // match items by its own rules.
    connect(this, &QComboBox::activated, this,
            [this](int index) { choose(itemData(index).toString()); });
    showTimeframes({}, {});
}

void TimeframeSelector::showTimeframes(const QString& source, const QString& shown) {
    const QSignalBlocker block(this);
    source_ = source;
    shown_ = shown;
    refusal_.clear();
    setStyleSheet({});
    clear();
    const std::optional<Timeframe> own = parse_timeframe(source.toStdString());
    setEnabled(own.has_value());
    if (!own) {
        addItem(tr("bars"), QString());
        setToolTip(tr("This data has no times: it is shown bar by bar"));
        return;
    }
    setToolTip(tr("Timeframe (the data is %1): pick one, or type any (90m, 3d) and press "
                  "Enter. Typing a digit on the chart starts here.")
                   .arg(source));
    if (parse_timeframe(shown.toStdString()) == own)
        shown_.clear();  // the data's own, asked for by name
    addItem(QString::fromStdString(own->name()), QString());
    setItemData(0, tr("The data's own bars"), Qt::ToolTipRole);
    for (const Timeframe& tf : standard_timeframes()) {
        if (tf.nominal_ms() > own->nominal_ms() && resample_refusal(*own, tf).empty()) {
            const QString name = QString::fromStdString(tf.name());
            addItem(name, name);
        }
    }
    selectShown();
}

void TimeframeSelector::selectShown() {
    int index = findData(shown_);
    if (index < 0) {
        addItem(shown_, shown_);  // a typed one ("90m") stays in the list
        index = count() - 1;
    }
    setCurrentIndex(index);
    setEditText(itemText(index));
}

void TimeframeSelector::beginTyping(const QString& text) {
    if (!isEnabled())
        return;
    setFocus(Qt::ShortcutFocusReason);
    lineEdit()->setText(text);
}

void TimeframeSelector::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        applyTyped();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        const QSignalBlocker block(this);
        refusal_.clear();
        setStyleSheet({});
        selectShown();
        event->accept();
        return;
    }
    QComboBox::keyPressEvent(event);
}

void TimeframeSelector::focusOutEvent(QFocusEvent* event) {
    // Leaving the field with a half-typed timeframe shows the one on screen again.
    if (refusal_.isEmpty() && lineEdit()->text() != itemText(currentIndex())) {
        const QSignalBlocker block(this);
        selectShown();
    }
    QComboBox::focusOutEvent(event);
}

void TimeframeSelector::applyTyped() {
    QString refusal;
    const QString chosen = checkTimeframe(source_, lineEdit()->text(), refusal);
    if (!refusal.isEmpty()) {
        showRefusal(refusal);
        return;
    }
    choose(chosen);
}

void TimeframeSelector::choose(const QString& timeframe) {
    // Enter reaches us twice (QComboBox's own return handling activates the
    // matching entry too): the same choice again asks nothing of the engine.
    const bool changed = timeframe != shown_;
    refusal_.clear();
    setStyleSheet({});
    {
        const QSignalBlocker block(this);  // blocks every signal, ours too
        shown_ = timeframe;
        selectShown();
    }
    if (changed)
        emit timeframeChosen(timeframe);
}

void TimeframeSelector::showRefusal(const QString& reason) {
    refusal_ = reason;
    setStyleSheet(QStringLiteral("QComboBox { border: 1px solid #e5534b; color: #e5534b; }"));
    lineEdit()->setToolTip(reason);
    emit timeframeRefused(reason);
}

}  // namespace atc::ui
