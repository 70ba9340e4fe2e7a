// A QDoubleSpinBox that keeps full precision but shows the shortest text
// ("0.02", not "0.0200000000"): parameters such as La = 0.02 and De = 0.03 must
// round-trip exactly through the editor, yet a row of trailing zeros is noise.
#pragma once

#include <QDoubleSpinBox>

namespace atc::ui {

class DoubleField : public QDoubleSpinBox {
    Q_OBJECT

public:
    // Ten decimals hold every value a trader types (and every preset written by
    // params_to_json that has a sensible number of digits) without rounding.
    static constexpr int kDecimals = 10;

    explicit DoubleField(QWidget* parent = nullptr);

    QString textFromValue(double value) const override;
};

}  // namespace atc::ui
