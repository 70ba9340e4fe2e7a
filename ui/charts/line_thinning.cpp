// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/line_thinning.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "charts/value_scale.hpp"

namespace atc::ui {
namespace {

// Thins picks[begin, end), all finite, into `out`.
void thinRun(std::span<const double> values, std::span<const std::size_t> picks, std::size_t begin,
             std::size_t end, double px_per_value, double tolerance_px,
             std::vector<std::size_t>& out, std::span<const std::int8_t> runs, bool log) {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    // Pixel-space coordinates; x is the bar index (its scale cancels out).
    const auto x = [&](std::size_t k) { return static_cast<double>(picks[k]); };
    const auto y = [&](std::size_t k) {
        const double v = values[picks[k]];
        return (log ? toLogAxis(v) : v) * px_per_value;
    };
    // The colour of the segment ending at pick k changes after it.
    const auto ends_run = [&](std::size_t k) {
        return !runs.empty() && k + 1 < end && runs[picks[k]] != runs[picks[k + 1]];
    };
    out.push_back(picks[begin]);
    std::size_t anchor = begin;
    double ax = x(begin), ay = y(begin);
    double low = -kInf, high = kInf;  // slopes from the anchor that pass every skipped pick
    for (std::size_t k = begin + 1; k < end; ++k) {
        const double px = x(k), py = y(k);
        const double slope = (py - ay) / (px - ax);
        const std::size_t previous = k - 1;
        if (previous > anchor && (slope < low || slope > high || ends_run(previous))) {
            out.push_back(picks[previous]);
            anchor = previous;
            ax = x(previous);
            ay = y(previous);
            low = -kInf;
            high = kInf;
        }
        const double dx = px - ax;
        low = std::max(low, (py - tolerance_px - ay) / dx);
        high = std::min(high, (py + tolerance_px - ay) / dx);
    }
    if (end - 1 > anchor)
        out.push_back(picks[end - 1]);
}

}  // namespace

void thinLine(std::span<const double> values, std::span<const std::size_t> picks,
              double px_per_value, double tolerance_px, std::vector<std::size_t>& out,
              std::span<const std::int8_t> runs, bool log) {
    if (!(px_per_value > 0.0) || !std::isfinite(px_per_value) || picks.size() < 3) {
        out.insert(out.end(), picks.begin(), picks.end());
        return;
    }
    // Each unbroken stretch of finite values is thinned on its own; the
    // non-finite picks between them stay, so the line still breaks there.
    std::size_t k = 0;
    while (k < picks.size()) {
        if (!std::isfinite(values[picks[k]])) {
            out.push_back(picks[k++]);
            continue;
        }
        std::size_t end = k + 1;
        while (end < picks.size() && std::isfinite(values[picks[end]]))
            ++end;
        thinRun(values, picks, k, end, px_per_value, tolerance_px, out, runs, log);
        k = end;
    }
}

}  // namespace atc::ui
