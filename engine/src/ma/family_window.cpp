// SPDX-License-Identifier: GPL-3.0-or-later
// The window family kernels (WMA, LSMA, the Hull average and the pine
// profile's SMA), each with its warm-up: nine members at once; see
// family_kernels.hpp and window_lanes.hpp. A plain window of N bars has its
// first value at bar N-1 (first_defined_window); the Hull average starts later.
#include <algorithm>
#include <limits>
#include <vector>

#include "ma/family_kernels.hpp"
#include "ma/family_lanes.hpp"
#include "ma/member_constants.hpp"
#include "ma/window_lanes.hpp"
#include "pipeline/simd.hpp"

#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::ma::detail {
namespace {

namespace simd = atc::detail::simd;

WindowSpec plain_window(int length) {
    return {static_cast<std::size_t>(length), first_defined_window(length)};
}

WindowSpecs plain_windows(const MemberLengths& lengths) {
    WindowSpecs specs;
    for (std::size_t k = 0; k < kMembersPerFamily; ++k)
        specs[k] = plain_window(lengths[k]);
    return specs;
}

template <class V>
LaneConstant<V> per_lane(const WindowSpecs& specs, double (*f)(const WindowSpec&)) {
    std::array<double, kLaneStride> values;
    for (std::size_t k = 0; k < kLaneStride; ++k)
        values[k] = f(specs[k]);
    return LaneConstant<V>(values);
}

double first_bar(const WindowSpec& s) {
    return static_cast<double>(s.first);
}

// The rows before any lane's first value (each lane's warm-up after that is
// NaN too, see window_values).
std::size_t leading_rows(const WindowSpecs& specs, std::size_t n) {
    std::size_t begin = n;
    for (const WindowSpec& s : specs)
        begin = std::min(begin, s.first);
    return begin;
}

void fill_leading_rows(std::span<double> out, const WindowSpecs& specs, std::size_t n) {
    std::fill_n(out.begin(), leading_rows(specs, n) * kLaneStride, kNaN);
}

// Runs the window engine and hands finish(i, g, sums, weighted) for every
// group g of every bar i from leading_rows() on to put(i, g, value), NaN in
// lanes that have not reached their first bar; groups in order.
template <class V, bool kWeighted, class Series, class Finish, class Put>
inline ATC_INLINE void window_values(const Series& src, std::size_t n, const WindowSpecs& specs,
                                     Finish&& finish, Put&& put) {
    constexpr std::size_t kWidth = simd::kWidth<V>;
    constexpr std::size_t kGroups = kLaneStride / kWidth;
    const LaneConstant<V> first = per_lane<V>(specs, first_bar);
    const V nan = simd::splat<V>(kNaN);
    window_lanes<V, kWeighted>(src, n, specs,
                               [&](std::size_t i, const V(&sums)[kGroups],
                                   const V(&weighted)[kGroups], bool warm_up) ATC_INLINE {
                                   const V bar = simd::splat<V>(static_cast<double>(i));
                                   for (std::size_t g = 0; g < kGroups; ++g) {
                                       V value = finish(i, g, sums[g], weighted[g]);
                                       if (warm_up)
                                           value = bar >= first[g] ? value : nan;
                                       put(i, g, value);
                                   }
                               });
}

// put for window_values: the value into row i, group g of `out`.
template <class V>
auto store_into(std::span<double> out) {
    return [out](std::size_t i, std::size_t g, V value) ATC_INLINE {
        simd::store(out.data() + i * kLaneStride + g * simd::kWidth<V>, value);
    };
}

// Runs the window engine and stores finish(g, sums, weighted) for every group,
// NaN in lanes that have not reached their first bar.
template <class V, bool kWeighted, class Series, class Finish>
inline ATC_INLINE void window_family(const Series& src, std::size_t n, const WindowSpecs& specs,
                                     std::span<double> out, Finish&& finish) {
    fill_leading_rows(out, specs, n);
    window_values<V, kWeighted>(src, n, specs, finish, store_into<V>(out));
}

// reference/wma.cpp: weighted * (1 / (N(N+1)/2)), over any windows (the Hull
// average runs three), handed to put as window_values does.
template <class V, class Series, class Put>
inline ATC_INLINE void wma_values(const Series& src, std::size_t n, const WindowSpecs& specs,
                                  Put&& put) {
    const LaneConstant<V> inv_total = per_lane<V>(
        specs, [](const WindowSpec& s) { return wma_inverse_total(static_cast<int>(s.length)); });
    window_values<V, true>(
        src, n, specs,
        [&](std::size_t, std::size_t g, V, V weighted)
            ATC_INLINE { return weighted * inv_total[g]; },
        put);
}

// The WMAs into `out`, NaN before their first values.
template <class V, class Series>
inline ATC_INLINE void wma_windows(const Series& src, std::size_t n, const WindowSpecs& specs,
                                   std::span<double> out) {
    fill_leading_rows(out, specs, n);
    wma_values<V>(src, n, specs, store_into<V>(out));
}

// The WMA family: a plain window of each member's length.
struct WmaFamily {
    template <class V>
    static inline ATC_INLINE void compute(std::span<const double> x, const MemberLengths& lengths,
                                          std::span<double> out, MaScratch&) {
        wma_windows<V>(SharedSeries{x.data()}, x.size(), plain_windows(lengths), out);
    }
};

// reference/sma.cpp: sum * (1/N).
struct SmaFamily {
    template <class V>
    static inline ATC_INLINE void compute(std::span<const double> x, const MemberLengths& lengths,
                                          std::span<double> out, MaScratch&) {
        const WindowSpecs specs = plain_windows(lengths);
        const LaneConstant<V> inv_n = per_lane<V>(
            specs, [](const WindowSpec& s) { return 1.0 / static_cast<double>(s.length); });
        window_family<V, false>(SharedSeries{x.data()}, x.size(), specs, out,
                                [&](std::size_t, std::size_t g, V sum, V)
                                    ATC_INLINE { return sum * inv_n[g]; });
    }
};

// reference/lsma.cpp: the least-squares line at the second-newest (or, with
// kAtNewest, the newest) bar; a one-bar window is the price itself.
template <bool kAtNewest>
struct LsmaFamily {
    template <class V>
    static inline ATC_INLINE void compute(std::span<const double> x, const MemberLengths& lengths,
                                          std::span<double> out, MaScratch&) {
        const WindowSpecs specs = plain_windows(lengths);
        std::array<double, kLaneStride> of_sum_xy, of_sum_y, single;
        for (std::size_t k = 0; k < kLaneStride; ++k) {
            const LineWeights w = lsma_weights(static_cast<int>(specs[k].length), kAtNewest);
            of_sum_xy[k] = w.of_sum_xy;
            of_sum_y[k] = w.of_sum_y;
            single[k] = specs[k].length == 1 ? 1.0 : 0.0;
        }
        const LaneConstant<V> weight_xy(of_sum_xy), weight_y(of_sum_y), one_bar(single);
        const V one = simd::splat<V>(1.0);
        window_family<V, true>(SharedSeries{x.data()}, x.size(), specs, out,
                               [&](std::size_t i, std::size_t g, V sum_y, V sum_xy) ATC_INLINE {
                                   const V line = sum_xy * weight_xy[g] + sum_y * weight_y[g];
                                   return one_bar[g] == one ? simd::splat<V>(x[i]) : line;
                               });
    }
};

// The Hull average's outer WMA of floor(sqrt N) bars starts where the inner
// WMAs (first defined at N-1) are.
std::size_t hma_first_defined(int length) {
    return first_defined_window(length) + first_defined_window(integer_sqrt(length));
}

// reference/hma.cpp: WMA(floor(sqrt N)) of 2*WMA(max(1, N/2)) - WMA(N), the
// outer WMA starting where the inner ones are both defined.
//
// `out` is the only buffer of n rows (one for the half-length WMAs was 96 MB
// more to fault in at a million bars): the full-length WMAs go there, then
// 2 * half - full in their place, bar by bar as the half-length WMAs come, then
// the outer WMA over that. The outer WMA reads rows up to its longest window
// back, so it writes each row that many rows late, through a small ring.
//
// With kFullWmasGiven, `out` already holds the full-length WMAs: they are the
// WMA family's values when its lengths are the Hull average's, and the
// pipeline runs that family first into the same lanes (symbol_pipeline.cpp).
template <bool kFullWmasGiven>
struct HmaFamily {
    template <class V>
    static inline ATC_INLINE void compute(std::span<const double> x, const MemberLengths& lengths,
                                          std::span<double> out, MaScratch&) {
        constexpr std::size_t kWidth = simd::kWidth<V>;
        constexpr std::size_t kGroups = kLaneStride / kWidth;
        const std::size_t n = x.size();
        WindowSpecs half_specs, full_specs, outer_specs;
        std::size_t longest_outer = 1;
        for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
            const int root = integer_sqrt(lengths[k]);
            half_specs[k] = plain_window(std::max(1, lengths[k] / 2));
            full_specs[k] = plain_window(lengths[k]);
            outer_specs[k] = {static_cast<std::size_t>(root), hma_first_defined(lengths[k])};
            longest_outer = std::max(longest_outer, outer_specs[k].length);
        }
        if constexpr (!kFullWmasGiven)
            wma_windows<V>(SharedSeries{x.data()}, n, full_specs, out);

        const V two = simd::splat<V>(2.0);
        const auto minus_full = [&](std::size_t i, std::size_t g, V half) ATC_INLINE {
            double* at = out.data() + i * kLaneStride + g * kWidth;
            simd::store(at, two * half - simd::load<V>(at));
        };
        // The half-length WMAs are NaN before their first row.
        const V nan = simd::splat<V>(kNaN);
        for (std::size_t i = 0; i < leading_rows(half_specs, n); ++i) {
            for (std::size_t g = 0; g < kGroups; ++g)
                minus_full(i, g, nan);
        }
        wma_values<V>(SharedSeries{x.data()}, n, half_specs, minus_full);

        // Row i is written when the outer WMA is at bar i + longest_outer, past
        // its last read of row i (window_lanes reads at most a window back):
        // ring slot r % slots holds row r until then.
        const std::size_t begin = leading_rows(outer_specs, n);
        const std::size_t slots = longest_outer + 1;
        std::vector<double> ring(slots * kLaneStride);
        // A row as vectors: std::copy_n made it a memmove call per bar.
        const auto write_row = [&](std::size_t row, std::size_t slot) ATC_INLINE {
            for (std::size_t g = 0; g < kGroups; ++g)
                simd::store(out.data() + row * kLaneStride + g * kWidth,
                            simd::load<V>(ring.data() + slot * kLaneStride + g * kWidth));
        };
        std::size_t slot = begin % slots;  // the bar's own
        wma_values<V>(LaneSeries{out.data()}, n, outer_specs,
                      [&](std::size_t i, std::size_t g, V value) ATC_INLINE {
                          simd::store(ring.data() + slot * kLaneStride + g * kWidth, value);
                          if (g + 1 < kGroups)
                              return;
                          // Now the slot of row i + 1, which is row i - longest_outer's.
                          slot = slot + 1 == slots ? 0 : slot + 1;
                          if (i >= begin + longest_outer)
                              write_row(i - longest_outer, slot);
                      });
        for (std::size_t row = std::max(begin, n > longest_outer ? n - longest_outer : 0); row < n;
             ++row)
            write_row(row, row % slots);
        fill_leading_rows(out, outer_specs, n);
    }
};

}  // namespace

const FamilyKernel kWmaFamily{first_defined_window, dispatched<WmaFamily>};
const FamilyKernel kLsmaFamily{first_defined_window, dispatched<LsmaFamily<false>>};
const FamilyKernel kLsmaNewestFamily{first_defined_window, dispatched<LsmaFamily<true>>};
const FamilyKernel kSmaFamily{first_defined_window, dispatched<SmaFamily>};
const FamilyKernel kHmaFamily{hma_first_defined, dispatched<HmaFamily<false>>};
const FamilyKernel kHmaOverWmaFamily{hma_first_defined, dispatched<HmaFamily<true>>};

}  // namespace atc::ma::detail
