// SPDX-License-Identifier: GPL-3.0-or-later
// The tests' direct O(n*N) re-summations of the windowed moving averages
// (test::direct_*), written straight from ATC_SPEC.md with no running sums: the
// yardstick for the running sums of the engine's reference kernels
// (atc/reference_moving_averages.hpp, engine/src/ma/reference/). Also the
// seeded price series (random_walk) the engine tests compute them on.
#pragma once

#include <cmath>
#include <limits>
#include <span>
#include <vector>

namespace atc::test {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline std::vector<double> direct_sma(std::span<const double> x, int n) {
    std::vector<double> out(x.size(), kNaN);
    for (std::size_t i = n - 1; i < x.size(); ++i) {
        double s = 0;
        for (int k = 0; k < n; ++k)
            s += x[i - k];
        out[i] = s / n;
    }
    return out;
}

inline std::vector<double> direct_wma(std::span<const double> x, int n) {
    std::vector<double> out(x.size(), kNaN);
    const double total = n * (n + 1) / 2.0;
    for (std::size_t i = n - 1; i < x.size(); ++i) {
        double s = 0;
        for (int k = 0; k < n; ++k)
            s += (n - k) * x[i - k];
        out[i] = s / total;
    }
    return out;
}

inline std::vector<double> direct_lsma(std::span<const double> x, int n, bool at_newest) {
    std::vector<double> out(x.size(), kNaN);
    for (std::size_t i = n - 1; i < x.size(); ++i) {
        double sx = 0, sy = 0, sxy = 0, sx2 = 0;
        for (int j = 1; j <= n; ++j) {  // j = 1 is the oldest bar of the window
            const double y = x[i - n + j];
            sx += j;
            sy += y;
            sxy += j * y;
            sx2 += double(j) * j;
        }
        const double d = n * sx2 - sx * sx;
        const double m = (n * sxy - sx * sy) / d;
        const double c = (sy * sx2 - sx * sxy) / d;
        out[i] = m * (at_newest ? n : n - 1) + c;
    }
    return out;
}

inline std::vector<double> direct_kama(std::span<const double> x, int n) {
    std::vector<double> out(x.size(), kNaN);
    if (x.empty())
        return out;
    out[0] = x[0];
    for (std::size_t i = 1; i < x.size(); ++i) {
        if (i < std::size_t(n)) {
            out[i] = out[i - 1];
            continue;
        }
        const double signal = std::fabs(x[i] - x[i - n]);
        double noise = 0;
        for (std::size_t j = i - n + 1; j <= i; ++j)
            noise += std::fabs(x[j] - x[j - 1]);
        const double ratio = noise == 0 ? 0 : signal / noise;
        const double sc = std::pow(ratio * (0.666 - 0.064) + 0.064, 2);
        out[i] = out[i - 1] + sc * (x[i] - out[i - 1]);
    }
    return out;
}

// A seeded geometric random walk: the shape of real prices, over a wide range.
inline std::vector<double> random_walk(std::size_t n, unsigned seed, double start = 100.0,
                                       double volatility = 0.01) {
    std::vector<double> x(n);
    unsigned long long state = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    auto uniform = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return double(state >> 11) / double(1ULL << 53);
    };
    double p = start;
    for (std::size_t i = 0; i < n; ++i) {
        // Sum of uniforms ~ normal enough for prices; rounded to a 0.01 tick grid
        // so exact ties between price and MA happen as on real data.
        const double shock = (uniform() + uniform() + uniform() - 1.5) * 2.0 * volatility;
        p = std::max(0.01, p * std::exp(shock));
        x[i] = std::round(p * 100.0) / 100.0;
        if (x[i] <= 0)
            x[i] = 0.01;
    }
    return x;
}

}  // namespace atc::test
