// SPDX-License-Identifier: GPL-3.0-or-later
// The shape of nearly every price and volume, read without a library call.
// Inline: the row reader's plain path (plain_row.cpp) runs it on every field
// as it finds the field's end, and the general number reader (csv_values.cpp)
// on a field it has already cut out.
#pragma once

#include <cstdint>

#include "io/ascii.hpp"

namespace atc::detail {

// [-]DIGITS[POINT DIGITS] with at most 15 digits, from `first` up to the
// first byte (before `last`) that is not part of it: the digits as an
// integer (below 2^53, so an exact double) divided by an exact power of ten.
// One IEEE division rounds once, so this is the correctly rounded value that
// from_chars gives (Clinger's fast path, which fast_float also tries first,
// after more checks). Returns where the number ends, or nullptr (`value`
// unspecified) when the text there does not start with that shape: no digit
// before the point, none after it, or more than 15.
inline const char* read_short_decimal(const char* first, const char* last, char point,
                                      double& value) {
    static constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                              1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const bool negative = first < last && *first == '-';
    const char* p = first + (negative ? 1 : 0);
    std::uint64_t digits = 0;
    const char* start = p;
    for (; p < last && is_digit(*p); ++p)
        digits = digits * 10 + static_cast<unsigned>(*p - '0');
    int count = static_cast<int>(p - start);
    int fraction = 0;
    if (p < last && *p == point && count > 0) {
        const char* fraction_start = ++p;
        for (; p < last && is_digit(*p); ++p)
            digits = digits * 10 + static_cast<unsigned>(*p - '0');
        fraction = static_cast<int>(p - fraction_start);
        if (fraction == 0)
            return nullptr;
        count += fraction;
    }
    if (count == 0 || count > 15)
        return nullptr;
    const double magnitude = static_cast<double>(digits) / kPowersOfTen[fraction];
    value = negative ? -magnitude : magnitude;
    return p;
}

}  // namespace atc::detail
