// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the result cache's blob decoders, which read bytes from a database
// file that may be damaged or foreign: any bytes either decode, and then encode
// back to exactly the same bytes, or are refused with CodecError.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "atc/cache/codec.hpp"
#include "fuzz_check.hpp"

namespace {

bool same_bytes(const std::vector<std::byte>& encoded, std::span<const std::byte> blob) {
    return std::ranges::equal(encoded, blob);
}

template <typename Decode>
auto decode_or_nothing(Decode decode, std::span<const std::byte> blob)
    -> std::optional<decltype(decode(blob))> {
    try {
        return decode(blob);
    } catch (const atc::cache::CodecError&) {
        return std::nullopt;
    }
}

}  // namespace

// A CodecError from the encoders is not caught: the decoders must never accept
// what the encoders would refuse, so it escapes and libFuzzer reports it.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::byte> blob(reinterpret_cast<const std::byte*>(data), size);
    if (const auto result = decode_or_nothing(atc::cache::decode_result, blob))
        FUZZ_REQUIRE(same_bytes(atc::cache::encode_result(*result), blob),
                     "a decoded result encodes back to the same bytes");
    if (const auto scan = decode_or_nothing(atc::cache::decode_scan, blob))
        FUZZ_REQUIRE(same_bytes(atc::cache::encode_scan(*scan), blob),
                     "a decoded scan encodes back to the same bytes");
    return 0;
}
