// SPDX-License-Identifier: GPL-3.0-or-later
// Pane 3: equity curves. By default the six Layer-2 curves W_t (what weights
// each family in the Average); with a family chosen, that family's nine Layer-1
// member curves (what weights each length inside the family signal). The
// members' series come apart from the symbol (ChartStack asks for them when a
// family is chosen over a drawn result); until they arrive the pane says they
// are being computed.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "atc/params.hpp"
#include "charts/pane_base.hpp"

QT_BEGIN_NAMESPACE
class QLineSeries;
QT_END_NAMESPACE

namespace atc::ui {

class PlotNote;

class EquityPane : public ChartPane {
    Q_OBJECT

public:
    explicit EquityPane(QWidget* parent = nullptr);
    // A new symbol or family drops the members drawn so far.
    void setSymbol(std::shared_ptr<const SymbolData> data) override;
    void setFamily(std::optional<MaType> family);
    std::optional<MaType> family() const { return family_; }
    // The chosen family's members of the symbol shown; nullptr: not computed
    // yet, or `failure` says why they could not be.
    void setMembers(std::shared_ptr<const FamilyMembers> members, const QString& failure = {});
    // What the plot says instead of the member curves ("Computing KAMA
    // members…"); empty when they are drawn or no family is chosen.
    QString note() const;

protected:
    std::optional<std::pair<double, double>> dataRange(std::size_t first,
                                                       std::size_t last) const override;
    std::vector<LegendLine> legendLines(std::size_t bar) const override;
    QString formatLevel(double y) const override;
    void applyContentTheme(const Theme& theme) override;

private:
    struct Curve {
        QLineSeries* series = nullptr;
        const std::vector<double>* values = nullptr;  // owned by data()
        QString label;
    };
    void rebuild();
    // rebuild(), then the value axis fitted and the series filled anew.
    void redraw();
    void colorCurves();

    std::optional<MaType> family_;
    std::shared_ptr<const FamilyMembers> members_;
    QString failure_;
    std::vector<Curve> curves_;
    PlotNote* note_ = nullptr;
};

}  // namespace atc::ui
