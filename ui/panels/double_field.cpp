#include "panels/double_field.hpp"

#include <QLocale>

namespace atc::ui {

DoubleField::DoubleField(QWidget* parent) : QDoubleSpinBox(parent) {
    setDecimals(kDecimals);
    // Stepping from 0.1 by 0.01 must not show 0.11000000000000001: the spin box
    // rounds every value to kDecimals, and the text below trims the zeros.
    setKeyboardTracking(true);
    setAccelerated(true);
}

QString DoubleField::textFromValue(double value) const {
    QLocale loc = locale();
    loc.setNumberOptions(loc.numberOptions() | QLocale::OmitGroupSeparator);
    QString text = loc.toString(value, 'f', decimals());
    const QString point = loc.decimalPoint();
    const qsizetype dot = text.indexOf(point);
    if (dot < 0)
        return text;
    // Trim trailing zeros but keep one digit after the point: "1.0", "0.02".
    qsizetype end = text.size();
    while (end > dot + point.size() + 1 && text.at(end - 1) == QLatin1Char('0'))
        --end;
    text.truncate(end);
    return text;
}

}  // namespace atc::ui
