// Pane 3: equity curves. By default the six Layer-2 curves W_t (what weights
// each family in the Average); with a family chosen, that family's nine Layer-1
// member curves (what weights each length inside the family signal).
#pragma once

#include <optional>
#include <vector>

#include "atc/params.hpp"
#include "charts/pane_base.hpp"

QT_BEGIN_NAMESPACE
class QLineSeries;
QT_END_NAMESPACE

namespace atc::ui {

class EquityPane : public ChartPane {
    Q_OBJECT

public:
    explicit EquityPane(QWidget* parent = nullptr);
    void setSymbol(std::shared_ptr<const SymbolData> data) override;
    void setFamily(std::optional<MaType> family);
    std::optional<MaType> family() const { return family_; }

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
    void colorCurves();

    std::optional<MaType> family_;
    std::vector<Curve> curves_;
};

}  // namespace atc::ui
