// SPDX-License-Identifier: GPL-3.0-or-later
// The reference MA kernels, the executable specification: hand-checked
// values, warm-up lengths (and the family kernels' declared warm-ups against
// them), and the running-sum kernels against direct re-summation on long
// series (drift check).
#include <QtTest>
#include <cmath>
#include <limits>
#include <vector>

#include "atc/moving_averages.hpp"
#include "atc/reference_moving_averages.hpp"
#include "direct_moving_averages.hpp"

using namespace atc;
using atc::test::kNaN;

namespace {

std::vector<double> run(void (*kernel)(std::span<const double>, int, std::span<double>),
                        const std::vector<double>& x, int n) {
    std::vector<double> out(x.size());
    kernel(x, n, out);
    return out;
}

// Largest |a-b| / max(1,|b|), requiring NaN in the same places.
double max_relative_error(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size())
        return std::numeric_limits<double>::infinity();
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) || std::isnan(b[i])) {
            if (std::isnan(a[i]) != std::isnan(b[i]))
                return std::numeric_limits<double>::infinity();
            continue;
        }
        worst = std::max(worst, std::fabs(a[i] - b[i]) / std::max(1.0, std::fabs(b[i])));
    }
    return worst;
}

const std::vector<double> kSmall = {1, 2, 3, 4, 5, 6};

}  // namespace

class TestMovingAverages : public QObject {
    Q_OBJECT

private slots:
    void smaByHand() {
        const auto out = run(ma::reference::sma, kSmall, 3);
        QVERIFY(std::isnan(out[0]) && std::isnan(out[1]));
        QCOMPARE(out[2], 2.0);
        QCOMPARE(out[5], 5.0);
    }

    void wmaByHand() {
        const auto out = run(ma::reference::wma, kSmall, 3);
        QVERIFY(std::isnan(out[1]));
        QCOMPARE(out[2], (1 * 1 + 2 * 2 + 3 * 3) / 6.0);
        QCOMPARE(out[5], (4 * 1 + 5 * 2 + 6 * 3) / 6.0);
    }

    void emaSeededWithMean() {
        const auto out = run(ma::reference::ema, kSmall, 3);
        QVERIFY(std::isnan(out[1]));
        QCOMPARE(out[2], 2.0);
        QCOMPARE(out[3], 0.5 * 4 + 0.5 * 2.0);
        QCOMPARE(out[4], 0.5 * 5 + 0.5 * out[3]);
    }

    void demaSeedsSecondStageAtFirstValue() {
        std::vector<double> out(kSmall.size());
        ma::MaScratch scratch;
        ma::reference::dema(kSmall, 3, out, scratch);
        const auto e1 = run(ma::reference::ema, kSmall, 3);
        QVERIFY(std::isnan(out[1]));
        QCOMPARE(out[2], e1[2]);  // e2 starts at e1 itself: 2*e1 - e1
        const double e2_3 = 0.5 * e1[3] + 0.5 * e1[2];
        QCOMPARE(out[3], 2 * e1[3] - e2_3);
    }

    void lsmaOnALineIsTheLine() {
        // On y = 2x + 1 the fitted line is exact: the second-newest bar's value
        // (reference) or the newest one's (pine).
        std::vector<double> line(10);
        for (int i = 0; i < 10; ++i)
            line[i] = 2.0 * i + 1.0;
        std::vector<double> ref(10), pine(10);
        ma::reference::lsma(line, 4, ref, false);
        ma::reference::lsma(line, 4, pine, true);
        QVERIFY(std::isnan(ref[2]));
        QVERIFY(std::fabs(ref[9] - line[8]) < 1e-12);
        QVERIFY(std::fabs(pine[9] - line[9]) < 1e-12);
    }

    void lsmaOfOneBarIsThePrice() {
        std::vector<double> out(kSmall.size());
        ma::reference::lsma(kSmall, 1, out);
        QCOMPARE(out, kSmall);
    }

    void hmaWarmUpAndValue() {
        const auto x = test::random_walk(200, 7);
        std::vector<double> out(x.size());
        ma::MaScratch scratch;
        ma::reference::hma(x, 16, out, scratch);
        // first defined = (16-1) + (4-1)
        QCOMPARE(ma::first_defined(MaType::HMA, MaProfile::Reference, 16), std::size_t{18});
        QVERIFY(std::isnan(out[17]));
        QVERIFY(!std::isnan(out[18]));
        const auto half = test::direct_wma(x, 8);
        const auto full = test::direct_wma(x, 16);
        std::vector<double> raw(x.size(), kNaN);
        for (std::size_t i = 15; i < x.size(); ++i)
            raw[i] = 2 * half[i] - full[i];
        const std::vector<double> tail(raw.begin() + 15, raw.end());
        const auto outer = test::direct_wma(tail, 4);
        for (std::size_t i = 18; i < x.size(); ++i) {
            QVERIFY(std::fabs(out[i] - outer[i - 15]) <= 1e-12 * std::fabs(outer[i - 15]));
        }
    }

    void hmaOfOneBarIsThePrice() {
        std::vector<double> out(kSmall.size());
        ma::MaScratch scratch;
        ma::reference::hma(kSmall, 1, out, scratch);
        QCOMPARE(out, kSmall);
    }

    void kamaHoldsFirstPriceDuringWarmUp() {
        std::vector<double> out(kSmall.size());
        ma::reference::kama(kSmall, 3, out);
        QCOMPARE(out[0], 1.0);
        QCOMPARE(out[2], 1.0);
        // A straight line is pure signal: ratio 1, sc = 0.666^2.
        QCOMPARE(out[3], 1.0 + 0.666 * 0.666 * (4.0 - 1.0));
    }

    void kamaFlatWindowDoesNotMove() {
        const std::vector<double> flat(20, 5.0);
        std::vector<double> out(flat.size());
        ma::reference::kama(flat, 4, out);
        for (double v : out)
            QCOMPARE(v, 5.0);
    }

    void seriesShorterThanWindowIsAllUndefined() {
        const auto out = run(ma::reference::wma, kSmall, 10);
        for (double v : out)
            QVERIFY(std::isnan(v));
        std::vector<double> d(kSmall.size());
        ma::MaScratch scratch;
        ma::reference::dema(kSmall, 10, d, scratch);
        for (double v : d)
            QVERIFY(std::isnan(v));
    }

    void integerSqrtIsExact() {
        QCOMPARE(ma::integer_sqrt(1), 1);
        QCOMPARE(ma::integer_sqrt(15), 3);
        QCOMPARE(ma::integer_sqrt(16), 4);
        QCOMPARE(ma::integer_sqrt(99999), 316);
    }

    // 100,000 bars of random walk over several decades of price: the O(1)
    // running-sum kernels must stay within 1e-11 of direct re-summation at every bar.
    void runningSumsDoNotDrift_data() {
        QTest::addColumn<int>("length");
        for (int n : {1, 2, 7, 28, 34, 200, 1000})
            QTest::newRow(qPrintable(QString::number(n))) << n;
    }
    void runningSumsDoNotDrift() {
        QFETCH(int, length);
        static const auto x = test::random_walk(100000, 42, 5000.0, 0.02);
        constexpr double kDriftTolerance = 1e-11;
        const double sma_err =
            max_relative_error(run(ma::reference::sma, x, length), test::direct_sma(x, length));
        const double wma_err =
            max_relative_error(run(ma::reference::wma, x, length), test::direct_wma(x, length));
        std::vector<double> lsma_ref(x.size()), lsma_pine(x.size());
        ma::reference::lsma(x, length, lsma_ref, false);
        ma::reference::lsma(x, length, lsma_pine, true);
        double lsma_err = 0;
        if (length > 1) {
            lsma_err = std::max(max_relative_error(lsma_ref, test::direct_lsma(x, length, false)),
                                max_relative_error(lsma_pine, test::direct_lsma(x, length, true)));
        }
        const double kama_err =
            max_relative_error(run(ma::reference::kama, x, length), test::direct_kama(x, length));
        qInfo("N=%d max relative error: SMA %.2e WMA %.2e LSMA %.2e KAMA %.2e", length, sma_err,
              wma_err, lsma_err, kama_err);
        QVERIFY(sma_err <= kDriftTolerance);
        QVERIFY(wma_err <= kDriftTolerance);
        QVERIFY(lsma_err <= kDriftTolerance);
        QVERIFY(kama_err <= kDriftTolerance);
    }

    // A running sum that swallows small values next to a huge one stays wrong
    // for ever unless it is re-anchored; re-anchoring must repair it within one
    // interval after the huge values leave the window.
    void reanchoringRepairsCancellation() {
        const int length = 10;
        std::vector<double> x(3000, 1.0);
        for (int i = 100; i < 100 + length; ++i)
            x[i] = 1e17;
        for (std::size_t i = 0; i < x.size(); ++i)
            x[i] += static_cast<double>(i % 7) * 0.25;
        const auto fast = run(ma::reference::wma, x, length);
        const auto direct = test::direct_wma(x, length);
        const std::size_t repaired_by = 100 + length + ma::kReanchorInterval + length;
        for (std::size_t i = repaired_by; i < x.size(); ++i) {
            QVERIFY2(std::fabs(fast[i] - direct[i]) <= 1e-12 * direct[i],
                     qPrintable(QString("bar %1: %2 vs %3").arg(i).arg(fast[i]).arg(direct[i])));
        }
        const auto fast_sma = run(ma::reference::sma, x, length);
        const auto direct_sma = test::direct_sma(x, length);
        QVERIFY(std::fabs(fast_sma.back() - direct_sma.back()) <= 1e-12 * direct_sma.back());
    }

    void firstDefinedMatchesKernels_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("profile");
        for (MaType t : kAllFamilies) {
            for (MaProfile p : {MaProfile::Reference, MaProfile::Pine}) {
                QTest::newRow(qPrintable(
                    QString("%1/%2")
                        .arg(QString::fromLatin1(family_name(t).data(), family_name(t).size()))
                        .arg(int(p))))
                    << int(t) << int(p);
            }
        }
    }
    void firstDefinedMatchesKernels() {
        QFETCH(int, type);
        QFETCH(int, profile);
        const auto x = test::random_walk(300, 3);
        ma::MaScratch scratch;
        for (int n : {1, 5, 28, 49}) {
            std::vector<double> out(x.size());
            ma::reference::compute_member(MaType(type), MaProfile(profile), x, n, out, scratch);
            const std::size_t first = ma::first_defined(MaType(type), MaProfile(profile), n);
            for (std::size_t i = 0; i < x.size(); ++i) {
                QVERIFY2(std::isnan(out[i]) == (i < first),
                         qPrintable(QString("N=%1 bar %2 first %3").arg(n).arg(i).arg(first)));
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestMovingAverages)
#include "test_moving_averages.moc"
