// SPDX-License-Identifier: GPL-3.0-or-later
#include "host/chunk_plan.hpp"

#include <algorithm>

#include "device/launch_args.hpp"

namespace atc::gpu::host {
namespace {

constexpr std::uint64_t kDouble = sizeof(double);
// Per padded (symbol, bar) element: the prices, keep*r, six Layer-1 signals and
// the Average; with keep_series also the six Layer-2 equities.
constexpr std::uint64_t kPaddedBytes = (1 + 1 + device::kFamilies + 1) * kDouble;
constexpr std::uint64_t kPaddedKeptBytes = device::kFamilies * kDouble;
// Per real bar: the packed prices; with keep_series the 13 packed outputs.
constexpr std::uint64_t kPackedBytes = kDouble;
constexpr std::uint64_t kPackedKeptBytes = device::kKeptSeries * kDouble;
// Per symbol: bars, block bars (rounded up), offsets, marker counts, the last
// Average, marker offsets, the six last equities.
constexpr std::uint64_t kSymbolBytes = 4 + 4 + 8 + 4 + 8 + 8 + device::kFamilies * kDouble;

}  // namespace

std::int32_t stride_for(std::size_t symbols) {
    const std::size_t block = device::kSymbolsPerBlock;
    return static_cast<std::int32_t>((symbols + block - 1) / block * block);
}

std::uint64_t chunk_device_bytes(std::size_t symbols, std::size_t max_bars,
                                 std::uint64_t packed_bars, bool keep_series,
                                 std::int32_t ring_slots) {
    const auto stride = static_cast<std::uint64_t>(stride_for(symbols));
    const std::uint64_t padded = stride * max_bars;
    return padded * (kPaddedBytes + (keep_series ? kPaddedKeptBytes : 0)) +
           packed_bars * (kPackedBytes + (keep_series ? kPackedKeptBytes : 0)) +
           static_cast<std::uint64_t>(ring_slots) * device::kMembers * stride * kDouble +
           stride * kSymbolBytes;
}

std::uint64_t chunk_staging_bytes(std::size_t symbols, std::uint64_t packed_bars,
                                  bool keep_series) {
    return packed_bars * (kPackedBytes + (keep_series ? kPackedKeptBytes : 0)) +
           static_cast<std::uint64_t>(stride_for(symbols)) * kSymbolBytes;
}

ChunkLayout make_layout(std::span<const std::size_t> symbols,
                        std::span<const std::span<const double>> closes) {
    ChunkLayout layout;
    layout.symbols.assign(symbols.begin(), symbols.end());
    layout.stride = stride_for(symbols.size());
    layout.bars.reserve(symbols.size());
    layout.offsets.reserve(symbols.size());
    for (const std::size_t s : symbols) {
        const auto bars = static_cast<std::int32_t>(closes[s].size());
        layout.offsets.push_back(layout.packed_bars);
        layout.bars.push_back(bars);
        layout.packed_bars += bars;
        layout.max_bars = std::max(layout.max_bars, bars);
    }
    const std::size_t block = device::kSymbolsPerBlock;
    layout.block_bars.assign((symbols.size() + block - 1) / block, 0);
    for (std::size_t j = 0; j < symbols.size(); ++j)
        layout.block_bars[j / block] = std::max(layout.block_bars[j / block], layout.bars[j]);
    return layout;
}

std::vector<ChunkLayout> plan_chunks(std::span<const std::size_t> order,
                                     std::span<const std::span<const double>> closes,
                                     bool keep_series, std::int32_t ring_slots,
                                     const ChunkLimits& limits) {
    std::vector<ChunkLayout> chunks;
    std::size_t begin = 0;
    while (begin < order.size()) {
        // Longest first: the chunk's first symbol sets its rows.
        const std::size_t max_bars = closes[order[begin]].size();
        std::uint64_t packed = max_bars;
        std::size_t end = begin + 1;
        while (end < order.size() && end - begin < limits.max_symbols) {
            const std::uint64_t next = packed + closes[order[end]].size();
            const std::size_t count = end - begin + 1;
            if (chunk_device_bytes(count, max_bars, next, keep_series, ring_slots) >
                    limits.device_bytes ||
                chunk_staging_bytes(count, next, keep_series) > limits.staging_bytes)
                break;
            packed = next;
            ++end;
        }
        chunks.push_back(make_layout(order.subspan(begin, end - begin), closes));
        begin = end;
    }
    return chunks;
}

}  // namespace atc::gpu::host
