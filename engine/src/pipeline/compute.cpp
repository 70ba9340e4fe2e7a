#include "atc/compute.hpp"

#include "atc/signals.hpp"
#include "atc/validation.hpp"
#include "pipeline/symbol_pipeline.hpp"

namespace atc {

AtcResult compute_symbol(std::span<const double> close, const AtcParams& params) {
    validate_or_throw(close, params);
    const std::size_t n = close.size();

    AtcResult result;
    result.bars = n;
    result.params = params;

    detail::PipelineWorkspace ws;
    detail::SymbolPipeline pipeline(close, params, ws);
    const auto offsets = member_offsets(params.robustness);

    std::array<std::span<const double>, kFamilyCount> layer1_signals;
    std::array<std::span<const double>, kFamilyCount> layer2_equities;
    for (const MaType type : kAllFamilies) {
        FamilyResult& family = result.families[static_cast<std::size_t>(type)];
        family.type = type;
        family.base_length = params.length(type);
        std::array<detail::MemberOutput, kMembersPerFamily> outputs;
        for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
            MemberSeries& member = family.members[k];
            member.offset = offsets[k];
            member.length = family.base_length + offsets[k];
            member.ma.resize(n);
            member.state.resize(n);
            member.equity.resize(n);
            outputs[k] = {member.ma, member.state, member.equity};
        }
        family.signal.resize(n);
        family.weight_equity.resize(n);
        pipeline.run_family(type, outputs, family.signal, family.weight_equity);
        layer1_signals[static_cast<std::size_t>(type)] = family.signal;
        layer2_equities[static_cast<std::size_t>(type)] = family.weight_equity;
    }

    result.average.resize(n);
    pipeline.run_average(layer1_signals, layer2_equities, result.average);
    result.markers = entry_markers(result.average, params.long_threshold, params.short_threshold);
    result.row = scan_row(close, result.average, result.markers);
    return result;
}

}  // namespace atc
