// SPDX-License-Identifier: GPL-3.0-or-later
// The bytes of a short line classified 16 at a time (SSE2, which every
// x86-64 CPU has): one bit per byte for the delimiters, the decimal points,
// the bytes that are not digits, and the bytes the plain path leaves to the
// general one. The row reader's plain path (plain_row.cpp) then finds its
// fields and checks its numbers with bit operations instead of a loop per
// byte. Other machines fall back to that path's word-at-a-time reading.
#pragma once

#include <bit>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace atc::detail {

struct LineMasks {
    static constexpr std::size_t kBytes = 64;  // one bit per byte, in a 64-bit word

    std::uint64_t delimiters = 0;
    std::uint64_t points = 0;
    std::uint64_t non_digits = 0;
    std::uint64_t not_plain = 0;  // a quote, a carriage return, a NUL, a non-ASCII byte
};

// Where the first line feed at or after `p` is; `end` when there is none.
// Sixteen bytes at a time while they are readable: a line of prices is a few
// dozen bytes, too short for a call to memchr to pay its way.
inline const char* find_line_feed(const char* p, const char* end) {
#if defined(__SSE2__)
    const __m128i line_feed = _mm_set1_epi8('\n');
    for (; end - p >= 16; p += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        if (const int found = _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, line_feed)); found != 0)
            return p + std::countr_zero(static_cast<unsigned>(found));
    }
#endif
    for (; p < end; ++p) {
        if (*p == '\n')
            return p;
    }
    return end;
}

#if defined(__SSE2__)
inline constexpr bool kHasLineMasks = true;

// The masks of the kBytes bytes from `p`, all of which must be readable.
inline LineMasks classify_line(const char* p, char delimiter, char point) {
    // Made from 32-bit words: GCC builds _mm_set1_epi8 of a variable with a
    // byte store and a wider load, which stalled every row.
    const auto repeated = [](char c) {
        return _mm_set1_epi32(static_cast<int>(0x01010101U * static_cast<unsigned char>(c)));
    };
    const __m128i delimiter_bytes = repeated(delimiter);
    const __m128i point_bytes = repeated(point);
    const __m128i zero = _mm_setzero_si128();
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i carriage_return = _mm_set1_epi8('\r');
    const __m128i digit_zero = _mm_set1_epi8('0');
    const __m128i nine = _mm_set1_epi8(9);
    LineMasks masks;
    for (unsigned block = 0; block < LineMasks::kBytes / 16; ++block) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * block));
        const auto bits = [block](__m128i marked) {
            return static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(marked)))
                   << (16 * block);
        };
        // A digit's byte minus '0' is 0-9 (unsigned): min(x, 9) == x.
        const __m128i offset = _mm_sub_epi8(bytes, digit_zero);
        masks.delimiters |= bits(_mm_cmpeq_epi8(bytes, delimiter_bytes));
        masks.points |= bits(_mm_cmpeq_epi8(bytes, point_bytes));
        masks.non_digits |= ~bits(_mm_cmpeq_epi8(_mm_min_epu8(offset, nine), offset)) &
                            (std::uint64_t{0xFFFF} << (16 * block));
        masks.not_plain |= bits(_mm_or_si128(
            _mm_or_si128(bytes, _mm_cmpeq_epi8(bytes, zero)),
            _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, carriage_return))));
    }
    return masks;
}
#else
inline constexpr bool kHasLineMasks = false;

inline LineMasks classify_line(const char*, char, char) {
    return {};
}
#endif

}  // namespace atc::detail
