// SPDX-License-Identifier: GPL-3.0-or-later
// Eight bytes of text at a time in one 64-bit word (SIMD within a register):
// a price file is almost all ASCII, so its lines are searched and its digits
// converted a word at a time. Byte k of a word is the text's byte k (the
// words are little-endian loads, as on every machine we build for).
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace atc::detail::swar {

static_assert(std::endian::native == std::endian::little, "the word helpers assume little-endian");

inline constexpr std::uint64_t kEveryByte = 0x0101010101010101ULL;
inline constexpr std::uint64_t kLow7Bits = 0x7F7F7F7F7F7F7F7FULL;
inline constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

inline std::uint64_t load(const char* p) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, 8);
    return word;
}

// The high bit set in exactly the zero bytes of `word` (no false positives,
// unlike the shorter "has a zero byte" test, whose borrows can mark the byte
// after a zero one).
inline std::uint64_t zero_bytes(std::uint64_t word) {
    return ~(((word & kLow7Bits) + kLow7Bits) | word | kLow7Bits);
}

// The high bit set in exactly the bytes that are not zero.
inline std::uint64_t nonzero_bytes(std::uint64_t word) {
    return (((word & kLow7Bits) + kLow7Bits) | word) & kHighBits;
}

inline std::uint64_t bytes_equal_to(std::uint64_t word, char c) {
    return zero_bytes(word ^ (kEveryByte * static_cast<unsigned char>(c)));
}

// The high bit set in exactly the bytes of `word` that are not ASCII digits.
inline std::uint64_t non_digit_bytes(std::uint64_t word) {
    // A digit is 0x30-0x39: high nibble 3, and still 3 after adding 6. A
    // carry out of a byte (only from bytes 0xFA and above, which are not
    // digits) reaches only later bytes, after the first non-digit, so the
    // first non-digit is always found; bytes after it may be marked wrongly.
    constexpr std::uint64_t kHighNibbles = 0xF0F0F0F0F0F0F0F0ULL;
    constexpr std::uint64_t kThrees = 0x3030303030303030ULL;
    return nonzero_bytes(((word & kHighNibbles) ^ kThrees) |
                         (((word + 6 * kEveryByte) & kHighNibbles) ^ kThrees));
}

// The index of the first byte marked (high bit set) in `marks`; 8 for none.
inline unsigned first_marked(std::uint64_t marks) {
    return static_cast<unsigned>(std::countr_zero(marks)) / 8;
}

// The value of the first `count` bytes of `word` (1 to 8), all ASCII digits,
// as a decimal number: the digits moved to the top of the word (the bytes
// below them zero, as leading zeros) and then combined pairwise, to 2, 4 and
// 8 digits, in three multiplications.
inline std::uint64_t digits_value(std::uint64_t word, unsigned count) {
    std::uint64_t v = (word - 0x30 * kEveryByte) << (64 - 8 * count);
    v = (v * 10) + (v >> 8);
    v = (((v & 0x000000FF000000FFULL) * (100 + (1000000ULL << 32))) +
         (((v >> 16) & 0x000000FF000000FFULL) * (1 + (10000ULL << 32)))) >>
        32;
    return v;
}

}  // namespace atc::detail::swar
