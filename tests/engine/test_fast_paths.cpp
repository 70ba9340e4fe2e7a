// SPDX-License-Identifier: GPL-3.0-or-later
// The fast paths of the engine against the simple ones: the family kernels
// (nine members at once, what the engine runs) against the reference kernels
// (one member at a time, the executable specification), the AVX2 build of
// every kernel against the baseline build, and the fused pipeline against the
// public signal functions. All must agree bit for bit, so that the drift and
// golden checks of the simple paths hold for the fast ones too.
#include <QtTest>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "atc/batch.hpp"
#include "atc/compute.hpp"
#include "atc/moving_averages.hpp"
#include "atc/reference_moving_averages.hpp"
#include "atc/signals.hpp"
#include "atc/validation.hpp"
#include "direct_moving_averages.hpp"
#include "pipeline/simd.hpp"
#include "series_equality.hpp"
#include "varied_parameters.hpp"

#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

using namespace atc;

namespace {

using test::same_bits;  // bitwise: NaN equals NaN, -0 differs from +0
using test::same_values;

bool same_result(const AtcResult& a, const AtcResult& b) {
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        const FamilyResult& fa = a.families[t];
        const FamilyResult& fb = b.families[t];
        for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
            if (!same_bits(fa.members[k].ma, fb.members[k].ma) ||
                !same_bits(fa.members[k].state, fb.members[k].state) ||
                !same_bits(fa.members[k].equity, fb.members[k].equity))
                return false;
        }
        if (!same_bits(fa.signal, fb.signal) || !same_bits(fa.weight_equity, fb.weight_equity))
            return false;
    }
    return same_bits(a.average, b.average) && a.markers.size() == b.markers.size();
}

// Runs `f` with the widest kernels the CPU has, then the baseline ones.
template <typename F>
auto both_builds(F f) {
    using detail::simd::Level;
    detail::simd::limit_level(Level::Avx512);
    auto fast = f();
    detail::simd::limit_level(Level::Baseline);
    auto baseline = f();
    detail::simd::limit_level(Level::Avx512);
    return std::make_pair(std::move(fast), std::move(baseline));
}

// The scalar rule each of simd's comparisons stands for.
struct ScalarComparison {
    const char* name;
    bool (*scalar)(double, double);
};

}  // namespace

class TestFastPaths : public QObject {
    Q_OBJECT

private slots:
    // simd::max_floor is std::max(floor, x), simd::select is mask ? a : b,
    // and the comparisons (with both and is_finite) are the C++ operators,
    // bit for bit on NaN, signed-zero, equal, tiny and infinite lanes, in
    // every build: the AVX2 and AVX-512 ones do each in one instruction of
    // their own (inline assembly), the AVX-512 ones into mask registers.
    void simdHelpersFollowTheScalarRules() {
        namespace simd = detail::simd;
        using simd::Level;
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        const std::array<double, 16> xs = {nan,    -nan,  0.0,  -0.0,   0.25,   0.2499,
                                           0.2501, inf,   -inf, 1e308,  5e-324, -3.0,
                                           1.0,    -0.25, 0.25, -5e-324};
        static_assert(std::tuple_size_v<decltype(xs)> % 8 == 0, "whole vectors of every width");
        const std::array<double, 16> others = {0.25,  -0.0, -0.0, 0.0,  0.25, nan,   -3.0,   inf,
                                               1e308, inf,  0.0,  -3.0, nan,  -0.25, 0.2501, 0.0};
        const ScalarComparison comparisons[] = {
            {"equal", [](double a, double b) { return a == b; }},
            {"not_equal", [](double a, double b) { return a != b; }},
            {"less", [](double a, double b) { return a < b; }},
            {"less_equal", [](double a, double b) { return a <= b; }},
            {"greater", [](double a, double b) { return a > b; }},
            {"greater_equal", [](double a, double b) { return a >= b; }},
        };
        for (const Level level : {Level::Avx512, Level::Avx2, Level::Baseline}) {
            simd::limit_level(level);
            const QString build = level == Level::Avx512 ? QStringLiteral("widest")
                                  : level == Level::Avx2 ? QStringLiteral("AVX2 or less")
                                                         : QStringLiteral("baseline");
            for (const double floor : {0.25, 0.0, -0.0}) {
                std::vector<double> maxed(xs.size()), picked(xs.size()), both(xs.size()),
                    finite(xs.size());
                std::array<std::vector<double>, 6> compared;
                for (auto& c : compared)
                    c.resize(xs.size());
                simd::dispatch_widest([&]<class V>() ATC_INLINE {
                    for (std::size_t i = 0; i < xs.size(); i += simd::kWidth<V>) {
                        const V x = simd::load<V>(xs.data() + i);
                        const V other = simd::load<V>(others.data() + i);
                        const V f = simd::splat<V>(floor);
                        simd::store(maxed.data() + i, simd::max_floor(f, x));
                        simd::store(picked.data() + i, simd::select(simd::greater(x, f), x, other));
                        simd::store(both.data() + i,
                                    simd::select(simd::both<V>(simd::greater(x, f),
                                                               simd::less_equal(other, f)),
                                                 x, other));
                        simd::store(finite.data() + i, simd::select(simd::is_finite(x), x, f));
                        const auto put = [&](std::size_t c, simd::Mask<V> m) ATC_INLINE {
                            simd::store(compared[c].data() + i, simd::select(m, x, other));
                        };
                        put(0, simd::equal(x, other));
                        put(1, simd::not_equal(x, other));
                        put(2, simd::less(x, other));
                        put(3, simd::less_equal(x, other));
                        put(4, simd::greater(x, other));
                        put(5, simd::greater_equal(x, other));
                    }
                });
                for (std::size_t i = 0; i < xs.size(); ++i) {
                    const double x = xs[i];
                    const double other = others[i];
                    const QString where =
                        QStringLiteral("%1 build, floor %2, lane %3").arg(build).arg(floor).arg(i);
                    QVERIFY2(same_bits(maxed[i], std::max(floor, x)), qPrintable(where));
                    QVERIFY2(same_bits(picked[i], x > floor ? x : other), qPrintable(where));
                    QVERIFY2(same_bits(both[i], x > floor && other <= floor ? x : other),
                             qPrintable(where));
                    QVERIFY2(same_bits(finite[i], std::isfinite(x) ? x : floor), qPrintable(where));
                    for (std::size_t c = 0; c < compared.size(); ++c) {
                        QVERIFY2(
                            same_bits(compared[c][i], comparisons[c].scalar(x, other) ? x : other),
                            qPrintable(where + ", " + comparisons[c].name));
                    }
                }
            }
        }
        simd::limit_level(Level::Avx512);
    }

    void familyKernelsMatchSingleMembers_data() {
        QTest::addColumn<int>("base");
        QTest::addColumn<int>("robustness");
        QTest::addColumn<int>("bars");
        QTest::newRow("Wide base 8 (lengths 1..15)") << 8 << int(Robustness::Wide) << 3000;
        QTest::newRow("Medium base 28") << 28 << int(Robustness::Medium) << 3000;
        QTest::newRow("Narrow base 300") << 300 << int(Robustness::Narrow) << 3000;
        QTest::newRow("shorter than the windows") << 28 << int(Robustness::Medium) << 25;
        QTest::newRow("one bar") << 5 << int(Robustness::Narrow) << 1;
        // Long enough for many re-anchorings, at several decades of price.
        QTest::newRow("100k bars base 34") << 34 << int(Robustness::Medium) << 100000;
    }
    void familyKernelsMatchSingleMembers() {
        QFETCH(int, base);
        QFETCH(int, robustness);
        QFETCH(int, bars);
        const auto x = test::random_walk(static_cast<std::size_t>(bars), 17, 5000.0, 0.02);
        const auto lengths = member_lengths(base, Robustness(robustness));
        ma::MaScratch scratch;
        for (const MaType type : kAllFamilies) {
            for (const MaProfile profile : {MaProfile::Reference, MaProfile::Pine}) {
                std::array<std::vector<double>, kMembersPerFamily> family;
                std::array<std::span<double>, kMembersPerFamily> outs;
                for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
                    family[k].assign(x.size(), -1.0);
                    outs[k] = family[k];
                }
                const auto [fast, baseline] = both_builds([&] {
                    ma::compute_family(type, profile, x, lengths, outs, scratch);
                    return family;
                });
                for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
                    std::vector<double> single(x.size());
                    ma::reference::compute_member(type, profile, x, lengths[k], single, scratch);
                    const QByteArray what =
                        QByteArray(family_name(type).data(), qsizetype(family_name(type).size())) +
                        " profile " + QByteArray::number(int(profile)) + " length " +
                        QByteArray::number(lengths[k]);
                    QVERIFY2(same_bits(fast[k], single), what + " (AVX2 build)");
                    QVERIFY2(same_bits(baseline[k], single), what + " (baseline build)");
                }
            }
        }
    }

    void pipelineIsTheSameInBothBuilds() {
        const auto close = test::random_walk(2500, 23);
        for (const AtcParams& p : test::varied_parameter_sets()) {
            const auto [fast, baseline] = both_builds([&] { return compute_symbol(close, p); });
            QVERIFY(same_result(fast, baseline));
        }
    }

    // A drawn (lean) result keeps, bit for bit, what the full one has in the
    // series it keeps, every member's last state and equity, and nothing else.
    void drawnResultIsTheFullOneLessTheMembers() {
        for (const std::size_t bars : {std::size_t{40}, std::size_t{2000}}) {
            const auto close = test::random_walk(bars, 31);
            for (const AtcParams& p : test::varied_parameter_sets()) {
                const AtcResult full = compute_symbol(close, p);
                const AtcResult lean = compute_symbol(close, p, KeptSeries::drawn());
                QVERIFY(full.kept == KeptSeries::everything());
                QVERIFY(lean.kept == KeptSeries::drawn());
                for (std::size_t t = 0; t < kFamilyCount; ++t) {
                    const FamilyResult& f = full.families[t];
                    const FamilyResult& l = lean.families[t];
                    QVERIFY(same_bits(l.signal, f.signal));
                    QVERIFY(same_bits(l.weight_equity, f.weight_equity));
                    QVERIFY(same_bits(l.members[0].ma, f.members[0].ma));
                    QVERIFY(same_bits(l.members[0].state, f.members[0].state));
                    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
                        const MemberSeries& fm = f.members[k];
                        const MemberSeries& lm = l.members[k];
                        QCOMPARE(lm.length, fm.length);
                        QCOMPARE(lm.offset, fm.offset);
                        QCOMPARE(fm.last_state, fm.state.back());
                        QVERIFY(same_bits(std::vector{fm.last_equity}, {fm.equity.back()}));
                        QCOMPARE(lm.last_state, fm.last_state);
                        QVERIFY(same_bits(std::vector{lm.last_equity}, {fm.last_equity}));
                        QVERIFY(lm.equity.empty());
                        if (k > 0)
                            QVERIFY(lm.ma.empty() && lm.state.empty());
                    }
                }
                QVERIFY(same_bits(lean.average, full.average));
                QCOMPARE(lean.markers.size(), full.markers.size());
                for (std::size_t m = 0; m < full.markers.size(); ++m) {
                    QCOMPARE(lean.markers[m].bar, full.markers[m].bar);
                    QCOMPARE(lean.markers[m].direction, full.markers[m].direction);
                }
                QCOMPARE(lean.row.average, full.row.average);
                QCOMPARE(lean.row.trend, full.row.trend);
            }
        }
    }

    // One family's members on their own are, bit for bit, the full result's,
    // also right after a longer series left its buffers to the thread. (The
    // full result computes the Hull average over the WMA family's lanes when
    // their lengths are equal, compute_members from the prices alone.)
    void membersAreTheFullResultsFamily() {
        compute_members(test::random_walk(3000, 37), AtcParams{}, MaType::KAMA);
        for (const std::size_t bars : {std::size_t{40}, std::size_t{2000}}) {
            const auto close = test::random_walk(bars, 31);
            for (const AtcParams& p : test::varied_parameter_sets()) {
                const AtcResult full = compute_symbol(close, p);
                for (const MaType type : kAllFamilies) {
                    const FamilyMembers members = compute_members(close, p, type);
                    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
                        const MemberSeries& want = full.family(type).members[k];
                        const MemberSeries& got = members[k];
                        QCOMPARE(got.length, want.length);
                        QCOMPARE(got.offset, want.offset);
                        QVERIFY(same_bits(got.ma, want.ma));
                        QVERIFY(same_bits(got.state, want.state));
                        QVERIFY(same_bits(got.equity, want.equity));
                        QCOMPARE(got.last_state, want.last_state);
                        QVERIFY(same_bits(std::vector{got.last_equity}, {want.last_equity}));
                    }
                }
            }
        }
        AtcParams invalid;
        invalid.cutout = -1;
        QVERIFY_THROWS_EXCEPTION(InvalidInput,
                                 compute_members(test::random_walk(100, 3), invalid, MaType::EMA));
    }

    // The fused per-family pass computes exactly what the public stage functions do.
    void pipelineMatchesPublicSignalFunctions() {
        const auto close = test::random_walk(1500, 29);
        for (const AtcParams& p : test::varied_parameter_sets()) {
            const AtcResult r = compute_symbol(close, p);
            std::vector<double> returns(close.size());
            scaled_returns(close, p.lambda / 1000.0, p.cutout, returns);
            const double keep = 1.0 - p.decay / 100.0;
            std::array<std::span<const double>, kFamilyCount> family_signals, family_equities;
            for (std::size_t t = 0; t < kFamilyCount; ++t) {
                const FamilyResult& f = r.families[t];
                std::vector<double> num(close.size(), 0.0), den(close.size(), 0.0);
                for (const MemberSeries& m : f.members) {
                    std::vector<std::int8_t> state(close.size());
                    crossing_states(close, m.ma, state);
                    QVERIFY(same_bits(state, m.state));
                    std::vector<double> equity(close.size());
                    equity_curve(1.0, std::span<const std::int8_t>(state), returns, p.cutout, keep,
                                 equity);
                    QVERIFY(same_bits(equity, m.equity));
                    layer1_add_member(state, equity, num, den);
                }
                // Summed in another order, so equal once rounded to hundredths
                // (a 0.0 may come out as -0.0 or the other way round).
                std::vector<double> signal(close.size());
                layer1_finish(num, den, signal);
                QVERIFY(same_values(signal, f.signal));
                std::vector<double> weight(close.size());
                equity_curve(p.weight(MaType(t)), std::span<const double>(f.signal), returns,
                             p.cutout, keep, weight);
                QVERIFY(same_bits(weight, f.weight_equity));
                family_signals[t] = f.signal;
                family_equities[t] = f.weight_equity;
            }
            std::vector<double> average(close.size());
            average_signal(family_signals, family_equities, p, average);
            QVERIFY(same_bits(average, r.average));
        }
    }

    // compute_symbol reuses per-thread buffers; a longer series before must not
    // leave anything behind.
    void reusedBuffersLeaveNoTrace() {
        const auto longer = test::random_walk(4000, 31);
        const auto shorter = test::random_walk(700, 37);
        const AtcParams p;
        const AtcResult first = compute_symbol(shorter, p);
        compute_symbol(longer, p);
        QVERIFY(same_result(compute_symbol(shorter, p), first));
    }

    // Symbols of one length group though they are not neighbours (a folder
    // sorted by name), with the numbers each has alone; a length with too few
    // symbols for a group runs one by one.
    void equalLengthsGroupWhereverTheyStand() {
        const std::size_t width = 4;  // at most; SSE2 groups two
        std::vector<std::vector<double>> series;
        for (unsigned s = 0; s < 2 * width; ++s)  // 900, 700, 900, 700, ...
            series.push_back(test::random_walk(s % 2 == 0 ? 900 : 700, s + 11));
        series.push_back(test::random_walk(650, 99));  // alone in its length
        const std::vector<std::span<const double>> views(series.begin(), series.end());
        BatchOptions timing;
        StageTimes times;
        timing.stage_times = &times;
        timing.stages_apart = false;
        const BatchResult batch = compute_batch(views, AtcParams{}, timing);
        for (std::size_t s = 0; s < series.size(); ++s) {
            const BatchResult alone = compute_batch(std::span(views).subspan(s, 1), AtcParams{});
            QVERIFY(same_bits(batch.symbols[s].average, alone.symbols[0].average));
            QCOMPARE(batch.symbols[s].row.average, alone.symbols[0].row.average);
        }
#if !defined(ATC_SANITIZED)          // sanitizer builds have no symbol lanes
        QVERIFY(times.fused > 0.0);  // the 900s and the 700s in groups
#endif
        QVERIFY(times.moving_averages > 0.0);  // the 650 alone
    }

    void stageTimingChangesNothing() {
        std::vector<std::vector<double>> series;
        for (unsigned s = 0; s < 8; ++s)
            series.push_back(test::random_walk(900, s + 3));
        const std::vector<std::span<const double>> views(series.begin(), series.end());
        BatchOptions timed;
        StageTimes times;
        timed.stage_times = &times;
        const BatchResult plain = compute_batch(views, AtcParams{});
        const BatchResult with_times = compute_batch(views, AtcParams{}, timed);
        for (std::size_t s = 0; s < series.size(); ++s)
            QVERIFY(same_bits(plain.symbols[s].average, with_times.symbols[s].average));
        QVERIFY(times.moving_averages > 0.0 && times.layer1 > 0.0 && times.layer2 > 0.0 &&
                times.final_stage > 0.0);
        QCOMPARE(times.fused, 0.0);  // every symbol on its own, each stage timed

        // Timed as a whole (the app's scans): the eight equal-length symbols
        // run in vector groups, as without timing, with the same numbers.
        BatchOptions fused;
        StageTimes fused_times;
        fused.stage_times = &fused_times;
        fused.stages_apart = false;
        const BatchResult grouped = compute_batch(views, AtcParams{}, fused);
        for (std::size_t s = 0; s < series.size(); ++s)
            QVERIFY(same_bits(plain.symbols[s].average, grouped.symbols[s].average));
#if !defined(ATC_SANITIZED)  // sanitizer builds have no symbol lanes
        QVERIFY(fused_times.fused > 0.0);
        QCOMPARE(fused_times.moving_averages, 0.0);  // no symbol ran alone
        QCOMPARE(fused_times.total(), fused_times.fused);
#endif

        StageTimes single_times;
        const AtcResult a = compute_symbol(series[0], AtcParams{}, &single_times);
        QVERIFY(same_result(a, compute_symbol(series[0], AtcParams{})));
        QVERIFY(single_times.total() > 0.0);
    }
};

QTEST_APPLESS_MAIN(TestFastPaths)
#include "test_fast_paths.moc"
