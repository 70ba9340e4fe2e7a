// SPDX-License-Identifier: GPL-3.0-or-later
// MurmurHash3_x64_128, transcribed from SMHasher's MurmurHash3.cpp (Austin
// Appleby, public domain). Blocks are read little-endian explicitly so that the
// digest is the reference one on any host.
#include "atc/cache/hash.hpp"

#include <bit>
#include <cstring>
#include <vector>

namespace atc::cache {
namespace {

constexpr std::uint64_t kC1 = 0x87c37b91114253d5ULL;
constexpr std::uint64_t kC2 = 0x4cf5ad432745937fULL;

std::uint64_t load_le64(const std::byte* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | std::to_integer<std::uint64_t>(p[i]);
    return v;
}

std::uint64_t fmix64(std::uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

std::uint64_t mix_k1(std::uint64_t k1) {
    return std::rotl(k1 * kC1, 31) * kC2;
}
std::uint64_t mix_k2(std::uint64_t k2) {
    return std::rotl(k2 * kC2, 33) * kC1;
}

}  // namespace

Hash128 murmur3_x64_128(std::span<const std::byte> bytes, std::uint32_t seed) {
    const std::size_t len = bytes.size();
    const std::size_t nblocks = len / 16;
    std::uint64_t h1 = seed;
    std::uint64_t h2 = seed;

    for (std::size_t i = 0; i < nblocks; ++i) {
        const std::byte* block = bytes.data() + i * 16;
        h1 ^= mix_k1(load_le64(block));
        h1 = std::rotl(h1, 27);
        h1 += h2;
        h1 = h1 * 5 + 0x52dce729;
        h2 ^= mix_k2(load_le64(block + 8));
        h2 = std::rotl(h2, 31);
        h2 += h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    // The 0..15 trailing bytes: bytes 8..14 go to k2, bytes 0..7 to k1, as the
    // reference's fall-through switch does.
    const std::byte* tail = bytes.data() + nblocks * 16;
    const std::size_t rest = len & 15;
    std::uint64_t k1 = 0;
    std::uint64_t k2 = 0;
    for (std::size_t i = rest; i > 8; --i)
        k2 = (k2 << 8) | std::to_integer<std::uint64_t>(tail[i - 1]);
    if (rest > 8)
        h2 ^= mix_k2(k2);
    for (std::size_t i = rest < 8 ? rest : 8; i > 0; --i)
        k1 = (k1 << 8) | std::to_integer<std::uint64_t>(tail[i - 1]);
    if (rest > 0)
        h1 ^= mix_k1(k1);

    h1 ^= static_cast<std::uint64_t>(len);
    h2 ^= static_cast<std::uint64_t>(len);
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    return {h1, h2};
}

Hash128 hash_closes(std::span<const double> close) {
    if constexpr (std::endian::native == std::endian::little) {
        return murmur3_x64_128(std::as_bytes(close));
    } else {
        // Rare hosts: hash the same little-endian bytes a little-endian host sees.
        std::vector<std::byte> le(close.size() * sizeof(double));
        for (std::size_t i = 0; i < close.size(); ++i) {
            std::uint64_t bits = std::bit_cast<std::uint64_t>(close[i]);
            for (std::size_t b = 0; b < 8; ++b, bits >>= 8)
                le[i * 8 + b] = static_cast<std::byte>(bits & 0xff);
        }
        return murmur3_x64_128(le);
    }
}

HashBytes to_bytes(const Hash128& hash) {
    HashBytes out{};
    for (std::size_t i = 0; i < 8; ++i) {
        out[i] = static_cast<std::byte>((hash.h1 >> (8 * i)) & 0xff);
        out[8 + i] = static_cast<std::byte>((hash.h2 >> (8 * i)) & 0xff);
    }
    return out;
}

std::optional<Hash128> hash_from_bytes(std::span<const std::byte> bytes) {
    if (bytes.size() != HashBytes{}.size())
        return std::nullopt;
    return Hash128{load_le64(bytes.data()), load_le64(bytes.data() + 8)};
}

}  // namespace atc::cache
