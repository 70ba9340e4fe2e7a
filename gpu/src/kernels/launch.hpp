// SPDX-License-Identifier: GPL-3.0-or-later
// The kernels, each behind a plain C++ launcher so that the host code is
// compiled by the host compiler. A launcher enqueues its kernel on `stream`
// and returns the launch's error (cudaGetLastError), cudaSuccess when fine.
// Grids and blocks are chosen inside; README.md describes each kernel.
#pragma once

#include <cuda_runtime_api.h>

#include "device/launch_args.hpp"

namespace atc::gpu::kernels {

// Packed (symbol-major) prices -> bars-major, padding NaN.
cudaError_t pack_to_bars_major(const device::PackArgs& args, cudaStream_t stream);
// keep * r[i] of every (symbol, bar).
cudaError_t prepare(const device::Chunk& chunk, const device::SignalConst& signal,
                    cudaStream_t stream);
// The 54 MAs, crossing states, member equities and the six Layer-1 signals.
cudaError_t layer1(const device::Layer1Args& args, cudaStream_t stream);
// Layer 2, the Average, marker counts and last Averages, a thread per symbol.
cudaError_t layer2(const device::Layer2Args& args, cudaStream_t stream);
// The entry markers at the offsets the host worked out from the counts.
cudaError_t markers(const device::MarkerArgs& args, cudaStream_t stream);
// The 13 kept series, bars-major -> packed (keep_series only).
cudaError_t bars_major_to_packed(const device::UnpackArgs& args, cudaStream_t stream);

}  // namespace atc::gpu::kernels
