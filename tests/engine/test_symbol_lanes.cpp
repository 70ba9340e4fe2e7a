// SPDX-License-Identifier: GPL-3.0-or-later
// The symbol-lane path of compute_batch (pipeline/symbol_lanes.cpp: groups of
// equal-length symbols, one per vector lane) against the per-symbol path
// (a batch of one symbol runs that), bit for bit: every kept series, the
// markers and the scan row, on real data (the golden inputs) under the golden
// cases' parameters and a few more, for batches of 1 to 9 symbols (so groups
// and remainders mix), with the AVX-512 build (eight symbols a vector, then
// four in AVX2), the AVX2 build (four) and the baseline one (two).
#include <QtTest>

// Sanitizer builds leave the symbol lanes out (pipeline/symbol_lanes.cpp says
// why): there is nothing of them to check, and the kernels this test
// instantiates are what clang takes too long over.
#if defined(ATC_SANITIZED)
class TestSymbolLanes : public QObject {
    Q_OBJECT
private slots:
    void builtWithoutTheLanes() { QSKIP("sanitizer build: no symbol lanes (symbol_lanes.cpp)"); }
};
#else
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <tbb/task_arena.h>

#include "atc/batch.hpp"
#include "atc/scan_budget.hpp"
#include "atc/workspace_gauge.hpp"
#include "golden_case.hpp"
#include "ma/family_kernels.hpp"
#include "ma/family_lanes.hpp"
#include "ma/symbol_lane_mas.hpp"
#include "pipeline/simd.hpp"
#include "series_equality.hpp"

#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp
// GCC 12 takes simd::splat's lane loop for a read of the unset vector when it
// inlines the members' constructors into the arrays here (a false positive).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

using namespace atc;
using detail::simd::Level;

namespace {

using test::same_bits;

bool same_marker(const EntryMarker& a, const EntryMarker& b) {
    return a.bar == b.bar && a.direction == b.direction && same_bits(a.average, b.average);
}

// The first difference between two scans of one symbol, or empty.
std::string difference(const SymbolScan& ours, const SymbolScan& ref) {
    if (ours.error != ref.error || ours.computed != ref.computed)
        return "error/computed: '" + ours.error + "' against '" + ref.error + "'";
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        if (!same_bits(ours.layer1_signals[t], ref.layer1_signals[t]))
            return "layer-1 signal of family " + std::to_string(t);
        if (!same_bits(ours.layer2_equities[t], ref.layer2_equities[t]))
            return "layer-2 equity of family " + std::to_string(t);
    }
    if (!same_bits(ours.average, ref.average))
        return "average";
    if (ours.markers.size() != ref.markers.size())
        return "marker count";
    for (std::size_t m = 0; m < ref.markers.size(); ++m) {
        if (!same_marker(ours.markers[m], ref.markers[m]))
            return "marker " + std::to_string(m);
    }
    const ScanRow& a = ours.row;
    const ScanRow& b = ref.row;
    if (a.bars != b.bars || !same_bits(a.average, b.average) || a.trend != b.trend ||
        !same_bits(a.last_close, b.last_close) || !same_bits(a.entry_close, b.entry_close) ||
        a.last_marker.has_value() != b.last_marker.has_value() ||
        (a.last_marker && !same_marker(*a.last_marker, *b.last_marker)))
        return "scan row";
    for (std::size_t t = 0; t < kFamilyCount; ++t) {
        if (!same_bits(a.family_equity[t], b.family_equity[t]))
            return "scan row's equity of family " + std::to_string(t);
    }
    return {};
}

// `count` symbols of `bars` bars each: windows of a golden input at different
// offsets (real prices, a different series in every lane).
std::vector<std::vector<double>> symbols(const std::vector<double>& source, std::size_t count,
                                         std::size_t bars) {
    std::vector<std::vector<double>> out;
    const std::size_t room = source.size() - bars;
    for (std::size_t s = 0; s < count; ++s) {
        const std::size_t offset = room == 0 ? 0 : (s * 389) % (room + 1);
        out.emplace_back(source.begin() + offset, source.begin() + offset + bars);
    }
    return out;
}

// Compares the batch of `series` with each symbol's own batch; empty when equal.
std::string compare(const std::vector<std::vector<double>>& series, const AtcParams& params,
                    bool keep_series) {
    const std::vector<std::span<const double>> views(series.begin(), series.end());
    BatchOptions options;
    options.keep_series = keep_series;
    const BatchResult together = compute_batch(views, params, options);
    for (std::size_t s = 0; s < series.size(); ++s) {
        const std::span<const double> one[] = {series[s]};
        const BatchResult alone = compute_batch(one, params, options);
        const std::string d = difference(together.symbols[s], alone.symbols[0]);
        if (!d.empty())
            return "symbol " + std::to_string(s) + " of " + std::to_string(series.size()) + ": " +
                   d;
    }
    return {};
}

struct Setting {
    const char* name;
    AtcParams params;
};

// The golden cases' parameters and a few more: cutouts, robustness, weights.
std::vector<Setting> settings() {
    std::vector<Setting> out;
    for (const QString& name : test::golden_case_names())
        out.push_back({"golden", test::load_golden_case(name).params});
    AtcParams cut;
    cut.cutout = 50;
    out.push_back({"cutout 50", cut});
    AtcParams one_bar;
    one_bar.cutout = 1;
    one_bar.robustness = Robustness::Wide;
    one_bar.lengths = {8, 9, 10, 11, 12, 13};  // Wide: members from 1 bar (LSMA's price itself)
    out.push_back({"short lengths, cutout 1", one_bar});
    AtcParams weighted;
    weighted.weights = {0.2, 1.5, 0.5, 2.0, 0.1, 3.0};
    weighted.strategy_mode = true;
    weighted.long_threshold = 0.3;
    weighted.short_threshold = -0.1;
    out.push_back({"weights, strategy mode", weighted});
    AtcParams pine;  // not a symbol-lane profile: every symbol on its own
    pine.profile = MaProfile::Pine;
    out.push_back({"pine profile", pine});
    return out;
}

namespace lanes = ma::detail::symbol_lanes;

// What a member's constructor may take: the interleaved closes and their
// steps, the bars, and the member's part of the Hull rings.
struct MemberInputs {
    const double* x;
    const double* steps;
    std::size_t n;
    double* ring;
};

// Every member's value at every bar, symbol-lane kernels against the family
// kernels of each symbol, bit for bit; empty when equal. The members run in
// blocks of `block` bars, as the scan runs them in its own blocks.
// (Inlined, as is compare_all_members, into the frame of the vector width:
// simd::dispatch_widest's, which the AVX-512 build's assembly needs.)
template <class V, class Member, class Make>
ATC_INLINE inline std::string compare_members(MaType type,
                                              const std::vector<std::vector<double>>& series,
                                              const ma::detail::MemberLengths& lengths, Make make,
                                              std::size_t block) {
    constexpr std::size_t kWidth = detail::simd::kWidth<V>;
    const std::size_t n = series[0].size();
    std::vector<double> x(n * kWidth), steps(n * kWidth, 0.0), rings;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t s = 0; s < kWidth; ++s) {
            x[i * kWidth + s] = series[s][i];
            if (i > 0)
                steps[i * kWidth + s] = std::fabs(series[s][i] - series[s][i - 1]);
        }
    }
    std::size_t ring_rows = 0;
    for (const int length : lengths)
        ring_rows += lanes::HullMember<V>::ring_rows(length);
    rings.resize(ring_rows * kWidth);
    std::array<Member, kMembersPerFamily> members;
    double* ring = rings.data();
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        members[k] = make(MemberInputs{x.data(), steps.data(), n, ring}, lengths[k]);
        ring += lanes::HullMember<V>::ring_rows(lengths[k]) * kWidth;
    }
    std::vector<double> ours(n * kMembersPerFamily * kWidth);
    for (std::size_t begin = 0; begin < n; begin += block) {
        lanes::members_bars<V>(
            members, std::make_index_sequence<kMembersPerFamily>{}, x.data(), begin,
            std::min(n, begin + block),
            [&](std::size_t i, V, const std::array<V, kMembersPerFamily>& v) ATC_INLINE {
                for (std::size_t k = 0; k < kMembersPerFamily; ++k)
                    detail::simd::store(ours.data() + (i * kMembersPerFamily + k) * kWidth, v[k]);
            });
    }
    ma::MaScratch scratch;
    std::vector<double> family(n * ma::kLaneStride);
    for (std::size_t s = 0; s < kWidth; ++s) {
        ma::detail::family_lanes(type, MaProfile::Reference, series[s], lengths, family, scratch);
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
                const double a = ours[(i * kMembersPerFamily + k) * kWidth + s];
                const double b = family[i * ma::kLaneStride + k];
                if (!same_bits(a, b)) {
                    char text[200];
                    std::snprintf(text, sizeof text,
                                  "family %d, symbol %zu, member %zu (%d bars), bar %zu: %.17g "
                                  "against %.17g",
                                  static_cast<int>(type), s, k, lengths[k], i, a, b);
                    return text;
                }
            }
        }
    }
    return {};
}

// All six families' members for `width` symbols of `bars` bars.
template <class V>
ATC_INLINE inline std::string compare_all_members(const std::vector<double>& source,
                                                  std::size_t bars,
                                                  const ma::detail::MemberLengths& lengths,
                                                  std::size_t block) {
    const auto series = symbols(source, detail::simd::kWidth<V>, bars);
    using lanes::WindowKind;
    std::string d;
    const auto check = [&]<class Member>(MaType type, auto make) ATC_INLINE {
        if (d.empty())
            d = compare_members<V, Member>(type, series, lengths, make, block);
    };
    check.template operator()<lanes::EmaMember<V, false>>(
        MaType::EMA, [](const MemberInputs& in, int length)
                         ATC_INLINE { return lanes::EmaMember<V, false>(in.x, in.n, length); });
    check.template operator()<lanes::EmaMember<V, true>>(
        MaType::DEMA, [](const MemberInputs& in, int length)
                          ATC_INLINE { return lanes::EmaMember<V, true>(in.x, in.n, length); });
    check.template operator()<lanes::KamaMember<V>>(
        MaType::KAMA, [](const MemberInputs& in, int length) ATC_INLINE {
            // The steps series where the width keeps one; else computed.
            return lanes::KamaMember<V>(in.x, lanes::kKeptSteps<V> ? in.steps : nullptr, length);
        });
    check.template operator()<lanes::WindowMember<V, WindowKind::Wma>>(
        MaType::WMA, [](const MemberInputs& in, int length) ATC_INLINE {
            return lanes::WindowMember<V, WindowKind::Wma>(in.x, length);
        });
    check.template operator()<lanes::WindowMember<V, WindowKind::Lsma>>(
        MaType::LSMA, [](const MemberInputs& in, int length) ATC_INLINE {
            return lanes::WindowMember<V, WindowKind::Lsma>(in.x, length);
        });
    check.template operator()<lanes::HullMember<V>>(
        MaType::HMA, [](const MemberInputs& in, int length)
                         ATC_INLINE { return lanes::HullMember<V>(in.x, length, in.ring); });
    return d;
}

}  // namespace

class TestSymbolLanes : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { detail::simd::limit_level(Level::Avx512); }

    void sameAsPerSymbol_data() {
        QTest::addColumn<int>("level");
        QTest::newRow("widest build") << int(Level::Avx512);
        QTest::newRow("AVX2 build") << int(Level::Avx2);
        QTest::newRow("baseline build") << int(Level::Baseline);
    }

    // Every setting, batches of 1..9 symbols of the golden lengths and edge
    // lengths (shorter than the longest window, a few bars past the cutout).
    void sameAsPerSymbol() {
        QFETCH(int, level);
        detail::simd::limit_level(Level(level));
        const std::vector<double> source = test::load_golden_case("ttrc_wide").close;
        for (const Setting& setting : settings()) {
            const std::size_t cut = static_cast<std::size_t>(setting.params.cutout);
            for (const std::size_t bars :
                 {std::size_t{5550}, std::size_t{1860}, std::size_t{400}, std::size_t{60},
                  std::size_t{30}, cut + 2, std::size_t{3}}) {
                for (std::size_t count = 1; count <= 9; ++count) {
                    if (bars > 400 && count != 4 && count != 9)
                        continue;  // the long ones in a full group and with a remainder
                    for (const bool keep : {true, false}) {
                        const std::string d =
                            compare(symbols(source, count, bars), setting.params, keep);
                        QVERIFY2(d.empty(), qPrintable(QStringLiteral("%1, %2 bars, %3: %4")
                                                           .arg(setting.name)
                                                           .arg(bars)
                                                           .arg(keep ? "kept" : "summary")
                                                           .arg(QString::fromStdString(d))));
                    }
                }
            }
        }
    }

    // The moving averages alone, where a last-bit difference would hardly
    // show in the rounded signals: every member of every family, both vector
    // widths, against the family kernels, over runs of bars that re-anchor
    // the windows many times, and lengths from one bar to more than the series.
    void membersEqualFamilyKernels() {
        const std::vector<double> source = test::load_golden_case("ttrc_wide").close;
        struct Lengths {
            int base;
            Robustness robustness;
        };
        for (const Lengths l : {Lengths{28, Robustness::Medium}, Lengths{8, Robustness::Wide},
                                Lengths{45, Robustness::Narrow}, Lengths{300, Robustness::Wide}}) {
            const auto lengths = member_lengths(l.base, l.robustness);
            for (const std::size_t bars : {std::size_t{3000}, std::size_t{200}, std::size_t{5}}) {
                for (const std::size_t block : {std::size_t{64}, std::size_t{37}}) {
                    // Each width in its own frame: eight lanes where the CPU
                    // has AVX-512, four with AVX2, two in the baseline.
                    for (const Level level : {Level::Avx512, Level::Avx2, Level::Baseline}) {
                        detail::simd::limit_level(level);
                        std::string d;
                        detail::simd::dispatch_widest([&]<class V>() ATC_INLINE {
                            d = compare_all_members<V>(source, bars, lengths, block);
                        });
                        QVERIFY2(d.empty(), d.c_str());
                    }
                }
            }
        }
    }

    // A group with an invalid symbol: the others still equal their own runs,
    // and the bad one gets its error.
    void groupWithARefusedSymbol() {
        const std::vector<double> source = test::load_golden_case("dax_default").close;
        auto series = symbols(source, 8, 500);
        series[2][100] = -1.0;  // not a price
        QVERIFY(compare(series, AtcParams{}, true).empty());
        const std::vector<std::span<const double>> views(series.begin(), series.end());
        const BatchResult result = compute_batch(views, AtcParams{});
        QVERIFY(!result.symbols[2].ok());
        QVERIFY(result.symbols[3].ok());
    }

    // A worker that runs groups and a remainder holds no more than the
    // estimate the scan budget plans with (the groups use its MA lanes and
    // signal buffers).
    void workerMemoryWithinTheEstimate() {
        const std::vector<double> source = test::load_golden_case("ttrc_wide").close;
        const auto series = symbols(source, 9, 4000);
        const std::vector<std::span<const double>> views(series.begin(), series.end());
        WorkspaceGauge gauge;
        BatchOptions options;
        options.keep_series = false;
        options.workspace_gauge = &gauge;
        tbb::task_arena one_worker(1);
        one_worker.execute([&] { compute_batch(views, AtcParams{}, options); });
        QVERIFY2(gauge.peak_bytes() <= estimate_worker_scratch_bytes(4000, false),
                 qPrintable(QString::number(gauge.peak_bytes())));
    }

    // The builds of the symbol-lane path agree with each other too.
    void widestEqualsBaseline() {
        const std::vector<double> source = test::load_golden_case("smi_narrow_cutout").close;
        const auto series = symbols(source, 8, 1860);
        const std::vector<std::span<const double>> views(series.begin(), series.end());
        const AtcParams params = test::load_golden_case("smi_narrow_cutout").params;
        const BatchResult wide = compute_batch(views, params);
        for (const Level level : {Level::Avx2, Level::Baseline}) {
            detail::simd::limit_level(level);
            const BatchResult narrower = compute_batch(views, params);
            for (std::size_t s = 0; s < series.size(); ++s)
                QVERIFY2(difference(wide.symbols[s], narrower.symbols[s]).empty(),
                         qPrintable(QString::number(s)));
        }
    }
};

#endif  // ATC_SANITIZED

QTEST_GUILESS_MAIN(TestSymbolLanes)
#include "test_symbol_lanes.moc"
