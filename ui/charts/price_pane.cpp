// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/price_pane.hpp"

#include <QChart>
#include <QContextMenuEvent>
#include <QMouseEvent>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "charts/candle_item.hpp"
#include "charts/chart_format.hpp"
#include "charts/drawing_item.hpp"
#include "charts/drawing_layer.hpp"
#include "charts/marker_item.hpp"
#include "charts/state_line_item.hpp"
#include "charts/value_ticks.hpp"
#include "charts/view_range.hpp"
#include "core/number_format.hpp"

namespace atc::ui {
PricePane::PricePane(QWidget* parent) : ChartPane(parent) {
    // Our own line item, not a Qt Charts series: every item of this pane maps
    // through PlotMap, which is what makes the log scale one switch.
    close_ = new StateLineItem(chart(), xAxis(), yAxis());
    addOverlay(close_);

    candles_item_ = new CandleItem(chart(), xAxis(), yAxis());
    addOverlay(candles_item_);
    for (std::size_t f = 0; f < kFamilyCount; ++f) {
        mas_[f] = new StateLineItem(chart(), xAxis(), yAxis());
        mas_[f]->setLineWidth(1.6);
        addOverlay(mas_[f]);
    }
    markers_ = new MarkerItem(chart(), xAxis(), yAxis());
    addOverlay(markers_);

    drawing_item_ = new DrawingItem(chart(), xAxis(), yAxis());
    drawing_item_->setTagFont(axisFont());
    drawing_item_->setPriceFormat([this](double price) { return formatLevel(price); });
    addOverlay(drawing_item_);
    drawings_ = new DrawingLayer(drawing_item_, viewport());
    connect(drawings_, &DrawingLayer::toolChanged, this,
            [this](std::optional<store::DrawingKind> kind) { setDrawingArmed(kind.has_value()); });
    connect(legendStrip(), &LegendStrip::removeClicked, this, &PricePane::compareRemoveClicked);
}

void PricePane::setSymbol(std::shared_ptr<const SymbolData> data) {
    if (data) {
        const PriceSeries& bars = data->bars;
        const AtcResult& result = *data->result;
        decimals_ = priceDecimals(bars.close);
        close_->setSeries(data, bars.close);
        if (data->hasOhlc())
            candles_item_->setBars(data, bars.open, bars.high, bars.low, bars.close);
        else
            candles_item_->clear();
        for (MaType t : kAllFamilies) {
            const MemberSeries& base = result.family(t).members[0];
            mas_[static_cast<std::size_t>(t)]->setSeries(data, base.ma, base.state);
        }
    } else {
        close_->clear();
        candles_item_->clear();
        for (StateLineItem* item : mas_)
            item->clear();
        markers_->clear();
    }
    drawing_item_->setData(data);
    // A compared symbol's line is laid on the bars it was loaded for: on other
    // bars it waits for the window to load it again.
    for (CompareLine& line : compares_) {
        if (line.series && !(data && line.series->fits(*data))) {
            line.series.reset();
            line.base.reset();
            line.item->clear();
        }
    }
    ChartPane::setSymbol(std::move(data));
    applyPriceMode();
}

const PricePane::CompareLine* PricePane::compareLine(const QString& name) const {
    const auto it = std::find_if(compares_.begin(), compares_.end(),
                                 [&](const CompareLine& l) { return l.name == name; });
    return it == compares_.end() ? nullptr : &*it;
}

void PricePane::setCompare(std::shared_ptr<const CompareSeries> series) {
    auto it = std::find_if(compares_.begin(), compares_.end(),
                           [&](const CompareLine& l) { return l.name == series->name; });
    if (it == compares_.end()) {
        // The first colour no other compared symbol has (they cycle past the last).
        std::size_t color = 0;
        while (color < theme().compare.size() &&
               std::any_of(compares_.begin(), compares_.end(),
                           [&](const CompareLine& l) { return l.color == color; }))
            ++color;
        color %= theme().compare.size();
        auto* item = new StateLineItem(chart(), xAxis(), yAxis());
        item->setLineWidth(1.6);
        item->setColor(theme().compare[color]);
        addOverlay(item);
        it = compares_.insert(compares_.end(), {series->name, nullptr, item, color, {}});
    }
    it->series = std::move(series);
    it->item->setSeries(it->series, it->series->closes);
    refit();
    refreshLegend();
}

void PricePane::removeCompare(const QString& name) {
    const CompareLine* line = compareLine(name);
    if (!line)
        return;
    removeOverlay(line->item);
    delete line->item;  // a child of the chart until now
    compares_.erase(compares_.begin() + (line - compares_.data()));
    refit();
    refreshLegend();
}

QStringList PricePane::compareNames() const {
    QStringList names;
    for (const CompareLine& line : compares_)
        names << line.name;
    return names;
}

const StateLineItem* PricePane::compareItem(const QString& name) const {
    const CompareLine* line = compareLine(name);
    return line ? line->item : nullptr;
}

QColor PricePane::compareColor(const QString& name) const {
    const CompareLine* line = compareLine(name);
    return line ? theme().compare[line->color] : QColor();
}

void PricePane::setCandles(bool on) {
    candles_ = on;
    applyPriceMode();
}

bool PricePane::candlesDrawn() const {
    return candles_ && candles_item_->barCount() > 0;
}

void PricePane::applyPriceMode() {
    const bool candles = candlesDrawn();
    candles_item_->setVisible(candles);
    close_->setVisible(!candles);
    // ▲ under the low and ▼ over the high of a candle; on the close line otherwise.
    if (data()) {
        const PriceSeries& bars = data()->bars;
        markers_->setMarkers(data(), data()->result->markers, candles ? bars.low : bars.close,
                             candles ? bars.high : bars.close);
    }
    refit();
    refreshLegend();
}

void PricePane::setMaVisible(MaType type, bool visible) {
    mas_[static_cast<std::size_t>(type)]->setVisible(visible);
    refit();
    refreshLegend();
}

bool PricePane::maVisible(MaType type) const {
    return mas_[static_cast<std::size_t>(type)]->isVisible();
}

const StateLineItem& PricePane::maItem(MaType type) const {
    return *mas_[static_cast<std::size_t>(type)];
}

std::vector<EntryMarker> PricePane::markers() const {
    return markers_->markers();
}

std::optional<std::pair<double, double>> PricePane::dataRange(std::size_t first,
                                                              std::size_t last) const {
    std::pair<double, double> r{std::numeric_limits<double>::infinity(),
                                -std::numeric_limits<double>::infinity()};
    // The candles' lows and highs, else the close line.
    if (candlesDrawn())
        candles_item_->widenRange(r, first, last);
    else
        close_->widenRange(r, first, last);
    for (const StateLineItem* ma : mas_) {
        if (ma->isVisible())
            ma->widenRange(r, first, last);
    }
    // The compared symbols, as drawn (pinned by followView()).
    for (const CompareLine& line : compares_) {
        if (line.base)
            line.item->widenRange(r, first, last);
    }
    if (!(r.first <= r.second))
        return std::nullopt;
    return r;
}

void PricePane::followView(std::size_t /*first*/, std::size_t last) {
    // The compared symbols are pinned to the close at the first visible bar
    // (or their first bar in view when they start later).
    const std::size_t from = firstVisibleBar();
    for (CompareLine& line : compares_) {
        line.base = line.series ? compareBase(data()->bars.close, line.series->closes, from, last)
                                : std::nullopt;
        line.item->setVisible(line.base.has_value());
        if (line.base)
            line.item->setValueScale(line.base->scale);
    }
}

std::vector<LegendLine> PricePane::legendLines(std::size_t bar) const {
    const SymbolData& d = *data();
    const PriceSeries& bars = d.bars;
    const AtcResult& result = *d.result;
    LegendLine head;
    head.push_back({d.name, {}, theme().text, {}, true});
    if (!d.timeframe.isEmpty())
        head.push_back({{}, d.timeframe, {}, theme().muted_text});
    // The last bucket of a resampled series may still be filling, as on TradingView.
    const bool forming = d.last_forming && bar + 1 == d.barCount();
    head.push_back({{},
                    forming ? tr("%1 (forming)").arg(barLabel(d, bar)) : barLabel(d, bar),
                    {},
                    theme().muted_text});
    if (d.hasOhlc()) {
        const QColor c = bars.close[bar] >= bars.open[bar] ? theme().bull : theme().bear;
        head.push_back({QStringLiteral("O"), formatPrice(bars.open[bar], decimals_), {}, c});
        head.push_back({QStringLiteral("H"), formatPrice(bars.high[bar], decimals_), {}, c});
        head.push_back({QStringLiteral("L"), formatPrice(bars.low[bar], decimals_), {}, c});
        head.push_back({QStringLiteral("C"), formatPrice(bars.close[bar], decimals_), {}, c});
    } else {
        head.push_back({QStringLiteral("Close"), formatPrice(bars.close[bar], decimals_), {}, {}});
    }
    // The markers are sorted by bar: a crosshair move looks up its bar, it does not
    // walk every marker (tens of thousands on a million bars).
    const auto by_bar = [](const EntryMarker& m, std::size_t b) { return m.bar < b; };
    for (auto it = std::lower_bound(result.markers.begin(), result.markers.end(), bar, by_bar);
         it != result.markers.end() && it->bar == bar; ++it) {
        const EntryMarker& m = *it;
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
        if (!maVisible(t))
            continue;
        const MemberSeries& base = result.family(t).members[0];
        const int state = base.state[bar];
        mas.push_back({memberLabel(t, base),
                       formatPrice(base.ma[bar], decimals_) + QLatin1Char(' ') + stateGlyph(state),
                       theme().familyColor(t), theme().stateColor(state)});
    }
    std::vector<LegendLine> lines{head};
    // Before the MAs: in a narrow pane the legend is cut at the end.
    if (LegendLine compared = compareLegend(bar); !compared.empty())
        lines.push_back(std::move(compared));
    if (!mas.empty())
        lines.push_back(mas);
    return lines;
}

LegendLine PricePane::compareLegend(std::size_t bar) const {
    LegendLine line;
    for (const CompareLine& compared : compares_) {
        // Still loading for these bars: nothing to say yet.
        if (!compared.series)
            continue;
        const std::vector<double>& closes = compared.series->closes;
        // The change since the bar the line is pinned to, as the percent scale
        // reads it; none where it has no bar (before its first, or none in view).
        const double change =
            compared.base ? closes[bar] / closes[compared.base->bar] - 1.0 : std::nan("");
        QString note = compared.series->note;
        if (!compared.base)
            note = tr("%1 has no bars in the visible range.").arg(compared.name);
        const QColor color = theme().compare[compared.color];
        line.push_back(
            {compared.name,
             std::isfinite(change) ? signedPercent(100.0 * change, 2) : QStringLiteral("\u2014"),
             color, color, false, note, true});
    }
    return line;
}

QString PricePane::formatLevel(double y) const {
    if (priceScale() == PriceScale::Percent) {
        if (const auto base = percentBase(firstVisibleBar()))
            return signedPercent(percentFrom(y, *base), 2);
    }
    return formatPriceLevel(y, decimals_);
}

QString PricePane::formatDelta(double delta) const {
    return formatPriceLevel(delta, decimals_);
}

std::optional<double> PricePane::percentBase(std::size_t first_bar) const {
    if (!data() || first_bar >= data()->barCount())
        return std::nullopt;
    // The first visible close; a gap (NaN) there takes the next bar that has one.
    const std::span<const double> close = data()->bars.close;
    for (std::size_t i = first_bar; i < close.size(); ++i) {
        if (std::isfinite(close[i]) && close[i] > 0.0)
            return close[i];
    }
    return std::nullopt;
}

void PricePane::applyContentTheme(const Theme& theme) {
    close_->setColor(theme.price);
    candles_item_->setColors(theme.bull, theme.bear);
    for (StateLineItem* item : mas_)
        item->setColors(theme.bull, theme.bear, theme.neutral);
    for (const CompareLine& line : compares_)
        line.item->setColor(theme.compare[line.color]);
    markers_->setColors(theme.bull, theme.bear, theme.chart_background);
    drawing_item_->setBackground(theme.chart_background);
}

void PricePane::mousePressEvent(QMouseEvent* event) {
    over_drawing_ = false;  // the release sets the cursor; the next move looks again
    const bool plain = !(event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier));
    drawing_press_ = event->button() == Qt::LeftButton && plain && !measureArmed() && data() &&
                     drawings_->press(toChart(event->position().toPoint()));
    if (drawing_press_) {
        event->accept();
        return;
    }
    ChartPane::mousePressEvent(event);
}

void PricePane::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = toChart(event->position().toPoint());
    drawings_->move(pos);
    ChartPane::mouseMoveEvent(event);  // the crosshair follows
    // Between drags a pointing hand over a drawing says that a click takes it.
    if (event->buttons() == Qt::NoButton && !drawings_->tool()) {
        const bool over = drawings_->grabs(pos);
        if (over != over_drawing_) {
            over_drawing_ = over;
            if (over)
                viewport()->setCursor(Qt::PointingHandCursor);
            else
                restCursor();
        }
    }
}

void PricePane::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && drawing_press_) {
        drawing_press_ = false;
        drawings_->release(toChart(event->position().toPoint()));
        restCursor();
        event->accept();
        return;
    }
    ChartPane::mouseReleaseEvent(event);
}

void PricePane::mouseDoubleClickEvent(QMouseEvent* event) {
    // On a drawing, or placing one, a double-click is two clicks, not a zoom reset.
    const QPointF pos = toChart(event->position().toPoint());
    if (drawings_->tool() || drawings_->placing() || drawings_->grabs(pos)) {
        mousePressEvent(event);
        return;
    }
    ChartPane::mouseDoubleClickEvent(event);
}

void PricePane::contextMenuEvent(QContextMenuEvent* event) {
    if (drawings_->openMenu(toChart(event->pos()), event->globalPos()))
        event->accept();
    else
        ChartPane::contextMenuEvent(event);
}

}  // namespace atc::ui
