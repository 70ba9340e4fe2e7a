// SPDX-License-Identifier: GPL-3.0-or-later
// Pane 2: the six Layer-1 family signals S_t and the Average signal on a fixed
// scale of [-1.05, 1.05], with the long and short thresholds as dashed lines.
//
// The family signals are a translucent background under the Average, painted by
// line items of our own (state_line_item.hpp) rather than Qt Charts series: a
// QLineSeries strokes a hit-test outline of all its points and paints them one
// segment at a time on every pan step, and these six jump between -1 and +1 so
// often that, zoomed out, thinning keeps nearly every point of their envelopes.
// Over a million bars, as series they took about 5.5 ms of a 10 ms pan frame;
// as items, about 2.5 ms (docs/PERFORMANCE.md).

#pragma once

#include <array>

#include "atc/params.hpp"
#include "charts/pane_base.hpp"

QT_BEGIN_NAMESPACE
class QLineSeries;
QT_END_NAMESPACE

namespace atc::ui {

class StateLineItem;

class SignalPane : public ChartPane {
    Q_OBJECT

public:
    explicit SignalPane(QWidget* parent = nullptr);
    void setSymbol(std::shared_ptr<const SymbolData> data) override;
    // The line of one family's signal (its values are the engine's, drawn as they are).
    const StateLineItem& familyItem(MaType type) const {
        return *families_[static_cast<std::size_t>(type)];
    }

protected:
    std::optional<std::pair<double, double>> dataRange(std::size_t, std::size_t) const override {
        return std::nullopt;
    }
    std::optional<std::pair<double, double>> fixedRange() const override {
        return std::pair{-1.05, 1.05};
    }
    std::vector<LegendLine> legendLines(std::size_t bar) const override;
    QString formatLevel(double y) const override;
    void applyContentTheme(const Theme& theme) override;

private:
    std::array<StateLineItem*, kFamilyCount> families_{};
    QLineSeries* average_ = nullptr;
    QLineSeries* long_threshold_ = nullptr;
    QLineSeries* short_threshold_ = nullptr;
};

}  // namespace atc::ui
