// SymbolPipeline::run_layer1_float32: the moving averages and Layer 1 of a
// float32 scan (ScanPrecision::Float32), two families at a time in the pair
// layout of ma/pair_lanes.hpp. EMA and DEMA share one pass of distance
// recursions; WMA and LSMA, and the Hull average, run the double family
// kernels and store distances; KAMA is a distance recursion.
// Layer 2 and the Average stay in double (symbol_pipeline.cpp): they are
// under 10 % of the work, and with the Layer-1 signals equal to float64's
// they give float64's numbers exactly.
#include "ma/distance_kernels.hpp"
#include "ma/family_lanes.hpp"
#include "pipeline/symbol_pipeline.hpp"
#include "signal/pair_layer1.hpp"

namespace atc::detail {
namespace {

template <class T>
std::span<T> grown(std::vector<T>& v, std::size_t n) {
    if (v.size() < n)
        v.resize(n);
    return {v.data(), n};
}

}  // namespace

void SymbolPipeline::run_layer1_float32(
    const std::array<std::span<double>, kFamilyCount>& signals) {
    using ma::detail::PairSlot;
    const std::size_t n = bars();
    const Float32Inputs in32 = ws_.f32.inputs.prepare(inputs_);
    const ma::detail::DistanceInputs distance_inputs{inputs_.close, in32.close, in32.step,
                                                     in32.abs_step, in32.step_total};
    const std::span<float> pair = grown(ws_.f32.pair_lanes, n * ma::detail::kPairStride);
    const std::span<double> ma_lanes = grown(ws_.ma_lanes, n * ma::kLaneStride);
    clock_.lap(&StageTimes::layer1);

    auto lengths = [&](MaType type) {
        return member_lengths(params_.length(type), params_.robustness);
    };
    auto window_family = [&](MaType type, PairSlot slot) {
        ma::detail::window_family_distances(type, params_.profile, inputs_.close, lengths(type),
                                            slot, pair, ma_lanes, ws_.ma_scratch);
    };
    auto layer1 = [&](MaType a, MaType b) {
        clock_.lap(&StageTimes::moving_averages);
        pair_layer1(in32, pair, signals[static_cast<std::size_t>(a)],
                    signals[static_cast<std::size_t>(b)]);
        clock_.lap(&StageTimes::layer1);
    };

    ma::detail::ema_dema_distances(distance_inputs, lengths(MaType::EMA), lengths(MaType::DEMA),
                                   pair);
    layer1(MaType::EMA, MaType::DEMA);

    window_family(MaType::WMA, PairSlot::A);
    window_family(MaType::LSMA, PairSlot::B);
    layer1(MaType::WMA, MaType::LSMA);

    // KAMA writes whole vector groups, so it goes before the Hull family.
    ma::detail::kama_distances(distance_inputs, lengths(MaType::KAMA), PairSlot::A, pair);
    window_family(MaType::HMA, PairSlot::B);
    layer1(MaType::KAMA, MaType::HMA);
}

}  // namespace atc::detail
