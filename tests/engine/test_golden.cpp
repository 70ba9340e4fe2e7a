// SPDX-License-Identifier: GPL-3.0-or-later
// The engine against the reference implementation's outputs on real market
// data (tests/golden/, tolerances of ATC_SPEC.md).
#include <QtTest>
#include <cmath>
#include <map>

#include "atc/batch.hpp"
#include "atc/compute.hpp"
#include "golden_case.hpp"

using namespace atc;
using atc::test::close_enough;
using atc::test::GoldenCase;

namespace {

constexpr double kValueTolerance = 1e-9;     // MAs, equities, Average
constexpr double kRoundedTolerance = 1e-12;  // Layer-1 values (hundredths)
constexpr double kBoundaryBand = 1e-9;       // pre-rounding distance to a rounding boundary

// The six cases that shared/golden/README.md lists; all must be present.
const QStringList kExpectedCases = {"dax_default",       "flat_segments", "short_series",
                                    "smi_narrow_cutout", "strategy_mode", "ttrc_wide"};

struct Loaded {
    GoldenCase golden;
    AtcResult result;
};

const Loaded& loaded(const QString& name) {
    static std::map<QString, Loaded> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        GoldenCase c = atc::test::load_golden_case(name);
        AtcResult r = compute_symbol(c.close, c.params);
        it = cache.emplace(name, Loaded{std::move(c), std::move(r)}).first;
    }
    return it->second;
}

std::string family_column(MaType t, const char* suffix) {
    return std::string(family_name(t)) + suffix;
}

// Compares one series; on failure names the column and first bad bar.
void compare_series(const std::vector<double>& ours, const std::vector<double>* ref,
                    const std::string& column, double tol) {
    QVERIFY2(ref != nullptr, ("missing reference column " + column).c_str());
    QCOMPARE(ours.size(), ref->size());
    for (std::size_t i = 0; i < ours.size(); ++i) {
        if (!close_enough(ours[i], (*ref)[i], tol)) {
            const QString msg = QString("%1 bar %2: ours %3, reference %4")
                                    .arg(QString::fromStdString(column))
                                    .arg(i)
                                    .arg(ours[i], 0, 'g', 17)
                                    .arg((*ref)[i], 0, 'g', 17);
            QFAIL(qPrintable(msg));
        }
    }
}

void add_case_rows(const QStringList& names) {
    QTest::addColumn<QString>("name");
    for (const QString& n : names)
        QTest::newRow(qPrintable(n)) << n;
}

}  // namespace

class TestGolden : public QObject {
    Q_OBJECT

private slots:
    void allCasesPresent() {
        const QStringList present = atc::test::golden_case_names();
        for (const QString& name : kExpectedCases) {
            QVERIFY2(present.contains(name), qPrintable("golden case missing: " + name));
        }
    }

    void movingAverages_data() { add_case_rows(atc::test::golden_cases_with_members()); }
    void movingAverages() {
        QFETCH(QString, name);
        const Loaded& c = loaded(name);
        QVERIFY(c.golden.mas.has_value());
        for (const FamilyResult& family : c.result.families) {
            for (const MemberSeries& m : family.members) {
                const std::string col =
                    std::string(family_name(family.type)) + "_" + std::to_string(m.length);
                compare_series(m.ma, c.golden.mas->column(col), col, kValueTolerance);
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    void memberStatesAndEquities_data() { add_case_rows(atc::test::golden_cases_with_members()); }
    void memberStatesAndEquities() {
        QFETCH(QString, name);
        const Loaded& c = loaded(name);
        QVERIFY(c.golden.layer1.has_value());
        for (const FamilyResult& family : c.result.families) {
            for (const MemberSeries& m : family.members) {
                const std::string id =
                    std::string(family_name(family.type)) + "_" + std::to_string(m.length);
                const auto* ref_state = c.golden.layer1->column("sig_" + id);
                QVERIFY2(ref_state, ("missing column sig_" + id).c_str());
                for (std::size_t i = 0; i < m.state.size(); ++i) {
                    if (static_cast<double>(m.state[i]) != (*ref_state)[i]) {
                        QFAIL(qPrintable(QString("sig_%1 bar %2: ours %3, reference %4")
                                             .arg(QString::fromStdString(id))
                                             .arg(i)
                                             .arg(int(m.state[i]))
                                             .arg((*ref_state)[i])));
                    }
                }
                compare_series(m.equity, c.golden.layer1->column("eq_" + id), "eq_" + id,
                               kValueTolerance);
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    void layer1Signals_data() { add_case_rows(kExpectedCases); }
    void layer1Signals() {
        QFETCH(QString, name);
        const Loaded& c = loaded(name);
        int boundary_bars = 0;
        for (const FamilyResult& family : c.result.families) {
            const std::string col = family_column(family.type, "_Signal");
            const auto* ref = c.golden.expected.column(col);
            QVERIFY2(ref, ("missing column " + col).c_str());
            QCOMPARE(family.signal.size(), ref->size());
            for (std::size_t i = 0; i < family.signal.size(); ++i) {
                if (close_enough(family.signal[i], (*ref)[i], kRoundedTolerance))
                    continue;
                // Allowed only where the unrounded value sits on a rounding boundary.
                double num = 0.0, den = 0.0;
                for (const MemberSeries& m : family.members) {
                    num += m.state[i] * m.equity[i];
                    den += m.equity[i];
                }
                const double scaled = num / den * 100.0;
                if (std::fabs(scaled - std::floor(scaled) - 0.5) * 0.01 < kBoundaryBand) {
                    ++boundary_bars;
                    qWarning("%s %s bar %zu on a rounding boundary", qPrintable(name), col.c_str(),
                             i);
                    continue;
                }
                QFAIL(qPrintable(QString("%1 bar %2: ours %3, reference %4")
                                     .arg(QString::fromStdString(col))
                                     .arg(i)
                                     .arg(family.signal[i], 0, 'g', 17)
                                     .arg((*ref)[i], 0, 'g', 17)));
            }
        }
        QCOMPARE(boundary_bars, 0);  // the golden README promises none
    }

    void layer2Equities_data() { add_case_rows(kExpectedCases); }
    void layer2Equities() {
        QFETCH(QString, name);
        const Loaded& c = loaded(name);
        for (const FamilyResult& family : c.result.families) {
            const std::string col = family_column(family.type, "_S");
            compare_series(family.weight_equity, c.golden.expected.column(col), col,
                           kValueTolerance);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void averageSignal_data() { add_case_rows(kExpectedCases); }
    void averageSignal() {
        QFETCH(QString, name);
        const Loaded& c = loaded(name);
        compare_series(c.result.average, c.golden.expected.column("Average_Signal"),
                       "Average_Signal", kValueTolerance);
    }

    // The batch path runs the same pipeline: its numbers must be bit-identical.
    void batchMatchesSingleSymbol_data() { add_case_rows(kExpectedCases); }
    void batchMatchesSingleSymbol() {
        QFETCH(QString, name);
        const Loaded& c = loaded(name);
        const std::span<const double> series[] = {c.golden.close};
        const BatchResult batch = compute_batch(series, c.golden.params);
        QCOMPARE(batch.symbols.size(), std::size_t{1});
        const SymbolScan& scan = batch.symbols[0];
        QVERIFY2(scan.ok(), scan.error.c_str());
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            QVERIFY(std::equal(scan.layer1_signals[t].begin(), scan.layer1_signals[t].end(),
                               c.result.families[t].signal.begin(), [](double a, double b) {
                                   return a == b || (std::isnan(a) && std::isnan(b));
                               }));
            QVERIFY(std::equal(scan.layer2_equities[t].begin(), scan.layer2_equities[t].end(),
                               c.result.families[t].weight_equity.begin(), [](double a, double b) {
                                   return a == b || (std::isnan(a) && std::isnan(b));
                               }));
        }
        QVERIFY(scan.average == c.result.average);
        QCOMPARE(scan.markers.size(), c.result.markers.size());
        QCOMPARE(scan.row.average, c.result.row.average);
    }
};

QTEST_APPLESS_MAIN(TestGolden)
#include "test_golden.moc"
