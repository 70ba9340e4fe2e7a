// The window family kernels (WMA, LSMA, the Hull average and the pine
// profile's SMA), each with its warm-up: nine members at once; see
// family_kernels.hpp and window_lanes.hpp. A plain window of N bars has its
// first value at bar N-1 (first_defined_window); the Hull average starts later.
#include <algorithm>
#include <limits>

#include "ma/family_kernels.hpp"
#include "ma/family_lanes.hpp"
#include "ma/member_constants.hpp"
#include "ma/window_lanes.hpp"
#include "pipeline/simd.hpp"
#include "system/huge_pages.hpp"

#pragma GCC diagnostic ignored "-Wpsabi"  // see pipeline/simd.hpp

namespace atc::ma::detail {
namespace {

namespace simd = atc::detail::simd;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

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

// The bars before any lane's first value, and each lane's warm-up, are NaN.
void fill_leading_rows(std::span<double> out, const WindowSpecs& specs, std::size_t n) {
    std::size_t begin = n;
    for (const WindowSpec& s : specs)
        begin = std::min(begin, s.first);
    std::fill_n(out.begin(), begin * kLaneStride, kNaN);
}

// Runs the window engine and stores finish(g, sums, weighted) for every group,
// NaN in lanes that have not reached their first bar.
template <class V, bool kWeighted, class Series, class Finish>
inline ATC_INLINE void window_family(const Series& src, std::size_t n, const WindowSpecs& specs,
                                     std::span<double> out, Finish&& finish) {
    constexpr std::size_t kWidth = simd::kWidth<V>;
    constexpr std::size_t kGroups = kLaneStride / kWidth;
    fill_leading_rows(out, specs, n);
    const LaneConstant<V> first = per_lane<V>(specs, first_bar);
    const V nan = simd::splat<V>(kNaN);
    window_lanes<V, kWeighted>(
        src, n, specs,
        [&](std::size_t i, const V(&sums)[kGroups], const V(&weighted)[kGroups], bool warm_up)
            ATC_INLINE {
                const V bar = simd::splat<V>(static_cast<double>(i));
                for (std::size_t g = 0; g < kGroups; ++g) {
                    V value = finish(i, g, sums[g], weighted[g]);
                    if (warm_up)
                        value = bar >= first[g] ? value : nan;
                    simd::store(out.data() + i * kLaneStride + g * kWidth, value);
                }
            });
}

// reference/wma.cpp: weighted * (1 / (N(N+1)/2)), over any windows (the Hull
// average runs three).
template <class V, class Series>
inline ATC_INLINE void wma_windows(const Series& src, std::size_t n, const WindowSpecs& specs,
                                   std::span<double> out) {
    const LaneConstant<V> inv_total = per_lane<V>(
        specs, [](const WindowSpec& s) { return wma_inverse_total(static_cast<int>(s.length)); });
    window_family<V, true>(src, n, specs, out,
                           [&](std::size_t, std::size_t g, V, V weighted)
                               ATC_INLINE { return weighted * inv_total[g]; });
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
struct HmaFamily {
    template <class V>
    static inline ATC_INLINE void compute(std::span<const double> x, const MemberLengths& lengths,
                                          std::span<double> out, MaScratch& scratch) {
        constexpr std::size_t kWidth = simd::kWidth<V>;
        const std::size_t n = x.size();
        if (scratch.lanes.size() < n * kLaneStride)
            system::resize_on_huge_pages(scratch.lanes, n * kLaneStride);
        // The full-length WMAs go to `out` until the outer WMA overwrites them.
        const std::span<double> half(scratch.lanes.data(), n * kLaneStride);
        const std::span<double> full = out;
        WindowSpecs half_specs, full_specs, outer_specs;
        for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
            const int root = integer_sqrt(lengths[k]);
            half_specs[k] = plain_window(std::max(1, lengths[k] / 2));
            full_specs[k] = plain_window(lengths[k]);
            outer_specs[k] = {static_cast<std::size_t>(root), hma_first_defined(lengths[k])};
        }
        wma_windows<V>(SharedSeries{x.data()}, n, half_specs, half);
        wma_windows<V>(SharedSeries{x.data()}, n, full_specs, full);
        const V two = simd::splat<V>(2.0);
        for (std::size_t i = 0; i < n * kLaneStride; i += kWidth) {
            simd::store(half.data() + i,
                        two * simd::load<V>(half.data() + i) - simd::load<V>(full.data() + i));
        }
        wma_windows<V>(LaneSeries{half.data()}, n, outer_specs, out);
    }
};

}  // namespace

const FamilyKernel kWmaFamily{first_defined_window, dispatched<WmaFamily>};
const FamilyKernel kLsmaFamily{first_defined_window, dispatched<LsmaFamily<false>>};
const FamilyKernel kLsmaNewestFamily{first_defined_window, dispatched<LsmaFamily<true>>};
const FamilyKernel kSmaFamily{first_defined_window, dispatched<SmaFamily>};
const FamilyKernel kHmaFamily{hma_first_defined, dispatched<HmaFamily>};

}  // namespace atc::ma::detail
