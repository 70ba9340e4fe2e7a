// SPDX-License-Identifier: GPL-3.0-or-later
// The device's two ceilings, measured rather than taken from a datasheet
// (/work/.library/device/METHOD.md): device memory bandwidth (a large
// device-to-device copy, bytes read plus written), the float64 instruction
// rate without fused multiply-add (how the kernels are compiled), and the
// host-to-device copy rate from pinned memory.
#pragma once

namespace atc::gpu::bench {

struct Ceilings {
    double device_bytes_per_second = 0.0;
    double fp64_ops_per_second = 0.0;  // separate multiplies and adds, each one op
    double upload_bytes_per_second = 0.0;
};

// Throws GpuError on a CUDA failure.
Ceilings measure_ceilings();

}  // namespace atc::gpu::bench
