// SPDX-License-Identifier: GPL-3.0-or-later
// Parameter defaults, member lengths, and one test per input ATC_SPEC.md rejects.
#include <QtTest>
#include <cmath>
#include <limits>
#include <vector>

#include "atc/compute.hpp"
#include "atc/params.hpp"
#include "atc/validation.hpp"

using namespace atc;

namespace {

const std::vector<double> kPrices = {10, 11, 12, 11, 10, 11, 12, 13, 12, 11};

// compute_symbol must refuse the input, naming `key` and saying `fragment`.
void expect_rejected(const std::vector<double>& close, const AtcParams& p, const char* key,
                     const char* fragment) {
    try {
        compute_symbol(close, p);
    } catch (const InvalidInput& e) {
        QCOMPARE(QString::fromStdString(e.key()), QString::fromLatin1(key));
        QVERIFY2(QString::fromLatin1(e.what()).contains(QString::fromLatin1(fragment)), e.what());
        return;
    }
    QFAIL("input was accepted");
}

}  // namespace

class TestParams : public QObject {
    Q_OBJECT

private slots:
    void defaultsAreTheSpecs() {
        const AtcParams p;
        for (int len : p.lengths)
            QCOMPARE(len, 28);
        for (double w : p.weights)
            QCOMPARE(w, 1.0);
        QCOMPARE(p.robustness, Robustness::Medium);
        QCOMPARE(p.lambda, 0.02);
        QCOMPARE(p.decay, 0.03);
        QCOMPARE(p.cutout, 0);
        QCOMPARE(p.long_threshold, 0.1);
        QCOMPARE(p.short_threshold, -0.1);
        QCOMPARE(p.strategy_mode, false);
        QVERIFY(check_params(p).empty());
    }

    void memberLengthsInSpecOrder() {
        QCOMPARE(member_lengths(28, Robustness::Medium),
                 (std::array<int, 9>{28, 29, 30, 32, 34, 27, 26, 24, 22}));
        QCOMPARE(member_lengths(10, Robustness::Narrow),
                 (std::array<int, 9>{10, 11, 12, 13, 14, 9, 8, 7, 6}));
        QCOMPARE(member_lengths(20, Robustness::Wide),
                 (std::array<int, 9>{20, 21, 23, 25, 27, 19, 17, 15, 13}));
    }

    void rejectsEmptySeries() { expect_rejected({}, AtcParams{}, "close", "empty"); }

    void rejectsNaNPrice() {
        auto c = kPrices;
        c[3] = std::numeric_limits<double>::quiet_NaN();
        expect_rejected(c, AtcParams{}, "close", "bar 3");
    }

    void rejectsInfinitePrice() {
        auto c = kPrices;
        c[5] = std::numeric_limits<double>::infinity();
        expect_rejected(c, AtcParams{}, "close", "bar 5");
    }

    void rejectsZeroPrice() {
        auto c = kPrices;
        c[0] = 0.0;
        expect_rejected(c, AtcParams{}, "close", "greater than 0");
    }

    void rejectsNegativePrice() {
        auto c = kPrices;
        c[9] = -1.0;
        expect_rejected(c, AtcParams{}, "close", "bar 9");
    }

    // Medium: o4 = 6, so a base of 6 puts one member at 0.
    void rejectsLengthWhoseShortestMemberIsBelowOne() {
        AtcParams p;
        p.lengths[static_cast<int>(MaType::HMA)] = 6;
        expect_rejected(kPrices, p, "hull_len", "7 to 100000");
        p.lengths[static_cast<int>(MaType::HMA)] = 7;
        QVERIFY(check_params(p).empty());
        p.robustness = Robustness::Wide;  // o4 = 7 -> needs 8
        expect_rejected(kPrices, p, "hull_len", "8 to");
    }

    void rejectsAbsurdLength() {
        AtcParams p;
        p.lengths[static_cast<int>(MaType::KAMA)] = kMaxLength + 1;
        expect_rejected(kPrices, p, "kama_len", "out of range");
    }

    void rejectsCutoutNotBelowBarCount() {
        AtcParams p;
        p.cutout = 10;
        expect_rejected(kPrices, p, "cutout", "at most 9");
        p.cutout = 9;
        compute_symbol(kPrices, p);  // the last bar is still computed
    }

    // The panel checks a symbol's bar count alone: the same issues, the same words.
    void barCountChecksAreTheSeriesChecks() {
        AtcParams p;
        QVERIFY(check_bar_count(kPrices.size(), p).empty());
        p.cutout = 10;
        p.lambda = 1e6;  // e^(1000 · bars) overflows
        std::vector<ParamIssue> counted = check_bar_count(kPrices.size(), p);
        QCOMPARE(counted.size(), std::size_t{1});  // nothing grows when no bar is left
        QCOMPARE(counted[0].key, std::string("cutout"));
        QVERIFY(counted[0].message.find("at most 9") != std::string::npos);
        p.cutout = 0;
        counted = check_bar_count(kPrices.size(), p);
        QCOMPARE(counted.size(), std::size_t{1});
        QCOMPARE(counted[0].key, std::string("La"));
        QVERIFY(counted[0].message.find("too large for 10 bars") != std::string::npos);
        const std::vector<ParamIssue> series = check_series(kPrices, p);
        QCOMPARE(series.size(), std::size_t{1});
        QCOMPARE(series[0].message, counted[0].message);
        QVERIFY(check_bar_count(0, p).empty());  // no series: check_series says it is empty
    }

    void rejectsNegativeCutout() {
        AtcParams p;
        p.cutout = -1;
        expect_rejected(kPrices, p, "cutout", "0 or more");
    }

    void rejectsDecayOutsidePercentRange() {
        AtcParams p;
        p.decay = 100.5;
        expect_rejected(kPrices, p, "De", "0 to 100");
        p.decay = -0.01;
        expect_rejected(kPrices, p, "De", "0 to 100");
        p.decay = std::numeric_limits<double>::quiet_NaN();
        expect_rejected(kPrices, p, "De", "0 to 100");
        p.decay = 100.0;
        QVERIFY(check_params(p).empty());
    }

    void rejectsNonFiniteLambda() {
        AtcParams p;
        p.lambda = std::numeric_limits<double>::infinity();
        expect_rejected(kPrices, p, "La", "finite");
        p.lambda = std::numeric_limits<double>::quiet_NaN();
        expect_rejected(kPrices, p, "La", "finite");
    }

    void rejectsLongThresholdNotAboveShort() {
        AtcParams p;
        p.long_threshold = -0.1;
        expect_rejected(kPrices, p, "long_threshold", "greater than short_threshold");
        p.long_threshold = -0.2;
        expect_rejected(kPrices, p, "long_threshold", "greater than short_threshold");
    }

    void rejectsNonPositiveWeight() {
        AtcParams p;
        p.weights[static_cast<int>(MaType::DEMA)] = 0.0;
        expect_rejected(kPrices, p, "dema_w", "greater than 0");
        p.weights[static_cast<int>(MaType::DEMA)] = -1.0;
        expect_rejected(kPrices, p, "dema_w", "greater than 0");
    }

    void reportsEveryProblemAtOnce() {
        AtcParams p;
        p.decay = 200;
        p.weights[0] = 0;
        p.lengths[5] = 1;
        const auto issues = check_params(p);
        QCOMPARE(issues.size(), std::size_t{3});
    }
};

QTEST_APPLESS_MAIN(TestParams)
#include "test_params.moc"
