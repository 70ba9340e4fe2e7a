// SPDX-License-Identifier: GPL-3.0-or-later
// Compact binary form of cached outputs, for the disk tier.
//
// Layout (all integers and doubles little-endian):
//   header   "ATCR" magic, u16 format version, u8 kind (1 AtcResult, 2 SymbolScan),
//            u8 flags (SymbolScan: bit 0 = per-bar series present; else 0), u64 bars
//   body     per kind, see codec.cpp; per-bar doubles as their raw 8 bytes (NaN
//            payloads and -0.0 survive bit for bit), states and directions as int8
//   trailer  u64 checksum: MurmurHash3_x64_128 (first half) of every byte before it
//
// The decoder trusts nothing: every length is checked against the bytes that are
// left before anything is allocated, every enum and index is range-checked, and
// trailing bytes are refused. A truncated, garbled or foreign blob throws
// CodecError; no input can make it read out of bounds or allocate more than the
// blob's size implies. The checksum is verified last, after the structural
// checks, so a fuzzer still reaches every check before it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <vector>

#include "atc/batch.hpp"
#include "atc/result.hpp"

namespace atc::cache {

// 2: the scan row carries the entry's close and the families' last Layer-2
// equities; blobs of version 1 are refused (CodecError) and so recomputed.
inline constexpr std::uint16_t kCodecFormatVersion = 2;

class CodecError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws CodecError if `result` is not shaped as compute_symbol makes it (every
// per-bar array `bars` long, markers inside the series).
std::vector<std::byte> encode_result(const AtcResult& result);
AtcResult decode_result(std::span<const std::byte> blob);

// Only successfully computed scans (ok()) are encoded; their series must be all
// `row.bars` long or all empty (a scan with keep_series = false). Throws CodecError
// otherwise. The decoded scan has computed = true and an empty error.
std::vector<std::byte> encode_scan(const SymbolScan& scan);
SymbolScan decode_scan(std::span<const std::byte> blob);

}  // namespace atc::cache
