// SPDX-License-Identifier: GPL-3.0-or-later
// KAMA(N), the ATC variant: efficiency ratio over N bars scales a smoothing
// constant between slow = 0.064 and fast = 0.666 (used as given), squared.
#include <algorithm>
#include <cassert>
#include <cmath>

#include "atc/reference_moving_averages.hpp"

namespace atc::ma::reference {
namespace {

// Sum of |x[j] - x[j-1]| for j in (i-N, i], kept in O(1) per bar and re-anchored
// by direct summation like the window sums (see window_sums.hpp).
class NoiseSum {
public:
    NoiseSum(std::span<const double> x, std::size_t length)
        : x_(x), n_(length), interval_(std::max(kReanchorInterval, length)) {}

    double at(std::size_t i) {
        if ((i - n_) % interval_ == 0) {
            double s = 0.0;
            for (std::size_t j = i + 1 - n_; j <= i; ++j)
                s += std::fabs(x_[j] - x_[j - 1]);
            sum_ = s;
        } else {
            sum_ += std::fabs(x_[i] - x_[i - 1]) - std::fabs(x_[i - n_] - x_[i - n_ - 1]);
        }
        return sum_;
    }

private:
    std::span<const double> x_;
    std::size_t n_;
    std::size_t interval_;
    double sum_ = 0.0;
};

}  // namespace

void kama(std::span<const double> x, int length, std::span<double> out) {
    assert(length >= 1 && out.size() == x.size());
    const std::size_t n = x.size();
    if (n == 0)
        return;
    const std::size_t window = static_cast<std::size_t>(length);
    double value = x[0];
    for (std::size_t i = 0; i < n && i < window; ++i)
        out[i] = value;
    NoiseSum noise_sum(x, window);
    for (std::size_t i = window; i < n; ++i) {
        const double signal = std::fabs(x[i] - x[i - window]);
        const double noise = noise_sum.at(i);
        const double ratio = noise != 0.0 ? signal / noise : 0.0;
        const double sc_root = ratio * (kKamaFast - kKamaSlow) + kKamaSlow;
        const double sc = sc_root * sc_root;
        value = value + sc * (x[i] - value);
        out[i] = value;
    }
}

}  // namespace atc::ma::reference
