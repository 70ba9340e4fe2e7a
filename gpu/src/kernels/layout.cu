// SPDX-License-Identifier: GPL-3.0-or-later
// The element-wise kernels: the layout changes between the host's packed
// arrays and the bars-major arrays, and the equity input keep * r. A thread
// per (symbol, bar): threadIdx.x runs along the symbols, so each warp writes
// (or reads) one contiguous row of 32 symbols of the bars-major array.
#include "device/symbol_passes.cuh"
#include "kernels/launch.hpp"

namespace atc::gpu::kernels {
namespace {

using namespace device;

constexpr int kBarsPerBlock = 8;

// blockIdx.x: a group of 8 bars (x allows 2^31 - 1 blocks, enough for any
// series); blockIdx.y: a block of 32 symbols; blockIdx.z: the kept series.
dim3 element_grid(const Chunk& c, unsigned series = 1) {
    return dim3(static_cast<unsigned>((c.max_bars + kBarsPerBlock - 1) / kBarsPerBlock),
                static_cast<unsigned>(c.stride / kSymbolsPerBlock), series);
}

__device__ std::int32_t element_symbol() {
    return static_cast<std::int32_t>(blockIdx.y * kSymbolsPerBlock + threadIdx.x);
}

__device__ std::int32_t element_bar() {
    return static_cast<std::int32_t>(blockIdx.x * kBarsPerBlock + threadIdx.y);
}

__global__ void pack_kernel(PackArgs args) {
    pack_to_bars_major(args, element_symbol(), element_bar());
}

__global__ void prepare_kernel(Chunk chunk, SignalConst signal) {
    prepare_element(chunk, signal, element_symbol(), element_bar());
}

__global__ void unpack_kernel(UnpackArgs args) {
    device::bars_major_to_packed(args, static_cast<int>(blockIdx.z), element_symbol(),
                                 element_bar());
}

const dim3 kElementBlock(kSymbolsPerBlock, kBarsPerBlock);

}  // namespace

cudaError_t pack_to_bars_major(const PackArgs& args, cudaStream_t stream) {
    pack_kernel<<<element_grid(args.chunk), kElementBlock, 0, stream>>>(args);
    return cudaGetLastError();
}

cudaError_t prepare(const Chunk& chunk, const SignalConst& signal, cudaStream_t stream) {
    prepare_kernel<<<element_grid(chunk), kElementBlock, 0, stream>>>(chunk, signal);
    return cudaGetLastError();
}

cudaError_t bars_major_to_packed(const UnpackArgs& args, cudaStream_t stream) {
    unpack_kernel<<<element_grid(args.chunk, kKeptSeries), kElementBlock, 0, stream>>>(args);
    return cudaGetLastError();
}

}  // namespace atc::gpu::kernels
