// SPDX-License-Identifier: GPL-3.0-or-later
// Character classes of the ASCII text the readers parse. std::isdigit depends
// on the C locale and takes an int (UB for negative chars); these do neither.
#pragma once

namespace atc::detail {

constexpr bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace atc::detail
