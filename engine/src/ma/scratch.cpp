// SPDX-License-Identifier: GPL-3.0-or-later
#include <cmath>

#include "atc/moving_averages.hpp"

#include "system/huge_pages.hpp"

namespace atc::ma {

void MaScratch::ensure(std::size_t n) {
    if (a.size() < n)
        system::resize_on_huge_pages(a, n);
    if (b.size() < n)
        system::resize_on_huge_pages(b, n);
    if (c.size() < n)
        system::resize_on_huge_pages(c, n);
}

int integer_sqrt(int n) {
    if (n <= 0)
        return 0;
    int s = static_cast<int>(std::sqrt(static_cast<double>(n)));
    while (s > 0 && s * s > n)
        --s;
    while ((s + 1) * (s + 1) <= n)
        ++s;
    return s;
}

}  // namespace atc::ma
