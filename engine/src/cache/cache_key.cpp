// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/cache/cache_key.hpp"

#include <algorithm>
#include <string>

#include "atc/params_json.hpp"

namespace atc::cache {
namespace {

void put_le64(std::byte* out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i, v >>= 8)
        out[i] = static_cast<std::byte>(v & 0xff);
}

void append_with_length(std::string& out, std::string_view text) {
    std::byte length[8];
    put_le64(length, text.size());
    out.append(reinterpret_cast<const char*>(length), sizeof length);
    out.append(text);
}

}  // namespace

std::array<std::byte, kKeyBytes> CacheKey::bytes() const {
    std::array<std::byte, kKeyBytes> out{};
    out[0] = static_cast<std::byte>(kind);
    put_le64(&out[1], bars);
    const HashBytes data_bytes = to_bytes(data);
    const HashBytes context_bytes = to_bytes(context);
    std::copy(data_bytes.begin(), data_bytes.end(), out.begin() + 9);
    std::copy(context_bytes.begin(), context_bytes.end(), out.begin() + 25);
    return out;
}

std::size_t CacheKeyHasher::operator()(const CacheKey& key) const noexcept {
    // The parts are already well-mixed hashes; folding them is enough.
    return static_cast<std::size_t>(key.data.h1 ^ (key.context.h1 * 0x9e3779b97f4a7c15ULL) ^
                                    static_cast<std::uint64_t>(key.kind));
}

Hash128 context_hash(const AtcParams& params, std::string_view engine_version,
                     std::string_view timeframe) {
    std::string text;
    append_with_length(text, engine_version);
    append_with_length(text, params_to_json(params));
    if (!timeframe.empty())
        append_with_length(text, timeframe);
    return murmur3_x64_128(std::as_bytes(std::span<const char>(text)));
}

CacheKey make_key(EntryKind kind, std::span<const double> close, const Hash128& context) {
    return make_key(kind, {close.size(), hash_closes(close)}, context);
}

CacheKey make_key(EntryKind kind, const SeriesDigest& series, const Hash128& context) {
    return {kind, series.bars, series.closes, context};
}

}  // namespace atc::cache
