// The seven moving-average kernels of ATC_SPEC.md ("Moving averages").
//
// Every kernel has the same shape: it reads `x` (bars in time order), writes
// exactly x.size() values to `out` (same size as x), and leaves NaN at the bars
// where the average is not yet defined. `first_defined_*` gives the first bar
// with a value, so callers can skip the warm-up. Kernels that need temporary
// series take them from a caller-owned MaScratch, so a batch worker reuses its
// buffers and never allocates per symbol.
//
// Sliding-window sums (SMA, WMA, LSMA, KAMA's noise) are updated in O(1) per bar
// and re-anchored by a direct re-summation every kReanchorInterval bars (or every
// window length, if longer), which bounds rounding drift on long series.
//
// The pipeline runs all nine members of a family at once (compute_family); it
// computes every member exactly as these single-member kernels do, bit for bit,
// so what holds for one holds for the other (tests/engine/test_fast_paths.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <vector>

#include "atc/params.hpp"

namespace atc::ma {

inline constexpr std::size_t kReanchorInterval = 256;

// KAMA smoothing constants of the ATC variant, used as given (not 2/(n+1) forms).
inline constexpr double kKamaFast = 0.666;
inline constexpr double kKamaSlow = 0.064;

// Temporary series for the composite kernels (HMA, DEMA, KAMA) and the family
// kernels. Grows, never shrinks.
struct MaScratch {
    std::vector<double> a;
    std::vector<double> b;
    std::vector<double> c;
    // Nine members side by side, 12 values per bar: the Hull family's inner
    // averages, and compute_family's result before it is split into members.
    std::vector<double> lanes;
    std::vector<double> lanes_out;
    void ensure(std::size_t n);
};

// First bar (0-based) holding a value for a window of `length` bars.
constexpr std::size_t first_defined_window(int length) {
    return static_cast<std::size_t>(length) - 1;
}
// HMA (reference profile): WMA(floor(sqrt N)) over a series first defined at N-1.
std::size_t first_defined_hma(int length);
// Any member of a family, for the given profile.
std::size_t first_defined(MaType type, MaProfile profile, int length);

// floor(sqrt(n)) computed exactly in integers.
int integer_sqrt(int n);

void sma(std::span<const double> x, int length, std::span<double> out);
void ema(std::span<const double> x, int length, std::span<double> out);
void wma(std::span<const double> x, int length, std::span<double> out);
// Least-squares line through the window, x = 1..N oldest first. The reference
// profile evaluates it at the second-newest bar (m*(N-1)+c); `at_newest` at the
// newest bar (m*N+c, TradingView's ta.linreg(src, N, 0)).
void lsma(std::span<const double> x, int length, std::span<double> out, bool at_newest = false);
void kama(std::span<const double> x, int length, std::span<double> out);
void dema(std::span<const double> x, int length, std::span<double> out, MaScratch& scratch);
void hma(std::span<const double> x, int length, std::span<double> out, MaScratch& scratch);

// The member of family `type` with window `length`, as the profile defines it.
void compute(MaType type, MaProfile profile, std::span<const double> x, int length,
             std::span<double> out, MaScratch& scratch);

// All nine members of family `type` at once: member k (window lengths[k]) into
// outs[k], each of x.size() values. Bit-identical to nine compute() calls, and
// several times faster: the members' recursions run side by side in vector
// registers (AVX2 where the CPU has it) and share their per-bar work.
void compute_family(MaType type, MaProfile profile, std::span<const double> x,
                    const std::array<int, kMembersPerFamily>& lengths,
                    const std::array<std::span<double>, kMembersPerFamily>& outs,
                    MaScratch& scratch);

}  // namespace atc::ma
