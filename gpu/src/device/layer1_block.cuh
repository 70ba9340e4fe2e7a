// SPDX-License-Identifier: GPL-3.0-or-later
// Layer 1 as one block per (32 symbols, family): thread (lane, k) runs member
// k of symbol `lane` through its bars, a tile of kTileBars at a time, and leaves
// state*E and E of each bar in shared memory; after a barrier the block adds the
// nine members of each (symbol, bar) of the tile and writes the family signal.
// The MA values never leave the thread. The kernel (kernels/layer1.cu) and
// the host emulation (host/emulated_runner.cpp) call these same two functions
// in the same order around their barriers.
#pragma once

#include "device/hd.cuh"
#include "device/launch_args.hpp"
#include "device/ma_member.cuh"
#include "device/signal_steps.cuh"

namespace atc::gpu::device {

// A tile's shared memory: term t of member k for (bar b, lane) at
// [(b * kMembers + k) * kSymbolsPerBlock + lane], for t = state*E and E.
inline constexpr int kTileTerms = kTileBars * kMembers * kSymbolsPerBlock;

ATC_HD inline int tile_index(int bar_in_tile, int member, int lane) {
    return (bar_in_tile * kMembers + member) * kSymbolsPerBlock + lane;
}

// What one (symbol, member) thread carries from tile to tile.
struct Layer1Thread {
    MaState ma;
    Ring ring;  // used by the Hull family only
    MemberSignal signal;
};

ATC_HD inline void layer1_thread_start(Layer1Thread& t, const Layer1Args& a, const MemberConst& c,
                                       std::int32_t symbol, int member) {
    ma_start(t.ma, c);
    const std::int32_t stride = a.chunk.stride;
    t.ring.base = a.ring ? a.ring + static_cast<std::int64_t>(member) * stride + symbol : nullptr;
    t.ring.slot_step = static_cast<std::int64_t>(kMembers) * stride;
    t.ring.length = c.ring_slots;
}

// The member thread's bars [tile_start, tile_start + kTileBars) of symbol
// `symbol` (nothing past its last bar, nothing for a padding lane).
template <MaKind kKind>
ATC_HD inline void layer1_member_tile(const Layer1Args& a, const MemberConst& c, Layer1Thread& t,
                                      std::int32_t symbol, int lane, int member,
                                      std::int32_t tile_start, double* numerators,
                                      double* equities) {
    if (symbol >= a.chunk.symbols)
        return;
    const std::int32_t stride = a.chunk.stride;
    const std::int32_t bars = a.chunk.bars[symbol];
    const Column x{a.chunk.close + symbol, stride};
    for (int b = 0; b < kTileBars; ++b) {
        const std::int32_t i = tile_start + b;
        if (i >= bars)
            break;
        const double xi = x(i);
        const double ma = ma_step<kKind>(t.ma, c, x, t.ring, i, xi);
        if (i == 0) {
            member_signal_first(t.signal, xi, ma, a.signal.tie);
        } else {
            member_signal_step(t.signal, xi, ma, a.chunk.keep_return[at(i, stride, symbol)], i,
                               a.signal);
        }
        numerators[tile_index(b, member, lane)] = t.signal.state * t.signal.equity;
        equities[tile_index(b, member, lane)] = t.signal.equity;
    }
}

// Reduction r of a tile (0 <= r < kTileBars * 32): bar r / 32 of lane r % 32.
ATC_HD inline void layer1_reduce(const Layer1Args& a, int family, int block, int r,
                                 std::int32_t tile_start, const double* numerators,
                                 const double* equities) {
    const int b = r / kSymbolsPerBlock;
    const int lane = r % kSymbolsPerBlock;
    const std::int32_t symbol = block * kSymbolsPerBlock + lane;
    const std::int32_t i = tile_start + b;
    if (symbol >= a.chunk.symbols || i >= a.chunk.bars[symbol])
        return;
    const int first = tile_index(b, 0, lane);
    const std::int64_t row = static_cast<std::int64_t>(family) * a.chunk.max_bars + i;
    a.family_signals[at(row, a.chunk.stride, symbol)] =
        layer1_value(numerators + first, equities + first, kSymbolsPerBlock, i, a.signal.cutout);
}

}  // namespace atc::gpu::device
