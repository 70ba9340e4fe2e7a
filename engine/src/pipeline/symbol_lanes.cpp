// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/symbol_lanes.hpp"

// The sanitizer builds (clang with ASan/UBSan or TSan, ATC_SANITIZED) leave
// the symbol lanes out: clang spent over 15 minutes and 6 GB compiling this
// file's inlined kernels with the sanitizers on (and was still at it after 3
// minutes without them), more than the CI run has.
// Those builds run every symbol on the per-symbol path, whose kernels the
// sanitized suites check; the lanes are checked bit for bit against it in
// the Release build (test_symbol_lanes).
#if defined(ATC_SANITIZED)

namespace atc::detail {

std::size_t symbol_lane_width() {
    return 1;
}

std::size_t smallest_symbol_group() {
    return 1;
}

bool symbol_lanes_apply(const AtcParams&, std::size_t) {
    return false;
}

void run_scan_group(std::span<const std::span<const double>> closes, const AtcParams& params,
                    bool keep_series, PipelineWorkspace& ws, std::span<SymbolScan* const> scans) {
    for (std::size_t s = 0; s < closes.size(); ++s)
        run_scan(closes[s], params, keep_series, false, ws, *scans[s]);
}

}  // namespace atc::detail

#else

#include <algorithm>
#include <cassert>
#include <limits>
#include <memory>
#include <type_traits>
#include <utility>

#include "atc/signals.hpp"
#include "ma/symbol_lane_mas.hpp"
#include "pipeline/simd.hpp"
#include "signal/symbol_lane_layers.hpp"
#include "system/huge_pages.hpp"

#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::detail {
namespace {

using namespace atc::detail::symbol_lanes;
using ma::detail::symbol_lanes::EmaMember;
using ma::detail::symbol_lanes::HullMember;
using ma::detail::symbol_lanes::KamaMember;
using ma::detail::symbol_lanes::kKeptSteps;
using ma::detail::symbol_lanes::row;
using ma::detail::symbol_lanes::WindowKind;
using ma::detail::symbol_lanes::WindowMember;

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

// Bars per block: every member runs a block's bars with its state in
// registers, the family's sums waiting in the block's rows (in L1). The rows
// of 64 bars are 31 KB at four symbols a vector; at eight, 32 bars keep them
// that size (measured 4 % faster than 64; at four, 64 is 1 % faster than 32).
template <class V>
constexpr std::size_t kBlock = simd::kWidth<V> == 8 ? 32 : 64;

template <class Member>
using Members = std::array<Member, kMembersPerFamily>;

// What a block's bars share, row r for bar begin + r.
template <class V>
struct Block {
    std::array<V, kBlock<V> + 1> band, minus_band;  // row r + 1; row 0 is bar begin - 1
    std::array<V, kBlock<V>> keep_return;
    std::array<SumSlots<V>, kBlock<V>> num, den;
    std::array<std::array<V, kBlock<V>>, kFamilyCount> signal;
};

// A group's state between blocks: every member's, and the block's rows (some
// 40 KB for four symbols, on the heap: locals this size the compiler copied
// about).
template <class V>
struct GroupState {
    Members<EmaMember<V, false>> ema;
    Members<HullMember<V>> hma;
    Members<WindowMember<V, WindowKind::Wma>> wma;
    Members<EmaMember<V, true>> dema;
    Members<WindowMember<V, WindowKind::Lsma>> lsma;
    Members<KamaMember<V>> kama;
    std::array<Members<MemberLayer1<V>>, kFamilyCount> layer1;
    Layer2<V> layer2;
    std::array<V, kFamilyCount> previous_signal{};
    Block<V> block;

    GroupState(const AtcParams& params, const double* x, const double* steps, std::size_t n,
               std::vector<double>& rings) {
        const auto lengths = [&](MaType t) {
            return member_lengths(params.length(t), params.robustness);
        };
        const auto hma_lengths = lengths(MaType::HMA);
        std::size_t ring_rows = 0;
        for (const int length : hma_lengths)
            ring_rows += HullMember<V>::ring_rows(length);
        if (rings.size() < ring_rows * simd::kWidth<V>)
            rings.resize(ring_rows * simd::kWidth<V>);
        double* ring = rings.data();
        for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
            ema[k] = EmaMember<V, false>(x, n, lengths(MaType::EMA)[k]);
            hma[k] = HullMember<V>(x, hma_lengths[k], ring);
            ring += HullMember<V>::ring_rows(hma_lengths[k]) * simd::kWidth<V>;
            wma[k] = WindowMember<V, WindowKind::Wma>(x, lengths(MaType::WMA)[k]);
            dema[k] = EmaMember<V, true>(x, n, lengths(MaType::DEMA)[k]);
            lsma[k] = WindowMember<V, WindowKind::Lsma>(x, lengths(MaType::LSMA)[k]);
            kama[k] = KamaMember<V>(x, steps, lengths(MaType::KAMA)[k]);
        }
    }

    // f(members, family index) for each family.
    template <class F>
    ATC_INLINE void each_family(F&& f) {
        f(ema, MaType::EMA);
        f(hma, MaType::HMA);
        f(wma, MaType::WMA);
        f(dema, MaType::DEMA);
        f(lsma, MaType::LSMA);
        f(kama, MaType::KAMA);
    }
};

// A family's signal at a bar from its sums (family_layer1.cpp): NaN before
// the cutout, `first_signal` at bar 0.
template <Phase kPhase, class V>
inline ATC_INLINE V family_signal(V num, V den, double first_signal) {
    if constexpr (kPhase == Phase::First)
        return simd::splat<V>(first_signal);
    else if constexpr (kPhase == Phase::BeforeCutout)
        return simd::splat<V>(kNoValue);
    else
        return round2(num / den);
}

// Lane j of a family's sums over a block's bars, or part of it: members
// K... (of j, j+4, j+8 below nine) side by side, their MAs, crossing states
// and equities, their terms added in order to l_j. kOpens: the first of them
// starts l_j (else it continues the block's `lane` slot); kCloses: l_j goes to
// the block's sums as kRole says (else back to the `lane` slot).
template <Phase kPhase, LaneRole kRole, bool kOpens, bool kCloses, class V, class Member,
          std::size_t... K>
inline ATC_INLINE void lane_block(Members<Member>& members, Members<MemberLayer1<V>>& stored,
                                  const double* x, Block<V>& b, std::size_t begin, std::size_t end,
                                  V keep, std::index_sequence<K...> lane,
                                  std::array<V, kBlock<V>>& signal, double first_signal) {
    std::array<MemberLayer1<V>, sizeof...(K)> layer1 = {stored[K]...};
    ma::detail::symbol_lanes::members_bars<V>(
        members, lane, x, begin, end,
        [&](std::size_t i, V price, const std::array<V, sizeof...(K)>& ma) ATC_INLINE {
            const std::size_t r = i - begin;
            V num{}, den{};
            if constexpr (!kOpens) {
                num = b.num[r].lane;
                den = b.den[r].lane;
            }
            [&]<std::size_t... J>(std::index_sequence<J...>) ATC_INLINE {
                (
                    [&] {
                        V term_num, term_den;
                        layer1[J].template step<kPhase>(
                            ma[J], price, b.band[r + 1], b.minus_band[r + 1], b.band[r],
                            b.minus_band[r], b.keep_return[r], keep, term_num, term_den);
                        num = kOpens && J == 0 ? term_num : num + term_num;
                        den = kOpens && J == 0 ? term_den : den + term_den;
                    }(),
                    ...);
            }
            (std::make_index_sequence<sizeof...(K)>{});
            if constexpr (!kCloses) {
                b.num[r].lane = num;
                b.den[r].lane = den;
            } else {
                add_lane<kRole>(b.num[r], num);
                add_lane<kRole>(b.den[r], den);
                // The last lane completes the sums: the signal, here among the
                // members' work rather than in a loop of divisions of its own.
                if constexpr (kRole == LaneRole::AddPair)
                    signal[r] = family_signal<kPhase>(b.num[r].total, b.den[r].total, first_signal);
            }
        });
    std::size_t j = 0;
    ((stored[K] = layer1[j++]), ...);
}

// A family over a block's bars: its four lanes of members in the sums' order,
// the last one ending in its signal. A lane's members run side by side, except
// the Hull average's, whose three windows each would not fit the registers
// two or three at a time.
template <Phase kPhase, class V, class Member>
inline ATC_INLINE void family_block(Members<Member>& members, Members<MemberLayer1<V>>& layer1,
                                    const double* x, Block<V>& b, std::size_t begin,
                                    std::size_t end, V keep, std::array<V, kBlock<V>>& signal,
                                    double first_signal) {
    static_assert(kMembersPerFamily == 9);
    const auto part = [&]<LaneRole kRole, bool kOpens, bool kCloses, std::size_t... K>(
        std::index_sequence<K...> members_of) ATC_INLINE {
        lane_block<kPhase, kRole, kOpens, kCloses>(members, layer1, x, b, begin, end, keep,
                                                   members_of, signal, first_signal);
    };
    const auto lane = [&]<std::size_t kLane, std::size_t... K>(std::index_sequence<K...> members_of)
        ATC_INLINE {
        constexpr LaneRole kRole = kLaneRoles[kLane];
        if constexpr (std::is_same_v<Member, HullMember<V>>) {
            constexpr std::size_t kMembers[] = {K...};
            constexpr std::size_t kLast = sizeof...(K) - 1;
            [&]<std::size_t... P>(std::index_sequence<P...>) ATC_INLINE {
                (part.template operator()<kRole, P == 0, P == kLast>(
                     std::index_sequence<kMembers[P]>{}),
                 ...);
            }
            (std::make_index_sequence<sizeof...(K)>{});
        } else {
            part.template operator()<kRole, true, true>(members_of);
        }
    };
    lane.template operator()<0>(std::index_sequence<0, 4, 8>{});
    lane.template operator()<1>(std::index_sequence<1, 5>{});
    lane.template operator()<2>(std::index_sequence<2, 6>{});
    lane.template operator()<3>(std::index_sequence<3, 7>{});
}

// The inputs of a block's bars (SymbolInputBuffers::prepare's, lane by lane).
template <class V>
inline ATC_INLINE void block_inputs(const double* x, std::span<const double> growth, V keep,
                                    std::size_t begin, std::size_t end, Block<V>& b) {
    const V tolerance = simd::splat<V>(kTieTolerance);
    for (std::size_t i = begin == 0 ? 0 : begin - 1; i < end; ++i) {
        const std::size_t r = i + 1 - begin;
        b.band[r] = tolerance * simd::abs(row<V>(x, i));
        b.minus_band[r] = -b.band[r];
    }
    for (std::size_t i = std::max<std::size_t>(begin, 1); i < end; ++i) {
        const V r = (row<V>(x, i) / row<V>(x, i - 1) - 1.0) * simd::splat<V>(growth[i]);
        b.keep_return[i - begin] = keep * r;
    }
}

// The group's closes, interleaved, and where kKeptSteps<V> KAMA's steps
// |x[i] - x[i-1]| after them, in the worker's MA lanes, which the
// symbol-lane path does not otherwise use (its n * kLaneStride doubles hold
// both for up to six symbols, the closes alone for twelve): so a worker
// holds no more than compute_batch's memory estimate says, whichever path it
// runs. Returns the closes and the steps (null where not kept).
template <class V>
inline ATC_INLINE std::pair<const double*, const double*> fill_inputs(
    std::span<const std::span<const double>> closes, PipelineWorkspace& ws) {
    constexpr std::size_t kWidth = simd::kWidth<V>;
    static_assert(kWidth * (kKeptSteps<V> ? 2 : 1) <= ma::kLaneStride);
    const std::size_t n = closes[0].size();
    if (ws.ma_lanes.size() < n * ma::kLaneStride)
        system::resize_on_huge_pages(ws.ma_lanes, n * ma::kLaneStride);
    double* x = ws.ma_lanes.data();
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t s = 0; s < kWidth; ++s)
            x[i * kWidth + s] = closes[s][i];
    }
    if constexpr (!kKeptSteps<V>)
        return {x, nullptr};
    double* steps = x + n * kWidth;
    simd::store(steps, simd::splat<V>(0.0));  // never read: windows start at bar 1
    for (std::size_t i = 1; i < n; ++i)
        simd::store(steps + i * kWidth, simd::abs(row<V>(x, i) - row<V>(x, i - 1)));
    return {x, steps};
}

// One group of kWidth<V> symbols.
template <class V>
inline ATC_INLINE void run_group(std::span<const std::span<const double>> closes,
                                 const AtcParams& params, bool keep_series, PipelineWorkspace& ws,
                                 std::span<SymbolScan* const> scans) {
    constexpr std::size_t kWidth = simd::kWidth<V>;
    const std::size_t n = closes[0].size();
    const std::size_t cut = static_cast<std::size_t>(params.cutout);
    const auto [x, steps] = fill_inputs<V>(closes, ws);
    const std::span<const double> growth = ws.inputs.growth(n, params);
    const V keep = simd::splat<V>(flat_keep(params));

    // Where each symbol's Average goes, and its signals and equities if kept.
    std::array<double*, kWidth> average_out;
    std::array<std::array<double*, kFamilyCount>, kWidth> kept_signal{}, kept_equity{};
    for (std::size_t s = 0; s < kWidth; ++s) {
        SymbolScan& scan = *scans[s];
        if (keep_series) {
            system::resize_on_huge_pages(scan.average, n);
            average_out[s] = scan.average.data();
            for (std::size_t t = 0; t < kFamilyCount; ++t) {
                system::resize_on_huge_pages(scan.layer1_signals[t], n);
                system::resize_on_huge_pages(scan.layer2_equities[t], n);
                kept_signal[s][t] = scan.layer1_signals[t].data();
                kept_equity[s][t] = scan.layer2_equities[t].data();
            }
        } else {
            // Buffers this path does not otherwise use, six signals and six
            // equities: enough for the eight lanes of AVX-512.
            static_assert(kWidth <= 2 * kFamilyCount);
            average_out[s] = s < kFamilyCount ? ws.scratch_signal(s, n).data()
                                              : ws.scratch_equity(s - kFamilyCount, n).data();
        }
    }

    const auto state = std::make_unique<GroupState<V>>(params, x, steps, n, ws.hull_rings);
    GroupState<V>& g = *state;
    Block<V>& b = g.block;
    const double first_signal = cut == 0 ? 0.0 : kNoValue;
    const V long_threshold = simd::splat<V>(params.long_threshold);
    const V short_threshold = simd::splat<V>(params.short_threshold);
    // Bars [begin, end), all in one phase, a block at a time.
    const auto run_bars = [&]<Phase kPhase>(std::size_t begin, std::size_t end) ATC_INLINE {
        for (std::size_t block = begin; block < end; block += kBlock<V>) {
            const std::size_t block_end = std::min(end, block + kBlock<V>);
            block_inputs<V>(x, growth, keep, block, block_end, b);
            g.each_family([&](auto& members, MaType type) ATC_INLINE {
                const auto t = static_cast<std::size_t>(type);
                family_block<kPhase>(members, g.layer1[t], x, b, block, block_end, keep,
                                     b.signal[t], first_signal);
            });
            // Layer 2 and the Average, bar by bar, their state in locals for
            // the block (kept in the group state, it was stored at every bar).
            Layer2<V> layer2 = g.layer2;
            std::array<V, kFamilyCount> previous_signal = g.previous_signal;
            for (std::size_t i = block; i < block_end; ++i) {
                const std::size_t r = i - block;
                std::array<V, kFamilyCount> signal;
                for (std::size_t t = 0; t < kFamilyCount; ++t)
                    signal[t] = b.signal[t][r];
                const bool has_equity = kPhase == Phase::AfterCutout || kPhase == Phase::AtCutout ||
                                        (kPhase == Phase::First && cut == 0);
                if constexpr (kPhase == Phase::AfterCutout)
                    layer2.step(previous_signal, b.keep_return[r], keep);
                else if (has_equity)
                    layer2.start(params.weights);
                previous_signal = signal;
                const V avg = has_equity
                                  ? average(signal, layer2.equity, long_threshold, short_threshold)
                                  : V{};
                for (std::size_t s = 0; s < kWidth; ++s)
                    average_out[s][i] = avg[s];
                if (!keep_series)
                    continue;
                for (std::size_t s = 0; s < kWidth; ++s) {
                    for (std::size_t t = 0; t < kFamilyCount; ++t) {
                        kept_signal[s][t][i] = signal[t][s];
                        kept_equity[s][t][i] = has_equity ? layer2.equity[t][s] : kNoValue;
                    }
                }
            }
            g.layer2 = layer2;
            g.previous_signal = previous_signal;
        }
    };
    run_bars.template operator()<Phase::First>(0, 1);
    if (cut == 0) {
        run_bars.template operator()<Phase::AfterCutout>(1, n);
    } else {
        run_bars.template operator()<Phase::BeforeCutout>(1, cut);
        run_bars.template operator()<Phase::AtCutout>(cut, cut + 1);
        run_bars.template operator()<Phase::AfterCutout>(cut + 1, n);
    }

    for (std::size_t s = 0; s < kWidth; ++s) {
        SymbolScan& scan = *scans[s];
        const std::span<double> avg(average_out[s], n);
        if (params.strategy_mode) {
            // average_signal's shift: trade on the bar after the signal.
            std::copy_backward(avg.begin(), avg.end() - 1, avg.end());
            avg[0] = 0.0;
        }
        // The scan row takes each family's last equity only.
        std::array<double, kFamilyCount> last_equity;
        std::array<std::span<const double>, kFamilyCount> equities;
        for (std::size_t t = 0; t < kFamilyCount; ++t) {
            last_equity[t] = g.layer2.equity[t][s];
            equities[t] = std::span<const double>(&last_equity[t], 1);
        }
        markers_and_row(closes[s], avg, equities, params, ws.markers, scan.markers, scan.row);
        scan.computed = true;
    }
}

}  // namespace

std::size_t symbol_lane_width() {
    std::size_t width = 0;
    simd::dispatch_widest([&]<class V>() ATC_INLINE { width = simd::kWidth<V>; });
    return width;
}

std::size_t smallest_symbol_group() {
    std::size_t width = 0;
    simd::dispatch([&]<class V>() ATC_INLINE { width = simd::kWidth<V>; });
    return width;
}

bool symbol_lanes_apply(const AtcParams& params, std::size_t bars) {
    return params.profile == MaProfile::Reference && bars > 0;
}

void run_scan_group(std::span<const std::span<const double>> closes, const AtcParams& params,
                    bool keep_series, PipelineWorkspace& ws, std::span<SymbolScan* const> scans) {
    assert(closes.size() == scans.size());
    std::size_t done = 0;
    // Groups of the widest vector's lanes, then of the next width down (four
    // symbols left after groups of eight still share an AVX2 vector), then
    // the last ones alone.
    const auto groups = [&]<class V>() ATC_INLINE {
        constexpr std::size_t kWidth = simd::kWidth<V>;
        for (; done + kWidth <= closes.size(); done += kWidth)
            run_group<V>(closes.subspan(done, kWidth), params, keep_series, ws,
                         scans.subspan(done, kWidth));
    };
    simd::dispatch_widest(groups);
    simd::dispatch(groups);
    for (; done < closes.size(); ++done)
        run_scan(closes[done], params, keep_series, false, ws, *scans[done]);
}

}  // namespace atc::detail

#endif  // ATC_SANITIZED
