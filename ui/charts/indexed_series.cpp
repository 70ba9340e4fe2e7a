// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/indexed_series.hpp"

#include <QThreadPool>
#include <atomic>

#include "core/background_arena.hpp"

namespace atc::ui {
namespace {

// One thread for all charts: builds are short, and a second one would only
// take a core from the GUI thread on a small machine.
struct Builder : QThreadPool {
    Builder() { setMaxThreadCount(1); }
};

QThreadPool& builder() {
    static Builder pool;
    return pool;
}

}  // namespace

struct IndexedSeries::Build {
    std::shared_ptr<const void> owner;
    MinMaxPyramid pyramid;  // written by the builder before `ready`
    std::atomic<bool> ready = false;
};

IndexedSeries::IndexedSeries(std::shared_ptr<const void> owner, std::span<const double> values)
    : unindexed_(MinMaxPyramid::unindexed(values)) {
    if (values.size() < kIndexedBars)
        return;
    auto build = std::make_shared<Build>();
    build->owner = std::move(owner);
    build_ = build;
    builder().start([build, values] {
        // Nobody holds the series any more (the symbol changed while this waited).
        if (build.use_count() == 1)
            return;
        lowerCurrentThreadPriority();
        build->pyramid = MinMaxPyramid(values);
        build->ready.store(true, std::memory_order_release);
    });
}

const MinMaxPyramid& IndexedSeries::pyramid() const {
    if (build_ && build_->ready.load(std::memory_order_acquire))
        return build_->pyramid;
    return unindexed_;
}

}  // namespace atc::ui
