#include "signal/float32_inputs.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "atc/signals.hpp"

namespace atc::detail {
namespace {

template <class T>
std::span<const T> grown(std::vector<T>& v, std::size_t n) {
    if (v.size() < n)
        v.resize(n);
    return {v.data(), n};
}

// The same, with kFloat32Padding zeros after the n values (read, never used,
// by the distance kernels' whole-vector loads of lagged bars).
std::span<const float> padded(std::vector<float>& v, std::size_t n) {
    if (v.size() < n + kFloat32Padding)
        v.resize(n + kFloat32Padding);
    std::fill(v.begin() + static_cast<std::ptrdiff_t>(n), v.end(), 0.0f);
    return {v.data(), n};
}

template <class T>
std::size_t held(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}

}  // namespace

Float32Inputs Float32InputBuffers::prepare(const SymbolInputs& in) {
    const std::size_t n = in.close.size();
    Float32Inputs out;
    out.close = padded(close_, n);
    out.step = grown(step_, n);
    out.abs_step = padded(abs_step_, n);
    out.step_total = grown(step_total_, n);
    out.band = grown(band_, n);
    out.keep_return = grown(keep_return_, n);
    out.keep = static_cast<float>(in.keep);
    out.cutout = in.cutout;
    if (n == 0)
        return out;
    const std::span<const double> close = in.close;
    double total = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double step = i == 0 ? 0.0 : close[i] - close[i - 1];
        total += std::fabs(step);
        close_[i] = static_cast<float>(close[i]);
        step_[i] = static_cast<float>(step);
        abs_step_[i] = static_cast<float>(std::fabs(step));
        step_total_[i] = total;
        band_[i] = static_cast<float>(kTieTolerance * std::fabs(close[i]));
        // NaN at bar 0, as in double: no equity uses it.
        keep_return_[i] = static_cast<float>(in.keep_return[i]);
    }
    return out;
}

std::size_t Float32InputBuffers::capacity_bytes() const {
    return held(close_) + held(step_) + held(abs_step_) + held(step_total_) + held(band_) +
           held(keep_return_);
}

}  // namespace atc::detail
