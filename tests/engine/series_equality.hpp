// SPDX-License-Identifier: GPL-3.0-or-later
// Exact equality of two series where NaN (a bar with no value yet) equals NaN.
// Used by tests that assert two code paths give identical, not merely close, numbers.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

namespace atc::test {

inline bool same_values(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i]))))
            return false;
    }
    return true;
}

}  // namespace atc::test
