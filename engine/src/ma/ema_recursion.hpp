// The EMA recursion shared by EMA and DEMA's second stage.
#pragma once

#include <cstddef>
#include <span>

namespace atc::ma::detail {

inline double ema_alpha(int length) {
    return 2.0 / (static_cast<double>(length) + 1.0);
}

// out[start] = seed; out[i] = alpha*x[i] + (1-alpha)*out[i-1] for i > start.
inline void ema_from(std::span<const double> x, std::size_t start, double seed, double alpha,
                     std::span<double> out) {
    const double keep = 1.0 - alpha;
    double value = seed;
    out[start] = value;
    for (std::size_t i = start + 1; i < x.size(); ++i) {
        value = alpha * x[i] + keep * value;
        out[i] = value;
    }
}

}  // namespace atc::ma::detail
