// The per-bar inputs of the float32 scans (ScanPrecision::Float32, batch.hpp),
// computed once per symbol from the close and the symbol's double inputs: the
// price steps that the distance kernels (ma/distance_kernels.hpp) advance by,
// and the tie band and equity factor of Layer 1 (signal/pair_layer1.hpp).
// Every value is formed in double and rounded to float once.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "signal/symbol_inputs.hpp"

namespace atc::detail {

// Floats readable after the last bar of Float32Inputs::close and abs_step.
inline constexpr std::size_t kFloat32Padding = 16;

struct Float32Inputs {
    std::span<const float> close;        // the close, rounded (KAMA's lagged prices)
    std::span<const float> step;         // close[i] - close[i-1]; 0 at bar 0
    std::span<const float> abs_step;     // |close[i] - close[i-1]|; 0 at bar 0
    std::span<const double> step_total;  // sum of abs_step over bars 1..i, in double
    std::span<const float> band;         // kTieTolerance * |close[i]|: the spec's tie band
    std::span<const float> keep_return;  // keep * r[i] (symbol_inputs.hpp)
    float keep = 1.0f;                   // 1 - D
    std::size_t cutout = 0;
};

// Owns the buffers behind Float32Inputs; a batch worker keeps one.
class Float32InputBuffers {
public:
    // `in` is the symbol's SymbolInputs (which stay in use for Layer 2 and the
    // Average). The result refers to this object's buffers until the next call.
    Float32Inputs prepare(const SymbolInputs& in);
    std::size_t capacity_bytes() const;

private:
    std::vector<float> close_;
    std::vector<float> step_;
    std::vector<float> abs_step_;
    std::vector<double> step_total_;
    std::vector<float> band_;
    std::vector<float> keep_return_;
};

}  // namespace atc::detail
