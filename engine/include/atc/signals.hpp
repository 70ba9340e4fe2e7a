// SPDX-License-Identifier: GPL-3.0-or-later
// The signal stages of ATC_SPEC.md after the moving averages: crossing states,
// equity curves, Layer 1, the final Average signal and the entry markers.
// Each function writes exactly out.size() == input size values.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "atc/params.hpp"
#include "atc/result.hpp"

namespace atc {

// |price - ma| <= kTieTolerance * |price| counts as equality (spec, "Ties").
inline constexpr double kTieTolerance = 1e-10;

// Crossing state of price against one MA: +1 after an up-cross, -1 after a
// down-cross, held between crossings, 0 before the first. NaN never crosses.
void crossing_states(std::span<const double> price, std::span<const double> ma,
                     std::span<std::int8_t> out);

// Growth multiplier e^(L*(b - cutout)) of bar i, with b = i except b = 1 at
// i = 0 (the original's quirk) and 1 before the cutout. L = La / 1000.
double growth_multiplier(std::size_t bar, double lambda_per_bar, int cutout);

// r[i] = (close[i]/close[i-1] - 1) * growth_multiplier(i); NaN at bar 0.
// Every equity curve of a symbol uses the same r, so it is computed once.
void scaled_returns(std::span<const double> close, double lambda_per_bar, int cutout,
                    std::span<double> out);

// equity(start, sig, R) of the spec: NaN before `cutout`, `start` (floored at
// 0.25) at it, then E[i] = max(0.25, E[i-1]*(1-D)*(1+a[i])) where a[i] = +-r[i]
// by the sign of sig[i-1] (0 when flat or NaN). `keep` is 1 - D. The factor is
// formed as keep + keep*a[i] (equal to rounding), which the pipeline computes
// once per bar for every member.
void equity_curve(double start, std::span<const std::int8_t> state, std::span<const double> r,
                  int cutout, double keep, std::span<double> out);
void equity_curve(double start, std::span<const double> signal, std::span<const double> r,
                  int cutout, double keep, std::span<double> out);

// numpy's round(x, 2): round-half-to-even of x*100 in double, divided by 100.
double round2(double x);

// Layer 1 in two steps so that members can be folded in one at a time: start
// with num = den = 0, add every member in order, then finish.
// S[i] = round2(num[i] / den[i]); NaN where an equity is NaN. (The pipeline
// computes the same sums in a fused pass over all nine members, in a fixed
// order of its own (signal/family_layer1.hpp); the results agree to rounding,
// and after rounding to hundredths exactly.)
void layer1_add_member(std::span<const std::int8_t> state, std::span<const double> equity,
                       std::span<double> num, std::span<double> den);
void layer1_finish(std::span<const double> num, std::span<const double> den,
                   std::span<double> signal);

// cut(x): +1 above long_threshold, -1 below short_threshold, else 0 (0 for NaN).
double threshold_cut(double x, double long_threshold, double short_threshold);

// Average[i] = sum_t cut(S_t[i]) * W_t[i] / sum_t W_t[i]; 0 before the cutout and
// wherever it is not finite; shifted one bar later in strategy mode.
void average_signal(const std::array<std::span<const double>, kFamilyCount>& layer1_signals,
                    const std::array<std::span<const double>, kFamilyCount>& layer2_equities,
                    const AtcParams& params, std::span<double> out);

// The indicator's arrows: long when Average crosses above long_threshold and
// the last arrow was not long; short when it crosses below short_threshold and
// the last arrow was not short.
std::vector<EntryMarker> entry_markers(std::span<const double> average, double long_threshold,
                                       double short_threshold);

// Scanner summary from the final series and the families' Layer-2 equities.
ScanRow scan_row(std::span<const double> close, std::span<const double> average,
                 const std::vector<EntryMarker>& markers,
                 const std::array<std::span<const double>, kFamilyCount>& layer2_equities);

}  // namespace atc
