// Pane 4 (hidden by default), the original indicator's calibration view: the
// nine MAs of one family over the close, each coloured bar by bar by its own
// crossing state, to see how the lengths around the base agree. A separate pane
// rather than a mode of the price pane, so price, base MAs and markers stay in
// view while calibrating; it sits right under the price pane.
#pragma once

#include <array>

#include "atc/params.hpp"
#include "charts/pane_base.hpp"

QT_BEGIN_NAMESPACE
class QLineSeries;
QT_END_NAMESPACE

namespace atc::ui {

class StateLineItem;

class CalibrationPane : public ChartPane {
    Q_OBJECT

public:
    explicit CalibrationPane(QWidget* parent = nullptr);
    void setSymbol(std::shared_ptr<const SymbolData> data) override;
    void setFamily(MaType family);
    MaType family() const { return family_; }
    const StateLineItem& memberItem(std::size_t member) const { return *members_[member]; }
    QLineSeries* closeSeries() const { return close_; }

protected:
    std::optional<std::pair<double, double>> dataRange(std::size_t first,
                                                       std::size_t last) const override;
    std::vector<LegendLine> legendLines(std::size_t bar) const override;
    QString formatLevel(double y) const override;
    void showEvent(QShowEvent* event) override;
    void applyContentTheme(const Theme& theme) override;

private:
    void fillMembers();

    MaType family_ = MaType::EMA;
    QLineSeries* close_ = nullptr;
    std::array<StateLineItem*, kMembersPerFamily> members_{};
    bool members_pending_ = false;  // data set while hidden: members not filled yet
    int decimals_ = 2;
};

}  // namespace atc::ui
