#include "charts/chart_stack.hpp"

#include <QChart>
#include <QKeyEvent>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "charts/calibration_pane.hpp"
#include "charts/equity_pane.hpp"
#include "charts/price_pane.hpp"
#include "charts/signal_pane.hpp"
#include "charts/state_line_item.hpp"

namespace atc::ui {

ChartStack::ChartStack(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    splitter_ = new QSplitter(Qt::Vertical, this);
    splitter_->setChildrenCollapsible(false);
    splitter_->setHandleWidth(3);
    layout->addWidget(splitter_);

    price_ = new PricePane(splitter_);
    calibration_ = new CalibrationPane(splitter_);
    signal_ = new SignalPane(splitter_);
    equity_ = new EquityPane(splitter_);
    panes_ = {price_, calibration_, signal_, equity_};
    for (ChartPane* pane : panes_) {
        splitter_->addWidget(pane);
        connect_pane(pane);
    }
    // Price gets most of the height; the calibration view, when shown, a fair share.
    splitter_->setStretchFactor(0, 5);
    splitter_->setStretchFactor(1, 3);
    splitter_->setStretchFactor(2, 2);
    splitter_->setStretchFactor(3, 2);
    calibration_->hide();
    // Dates only under the bottom pane: the others keep the vertical grid lines.
    equity_->set_time_labels_visible(true);
    setTheme(dark_theme());
}

ChartStack::~ChartStack() = default;

void ChartStack::connect_pane(ChartPane* pane) {
    // Clicking a pane focuses the stack, which handles the keys.
    pane->setFocusPolicy(Qt::ClickFocus);
    pane->setFocusProxy(this);
    connect(pane, &ChartPane::hovered, this,
            [this, pane](int bar, double y) { hover(pane, bar, y); });
    connect(pane, &ChartPane::left, this, [this] { setCrosshairBar(-1); });
    connect(pane, &ChartPane::pan_requested, this,
            [this](double bars) { apply_range(pan_range(range_, bars, bar_count())); });
    connect(pane, &ChartPane::zoom_requested, this, [this](double anchor, double steps) {
        apply_range(zoom_range(range_, std::pow(kZoomStep, steps), anchor, bar_count()));
    });
    connect(pane, &ChartPane::range_requested, this, &ChartStack::setVisibleRange);
    connect(pane, &ChartPane::reset_requested, this, &ChartStack::resetZoom);
    connect(pane, &ChartPane::layout_changed, this, [this] {
        if (in_layout_)
            return;
        sync_value_axis_widths();
        update_ticks();
    });
}

std::size_t ChartStack::bar_count() const {
    return data_ ? data_->bar_count() : 0;
}

void ChartStack::setData(std::shared_ptr<const SymbolData> data) {
    // A parameter change recomputes the same bars: keep the trader's view.
    const bool keep_range =
        data && data_ && data->name == data_->name && data->bar_count() == data_->bar_count();
    data_ = std::move(data);
    time_scale_ = data_ ? TimeScale(data_->bars) : TimeScale();
    if (crosshair_bar_ >= 0 && static_cast<std::size_t>(crosshair_bar_) >= bar_count())
        crosshair_bar_ = -1;
    for (ChartPane* pane : panes_)
        pane->set_symbol(data_);
    apply_range(keep_range ? range_ : initial_range(bar_count()));
    for (ChartPane* pane : panes_)
        pane->set_crosshair(crosshair_bar_, std::nullopt);
}

void ChartStack::setTheme(const Theme& theme) {
    theme_ = theme;
    QPalette p = palette();
    p.setColor(QPalette::Window, theme.chart_background);
    setPalette(p);
    setAutoFillBackground(true);
    // The splitter handles are the pane separators: the grid colour, not the window's.
    splitter_->setStyleSheet(
        QStringLiteral("QSplitter::handle { background-color: %1; }").arg(theme.grid.name()));
    for (ChartPane* pane : panes_)
        pane->set_theme(theme);
}

bool ChartStack::candles() const {
    return price_->candles_requested();
}
bool ChartStack::candlesDrawn() const {
    return price_->candles_drawn();
}
bool ChartStack::maVisible(MaType type) const {
    return price_->ma_visible(type);
}
std::optional<MaType> ChartStack::equityFamily() const {
    return equity_->family();
}
MaType ChartStack::calibrationFamily() const {
    return calibration_->family();
}
bool ChartStack::calibrationVisible() const {
    return !calibration_->isHidden();
}

void ChartStack::setCandles(bool on) {
    price_->set_candles(on);
    sync_value_axis_widths();
}

void ChartStack::setMaVisible(MaType type, bool visible) {
    price_->set_ma_visible(type, visible);
    sync_value_axis_widths();
}

void ChartStack::setEquityFamily(std::optional<MaType> family) {
    equity_->set_family(family);
    equity_->set_crosshair(crosshair_bar_, std::nullopt);
    sync_value_axis_widths();
}

void ChartStack::setCalibrationFamily(MaType family) {
    calibration_->set_family(family);
    sync_value_axis_widths();
}

void ChartStack::setCalibrationVisible(bool visible) {
    if (visible == calibrationVisible())
        return;
    // Share the height anew: the calibration view needs room next to the price,
    // and the signal and equity panes must stay readable.
    const QList<int> sizes = splitter_->sizes();
    int total = 0;
    for (int h : sizes)
        total += h;
    calibration_->setVisible(visible);
    if (total > 0) {
        const auto part = [total](double f) { return static_cast<int>(f * total); };
        splitter_->setSizes(visible ? QList<int>{part(0.40), part(0.30), part(0.15), part(0.15)}
                                    : QList<int>{part(0.56), 0, part(0.22), part(0.22)});
    }
    calibration_->set_x_range(range_.first, range_.last);
    calibration_->set_crosshair(crosshair_bar_, std::nullopt);
    sync_value_axis_widths();
    update_ticks();
}

QString ChartStack::legendText() const {
    QStringList parts;
    for (const ChartPane* pane : visible_panes()) {
        if (!pane->legend_plain_text().isEmpty())
            parts << pane->legend_plain_text();
    }
    return parts.join(QLatin1Char('\n'));
}

std::vector<ChartPane*> ChartStack::visible_panes() const {
    std::vector<ChartPane*> out;
    for (ChartPane* pane : panes_) {
        if (!pane->isHidden())
            out.push_back(pane);
    }
    return out;
}

QChart* ChartStack::priceChart() const {
    return price_->chart();
}
QChart* ChartStack::signalChart() const {
    return signal_->chart();
}
QChart* ChartStack::equityChart() const {
    return equity_->chart();
}
QChart* ChartStack::calibrationChart() const {
    return calibration_->chart();
}

std::vector<double> ChartStack::plottedMa(MaType type) const {
    const auto v = price_->ma_item(type).values();
    return {v.begin(), v.end()};
}

std::vector<std::int8_t> ChartStack::plottedMaStates(MaType type) const {
    const auto v = price_->ma_item(type).states();
    return {v.begin(), v.end()};
}

std::vector<EntryMarker> ChartStack::plottedMarkers() const {
    return price_->markers();
}

std::vector<double> ChartStack::plottedCalibrationMa(std::size_t member) const {
    if (member >= kMembersPerFamily)
        return {};
    const auto v = calibration_->member_item(member).values();
    return {v.begin(), v.end()};
}

std::vector<std::int8_t> ChartStack::plottedCalibrationStates(std::size_t member) const {
    if (member >= kMembersPerFamily)
        return {};
    const auto v = calibration_->member_item(member).states();
    return {v.begin(), v.end()};
}

std::vector<TimeTick> ChartStack::timeTicks() const {
    std::vector<TimeTick> ticks;
    if (!data_)
        return ticks;
    return time_ticks(*data_, time_scale_, range_.first, range_.last, equity_->plot_width(),
                      equity_->axis_font());
}

void ChartStack::setCrosshairBar(int bar) {
    if (bar >= static_cast<int>(bar_count()))
        bar = static_cast<int>(bar_count()) - 1;
    if (bar < 0)
        bar = -1;
    const bool changed = bar != crosshair_bar_;
    crosshair_bar_ = bar;
    for (ChartPane* pane : panes_)
        pane->set_crosshair(bar, std::nullopt);
    if (changed)
        emit crosshairMoved(bar);
}

void ChartStack::hover(ChartPane* source, int bar, double y) {
    if (bar >= static_cast<int>(bar_count()))
        return;
    const bool changed = bar != crosshair_bar_;
    crosshair_bar_ = bar;
    for (ChartPane* pane : panes_) {
        const bool here = pane == source && std::isfinite(y);
        pane->set_crosshair(bar, here ? std::optional<double>(y) : std::nullopt);
    }
    if (changed)
        emit crosshairMoved(bar);
}

void ChartStack::zoomIn() {
    apply_range(zoom_range(range_, kZoomStep, 0.5 * (range_.first + range_.last), bar_count()));
}

void ChartStack::zoomOut() {
    apply_range(
        zoom_range(range_, 1.0 / kZoomStep, 0.5 * (range_.first + range_.last), bar_count()));
}

void ChartStack::panBars(int bars) {
    apply_range(pan_range(range_, static_cast<double>(bars), bar_count()));
}

void ChartStack::resetZoom() {
    apply_range(initial_range(bar_count()));
}

void ChartStack::setVisibleRange(double first, double last) {
    apply_range(clamp_range({std::min(first, last), std::max(first, last)}, bar_count()));
}

void ChartStack::apply_range(ViewRange range) {
    if (bar_count() > 0)
        range = clamp_range(range, bar_count());
    const bool changed = !(range == range_);
    range_ = range;
    in_layout_ = true;
    // A hidden pane catches up when it is shown.
    for (ChartPane* pane : visible_panes())
        pane->set_x_range(range_.first, range_.last);
    in_layout_ = false;
    sync_value_axis_widths();
    update_ticks();
    if (changed)
        emit visibleRangeChanged(range_.first, range_.last);
}

void ChartStack::sync_value_axis_widths() {
    // One width for all panes, so that every pane's plot ends at the same pixel.
    int width = 0;
    for (ChartPane* pane : panes_) {
        if (!pane->isHidden())
            width = std::max(width, pane->required_value_axis_width());
    }
    in_layout_ = true;
    for (ChartPane* pane : panes_)
        pane->set_value_axis_width(width);
    in_layout_ = false;
}

void ChartStack::update_ticks() {
    const std::vector<TimeTick> ticks = timeTicks();
    for (ChartPane* pane : panes_)
        pane->set_ticks(ticks);
}

void ChartStack::keyPressEvent(QKeyEvent* event) {
    const int step = std::max(1, static_cast<int>(std::lround(range_.span() / 10.0)));
    switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:  // "+" without Shift on most layouts
            zoomIn();
            break;
        case Qt::Key_Minus:
        case Qt::Key_Underscore:
            zoomOut();
            break;
        case Qt::Key_Left:
            panBars(-step);
            break;
        case Qt::Key_Right:
            panBars(step);
            break;
        case Qt::Key_End:
            apply_range(pan_range(range_, static_cast<double>(bar_count()), bar_count()));
            break;
        case Qt::Key_Home:
        case Qt::Key_0:
            resetZoom();
            break;
        default:
            QWidget::keyPressEvent(event);
            return;
    }
    event->accept();
}

}  // namespace atc::ui
