// SPDX-License-Identifier: GPL-3.0-or-later
// Candlesticks for bars with open/high/low/close. QCandlestickSeries makes one
// QGraphicsItem per candle (5,000 candles: seconds to build, slow to pan), so the
// candles are painted here: wicks batched into one drawLines and bodies into one
// drawRects per colour, visible bars only. When a bar is narrower than a few
// pixels only the high-low range is drawn, which is what remains visible anyway;
// narrower than a pixel, one OHLC aggregate per pixel column.
#pragma once

#include <QColor>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "charts/column_envelope.hpp"
#include "charts/indexed_series.hpp"
#include "charts/plot_overlay.hpp"

namespace atc::ui {

class CandleItem : public PlotOverlay {
public:
    CandleItem(QChart* chart, QValueAxis* x_axis, QValueAxis* y_axis);

    // All four spans hold one value per bar; `owner` keeps them alive.
    void setBars(std::shared_ptr<const void> owner, std::span<const double> open,
                 std::span<const double> high, std::span<const double> low,
                 std::span<const double> close);
    void clear();
    void setColors(const QColor& up, const QColor& down);
    std::size_t barCount() const { return close_.size(); }
    // Widens `range` (low, high) to the lows and highs of bars [first, last].
    void widenRange(std::pair<double, double>& range, std::size_t first, std::size_t last) const;

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    std::shared_ptr<const void> owner_;
    std::span<const double> open_, close_;
    IndexedSeries high_, low_;
    QColor up_, down_;
    // The candles of the visible bars (bars [first, last] in buckets of
    // per_bucket): one buffer, refilled when the view changes.
    struct Window {
        std::size_t first = 1, last = 0, per_bucket = 0;
        bool operator==(const Window&) const = default;
    };
    Window window_;
    std::vector<OhlcBucket> buckets_;
};

}  // namespace atc::ui
