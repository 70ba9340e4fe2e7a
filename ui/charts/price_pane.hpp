// Pane 1: price (close line or candlesticks), the six base-length MAs coloured
// by their own crossing state, and the entry markers.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "atc/params.hpp"
#include "atc/result.hpp"
#include "charts/pane_base.hpp"

QT_BEGIN_NAMESPACE
class QLineSeries;
QT_END_NAMESPACE

namespace atc::ui {

class CandleItem;
class MarkerItem;
class StateLineItem;

class PricePane : public ChartPane {
    Q_OBJECT

public:
    explicit PricePane(QWidget* parent = nullptr);

    void set_symbol(std::shared_ptr<const SymbolData> data) override;
    // Candles are drawn only where the data has OHLC; otherwise the close line stays.
    void set_candles(bool on);
    bool candles_requested() const { return candles_; }
    bool candles_drawn() const;
    void set_ma_visible(MaType type, bool visible);
    bool ma_visible(MaType type) const;

    QLineSeries* close_series() const { return close_; }
    const StateLineItem& ma_item(MaType type) const;
    std::vector<EntryMarker> markers() const;

protected:
    std::optional<std::pair<double, double>> data_range(std::size_t first,
                                                        std::size_t last) const override;
    double padding_px() const override { return 20.0; }  // room for the ▲/▼ markers
    std::vector<LegendLine> legend_lines(std::size_t bar) const override;
    QString format_level(double y) const override;
    void apply_content_theme(const Theme& theme) override;

private:
    void apply_price_mode();

    QLineSeries* close_ = nullptr;
    CandleItem* candles_item_ = nullptr;
    std::array<StateLineItem*, kFamilyCount> mas_{};
    MarkerItem* markers_ = nullptr;
    bool candles_ = true;
    int decimals_ = 2;
};

}  // namespace atc::ui
