// SPDX-License-Identifier: GPL-3.0-or-later
#include "ceilings.hpp"

#include <algorithm>
#include <vector>

#include "cuda/cuda_error.hpp"
#include "cuda/device_buffers.hpp"

namespace atc::gpu::bench {
namespace {

constexpr int kChains = 8;    // independent chains per thread
constexpr int kSteps = 4096;  // multiply + add per chain and step
constexpr int kThreads = 256;

// kChains independent multiply-add chains per thread, compiled without FMA
// (--fmad=false, as the kernels): 2 * kChains * kSteps float64 operations.
__global__ void fp64_kernel(double* out, double a, double b) {
    double v[kChains];
    for (int c = 0; c < kChains; ++c)
        v[c] = threadIdx.x + c;
    for (int s = 0; s < kSteps; ++s) {
#pragma unroll
        for (int c = 0; c < kChains; ++c)
            v[c] = v[c] * a + b;
    }
    double sum = 0.0;
    for (int c = 0; c < kChains; ++c)
        sum += v[c];
    out[blockIdx.x * blockDim.x + threadIdx.x] = sum;
}

// The median of five timings of `run` between two events.
template <class Run>
double median_seconds(Run&& run) {
    Event begin, end;
    std::vector<double> times;
    for (int r = 0; r < 6; ++r) {  // the first is a warm-up
        check(cudaEventRecord(begin.get()), "timing");
        run();
        check(cudaEventRecord(end.get()), "timing");
        check(cudaEventSynchronize(end.get()), "measuring a ceiling");
        if (r > 0)
            times.push_back(elapsed_seconds(begin, end));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

Ceilings measure_ceilings() {
    Ceilings c;
    const std::size_t bytes = std::size_t{1} << 30;
    DeviceBuffer<char> a, b;
    a.reserve(bytes, "the bandwidth test");
    b.reserve(bytes, "the bandwidth test");
    check(cudaMemset(a.data(), 1, bytes), "filling the bandwidth test");
    c.device_bytes_per_second =
        2.0 * static_cast<double>(bytes) / median_seconds([&] {
            check(cudaMemcpy(b.data(), a.data(), bytes, cudaMemcpyDeviceToDevice), "copying");
        });

    int sms = 0;
    check(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, 0), "reading the SMs");
    const int blocks = sms * 16;
    DeviceBuffer<double> out;
    out.reserve(static_cast<std::size_t>(blocks) * kThreads, "the float64 test");
    const double seconds = median_seconds([&] {
        fp64_kernel<<<blocks, kThreads>>>(out.data(), 0.999999, 1e-7);
        check(cudaGetLastError(), "starting the float64 test");
    });
    c.fp64_ops_per_second =
        2.0 * kChains * kSteps * static_cast<double>(blocks) * kThreads / seconds;

    const std::size_t upload = std::size_t{256} << 20;
    PinnedBuffer<char> host;
    host.reserve(upload, "the upload test");
    std::fill(host.data(), host.data() + upload, 1);
    c.upload_bytes_per_second =
        static_cast<double>(upload) / median_seconds([&] {
            check(cudaMemcpy(a.data(), host.data(), upload, cudaMemcpyHostToDevice), "uploading");
        });
    return c;
}

}  // namespace atc::gpu::bench
