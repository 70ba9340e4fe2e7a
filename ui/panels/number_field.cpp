// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/number_field.hpp"

#include <QFontMetrics>
#include <QLineEdit>
#include <QLocale>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace atc::ui {
namespace {

// Decimals a stepped value keeps: 0.1 + 0.01 is 0.11, not 0.11000000000000001.
constexpr int kStepDecimals = 10;

double parse(const std::string& text) {
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [stop, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && stop == end ? value : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

NumberField::NumberField(Kind kind, QWidget* parent) : QAbstractSpinBox(parent), kind_(kind) {
    // The text is interpreted by entry() alone; QAbstractSpinBox only hosts it.
    setKeyboardTracking(false);
    setAccelerated(true);
    typing_pause_.setSingleShot(true);
    typing_pause_.setInterval(kTypingPauseMs);
    connect(&typing_pause_, &QTimer::timeout, this, &NumberField::enter);
    connect(lineEdit(), &QLineEdit::textEdited, &typing_pause_, qOverload<>(&QTimer::start));
    // Enter and leaving the field.
    connect(this, &QAbstractSpinBox::editingFinished, this, &NumberField::enter);
}

void NumberField::setStepRange(double minimum, double maximum, double step) {
    minimum_ = minimum;
    maximum_ = maximum;
    step_ = step;
    updateGeometry();
}

std::string NumberField::entry() const {
    QString text = lineEdit()->text().trimmed();
    text.replace(locale().decimalPoint(), QStringLiteral("."));
    return text.toStdString();
}

double NumberField::value() const {
    return parse(entry());
}

void NumberField::setValue(double value) {
    lineEdit()->setText(textOf(value));
    enter();
}

void NumberField::enter() {
    typing_pause_.stop();
    const QString text = lineEdit()->text();
    if (text == entered_text_)
        return;
    entered_text_ = text;
    emit entered();
}

QString NumberField::textOf(double value) const {
    if (kind_ == Kind::Whole)
        return QString::number(static_cast<qlonglong>(value));
    QString text = QString::number(value, 'f', kStepDecimals);
    // Trim trailing zeros but keep one digit after the point: "1.0", "0.02".
    const qsizetype point = text.indexOf(QLatin1Char('.'));
    qsizetype end = text.size();
    while (point >= 0 && end > point + 2 && text.at(end - 1) == QLatin1Char('0'))
        --end;
    text.truncate(end);
    // Digits beyond the tenth decimal (1e-12) are kept: the text is the value.
    if (parse(text.toStdString()) != value)
        text = QString::number(value, 'g', QLocale::FloatingPointShortest);
    return text.replace(QLatin1Char('.'), locale().decimalPoint());
}

void NumberField::stepBy(int steps) {
    const double current = value();
    if (std::isnan(current))
        return;
    double next = std::clamp(current + steps * step_, minimum_, maximum_);
    next = kind_ == Kind::Whole ? std::round(next)
                                : parse(QString::number(next, 'f', kStepDecimals).toStdString());
    setValue(next);
}

QAbstractSpinBox::StepEnabled NumberField::stepEnabled() const {
    const double current = value();
    StepEnabled enabled = StepNone;
    if (isReadOnly() || std::isnan(current))
        return enabled;
    if (current < maximum_)
        enabled |= StepUpEnabled;
    if (current > minimum_)
        enabled |= StepDownEnabled;
    return enabled;
}

int NumberField::valueWidth() const {
    const QFontMetrics metrics(fontMetrics());
    return std::max(metrics.horizontalAdvance(textOf(minimum_)),
                    metrics.horizontalAdvance(textOf(maximum_)));
}

// QAbstractSpinBox sizes itself for the texts of values it does not know here.
QSize NumberField::sizeHint() const {
    return QAbstractSpinBox::sizeHint() + QSize(valueWidth(), 0);
}

QSize NumberField::minimumSizeHint() const {
    return QAbstractSpinBox::minimumSizeHint() + QSize(valueWidth(), 0);
}

}  // namespace atc::ui
