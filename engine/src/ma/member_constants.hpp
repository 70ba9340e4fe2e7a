// SPDX-License-Identifier: GPL-3.0-or-later
// What a family member derives from its length alone: where a window's first
// value is, EMA's alpha, the WMA's divisor and the LSMA's line weights. The
// reference kernels, the family kernels and the CUDA backend all take them
// from here, so all three multiply by the very same doubles and agree bit for
// bit.
#pragma once

#include <cstddef>
#include <limits>

namespace atc::ma::detail {

// The value of a bar before a member's first full window.
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A window of `length` bars has its first value at bar length - 1.
constexpr std::size_t first_defined_window(int length) {
    return static_cast<std::size_t>(length) - 1;
}

inline double ema_alpha(int length) {
    return 2.0 / (static_cast<double>(length) + 1.0);
}

// 1 / (N(N+1)/2): the WMA's divisor, applied as a multiplication (within an
// ulp, and a divide per bar costs more than all the rest of the update).
inline double wma_inverse_total(int length) {
    const double n = static_cast<double>(length);
    return 2.0 / (n * (n + 1.0));
}

// The least-squares line through the window (x = 1..N, oldest first) at x = at:
// slope = (N*Sxy - Sx*Sy) / d and intercept = (Sy*Sx2 - Sx*Sxy) / d with
// d = N*Sx2 - Sx^2, so slope*at + intercept = Sxy*(N*at - Sx)/d + Sy*(Sx2 - Sx*at)/d.
// The two weights depend on N only; per bar the line is two multiplies and an
// add instead of two divides (about 3*Sy/N and -2*Sy/N in size for the
// reference profile, so a few ulps at most). N = 1 has no line (d = 0).
struct LineWeights {
    double of_sum_xy;
    double of_sum_y;
};
inline LineWeights lsma_weights(int length, bool at_newest) {
    const double n = static_cast<double>(length);
    const double sum_x = n * (n + 1.0) / 2.0;
    const double sum_x2 = sum_x * (2.0 * n + 1.0) / 3.0;
    const double divisor = n * sum_x2 - sum_x * sum_x;
    // The original library evaluates the line at x = N-1 (second-newest bar).
    const double at = at_newest ? n : n - 1.0;
    return {(n * at - sum_x) / divisor, (sum_x2 - sum_x * at) / divisor};
}

}  // namespace atc::ma::detail
