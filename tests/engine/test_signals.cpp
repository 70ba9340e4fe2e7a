// The stages after the moving averages, on hand-made series whose answers can
// be worked out on paper.
#include <QtTest>
#include <cmath>
#include <vector>

#include "atc/compute.hpp"
#include "atc/signals.hpp"
#include "direct_moving_averages.hpp"

using namespace atc;
using atc::test::kNaN;

class TestSignals : public QObject {
    Q_OBJECT

private slots:
    void crossingUpDownAndHold() {
        const std::vector<double> price = {10, 10, 12, 12, 8, 8, 9};
        const std::vector<double> ma = {kNaN, 11, 11, 11, 11, 11, 11};
        std::vector<std::int8_t> s(price.size());
        crossing_states(price, ma, s);
        // bar 1: NaN before -> no cross; bar 2: up; held; bar 4: down; held.
        const std::vector<std::int8_t> expected = {0, 0, 1, 1, -1, -1, -1};
        QCOMPARE(s, expected);
    }

    void crossingNeedsDefinedPreviousBar() {
        const std::vector<double> price = {12, 12, 12};
        const std::vector<double> ma = {kNaN, 11, 11};
        std::vector<std::int8_t> s(3);
        crossing_states(price, ma, s);
        QCOMPARE(s, (std::vector<std::int8_t>{0, 0, 0}));
    }

    // |p - m| <= 1e-10 |p| is a tie: touching the MA is not crossing it, and a
    // bar sitting on it does not count as the "from" side of a later cross
    // unless it is on that side in exact arithmetic.
    void tiesAreEquality() {
        const double p = 100.0;
        const double tiny = p * 1e-12;  // far inside the tie band
        const std::vector<double> price = {p, p, p, p, 101};
        const std::vector<double> ma = {p + 1, p - tiny, p + tiny, p - tiny, p};
        std::vector<std::int8_t> s(price.size());
        crossing_states(price, ma, s);
        // bars 1-3 are ties (no crossing); bar 4 crosses up from the tie.
        QCOMPARE(s, (std::vector<std::int8_t>{0, 0, 0, 0, 1}));
    }

    void growthMultiplierQuirkAtBarZero() {
        QCOMPARE(growth_multiplier(0, 0.001, 0), std::exp(0.001));
        QCOMPARE(growth_multiplier(1, 0.001, 0), std::exp(0.001));
        QCOMPARE(growth_multiplier(5, 0.001, 0), std::exp(0.005));
        QCOMPARE(growth_multiplier(3, 0.001, 10), 1.0);
        QCOMPARE(growth_multiplier(12, 0.001, 10), std::exp(0.002));
    }

    void equityFollowsPreviousState() {
        const std::vector<double> close = {100, 110, 99, 99};
        std::vector<double> r(4);
        scaled_returns(close, 0.0, 0, r);
        QVERIFY(std::isnan(r[0]));
        QVERIFY(std::fabs(r[1] - 0.1) < 1e-15);
        const std::vector<std::int8_t> state = {1, -1, 0, 0};
        std::vector<double> e(4);
        equity_curve(1.0, std::span<const std::int8_t>(state), r, 0, 1.0, e);
        QCOMPARE(e[0], 1.0);
        QCOMPARE(e[1], 1.0 * (1.0 + r[1]));   // long into bar 1
        QCOMPARE(e[2], e[1] * (1.0 - r[2]));  // short into bar 2 (price fell: gain)
        QCOMPARE(e[3], e[2]);                 // flat
    }

    void equityDecayFloorAndCutout() {
        const std::vector<double> close(6, 50.0);
        std::vector<double> r(6);
        scaled_returns(close, 0.0, 2, r);
        const std::vector<std::int8_t> state(6, 0);
        std::vector<double> e(6);
        equity_curve(0.3, std::span<const std::int8_t>(state), r, 2, 0.5, e);
        QVERIFY(std::isnan(e[0]) && std::isnan(e[1]));
        QCOMPARE(e[2], 0.3);
        QCOMPARE(e[3], 0.25);  // 0.15 floored
        QCOMPARE(e[5], 0.25);
        equity_curve(0.1, std::span<const std::int8_t>(state), r, 2, 1.0, e);
        QCOMPARE(e[2], 0.25);  // the floor applies to the first value too
    }

    void layer2UsesSignOfSignal() {
        const std::vector<double> close = {100, 110, 121};
        std::vector<double> r(3);
        scaled_returns(close, 0.0, 0, r);
        const std::vector<double> signal = {0.3, kNaN, -0.01};
        std::vector<double> w(3);
        equity_curve(2.0, std::span<const double>(signal), r, 0, 1.0, w);
        QCOMPARE(w[1], 2.0 * (1.0 + r[1]));
        QCOMPARE(w[2], w[1]);  // NaN is flat
    }

    void round2IsHalfToEven() {
        QCOMPARE(round2(0.125), 0.12);
        QCOMPARE(round2(0.135), 0.14);  // 13.5 -> 14 (0.135*100 = 13.500000000000002)
        QCOMPARE(round2(-0.125), -0.12);
        QCOMPARE(round2(0.375), 0.38);
        QVERIFY(std::isnan(round2(kNaN)));
    }

    void layer1IsEquityWeightedVote() {
        std::vector<double> num(1, 0.0), den(1, 0.0), s(1);
        const std::vector<std::int8_t> up = {1}, down = {-1}, flat = {0};
        const std::vector<double> e1 = {3.0}, e2 = {1.0}, e3 = {4.0};
        layer1_add_member(up, e1, num, den);
        layer1_add_member(down, e2, num, den);
        layer1_add_member(flat, e3, num, den);
        layer1_finish(num, den, s);
        QCOMPARE(s[0], 0.25);  // (3 - 1) / 8
    }

    void thresholdCut() {
        QCOMPARE(threshold_cut(0.11, 0.1, -0.1), 1.0);
        QCOMPARE(threshold_cut(0.1, 0.1, -0.1), 0.0);
        QCOMPARE(threshold_cut(-0.2, 0.1, -0.1), -1.0);
        QCOMPARE(threshold_cut(kNaN, 0.1, -0.1), 0.0);
    }

    void averageAndStrategyShift() {
        AtcParams p;
        const std::size_t n = 3;
        std::array<std::vector<double>, kFamilyCount> sig, w;
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            sig[t] = {0.5, 0.5, -0.5};
            w[t] = {1.0, 1.0, 1.0};
        }
        sig[0] = {0.5, 0.0, 0.05};  // EMA flat at bars 1 and 2
        w[0] = {2.0, 2.0, 2.0};
        std::array<std::span<const double>, kFamilyCount> sv, wv;
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            sv[t] = sig[t];
            wv[t] = w[t];
        }
        std::vector<double> avg(n);
        average_signal(sv, wv, p, avg);
        QCOMPARE(avg[0], 1.0);
        QCOMPARE(avg[1], 5.0 / 7.0);
        QCOMPARE(avg[2], -5.0 / 7.0);
        p.strategy_mode = true;
        average_signal(sv, wv, p, avg);
        QCOMPARE(avg, (std::vector<double>{0.0, 1.0, 5.0 / 7.0}));
    }

    void averageIsZeroBeforeCutoutAndWhenUndefined() {
        AtcParams p;
        p.cutout = 1;
        std::array<std::vector<double>, kFamilyCount> sig, w;
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            sig[t] = {kNaN, 1.0};
            w[t] = {kNaN, 1.0};
        }
        std::array<std::span<const double>, kFamilyCount> sv, wv;
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            sv[t] = sig[t];
            wv[t] = w[t];
        }
        std::vector<double> avg(2);
        average_signal(sv, wv, p, avg);
        QCOMPARE(avg, (std::vector<double>{0.0, 1.0}));
    }

    void markersAlternate() {
        const std::vector<double> avg = {0, 0.5, 0.05, 0.6, -0.3, -0.05, -0.4, 0.2};
        const auto m = entry_markers(avg, 0.1, -0.1);
        // long at 1; no second long at 3 (last was long); short at 4; no short at 6; long at 7.
        QCOMPARE(m.size(), std::size_t{3});
        QCOMPARE(m[0].bar, std::size_t{1});
        QCOMPARE(m[0].direction, Direction::Long);
        QCOMPARE(m[1].bar, std::size_t{4});
        QCOMPARE(m[1].direction, Direction::Short);
        QCOMPARE(m[2].bar, std::size_t{7});
        QCOMPARE(m[2].average, 0.2);
    }

    void scanRowSummarisesLastBar() {
        const std::vector<double> close = {10, 11, 12};
        const std::vector<double> avg = {0, 0.4, -0.2};
        const auto markers = entry_markers(avg, 0.1, -0.1);
        const std::vector<double> w = {kNaN, 1.0, 1.5};
        const std::vector<double> none;  // a family without a series keeps NaN
        const ScanRow row = scan_row(close, avg, markers, {w, w, none, w, w, w});
        QCOMPARE(row.bars, std::size_t{3});
        QCOMPARE(row.average, -0.2);
        QCOMPARE(row.trend, Direction::Short);
        QCOMPARE(row.last_close, 12.0);
        QVERIFY(row.last_marker.has_value());
        QCOMPARE(row.last_marker->direction, Direction::Short);
        QCOMPARE(row.entry_close, 12.0);  // the short entry is at the last bar
        QCOMPARE(row.family_equity[0], 1.5);
        QVERIFY(std::isnan(row.family_equity[2]));
        const std::vector<double> flat = {0.0, 0.0, 0.0};
        const ScanRow no_entry = scan_row(close, flat, {}, {w, w, w, w, w, w});
        QVERIFY(!no_entry.last_marker);
        QVERIFY(std::isnan(no_entry.entry_close));
    }

    // compute_symbol keeps what charts need, shaped and labelled as documented.
    void fullResultShape() {
        const auto close = test::random_walk(500, 11);
        AtcParams p;
        p.robustness = Robustness::Wide;
        p.lengths = {20, 30, 25, 35, 40, 15};
        const AtcResult r = compute_symbol(close, p);
        QCOMPARE(r.bars, close.size());
        for (const MaType t : kAllFamilies) {
            const FamilyResult& f = r.family(t);
            QCOMPARE(f.type, t);
            QCOMPARE(f.base_length, p.length(t));
            QCOMPARE(f.members[4].length, p.length(t) + 7);
            QCOMPARE(f.members[8].offset, -7);
            for (const MemberSeries& m : f.members) {
                QCOMPARE(m.ma.size(), close.size());
                QCOMPARE(m.state.size(), close.size());
                QCOMPARE(m.equity.size(), close.size());
            }
        }
        QCOMPARE(r.average.size(), close.size());
        QCOMPARE(r.row.last_close, close.back());
        QCOMPARE(r.row.average, r.average.back());
    }

    void pineProfileChangesOnlyItsSlots() {
        const auto close = test::random_walk(400, 5);
        AtcParams ref, pine;
        pine.profile = MaProfile::Pine;
        const AtcResult a = compute_symbol(close, ref);
        const AtcResult b = compute_symbol(close, pine);
        QVERIFY(a.family(MaType::EMA).signal == b.family(MaType::EMA).signal);
        QVERIFY(a.family(MaType::KAMA).members[0].ma == b.family(MaType::KAMA).members[0].ma);
        const auto sma28 = test::direct_sma(close, 28);
        for (std::size_t i = 27; i < close.size(); ++i) {
            QVERIFY(std::fabs(b.family(MaType::HMA).members[0].ma[i] - sma28[i]) < 1e-9);
        }
        QVERIFY(a.family(MaType::LSMA).members[0].ma != b.family(MaType::LSMA).members[0].ma);
    }
};

QTEST_APPLESS_MAIN(TestSignals)
#include "test_signals.moc"
