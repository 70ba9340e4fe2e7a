// The one implementation of the per-symbol pipeline, shared by compute_symbol
// (keeps everything) and compute_batch (keeps only the scan outputs). Both feed
// the same functions in the same order, so their numbers are identical.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "atc/moving_averages.hpp"
#include "atc/params.hpp"
#include "atc/result.hpp"

namespace atc::detail {

// Where one member's series are written: into its MemberSeries (full result)
// or into reused workspace buffers (batch).
struct MemberOutput {
    std::span<double> ma;
    std::span<std::int8_t> state;
    std::span<double> equity;
};

// Buffers a worker reuses from symbol to symbol; they only ever grow, so a
// batch worker stops allocating after its longest symbol.
struct PipelineWorkspace {
    std::vector<double> returns;
    std::vector<double> member_ma;
    std::vector<std::int8_t> member_state;
    std::vector<double> member_equity;
    std::vector<double> layer1_num;
    std::vector<double> layer1_den;
    std::array<std::vector<double>, kFamilyCount> layer1_signals;
    std::array<std::vector<double>, kFamilyCount> layer2_equities;
    std::vector<double> average;
    ma::MaScratch ma_scratch;

    void prepare(std::size_t bars);
    // The workspace's own member buffers, for callers that do not keep members.
    MemberOutput scratch_member(std::size_t bars);
};

// Per-symbol state that every family uses: the close series and the scaled returns.
class SymbolPipeline {
public:
    // `close` and `params` must already be validated; `ws` is prepared here.
    SymbolPipeline(std::span<const double> close, const AtcParams& params, PipelineWorkspace& ws);

    std::size_t bars() const { return close_.size(); }

    // Computes the nine members of one family, then its Layer-1 signal and
    // Layer-2 equity. `members[k]` receives member k's series; all nine may
    // alias the same buffers, since each member is finished before the next.
    void run_family(MaType type, const std::array<MemberOutput, kMembersPerFamily>& members,
                    std::span<double> signal, std::span<double> weight_equity);

    // Average signal from the six families' Layer-1 layer1_signals and Layer-2 equities.
    void run_average(const std::array<std::span<const double>, kFamilyCount>& layer1_signals,
                     const std::array<std::span<const double>, kFamilyCount>& layer2_equities,
                     std::span<double> average) const;

private:
    std::span<const double> close_;
    const AtcParams& params_;
    PipelineWorkspace& ws_;
    std::span<const double> returns_;
    double keep_;  // 1 - D
};

}  // namespace atc::detail
