// SPDX-License-Identifier: GPL-3.0-or-later
// The reference kernels: one moving average, one member at a time, written as
// plainly as ATC_SPEC.md states it. They are the executable specification the
// engine's family kernels (atc/moving_averages.hpp) are tested against, bit for
// bit (tests/engine/test_fast_paths.cpp), and themselves against the spec's
// formulas and direct re-summation (tests/engine/test_moving_averages.cpp).
// The engine's pipeline does not run them.
//
// Every kernel has the same shape: it reads `x` (bars in time order), writes
// exactly x.size() values to `out` (same size as x), and leaves NaN at the bars
// where the average is not yet defined. Kernels that need temporary series
// take them from a caller-owned MaScratch.
#pragma once

#include <span>

#include "atc/moving_averages.hpp"
#include "atc/params.hpp"

namespace atc::ma::reference {

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

// The member of family `type` with window `length`, as the profile defines it
// (the pine profile puts SMA in the HMA slot and evaluates the LSMA at the
// newest bar).
void compute_member(MaType type, MaProfile profile, std::span<const double> x, int length,
                    std::span<double> out, MaScratch& scratch);

}  // namespace atc::ma::reference
