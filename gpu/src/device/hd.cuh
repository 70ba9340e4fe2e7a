// SPDX-License-Identifier: GPL-3.0-or-later
// The few things every device header needs, for both compilers: nvcc builds
// the kernels from these headers, and the host compiler builds the very same
// functions into the host emulation (host/emulated_runner.cpp), which the
// tests run on machines without a GPU.
#pragma once

#include <math.h>

#include <cstdint>
#include <limits>

#if defined(__CUDACC__)
#define ATC_HD __host__ __device__
#define ATC_RESTRICT __restrict__
#else
#define ATC_HD
#define ATC_RESTRICT __restrict__
#endif

namespace atc::gpu::device {

ATC_HD inline double quiet_nan() {
    return std::numeric_limits<double>::quiet_NaN();
}

// Finite, without the std:: / CUDA spelling differences of isfinite.
ATC_HD inline bool is_finite(double v) {
    return ::fabs(v) <= std::numeric_limits<double>::max();
}

// Element `symbol` of row `bar` in a bars-major array: bar i of all symbols is
// one contiguous row, so neighbouring threads (neighbouring symbols) read
// neighbouring addresses. 64-bit: a chunk can exceed 2^31 elements.
ATC_HD inline std::int64_t at(std::int64_t bar, std::int32_t stride, std::int32_t symbol) {
    return bar * stride + symbol;
}

}  // namespace atc::gpu::device
