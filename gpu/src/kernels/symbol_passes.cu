// SPDX-License-Identifier: GPL-3.0-or-later
// Layer 2 with the Average and the entry markers: a thread per symbol walking
// its bars (the six family equities and the Average depend on the bar
// before), neighbouring threads on neighbouring symbols so each bar's loads of
// a warp are one row.
#include "device/symbol_passes.cuh"
#include "kernels/launch.hpp"

namespace atc::gpu::kernels {
namespace {

using namespace device;

constexpr int kThreads = 128;

__device__ std::int32_t thread_symbol() {
    return static_cast<std::int32_t>(blockIdx.x * kThreads + threadIdx.x);
}

__global__ void layer2_kernel(Layer2Args args) {
    layer2_symbol(args, thread_symbol());
}

__global__ void markers_kernel(MarkerArgs args) {
    markers_symbol(args, thread_symbol());
}

unsigned blocks_for(const Chunk& c) {
    return static_cast<unsigned>((c.symbols + kThreads - 1) / kThreads);
}

}  // namespace

cudaError_t layer2(const Layer2Args& args, cudaStream_t stream) {
    layer2_kernel<<<blocks_for(args.chunk), kThreads, 0, stream>>>(args);
    return cudaGetLastError();
}

cudaError_t markers(const MarkerArgs& args, cudaStream_t stream) {
    markers_kernel<<<blocks_for(args.chunk), kThreads, 0, stream>>>(args);
    return cudaGetLastError();
}

}  // namespace atc::gpu::kernels
