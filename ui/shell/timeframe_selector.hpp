// SPDX-License-Identifier: GPL-3.0-or-later
// The chart's timeframe: the data's own and the standard coarser ones in a
// list, and a field for any other ("90m", "3d"). Typing "4h" and Enter picks
// it, as on TradingView; a timeframe the data cannot give is refused in place
// (red, with the reason naming the data's timeframe) and nothing is asked of
// the engine.
#pragma once

#include <QComboBox>
#include <QString>

namespace atc::ui {

class TimeframeSelector : public QComboBox {
    Q_OBJECT

public:
    explicit TimeframeSelector(QWidget* parent = nullptr);

    // The data's own timeframe ("1m"; "" for data without times, which can
    // only be shown bar by bar) and the one shown ("" for the data's own).
    // Lists what this data can give; emits nothing.
    void showTimeframes(const QString& source, const QString& shown);

    // The timeframe shown: "" for the data's own, else its canonical name.
    QString timeframe() const { return shown_; }
    QString sourceTimeframe() const { return source_; }

    // The field focused and holding `text` (the first key typed on the chart).
    void beginTyping(const QString& text);

    // The reason the text last typed was refused; "" when it was not.
    QString refusal() const { return refusal_; }

signals:
    // "" for the data's own bars.
    void timeframeChosen(const QString& timeframe);
    // A typed timeframe was refused, with the reason (for the status bar).
    void timeframeRefused(const QString& reason);

protected:
    void focusOutEvent(QFocusEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    // The typed text: chosen if the data can give it, else refused in place.
    void applyTyped();
    void choose(const QString& timeframe);
    void showRefusal(const QString& reason);
    // The entry of the shown timeframe, added when it is not a standard one.
    void selectShown();

    QString source_;
    QString shown_;
    QString refusal_;
};

}  // namespace atc::ui
