// SPDX-License-Identifier: GPL-3.0-or-later
// A number field that keeps exactly what the user typed and says when an entry
// is complete, so its owner judges and applies whole entries only.
//
// A QSpinBox decides for the user: it refuses keystrokes that leave its range
// ("150" in a 0–100 field becomes "15", "-5" in a length "5"), reverts what it
// cannot read when focus leaves, and reports every intermediate value while
// typing ("-0" on the way to "-0.5"). Here the text is the truth: whether it is
// a number, and an allowed one, is the owner's call (the parameter panel asks
// the engine, which can say why). The arrows, Up/Down keys and the wheel (when
// the field has focus) step within a range.
#pragma once

#include <QAbstractSpinBox>
#include <QString>
#include <QTimer>
#include <string>

namespace atc::ui {

class NumberField : public QAbstractSpinBox {
    Q_OBJECT

public:
    enum class Kind { Whole, Decimal };

    // Typing that stops this long is an entry, as Enter is: long enough that
    // the pause between two keystrokes of "-0.5" never applies "-0".
    static constexpr int kTypingPauseMs = 700;

    explicit NumberField(Kind kind, QWidget* parent = nullptr);

    // Where the arrows step and by how much. Typing is not limited to it.
    void setStepRange(double minimum, double maximum, double step);
    double minimum() const { return minimum_; }
    double maximum() const { return maximum_; }
    double singleStep() const { return step_; }

    // The text as the engine reads numbers: trimmed, with "." for the locale's
    // decimal point ("0,5" in a German locale is "0.5").
    std::string entry() const;
    // The number the text holds; NaN when it holds none ("", "-", "1e", "abc").
    double value() const;
    // Shows `value` in its shortest exact form ("28", "0.02", "1.0") as an
    // entry: emits entered() when the text changes.
    void setValue(double value);

    void stepBy(int steps) override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // The text is a new entry to judge: after Enter, leaving the field or a
    // pause in typing, a step, or setValue; only when it differs from the last one.
    void entered();

protected:
    StepEnabled stepEnabled() const override;

private:
    void enter();
    QString textOf(double value) const;
    // The width of the widest value the arrows reach, for the size hints.
    int valueWidth() const;

    Kind kind_;
    double minimum_ = 0.0;
    double maximum_ = 0.0;
    double step_ = 1.0;
    QTimer typing_pause_;
    QString entered_text_;  // the text of the last entry
};

}  // namespace atc::ui
