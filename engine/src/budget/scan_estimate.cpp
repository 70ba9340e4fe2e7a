// SPDX-License-Identifier: GPL-3.0-or-later
// The memory estimates behind chunked scans. The constants come from the
// buffer layout and are checked against the WorkspaceGauge's exact figure in
// tests/engine/test_scan_budget.cpp (estimate >= measured, and within 10 %
// of it for long series of one length).
#include <array>

#include "atc/scan_budget.hpp"
#include "budget/marker_estimate.hpp"

namespace atc {
namespace {

// A worker's scratch after a series of n bars holds 31 doubles per bar: the
// five per-bar inputs (band, returns, up/down factors, growth), the 12-wide
// lanes of nine MAs, KAMA's one scratch series, and the six signals, six
// equities and the Average a scan does not keep; plus its entry markers, at
// most one per two bars in a vector that may have doubled (16 bytes per bar in
// all). Measured with the WorkspaceGauge: 249 bytes per bar.
constexpr std::uint64_t kScratchBytesPerBar = 31 * sizeof(double) + 16;
constexpr std::uint64_t kScratchFixedBytes = 16 * 1024;

// The 13 series a scan keeps with keep_series: six signals, six equities, Average.
constexpr std::uint64_t kKeptSeries = 2 * kFamilyCount + 1;

}  // namespace

std::uint64_t estimate_worker_scratch_bytes(std::size_t longest_bars, bool mixed_lengths) {
    const std::uint64_t one_series = kScratchFixedBytes + kScratchBytesPerBar * longest_bars;
    // A vector that grows past its capacity takes max(twice its size, the new
    // size) (libstdc++), so after a shorter series a longer one can leave the
    // buffers up to twice what it needs itself.
    return mixed_lengths ? 2 * one_series : one_series;
}

std::uint64_t estimate_scan_output_bytes(std::size_t bars, bool keep_series) {
    std::uint64_t bytes =
        sizeof(SymbolScan) + (bars / detail::kBarsPerMarker + 1) * sizeof(EntryMarker);
    if (keep_series)
        bytes += kKeptSeries * bars * sizeof(double);
    return bytes;
}

}  // namespace atc
