#include "pipeline/symbol_pipeline.hpp"

#include <algorithm>

#include "atc/signals.hpp"

namespace atc::detail {

void PipelineWorkspace::prepare(std::size_t bars) {
    auto grow = [bars](auto& v) {
        if (v.size() < bars)
            v.resize(bars);
    };
    grow(returns);
    grow(layer1_num);
    grow(layer1_den);
    ma_scratch.ensure(bars);
}

MemberOutput PipelineWorkspace::scratch_member(std::size_t bars) {
    if (member_ma.size() < bars) {
        member_ma.resize(bars);
        member_state.resize(bars);
        member_equity.resize(bars);
    }
    return {std::span(member_ma.data(), bars), std::span(member_state.data(), bars),
            std::span(member_equity.data(), bars)};
}

SymbolPipeline::SymbolPipeline(std::span<const double> close, const AtcParams& params,
                               PipelineWorkspace& ws)
    : close_(close), params_(params), ws_(ws), keep_(1.0 - params.decay / 100.0) {
    const std::size_t n = close.size();
    ws_.prepare(n);
    std::span<double> returns(ws_.returns.data(), n);
    scaled_returns(close, params.lambda / 1000.0, params.cutout, returns);
    returns_ = returns;
}

void SymbolPipeline::run_family(MaType type,
                                const std::array<MemberOutput, kMembersPerFamily>& members,
                                std::span<double> signal, std::span<double> weight_equity) {
    const std::size_t n = bars();
    std::span<double> num(ws_.layer1_num.data(), n);
    std::span<double> den(ws_.layer1_den.data(), n);
    std::fill(num.begin(), num.end(), 0.0);
    std::fill(den.begin(), den.end(), 0.0);

    const auto lengths = member_lengths(params_.length(type), params_.robustness);
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        const MemberOutput& out = members[k];
        ma::compute(type, params_.profile, close_, lengths[k], out.ma, ws_.ma_scratch);
        crossing_states(close_, out.ma, out.state);
        equity_curve(1.0, std::span<const std::int8_t>(out.state), returns_, params_.cutout, keep_,
                     out.equity);
        layer1_add_member(out.state, out.equity, num, den);
    }
    layer1_finish(num, den, signal);
    equity_curve(params_.weight(type), std::span<const double>(signal), returns_, params_.cutout,
                 keep_, weight_equity);
}

void SymbolPipeline::run_average(
    const std::array<std::span<const double>, kFamilyCount>& layer1_signals,
    const std::array<std::span<const double>, kFamilyCount>& layer2_equities,
    std::span<double> average) const {
    average_signal(layer1_signals, layer2_equities, params_, average);
}

}  // namespace atc::detail
