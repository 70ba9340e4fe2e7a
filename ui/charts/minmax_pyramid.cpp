// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/minmax_pyramid.hpp"

#include <algorithm>
#include <cmath>

namespace atc::ui {
namespace {

constexpr std::uint32_t kNoBar = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint8_t kNoOffset = std::numeric_limits<std::uint8_t>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace

// The extremes found so far, in bar order: a later bar wins only when strictly
// lower (higher), so ties keep the first bar.
struct MinMaxPyramid::Scan {
    double low = kInf, high = -kInf;
    std::size_t low_bar = kNone, high_bar = kNone;

    void low_at(double v, std::size_t i) {
        if (v < low) {
            low = v;
            low_bar = i;
        }
    }
    void high_at(double v, std::size_t i) {
        if (v > high) {
            high = v;
            high_bar = i;
        }
    }
    void bar(double v, std::size_t i) {
        if (!std::isfinite(v))
            return;
        low_at(v, i);
        high_at(v, i);
    }
    // A block's extremes; an undefined block holds +inf / -inf, which never win.
    void block(const Level& level, std::size_t k) {
        low_at(level.low[k], level.low_bar[k]);
        high_at(level.high[k], level.high_bar[k]);
    }
};

MinMaxPyramid::MinMaxPyramid(std::span<const double> values) : values_(values) {
    if (values.size() >= kNoBar)
        return;
    const auto stored = [](std::size_t bar) {
        return bar == kNone ? kNoBar : static_cast<std::uint32_t>(bar);
    };
    if (values.size() < kBlockBars)
        return;
    const std::size_t runs = values.size() / kRunBars;
    run_low_.resize(runs);
    run_high_.resize(runs);
    for (std::size_t r = 0; r < runs; ++r) {
        Scan s;
        for (std::size_t i = r * kRunBars; i < (r + 1) * kRunBars; ++i)
            s.bar(values[i], i);
        const auto offset = [r](std::size_t bar) {
            return bar == kNone ? kNoOffset : static_cast<std::uint8_t>(bar - r * kRunBars);
        };
        run_low_[r] = offset(s.low_bar);
        run_high_[r] = offset(s.high_bar);
    }
    for (std::size_t size = kBlockBars; values.size() / size > 0; size *= kBlockBars) {
        Level level;
        level.bars_per_block = size;
        const std::size_t blocks = values.size() / size;
        level.low.resize(blocks);
        level.high.resize(blocks);
        level.low_bar.resize(blocks);
        level.high_bar.resize(blocks);
        for (std::size_t k = 0; k < blocks; ++k) {
            Scan s;
            if (levels_.empty()) {
                scanBars(k * size, (k + 1) * size - 1, s);
            } else {
                for (std::size_t c = k * kBlockBars; c < (k + 1) * kBlockBars; ++c)
                    s.block(levels_.back(), c);
            }
            level.low[k] = s.low;
            level.high[k] = s.high;
            level.low_bar[k] = stored(s.low_bar);
            level.high_bar[k] = stored(s.high_bar);
        }
        levels_.push_back(std::move(level));
    }
}

MinMaxPyramid MinMaxPyramid::unindexed(std::span<const double> values) {
    MinMaxPyramid p;
    p.values_ = values;
    return p;
}

void MinMaxPyramid::scan(std::size_t level_count, std::size_t first, std::size_t last,
                         Scan& s) const {
    if (first > last)
        return;
    if (level_count == 0) {
        scanBars(first, last, s);
        return;
    }
    // The whole blocks of this level inside [first, last]; the ragged ends go a level down.
    const Level& level = levels_[level_count - 1];
    const std::size_t size = level.bars_per_block;
    const std::size_t begin = (first + size - 1) / size;
    const std::size_t end = (last + 1) / size;
    if (begin >= end) {
        scan(level_count - 1, first, last, s);
        return;
    }
    if (first < begin * size)
        scan(level_count - 1, first, begin * size - 1, s);
    for (std::size_t k = begin; k < end; ++k)
        s.block(level, k);
    scan(level_count - 1, end * size, last, s);
}

void MinMaxPyramid::scanBars(std::size_t first, std::size_t last, Scan& s) const {
    for (std::size_t i = first; i <= last;) {
        if (i % kRunBars == 0 && last - i >= kRunBars - 1 && !run_low_.empty()) {
            const std::size_t r = i / kRunBars;
            if (run_low_[r] != kNoOffset) {
                s.low_at(values_[i + run_low_[r]], i + run_low_[r]);
                s.high_at(values_[i + run_high_[r]], i + run_high_[r]);
            }
            i += kRunBars;
        } else {
            s.bar(values_[i], i);
            ++i;
        }
    }
}

MinMaxPyramid::Extremes MinMaxPyramid::extremes(std::size_t first, std::size_t last) const {
    if (values_.empty() || first >= values_.size())
        return {};
    last = std::min(last, values_.size() - 1);
    // Levels whose blocks are longer than the range hold none of its blocks.
    std::size_t level_count = levels_.size();
    while (level_count > 0 && levels_[level_count - 1].bars_per_block > last - first + 1)
        --level_count;
    Scan s;
    scan(level_count, first, last, s);
    if (s.low_bar == kNone)
        return {};
    // A block's bar is kNoBar only when it has no defined value, which never wins.
    return {s.low_bar, s.high_bar};
}

void MinMaxPyramid::widenRange(std::pair<double, double>& range, std::size_t first,
                               std::size_t last) const {
    const Extremes e = extremes(first, last);
    if (!e.defined())
        return;
    range.first = std::min(range.first, values_[e.low]);
    range.second = std::max(range.second, values_[e.high]);
}

bool MinMaxPyramid::undefinedBlock(std::size_t block) const {
    return !levels_.empty() && levels_.front().low_bar[block] == kNoBar;
}

std::size_t MinMaxPyramid::firstDefined(std::size_t first, std::size_t last) const {
    if (values_.empty() || first >= values_.size())
        return kNone;
    last = std::min(last, values_.size() - 1);
    for (std::size_t i = first; i <= last;) {
        if (i % kBlockBars == 0 && last - i >= kBlockBars - 1 && undefinedBlock(i / kBlockBars)) {
            i += kBlockBars;
            continue;
        }
        if (std::isfinite(values_[i]))
            return i;
        ++i;
    }
    return kNone;
}

std::size_t MinMaxPyramid::lastDefined(std::size_t first, std::size_t last) const {
    if (values_.empty() || first >= values_.size())
        return kNone;
    // Bars [first, end) are left to look at.
    for (std::size_t end = std::min(last, values_.size() - 1) + 1; end > first;) {
        if (end % kBlockBars == 0 && end - first >= kBlockBars &&
            undefinedBlock(end / kBlockBars - 1)) {
            end -= kBlockBars;
            continue;
        }
        --end;
        if (std::isfinite(values_[end]))
            return end;
    }
    return kNone;
}

}  // namespace atc::ui
