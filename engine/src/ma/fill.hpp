// Small helpers the kernels share for their warm-up and bounds.
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <span>

namespace atc::ma::detail {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Marks out[0 .. min(count, size)) as "no value yet".
inline void fill_undefined(std::span<double> out, std::size_t count) {
    std::fill_n(out.begin(), std::min(count, out.size()), kNaN);
}

}  // namespace atc::ma::detail
