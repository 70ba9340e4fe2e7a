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
    void set_symbol(std::shared_ptr<const SymbolData> data) override;
    void set_family(std::optional<MaType> family);
    std::optional<MaType> family() const { return family_; }

protected:
    std::optional<std::pair<double, double>> data_range(std::size_t first,
                                                        std::size_t last) const override;
    std::vector<LegendLine> legend_lines(std::size_t bar) const override;
    QString format_level(double y) const override;
    void apply_content_theme(const Theme& theme) override;

private:
    struct Curve {
        QLineSeries* series = nullptr;
        const std::vector<double>* values = nullptr;  // owned by data()
        QString label;
    };
    void rebuild();
    void color_curves();

    std::optional<MaType> family_;
    std::vector<Curve> curves_;
};

}  // namespace atc::ui
