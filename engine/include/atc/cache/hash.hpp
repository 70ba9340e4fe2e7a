// SPDX-License-Identifier: GPL-3.0-or-later
// A 128-bit non-cryptographic hash for cache keys: MurmurHash3_x64_128.
//
// Used to name the bar data and the parameter context of a cached result. It is
// fast (several GB/s) and its 128 bits make an accidental collision between two
// different inputs practically impossible; it is not meant to resist someone who
// crafts colliding inputs on purpose (the cache only ever holds a user's own data).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace atc::cache {

struct Hash128 {
    std::uint64_t h1 = 0;  // first 8 bytes of the digest, read little-endian
    std::uint64_t h2 = 0;  // last 8 bytes

    friend bool operator==(const Hash128&, const Hash128&) = default;
};

// MurmurHash3_x64_128 by Austin Appleby (public domain, SMHasher's
// MurmurHash3.cpp), reimplemented bit for bit: the same digest on every platform
// for the same bytes and seed.
Hash128 murmur3_x64_128(std::span<const std::byte> bytes, std::uint32_t seed = 0);

// A digest as 16 bytes: h1 then h2, each little-endian (how the store keeps
// a symbol's close hash, and how CacheKey::bytes() writes it).
using HashBytes = std::array<std::byte, 16>;
HashBytes to_bytes(const Hash128& hash);
// The digest of to_bytes(); nullopt unless `bytes` holds exactly 16.
std::optional<Hash128> hash_from_bytes(std::span<const std::byte> bytes);

// Hash of a close series: its exact IEEE-754 bits as little-endian bytes (so the
// digest does not depend on the host's byte order), whose count the hash mixes in.
Hash128 hash_closes(std::span<const double> close);

}  // namespace atc::cache
