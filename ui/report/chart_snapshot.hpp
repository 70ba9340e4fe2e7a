// SPDX-License-Identifier: GPL-3.0-or-later
// The chart stack drawn off screen for a report: the same ChartStack widget the
// window shows (panes, overlays, legends), set up like the window's and painted
// into a QPicture (vector commands, replayed into the PDF) or a QImage (PNG).
// GUI thread only: ChartStack is a widget.
#pragma once

#include <QImage>
#include <QPicture>
#include <QSize>
#include <array>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "atc/params.hpp"
#include "atc/store/drawing_store.hpp"
#include "core/symbol_data.hpp"
#include "theme/theme.hpp"

namespace atc::ui {

class ChartStack;

// What the charts show besides the data: the toolbar's choices and the zoom.
struct ChartView {
    bool candles = false;
    std::array<bool, kFamilyCount> ma_visible{true, true, true, true, true, true};
    std::optional<MaType> equity_family;  // nullopt: the six Layer-2 curves
    std::optional<MaType> calibration;    // nullopt: calibration pane hidden
    // Bars at the left and right edges; nullopt: the window's reset view.
    std::optional<std::pair<double, double>> range;
    Theme theme = lightTheme();
    // The trader's drawings on the price pane (none while they are hidden).
    std::vector<store::Drawing> drawings;
};

// The view of the window's charts right now (with their theme).
ChartView captureView(const ChartStack& charts);

// A chart stack showing `data` as `view`, `size` logical pixels large, painted
// into a picture (QWidget::render: vector where Qt draws vectors). `members`:
// those of the families the view draws, where `data` keeps only the drawn
// series (viewMembers).
QPicture recordCharts(const std::shared_ptr<const SymbolData>& data, const MemberSet& members,
                      const ChartView& view, QSize size);

// The same as an image of exactly `size` pixels (device pixel ratio 1).
QImage renderCharts(const std::shared_ptr<const SymbolData>& data, const MemberSet& members,
                    const ChartView& view, QSize size);

// The members of the families `view` draws (the calibration family, a family's
// member equities): from `held` (the window's) or the result where they are
// there, else computed now. Others are nullptr.
MemberSet viewMembers(const std::shared_ptr<const SymbolData>& data, const MemberSet& held,
                      const ChartView& view);

}  // namespace atc::ui
