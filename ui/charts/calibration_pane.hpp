// SPDX-License-Identifier: GPL-3.0-or-later
// Pane 4 (hidden by default), the original indicator's calibration view: the
// nine MAs of one family over the close, each coloured bar by bar by its own
// crossing state, to see how the lengths around the base agree. A separate pane
// rather than a mode of the price pane, so price, base MAs and markers stay in
// view while calibrating; it sits right under the price pane. The members'
// series come apart from the symbol (ChartStack asks for them when the pane
// opens over a drawn result); until they arrive the pane says they are being
// computed.
#pragma once

#include <array>
#include <memory>

#include "atc/params.hpp"
#include "charts/pane_base.hpp"

QT_BEGIN_NAMESPACE
class QLineSeries;
QT_END_NAMESPACE

namespace atc::ui {

class PlotNote;
class StateLineItem;

class CalibrationPane : public ChartPane {
    Q_OBJECT

public:
    explicit CalibrationPane(QWidget* parent = nullptr);
    // A new symbol or family drops the members drawn so far.
    void setSymbol(std::shared_ptr<const SymbolData> data) override;
    void setFamily(MaType family);
    MaType family() const { return family_; }
    // The family's members of the symbol shown; nullptr: not computed yet,
    // or `failure` says why they could not be.
    void setMembers(std::shared_ptr<const FamilyMembers> members, const QString& failure = {});
    const StateLineItem& memberItem(std::size_t member) const { return *items_[member]; }
    QLineSeries* closeSeries() const { return close_; }
    // What the plot says instead of the members ("Computing KAMA members…"); empty when drawn.
    QString note() const;

protected:
    std::optional<std::pair<double, double>> dataRange(std::size_t first,
                                                       std::size_t last) const override;
    std::vector<LegendLine> legendLines(std::size_t bar) const override;
    QString formatLevel(double y) const override;
    void applyContentTheme(const Theme& theme) override;

private:
    void fillMembers();

    MaType family_ = MaType::EMA;
    QLineSeries* close_ = nullptr;
    std::array<StateLineItem*, kMembersPerFamily> items_{};
    std::shared_ptr<const FamilyMembers> members_;
    QString failure_;
    PlotNote* note_ = nullptr;
    int decimals_ = 2;
};

}  // namespace atc::ui
