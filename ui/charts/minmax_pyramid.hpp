// SPDX-License-Identifier: GPL-3.0-or-later
// Where the extremes of a long series are, found per block instead of per bar.
//
// Why: a chart zoomed out to a million bars needs, on every zoom or pan step,
// the lowest and highest value of each pixel column of every line (the
// per-column envelope, column_envelope.hpp) and of the whole visible range
// (the value-axis fit). Scanned bar by bar that is tens of millions of values
// a frame; with this pyramid it is a few hundred blocks per column.
//
// Level 0 holds, for every whole block of kBlockBars bars, the lowest and the
// highest defined (finite) value and the bar of each; level k + 1 does the same
// for blocks of kBlockBars level-k blocks, while there is a whole block to
// make. Below level 0, every run of kRunBars bars keeps where in it its lowest
// and highest bars are (their values are read from the series: a ragged end
// reads those lines anyway). A query over bars [first, last] reads the raw bars
// at the ragged ends, then the runs and the blocks of each level that fit
// inside: the answer is exact, every spike included, and ties go to the first
// bar as in a left-to-right scan. A column of a zoomed-out chart (hundreds to
// thousands of bars) then costs some tens of reads instead of all its bars.
// A series shorter than a block has no levels: its queries scan the bars.
// Memory: 24 bytes per block and 2 per run, 32 bytes per 64 bars (0.5 bytes a
// bar, 6 % of the series).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

namespace atc::ui {

class MinMaxPyramid {
public:
    static constexpr std::size_t kBlockBars = 64;
    static constexpr std::size_t kRunBars = 16;
    static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

    // The bars of the first lowest and the first highest defined value; kNone
    // for both when no bar of the range is defined.
    struct Extremes {
        std::size_t low = kNone, high = kNone;
        bool defined() const { return low != kNone; }
    };

    MinMaxPyramid() = default;
    // Indexes `values`, which must outlive the pyramid. A series of 2^32 bars
    // or more is left without levels (bars are stored in 32 bits).
    explicit MinMaxPyramid(std::span<const double> values);
    // No levels: every query scans the bars (the same answers, bar by bar).
    static MinMaxPyramid unindexed(std::span<const double> values);

    std::span<const double> values() const { return values_; }
    // Levels built (0 for a short series).
    std::size_t levelCount() const { return levels_.size(); }

    // Over bars [first, last] (last clamped to the series).
    Extremes extremes(std::size_t first, std::size_t last) const;
    // The first / last defined bar of [first, last]; kNone when none. All-NaN
    // blocks (an MA's warm-up) are skipped whole.
    std::size_t firstDefined(std::size_t first, std::size_t last) const;
    std::size_t lastDefined(std::size_t first, std::size_t last) const;
    // Widens `range` (low, high) to hold the defined values of [first, last]:
    // the value axis' fit over the visible bars.
    void widenRange(std::pair<double, double>& range, std::size_t first, std::size_t last) const;

private:
    struct Level {
        std::size_t bars_per_block = 0;
        std::vector<double> low, high;  // +inf / -inf for a block with no defined bar
        std::vector<std::uint32_t> low_bar, high_bar;
    };
    struct Scan;
    void scan(std::size_t level_count, std::size_t first, std::size_t last, Scan& s) const;
    // The bars of [first, last], a whole run at a time where one fits.
    void scanBars(std::size_t first, std::size_t last, Scan& s) const;
    // The level-0 block of `bar` has no defined bar.
    bool undefinedBlock(std::size_t block) const;

    std::span<const double> values_;
    // Per run: the offsets of its first lowest and highest defined bars (kNoOffset: none).
    std::vector<std::uint8_t> run_low_, run_high_;
    std::vector<Level> levels_;
};

}  // namespace atc::ui
