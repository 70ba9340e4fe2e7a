// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/pane_fit.hpp"

#include <algorithm>
#include <numeric>

namespace atc::ui {
namespace {

// The least height of each pane in this arrangement (the dates under the lowest
// plot), or the preferred one.
std::vector<int> leastHeights(const std::vector<PaneNeeds>& panes,
                              const std::vector<bool>& expanded, int dates, bool preferred) {
    std::vector<int> least(panes.size());
    for (std::size_t i = 0; i < panes.size(); ++i) {
        const int plotted =
            preferred ? std::max(panes[i].minimum, panes[i].preferred) : panes[i].minimum;
        least[i] = expanded[i] ? plotted : panes[i].title_only;
    }
    for (std::size_t i = panes.size(); i-- > 0;) {
        if (expanded[i]) {
            least[i] += dates;
            break;
        }
    }
    return least;
}

int sum(const std::vector<int>& v) {
    return std::accumulate(v.begin(), v.end(), 0);
}

}  // namespace

PaneFit fitPanes(const std::vector<PaneNeeds>& panes, const std::vector<std::size_t>& priority,
                 int available, int dates) {
    PaneFit fit;
    fit.expanded.assign(panes.size(), false);
    bool first = true;
    for (std::size_t i : priority) {
        if (i >= panes.size() || panes[i].collapsed)
            continue;
        fit.expanded[i] = true;
        if (!first && sum(leastHeights(panes, fit.expanded, dates, true)) > available)
            fit.expanded[i] = false;
        first = false;
    }

    // Water-filling: the height goes by weight to the panes with a plot; a pane
    // whose share is below its least height keeps that, and the others share the
    // rest again.
    fit.heights = leastHeights(panes, fit.expanded, dates, false);
    std::vector<bool> open = fit.expanded;
    int room = available;
    for (std::size_t i = 0; i < panes.size(); ++i) {
        if (!open[i])
            room -= fit.heights[i];
    }
    for (bool settled = false; !settled;) {
        settled = true;
        int weights = 0;
        for (std::size_t i = 0; i < panes.size(); ++i) {
            if (open[i])
                weights += std::max(1, panes[i].weight);
        }
        if (weights == 0)
            break;
        for (std::size_t i = 0; i < panes.size(); ++i) {
            if (open[i] && room * std::max(1, panes[i].weight) / weights < fit.heights[i]) {
                open[i] = false;
                room -= fit.heights[i];
                settled = false;
            }
        }
        if (!settled)
            continue;
        int given = 0;
        std::size_t biggest = panes.size();
        for (std::size_t i = 0; i < panes.size(); ++i) {
            if (!open[i])
                continue;
            fit.heights[i] = room * std::max(1, panes[i].weight) / weights;
            given += fit.heights[i];
            if (biggest == panes.size() || panes[i].weight > panes[biggest].weight)
                biggest = i;
        }
        fit.heights[biggest] += room - given;  // the rounding remainder
    }
    return fit;
}

}  // namespace atc::ui
