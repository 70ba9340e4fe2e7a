// SPDX-License-Identifier: GPL-3.0-or-later
// How the chart stack shares its height among the panes: which panes get a
// plot and how tall each one is. Pure arithmetic, apart from the widgets.
//
// Each pane with a plot gets at least its minimum; the others are drawn as
// their title line. Panes get a plot in the order of their priority (the price
// first) while they fit with the panes before them at their preferred heights
// (the price wants more than the least readable plot before the equities get
// one); the most important pane that the trader has not collapsed gets one even
// when it does not fit. The height left over is shared by weight, and no pane
// falls below its minimum.
#pragma once

#include <cstddef>
#include <vector>

namespace atc::ui {

struct PaneNeeds {
    int title_only = 0;      // height of the title line alone
    int minimum = 0;         // least height with a plot (without the date labels)
    int preferred = 0;       // kept before less important panes get a plot (at least minimum)
    int weight = 1;          // share of the height
    bool collapsed = false;  // by the trader: title line only, whatever the room
};

struct PaneFit {
    std::vector<bool> expanded;  // per pane: drawn with its plot
    std::vector<int> heights;    // per pane, in pixels
};

// `panes` top to bottom; `priority` their indices, most important first;
// `available` the height for all of them; `dates` what the date labels add under
// the lowest pane with a plot.
PaneFit fitPanes(const std::vector<PaneNeeds>& panes, const std::vector<std::size_t>& priority,
                 int available, int dates);

}  // namespace atc::ui
