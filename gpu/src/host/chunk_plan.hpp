// SPDX-License-Identifier: GPL-3.0-or-later
// How a request's symbols are cut into chunks that fit the device. Symbols are
// taken longest first, so each chunk's symbols have similar lengths and the
// bars-major arrays (every symbol padded to the chunk's longest) waste little.
// A chunk's device and pinned-host footprint is estimated from its shape and
// kept under the limits; a chunk always holds at least one symbol.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace atc::gpu::host {

// One chunk: which symbols, where each one's bars go, and the array shapes.
struct ChunkLayout {
    std::vector<std::size_t> symbols;      // indices into the request's closes
    std::vector<std::int32_t> bars;        // per symbol
    std::vector<std::int64_t> offsets;     // per symbol: start in the packed arrays
    std::vector<std::int32_t> block_bars;  // per block of 32 symbols: the most bars
    std::int32_t stride = 0;               // symbols rounded up to 32
    std::int32_t max_bars = 0;
    std::int64_t packed_bars = 0;  // sum of bars

    std::int32_t count() const { return static_cast<std::int32_t>(symbols.size()); }
};

struct ChunkLimits {
    std::uint64_t device_bytes = 1ull << 30;   // one chunk's device buffers
    std::uint64_t staging_bytes = 1ull << 28;  // one chunk's pinned host buffers
    std::size_t max_symbols = 1u << 20;        // keeps every grid dimension in range
};

// S rounded up to a whole number of 32-symbol blocks (whole warps, aligned rows).
std::int32_t stride_for(std::size_t symbols);

// The footprint of a chunk of `symbols` symbols, the longest `max_bars`, with
// `packed_bars` bars in all. `ring_slots` is RequestConst::ring_slots.
std::uint64_t chunk_device_bytes(std::size_t symbols, std::size_t max_bars,
                                 std::uint64_t packed_bars, bool keep_series,
                                 std::int32_t ring_slots);
std::uint64_t chunk_staging_bytes(std::size_t symbols, std::uint64_t packed_bars, bool keep_series);

// The layout of the symbols `symbols` (indices into `closes`) as one chunk.
ChunkLayout make_layout(std::span<const std::size_t> symbols,
                        std::span<const std::span<const double>> closes);

// `order`: the symbols to compute, longest first. Returns consecutive runs of
// it, each within the limits (or a single symbol).
std::vector<ChunkLayout> plan_chunks(std::span<const std::size_t> order,
                                     std::span<const std::span<const double>> closes,
                                     bool keep_series, std::int32_t ring_slots,
                                     const ChunkLimits& limits);

}  // namespace atc::gpu::host
