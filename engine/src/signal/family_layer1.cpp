#include "signal/family_layer1.hpp"

#include <cassert>
#include <limits>

#include "atc/signals.hpp"
#include "ma/family_lanes.hpp"
#include "pipeline/simd.hpp"
#include "signal/steps.hpp"

namespace atc::detail {
namespace {

using simd::Vec;
constexpr std::size_t kGroups = ma::kLaneStride / simd::kWidth;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Where a bar lies relative to the cutout: no equity yet, the first equity, or
// an equity grown from the previous bar's.
enum class Phase { BeforeCutout, AtCutout, AfterCutout };

struct Lanes {
    Vec diff[kGroups];    // price - MA at the previous bar
    Vec state[kGroups];   // -1, 0, +1
    Vec equity[kGroups];  // from the cutout on; always 0 in padding lanes
    Vec floor[kGroups];   // the equity floor; 0 in padding lanes
    Vec start[kGroups];   // the equity at the cutout; 0 in padding lanes
};

void trace_bar(const Lanes& lanes, std::size_t i, bool has_equity, const MemberTraces& traces) {
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        const std::size_t g = k / simd::kWidth;
        const std::size_t j = k % simd::kWidth;
        traces[k].state[i] = static_cast<std::int8_t>(lanes.state[g][j]);
        traces[k].equity[i] = has_equity ? lanes.equity[g][j] : kNaN;
    }
}

template <Phase kPhase, bool kTrace>
inline __attribute__((always_inline)) void run_bars(Lanes& lanes, const SymbolInputs& in,
                                                    const double* ma, std::size_t begin,
                                                    std::size_t end, double* signal,
                                                    const MemberTraces* traces) {
    const Vec keep = simd::splat(in.keep);
    const Vec one = simd::splat(1.0);
    const Vec zero = simd::splat(0.0);
    for (std::size_t i = begin; i < end; ++i) {
        const Vec price = simd::splat(in.close[i]);
        const Vec band = simd::splat(in.band[i]);
        const Vec prev_band = simd::splat(in.band[i - 1]);
        const Vec up = simd::splat(in.up_factor[i]);
        const Vec down = simd::splat(in.down_factor[i]);
        Vec num = zero;
        Vec den = zero;
        for (std::size_t g = 0; g < kGroups; ++g) {
            // crossing_step and hold_factor of steps.hpp, four lanes at a time.
            const Vec diff = price - simd::load(ma + i * ma::kLaneStride + g * simd::kWidth);
            const Vec prev_diff = lanes.diff[g];
            const auto cross_up = (diff > band) & (prev_diff <= prev_band);
            const auto cross_down = (diff < -band) & (prev_diff >= -prev_band);
            const Vec held = lanes.state[g];
            const Vec state = cross_up ? one : (cross_down ? -one : held);
            lanes.diff[g] = diff;
            lanes.state[g] = state;
            if constexpr (kPhase == Phase::AtCutout)
                lanes.equity[g] = simd::max_floor(lanes.floor[g], lanes.start[g]);
            if constexpr (kPhase == Phase::AfterCutout) {
                const Vec factor = held > zero ? up : (held < zero ? down : keep);
                lanes.equity[g] = simd::max_floor(lanes.floor[g], lanes.equity[g] * factor);
            }
            num += state * lanes.equity[g];
            den += lanes.equity[g];
        }
        signal[i] = kPhase == Phase::BeforeCutout
                        ? kNaN
                        : round2(simd::sum_lanes(num) / simd::sum_lanes(den));
        if constexpr (kTrace)
            trace_bar(lanes, i, kPhase != Phase::BeforeCutout, *traces);
    }
}

template <bool kTrace>
void run(const SymbolInputs& in, const double* ma, double* signal, const MemberTraces* traces) {
    const std::size_t n = in.close.size();
    const std::size_t cut = in.cutout;
    Lanes lanes;
    for (std::size_t g = 0; g < kGroups; ++g) {
        Vec active;
        for (std::size_t j = 0; j < simd::kWidth; ++j)
            active[j] = g * simd::kWidth + j < kMembersPerFamily ? 1.0 : 0.0;
        lanes.floor[g] = active * simd::splat(kEquityFloor);
        lanes.start[g] = active;  // every member starts at 1.0
        lanes.state[g] = simd::splat(0.0);
        lanes.equity[g] = simd::max_floor(lanes.floor[g], lanes.start[g]);
        // Bar 0 has no previous bar, so nothing crosses; it sets the distances.
        lanes.diff[g] = simd::splat(in.close[0]) - simd::load(ma + g * simd::kWidth);
    }
    // At bar 0 every state is 0, so the signal is 0 when the equities start there.
    signal[0] = cut == 0 ? 0.0 : kNaN;
    if constexpr (kTrace)
        trace_bar(lanes, 0, cut == 0, *traces);
    if (cut == 0) {
        run_bars<Phase::AfterCutout, kTrace>(lanes, in, ma, 1, n, signal, traces);
        return;
    }
    run_bars<Phase::BeforeCutout, kTrace>(lanes, in, ma, 1, cut, signal, traces);
    run_bars<Phase::AtCutout, kTrace>(lanes, in, ma, cut, cut + 1, signal, traces);
    run_bars<Phase::AfterCutout, kTrace>(lanes, in, ma, cut + 1, n, signal, traces);
}

}  // namespace

void family_layer1(const SymbolInputs& in, std::span<const double> ma_lanes,
                   std::span<double> signal, const MemberTraces* traces) {
    assert(!in.close.empty() && signal.size() == in.close.size() &&
           ma_lanes.size() >= in.close.size() * ma::kLaneStride);
    if (traces) {
        run<true>(in, ma_lanes.data(), signal.data(), traces);
    } else {
        run<false>(in, ma_lanes.data(), signal.data(), traces);
    }
}

}  // namespace atc::detail
