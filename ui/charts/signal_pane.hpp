// Pane 2: the six Layer-1 family signals S_t and the Average signal on a fixed
// scale of [-1.05, 1.05], with the long and short thresholds as dashed lines.
#pragma once

#include <array>

#include "atc/params.hpp"
#include "charts/pane_base.hpp"

QT_BEGIN_NAMESPACE
class QLineSeries;
QT_END_NAMESPACE

namespace atc::ui {

class SignalPane : public ChartPane {
    Q_OBJECT

public:
    explicit SignalPane(QWidget* parent = nullptr);
    void setSymbol(std::shared_ptr<const SymbolData> data) override;

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
    std::array<QLineSeries*, kFamilyCount> families_{};
    QLineSeries* average_ = nullptr;
    QLineSeries* long_threshold_ = nullptr;
    QLineSeries* short_threshold_ = nullptr;
};

}  // namespace atc::ui
