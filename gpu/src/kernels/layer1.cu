// SPDX-License-Identifier: GPL-3.0-or-later
// Layer 1: one block per (32 symbols, family), blockDim (32, 9): lane x is a
// symbol, warp y a member, so a warp runs one member's recursion for 32
// neighbouring symbols in lockstep (their bars-major loads are one 256-byte
// row) and only the last bars of shorter series diverge. Every 8 bars the
// block meets at a barrier and reduces the nine members' state*E and E into
// the family signal (device/layer1_block.cuh). The MAs stay in registers.
#include "device/layer1_block.cuh"
#include "kernels/launch.hpp"

namespace atc::gpu::kernels {
namespace {

using namespace device;

constexpr int kThreads = kSymbolsPerBlock * kMembers;
// Two blocks (18 warps) per multiprocessor at least: ptxas then keeps a thread
// within 96 registers (16 bytes spilled, sm_90, CUDA 13.0). With one block it
// takes 141 registers and spills nothing, but 9 warps hide little latency.
// To be weighed on a device (docs/PERFORMANCE.md, "CUDA backend").
#ifndef ATC_LAYER1_MIN_BLOCKS
#define ATC_LAYER1_MIN_BLOCKS 2
#endif
constexpr int kMinBlocksPerMultiprocessor = ATC_LAYER1_MIN_BLOCKS;

template <MaKind kKind>
__device__ __forceinline__ void family_block(const Layer1Args& a, int family, double* numerators,
                                             double* equities) {
    const int lane = static_cast<int>(threadIdx.x);
    const int member = static_cast<int>(threadIdx.y);
    const int block = static_cast<int>(blockIdx.x);
    const std::int32_t symbol = block * kSymbolsPerBlock + lane;
    const MemberConst c = a.families[family].member[member];
    Layer1Thread t;
    layer1_thread_start(t, a, c, symbol, member);
    const std::int32_t bars = a.chunk.block_bars[block];
    const int tid = member * kSymbolsPerBlock + lane;
    for (std::int32_t tile = 0; tile < bars; tile += kTileBars) {
        layer1_member_tile<kKind>(a, c, t, symbol, lane, member, tile, numerators, equities);
        __syncthreads();
        for (int r = tid; r < kTileBars * kSymbolsPerBlock; r += kThreads)
            layer1_reduce(a, family, block, r, tile, numerators, equities);
        __syncthreads();
    }
}

__global__ void __launch_bounds__(kThreads, kMinBlocksPerMultiprocessor)
    layer1_kernel(Layer1Args a) {
    // Declared here, not in family_block: one allocation for every family.
    __shared__ double numerators[kTileTerms];
    __shared__ double equities[kTileTerms];
    const int family = static_cast<int>(blockIdx.y);
    switch (a.families[family].kind) {  // the same for the whole block
        case MaKind::Ema:
            family_block<MaKind::Ema>(a, family, numerators, equities);
            break;
        case MaKind::Dema:
            family_block<MaKind::Dema>(a, family, numerators, equities);
            break;
        case MaKind::Wma:
            family_block<MaKind::Wma>(a, family, numerators, equities);
            break;
        case MaKind::Sma:
            family_block<MaKind::Sma>(a, family, numerators, equities);
            break;
        case MaKind::Lsma:
            family_block<MaKind::Lsma>(a, family, numerators, equities);
            break;
        case MaKind::Hma:
            family_block<MaKind::Hma>(a, family, numerators, equities);
            break;
        case MaKind::Kama:
            family_block<MaKind::Kama>(a, family, numerators, equities);
            break;
    }
}

}  // namespace

cudaError_t layer1(const Layer1Args& args, cudaStream_t stream) {
    const dim3 grid(static_cast<unsigned>(args.chunk.stride / kSymbolsPerBlock), kFamilies);
    layer1_kernel<<<grid, dim3(kSymbolsPerBlock, kMembers), 0, stream>>>(args);
    return cudaGetLastError();
}

}  // namespace atc::gpu::kernels
