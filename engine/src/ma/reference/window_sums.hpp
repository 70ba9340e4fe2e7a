// SPDX-License-Identifier: GPL-3.0-or-later
// Sliding-window sums of the reference SMA, WMA and LSMA.
//
// For the window x[i-N+1..i] it keeps
//   sum      = sum of the N values
//   weighted = sum_k (N-k) * x[i-k]   (newest value weighted N, oldest 1)
// and moves from one bar to the next in O(1). Running sums collect rounding
// error with every add/subtract, so every `interval` bars both sums are
// re-anchored by a direct summation; the error then never outgrows what one
// interval of updates can add (far inside the spec's 1e-9 tolerance). The
// family kernels keep the same sums on the same schedule in vector lanes
// (ma/window_lanes.hpp).
#pragma once

#include <algorithm>
#include <cstddef>

#include "atc/moving_averages.hpp"

namespace atc::ma::reference {

template <bool kWeighted>
class WindowSums {
public:
    WindowSums(const double* x, int length)
        : x_(x),
          n_(static_cast<std::size_t>(length)),
          n_double_(static_cast<double>(length)),
          interval_(std::max<std::size_t>(kReanchorInterval, n_)) {}

    // Positions the window to end at bar `i` (i >= N-1): a direct summation at
    // the first bar and every `interval` bars after it, else an O(1) update.
    void move_to(std::size_t i) {
        const std::size_t since_first = i - (n_ - 1);
        if (since_first % interval_ == 0) {
            anchor(i);
        } else {
            advance(i);
        }
    }

    double sum() const { return sum_; }
    double weighted() const { return weighted_; }

private:
    void anchor(std::size_t i) {
        const double* window = x_ + (i + 1 - n_);
        double s = 0.0;
        double w = 0.0;
        for (std::size_t j = 0; j < n_; ++j) {
            s += window[j];
            if constexpr (kWeighted)
                w += static_cast<double>(j + 1) * window[j];
        }
        sum_ = s;
        weighted_ = w;
    }

    void advance(std::size_t i) {
        // The weighted sum gains N*newest and every older value loses one weight
        // step, i.e. the plain sum of the previous window.
        if constexpr (kWeighted)
            weighted_ += n_double_ * x_[i] - sum_;
        sum_ += x_[i] - x_[i - n_];
    }

    const double* x_;
    std::size_t n_;
    double n_double_;
    std::size_t interval_;
    double sum_ = 0.0;
    double weighted_ = 0.0;
};

}  // namespace atc::ma::reference
