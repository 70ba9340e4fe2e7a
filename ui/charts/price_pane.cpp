#include "charts/price_pane.hpp"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "charts/candle_item.hpp"
#include "charts/chart_format.hpp"
#include "charts/marker_item.hpp"
#include "charts/state_line_item.hpp"

namespace atc::ui {
namespace {

void widen(std::pair<double, double>& r, double v) {
    if (!std::isfinite(v))
        return;
    r.first = std::min(r.first, v);
    r.second = std::max(r.second, v);
}

}  // namespace

PricePane::PricePane(QWidget* parent) : ChartPane(parent) {
    close_ = new QLineSeries(chart());
    close_->setObjectName(QStringLiteral("close"));
    close_->setName(QStringLiteral("Close"));
    chart()->addSeries(close_);
    close_->attachAxis(x_axis());
    close_->attachAxis(y_axis());

    candles_item_ = new CandleItem(chart(), x_axis(), y_axis());
    add_overlay(candles_item_);
    for (std::size_t f = 0; f < kFamilyCount; ++f) {
        mas_[f] = new StateLineItem(chart(), x_axis(), y_axis());
        mas_[f]->set_width(1.6);
        add_overlay(mas_[f]);
    }
    markers_ = new MarkerItem(chart(), x_axis(), y_axis());
    add_overlay(markers_);
}

void PricePane::set_symbol(std::shared_ptr<const SymbolData> data) {
    if (data) {
        const PriceSeries& bars = data->bars;
        const AtcResult& result = *data->result;
        decimals_ = price_decimals(bars.close);
        bind_series(close_, bars.close);
        if (data->has_ohlc())
            candles_item_->set_bars(data, bars.open, bars.high, bars.low, bars.close);
        else
            candles_item_->clear();
        for (MaType t : kAllFamilies) {
            const MemberSeries& base = result.family(t).members[0];
            mas_[static_cast<std::size_t>(t)]->set_series(data, base.ma, base.state);
        }
    } else {
        candles_item_->clear();
        for (StateLineItem* item : mas_)
            item->clear();
        markers_->clear();
    }
    ChartPane::set_symbol(std::move(data));
    apply_price_mode();
}

void PricePane::set_candles(bool on) {
    candles_ = on;
    apply_price_mode();
}

bool PricePane::candles_drawn() const {
    return candles_ && candles_item_->bar_count() > 0;
}

void PricePane::apply_price_mode() {
    const bool candles = candles_drawn();
    candles_item_->setVisible(candles);
    close_->setVisible(!candles);
    // ▲ under the low and ▼ over the high of a candle; on the close line otherwise.
    if (data()) {
        const PriceSeries& bars = data()->bars;
        markers_->set_markers(data(), data()->result->markers, candles ? bars.low : bars.close,
                              candles ? bars.high : bars.close);
    }
    refit();
    refresh_legend();
}

void PricePane::set_ma_visible(MaType type, bool visible) {
    mas_[static_cast<std::size_t>(type)]->setVisible(visible);
    refit();
    refresh_legend();
}

bool PricePane::ma_visible(MaType type) const {
    return mas_[static_cast<std::size_t>(type)]->isVisible();
}

const StateLineItem& PricePane::ma_item(MaType type) const {
    return *mas_[static_cast<std::size_t>(type)];
}

std::vector<EntryMarker> PricePane::markers() const {
    return markers_->markers();
}

std::optional<std::pair<double, double>> PricePane::data_range(std::size_t first,
                                                               std::size_t last) const {
    const PriceSeries& bars = data()->bars;
    std::pair<double, double> r{std::numeric_limits<double>::infinity(),
                                -std::numeric_limits<double>::infinity()};
    const bool candles = candles_drawn();
    for (std::size_t i = first; i <= last; ++i) {
        if (candles) {
            widen(r, bars.low[i]);
            widen(r, bars.high[i]);
        } else {
            widen(r, bars.close[i]);
        }
    }
    for (std::size_t f = 0; f < kFamilyCount; ++f) {
        if (!mas_[f]->isVisible())
            continue;
        const auto values = mas_[f]->values();
        for (std::size_t i = first; i <= last && i < values.size(); ++i)
            widen(r, values[i]);
    }
    if (!(r.first <= r.second))
        return std::nullopt;
    return r;
}

std::vector<LegendLine> PricePane::legend_lines(std::size_t bar) const {
    const SymbolData& d = *data();
    const PriceSeries& bars = d.bars;
    const AtcResult& result = *d.result;
    LegendLine head;
    head.push_back({d.name, {}, theme().text, {}, true});
    head.push_back({{}, bar_label(d, bar), {}, theme().muted_text});
    if (d.has_ohlc()) {
        const QColor c = bars.close[bar] >= bars.open[bar] ? theme().bull : theme().bear;
        head.push_back({QStringLiteral("O"), format_price(bars.open[bar], decimals_), {}, c});
        head.push_back({QStringLiteral("H"), format_price(bars.high[bar], decimals_), {}, c});
        head.push_back({QStringLiteral("L"), format_price(bars.low[bar], decimals_), {}, c});
        head.push_back({QStringLiteral("C"), format_price(bars.close[bar], decimals_), {}, c});
    } else {
        head.push_back({QStringLiteral("Close"), format_price(bars.close[bar], decimals_), {}, {}});
    }
    for (const EntryMarker& m : result.markers) {
        if (m.bar != bar)
            continue;
        const bool up = m.direction == Direction::Long;
        head.push_back(
            {{},
             up ? QStringLiteral("\u25B2 Long entry") : QStringLiteral("\u25BC Short entry"),
             {},
             up ? theme().bull : theme().bear,
             true});
    }

    LegendLine mas;
    for (MaType t : kAllFamilies) {
        if (!ma_visible(t))
            continue;
        const MemberSeries& base = result.family(t).members[0];
        const int state = base.state[bar];
        mas.push_back(
            {member_label(t, base),
             format_price(base.ma[bar], decimals_) + QLatin1Char(' ') + state_glyph(state),
             theme().family_color(t), theme().state_color(state)});
    }
    std::vector<LegendLine> lines{head};
    if (!mas.empty())
        lines.push_back(mas);
    return lines;
}

QString PricePane::format_level(double y) const {
    return format_price(y, decimals_);
}

void PricePane::apply_content_theme(const Theme& theme) {
    close_->setPen(QPen(theme.price, 1.0));
    candles_item_->set_colors(theme.bull, theme.bear);
    for (StateLineItem* item : mas_)
        item->set_colors(theme.bull, theme.bear, theme.neutral);
    markers_->set_colors(theme.bull, theme.bear, theme.chart_background);
}

}  // namespace atc::ui
