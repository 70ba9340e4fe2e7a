// SPDX-License-Identifier: GPL-3.0-or-later
// How numbers read in tables and on axes (ui/core/number_format).
#include <QTest>
#include <cmath>
#include <limits>

#include "core/number_format.hpp"

using namespace atc::ui;

class TestNumberFormat : public QObject {
    Q_OBJECT
private slots:
    void groupsThousands() {
        QCOMPARE(groupedNumber(4'000'000'000.0, 0), QStringLiteral("4,000,000,000"));
        QCOMPARE(groupedNumber(1234.567, 2), QStringLiteral("1,234.57"));
        QCOMPARE(groupedNumber(-98765.4, 1), QStringLiteral("-98,765.4"));
        QCOMPARE(groupedNumber(999.0, 2), QStringLiteral("999.00"));
    }
    void groupsCounts() {
        QCOMPARE(groupedCount(0), QStringLiteral("0"));
        QCOMPARE(groupedCount(999), QStringLiteral("999"));
        QCOMPARE(groupedCount(12'345), QStringLiteral("12,345"));
        QCOMPARE(groupedCount(std::numeric_limits<std::uint64_t>::max()),
                 QStringLiteral("18,446,744,073,709,551,615"));
    }
    void percentChangesAreSignedAndGrouped() {
        QCOMPARE(signedPercent(12.3456), QStringLiteral("+12.35 %"));
        QCOMPARE(signedPercent(-0.5), QStringLiteral("−0.50 %"));  // a real minus sign
        QCOMPARE(signedPercent(1234.5), QStringLiteral("+1,234.50 %"));
        QCOMPARE(signedPercent(-0.001), QStringLiteral("0.00 %"));  // no sign on what shows as 0
        QCOMPARE(signedPercent(std::nan("")), QStringLiteral("—"));
    }

    void tinyNegativesHaveNoSign() { QCOMPARE(groupedNumber(-0.0001, 2), QStringLiteral("0.00")); }
    void nonFiniteIsADash() {
        QCOMPARE(groupedNumber(std::numeric_limits<double>::quiet_NaN(), 2),
                 QStringLiteral("\u2014"));
        QCOMPARE(tablePrice(std::numeric_limits<double>::infinity()), QStringLiteral("\u2014"));
    }
    void significantDigitsBelowOne() {
        QCOMPARE(significantDecimals(0.001234, 4, 2), 6);
        QCOMPARE(significantDecimals(0.5, 4, 2), 4);
        QCOMPARE(significantDecimals(1234.5, 4, 2), 2);
        QCOMPARE(significantDecimals(0.0, 4, 2), 2);
        QCOMPARE(significantDecimals(1e-30, 4, 2), 10);
    }
    void tablePricesKeepTheirDigits() {
        QCOMPARE(tablePrice(4'123.456), QStringLiteral("4,123.46"));
        QCOMPARE(tablePrice(0.001234), QStringLiteral("0.001234"));
        QCOMPARE(tablePrice(0.5), QStringLiteral("0.5000"));
        QCOMPARE(tablePrice(1.0), QStringLiteral("1.00"));
    }
    void axisShortensBillions() {
        const AxisScale scale = axisScaleFor(4.5e9, 0.5e9);
        QCOMPARE(scale.suffix, QStringLiteral("B"));
        QCOMPARE(axisLabel(4e9, scale), QStringLiteral("4.00B"));
        QCOMPARE(axisLabel(4.5e9, scale), QStringLiteral("4.50B"));
    }
    void axisKeepsNeighbouringTicksApart() {
        // A step of 25M on a billion-scale axis needs three decimals of B.
        const AxisScale scale = axisScaleFor(1.2e9, 25e6);
        QCOMPARE(axisLabel(1.175e9, scale), QStringLiteral("1.175B"));
        QCOMPARE(axisLabel(1.2e9, scale), QStringLiteral("1.200B"));
        QCOMPARE(axisLabel(3.5e6, axisScaleFor(4e6, 0.5e6)), QStringLiteral("3.50M"));
    }
    void axisBelowAMillionIsGroupedDigits() {
        const AxisScale scale = axisScaleFor(97'500.0, 250.0);
        QCOMPARE(scale.suffix, QString());
        QCOMPARE(axisLabel(97'250.0, scale), QStringLiteral("97,250"));
        QCOMPARE(axisLabel(0.25, axisScaleFor(1.0, 0.25)), QStringLiteral("0.25"));
        QCOMPARE(axisLabel(0.0012, axisScaleFor(0.0015, 0.0001)), QStringLiteral("0.0012"));
    }
    void hugeNumbersStayShort() {
        // Equity compounded over a million bars reaches 1e16 and more: a unit
        // of its own magnitude, never twenty digits in a legend or on an axis.
        QCOMPARE(compactNumber(0.25, 3), QStringLiteral("0.250"));
        QCOMPARE(compactNumber(1'234.5, 3), QStringLiteral("1,234.500"));
        QCOMPARE(compactNumber(12'345'678.0, 3), QStringLiteral("12.346M"));
        QCOMPARE(compactNumber(4e18, 3), QStringLiteral("4.000e18"));
        QCOMPARE(compactNumber(-1.5e16, 2), QStringLiteral("-15.00e15"));
        QCOMPARE(compactNumber(std::nan(""), 3), QStringLiteral("\u2014"));
        const AxisScale scale = axisScaleFor(1.25e16, 1e15);
        QCOMPARE(scale.suffix, QStringLiteral("e15"));
        QCOMPARE(axisLabel(1.2e16, scale), QStringLiteral("12.00e15"));
        QCOMPARE(axisLabel(5e15, scale), QStringLiteral("5.00e15"));
        QCOMPARE(magnitudeScale(9.99e14).suffix, QStringLiteral("T"));
        QCOMPARE(magnitudeScale(2.5e21).suffix, QStringLiteral("e21"));
    }
};

QTEST_GUILESS_MAIN(TestNumberFormat)
#include "test_number_format.moc"
