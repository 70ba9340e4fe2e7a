// SPDX-License-Identifier: GPL-3.0-or-later
// A drawn series and its min/max pyramid (minmax_pyramid.hpp), built on a
// background thread when the series is bound, so that neither the first draw
// nor any frame waits for it. Until the pyramid is ready, queries scan the bars:
// the answers are the same, only slower, so nothing waits for the build.
//
// Why a thread: building costs a pass over the series (about 2 ms a million
// bars), and a chart binds some twenty series; at symbol change that would
// hold the GUI thread for tens of milliseconds. The builder is one thread at a
// lower priority (as the engine's, background_arena.hpp), shared by all charts.
#pragma once

#include <cstddef>
#include <memory>
#include <span>

#include "charts/minmax_pyramid.hpp"

namespace atc::ui {

class IndexedSeries {
public:
    // Series shorter than this are not indexed: a scan of all their bars costs
    // about as much as a frame's pyramid queries.
    static constexpr std::size_t kIndexedBars = std::size_t{1} << 16;

    IndexedSeries() = default;
    // `owner` keeps `values` alive (the build may outlive this object).
    IndexedSeries(std::shared_ptr<const void> owner, std::span<const double> values);

    std::span<const double> values() const { return unindexed_.values(); }
    // The pyramid once built; until then one without levels, which answers the same.
    const MinMaxPyramid& pyramid() const;

private:
    struct Build;
    std::shared_ptr<const Build> build_;
    MinMaxPyramid unindexed_;
};

}  // namespace atc::ui
