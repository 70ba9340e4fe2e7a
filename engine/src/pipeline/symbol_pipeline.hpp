// SPDX-License-Identifier: GPL-3.0-or-later
// The one implementation of the per-symbol pipeline, shared by compute_symbol
// (keeps everything) and compute_batch (keeps only the scan outputs). Both run
// the same functions in the same order, so their numbers are identical.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "atc/batch.hpp"
#include "atc/moving_averages.hpp"
#include "atc/params.hpp"
#include "atc/result.hpp"
#include "pipeline/stage_clock.hpp"
#include "signal/family_layer1.hpp"
#include "signal/symbol_inputs.hpp"

namespace atc::detail {

// Buffers a worker reuses from symbol to symbol; they only ever grow, so a
// batch worker stops allocating after its longest symbol.
struct PipelineWorkspace {
    SymbolInputBuffers inputs;
    std::vector<double> ma_lanes;  // the nine MAs side by side (ma/family_lanes.hpp)
    std::array<std::vector<double>, kFamilyCount> layer1_signals;
    std::array<std::vector<double>, kFamilyCount> layer2_equities;
    std::vector<double> average;
    std::vector<EntryMarker> markers;  // collected here, then copied at their size
    ma::MaScratch ma_scratch;
    std::vector<double> hull_rings;    // the symbol-lane path's (symbol_lanes.cpp)
    StageTimes times;                  // this worker's stage timing, when asked for
    std::uint64_t reported_bytes = 0;  // what report_growth has counted so far

    // Bytes held by all the buffers above (capacities; workspace_bytes.cpp,
    // which must list every buffer added here).
    std::uint64_t capacity_bytes() const;
    // Adds the growth since the last report to `gauge` (WorkspaceGauge, batch.hpp).
    void report_growth(WorkspaceGauge& gauge);

    // Spans of `bars` values over the workspace's own buffers.
    std::span<double> scratch_signal(std::size_t family, std::size_t bars);
    std::span<double> scratch_equity(std::size_t family, std::size_t bars);
    std::span<double> scratch_average(std::size_t bars);
};

// The order the pipeline runs the families in: the WMA family right before
// the Hull average, whose kernel then starts from the WMA family's lanes (its
// full-length WMAs) when their lengths are equal, as by default.
inline constexpr std::array<MaType, kFamilyCount> kPipelineOrder = {
    MaType::EMA, MaType::WMA, MaType::HMA, MaType::DEMA, MaType::LSMA, MaType::KAMA};

class SymbolPipeline {
public:
    // `close` and `params` must already be validated. With `times`, the stages
    // are timed into it (StageTimes, batch.hpp).
    SymbolPipeline(std::span<const double> close, const AtcParams& params, PipelineWorkspace& ws,
                   StageTimes* times = nullptr);

    std::size_t bars() const { return inputs_.close.size(); }

    // The nine MAs of family `type`, then its Layer-1 signal. With `members`
    // (a chart's result) each member's MA, states and equities are kept there
    // too, as far as `kept` says, and every member's last state and equity; a
    // scan keeps none of them.
    void run_layer1(MaType type, std::span<double> signal, FamilyMembers* members,
                    KeptSeries kept = KeptSeries::everything());

    // The six Layer-2 equities from the six Layer-1 signals.
    void run_layer2(const std::array<std::span<const double>, kFamilyCount>& signals,
                    const std::array<std::span<double>, kFamilyCount>& equities);

    // The Average signal, then the entry markers and the scan row.
    void run_final(const std::array<std::span<const double>, kFamilyCount>& signals,
                   const std::array<std::span<const double>, kFamilyCount>& equities,
                   std::span<double> average, std::vector<EntryMarker>& markers, ScanRow& row);

private:
    // The moving averages of `type` into the workspace's lanes.
    std::span<const double> family_lanes(MaType type);

    const AtcParams& params_;
    PipelineWorkspace& ws_;
    std::optional<MaType> lanes_hold_;  // whose MAs the workspace's lanes hold now
    StageClock clock_;
    SymbolInputs inputs_;
};

// The entry markers of `average` (collected in `collected`, then copied into
// `markers` at their size) and the scan row; the row takes the last value of
// each of `equities`, which may hold that value alone.
void markers_and_row(std::span<const double> close, std::span<const double> average,
                     const std::array<std::span<const double>, kFamilyCount>& equities,
                     const AtcParams& params, std::vector<EntryMarker>& collected,
                     std::vector<EntryMarker>& markers, ScanRow& row);

// Runs one validated series into `scan` (compute_batch's per-symbol step, and
// a sweep's per-cell one), using the workspace for everything the scan does
// not keep. Returns the Average: scan.average when `keep_series`, else the
// workspace's buffer, valid until the workspace's next series.
std::span<const double> run_scan(std::span<const double> close, const AtcParams& params,
                                 bool keep_series, bool timed, PipelineWorkspace& ws,
                                 SymbolScan& scan);

}  // namespace atc::detail
