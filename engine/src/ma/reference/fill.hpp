// SPDX-License-Identifier: GPL-3.0-or-later
// The reference kernels' warm-up: NaN until the first defined bar.
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <span>

namespace atc::ma::reference {

// Marks out[0 .. min(count, size)) as "no value yet".
inline void fill_undefined(std::span<double> out, std::size_t count) {
    std::fill_n(out.begin(), std::min(count, out.size()), std::numeric_limits<double>::quiet_NaN());
}

}  // namespace atc::ma::reference
