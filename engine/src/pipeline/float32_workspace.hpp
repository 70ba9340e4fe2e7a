// A batch worker's buffers for the float32 scans (ScanPrecision::Float32, see
// batch.hpp): the float per-bar inputs and the distances of a pair of
// families (ma/pair_lanes.hpp). Empty until a float32 scan; the window
// families' double MAs use the workspace's ma_lanes as float64 does.
#pragma once

#include <cstdint>
#include <vector>

#include "signal/float32_inputs.hpp"

namespace atc::detail {

struct Float32Workspace {
    Float32InputBuffers inputs;
    std::vector<float> pair_lanes;  // ma::detail::kPairStride a bar

    std::uint64_t capacity_bytes() const {
        return inputs.capacity_bytes() + pair_lanes.capacity() * sizeof(float);
    }
};

}  // namespace atc::detail
