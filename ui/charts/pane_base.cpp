// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/pane_base.hpp"

#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QRubberBand>
#include <QValueAxis>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "charts/chart_format.hpp"
#include "charts/crosshair.hpp"
#include "charts/measure_item.hpp"
#include "charts/time_axis.hpp"
#include "charts/value_axis.hpp"
#include "charts/value_ticks.hpp"
#include "charts/view_range.hpp"
#include "core/number_format.hpp"

namespace atc::ui {
namespace {

constexpr double kLeftMargin = 6.0;
constexpr int kLegendTop = 2;
constexpr int kLegendGap = 4;
// Under a plot without date labels; under the legend of a title-only pane.
constexpr int kBottomMargin = 6;
// Aimed pixel distance between two value-axis ticks.
constexpr double kTickSpacingPx = 42.0;
// Dragging the value axis this many pixels down doubles the range it shows.
constexpr double kStretchDoublingPx = 120.0;

}  // namespace

// The chart is handed to QChartView's constructor: QChartView(parent) makes a
// default chart of its own, and setChart() later releases that one to the
// caller, who never saw it, so it leaked with all its items (LeakSanitizer).
ChartPane::ChartPane(QWidget* parent) : QChartView(new QChart(), parent) {
    chart_ = chart();  // owned by the view
    chart_->legend()->hide();
    chart_->setMargins(QMargins(0, 0, 0, 0));
    chart_->setBackgroundRoundness(0);
    chart_->layout()->setContentsMargins(0, 0, 0, 0);
    chart_->setAnimationOptions(QChart::NoAnimation);
    setFrameShape(QFrame::NoFrame);
    setRenderHint(QPainter::Antialiasing, true);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    // Every item moves on each pan; a BSP index would be rebuilt all the time.
    scene()->setItemIndexMethod(QGraphicsScene::NoIndex);

    // x: bar index. Its labels, line and grid are hidden; the time axis item
    // draws dates and the grid at calendar ticks instead of numbers.
    x_axis_ = new QValueAxis(chart_);
    x_axis_->setLabelsVisible(false);
    x_axis_->setLineVisible(false);
    x_axis_->setGridLineVisible(false);
    x_axis_->setMinorGridLineVisible(false);
    // Qt Charts lays out the labels of a hidden-label axis all the same: keep them few.
    x_axis_->setTickCount(2);
    chart_->addAxis(x_axis_, Qt::AlignBottom);
    // y: the value, on the right where traders expect the price scale. Its
    // labels and grid are hidden too; the value axis item draws them.
    y_axis_ = new ScaledValueAxis(chart_);
    y_axis_->setLabelsVisible(false);
    y_axis_->setLineVisible(false);
    y_axis_->setGridLineVisible(false);
    y_axis_->setMinorGridLineVisible(false);
    y_axis_->setTickCount(2);
    chart_->addAxis(y_axis_, Qt::AlignRight);

    time_axis_ = new TimeAxisItem(chart_, x_axis_, y_axis_);
    value_axis_ = new ValueAxisItem(chart_, x_axis_, y_axis_);
    crosshair_ = new CrosshairItem(chart_, x_axis_, y_axis_);
    measure_ = new MeasureItem(chart_, x_axis_, y_axis_);
    addOverlay(time_axis_);
    addOverlay(value_axis_);
    addOverlay(crosshair_);
    addOverlay(measure_);

    legend_ = new LegendStrip(viewport());
    connect(legend_, &LegendStrip::collapseToggled, this, &ChartPane::collapseToggled);

    axis_font_ = font();
    axis_font_.setPointSizeF(std::max(7.5, font().pointSizeF() - 1.0));
    value_axis_->setLabelFont(axis_font_);
    time_axis_->setLabelFont(axis_font_);
    crosshair_->setLabelFont(axis_font_);
    // The measurement is what the trader reads now: the full size, not the axis's.
    measure_->setLabelFont(font());
    applyHeightLimits();
}

ChartPane::~ChartPane() = default;

void ChartPane::setSymbol(std::shared_ptr<const SymbolData> data) {
    // Empty now; the stack's setXRange() fills the window of the new data.
    window_.clearPoints();
    // A stretched scale was chosen for this symbol's prices, not the next one's.
    if (!data || !data_ || data->name != data_->name)
        manual_range_.reset();
    // Its bars may not exist in the new data.
    clearMeasure();
    data_ = std::move(data);
    if (crosshair_bar_ >= 0 &&
        (!data_ || static_cast<std::size_t>(crosshair_bar_) >= data_->barCount()))
        crosshair_bar_ = -1;
    refreshLegend();
}

void ChartPane::setTheme(const Theme& theme) {
    theme_ = theme;
    chart_->setBackgroundBrush(theme.chart_background);
    chart_->setBackgroundPen(Qt::NoPen);
    chart_->setPlotAreaBackgroundVisible(false);
    setBackgroundBrush(theme.chart_background);
    value_axis_->setColors(theme.grid, theme.muted_text);
    time_axis_->setColors(theme.grid, theme.muted_text);
    crosshair_->setColors(theme.crosshair, theme.crosshair, theme.chart_background);
    measure_->setColors(theme.bull, theme.bear);
    legend_->setColors(theme.muted_text, theme.text, theme.chart_background);
    applyContentTheme(theme);
    refreshLegend();
}

void ChartPane::setXRange(double first, double last) {
    moveXRange(first, last);
    fillSeries();
}

void ChartPane::moveXRange(double first, double last) {
    window_.prepare(first, last, data_ ? data_->barCount() : 0, plot_rect_.width());
    x_axis_->setRange(first, last);
    updateDensity();
    refit();
}

void ChartPane::fillSeries() {
    window_.fillPrepared(pixelsPerValue());
}

double ChartPane::pixelsPerValue() const {
    const double span = y_axis_->max() - y_axis_->min();
    return span > 0.0 ? plot_rect_.height() / span : 0.0;
}

void ChartPane::updateDensity() {
    // More bars than pixels: the lines are a dense band where antialiasing and
    // emphasis add nothing visible, but cost 3x (antialiasing) and 10x (wide pens).
    const bool dense = x_axis_->max() - x_axis_->min() > plot_rect_.width();
    if (dense == dense_)
        return;
    dense_ = dense;
    setRenderHint(QPainter::Antialiasing, !dense);
    applyContentTheme(theme_);
}

void ChartPane::bindSeries(QLineSeries* series, std::shared_ptr<const void> owner,
                           std::span<const double> values) {
    window_.bind(series, std::move(owner), values);
}

void ChartPane::refillSeries() {
    window_.prepare(x_axis_->min(), x_axis_->max(), data_ ? data_->barCount() : 0,
                    plot_rect_.width());
    window_.fillPrepared(pixelsPerValue());
}

void ChartPane::seriesShownChanged() {
    window_.clearPoints();
    refillSeries();
}

void ChartPane::refit() {
    y_axis_->setLogarithmic(price_scale_ == PriceScale::Log);
    // The bars that touch the view, [lo, hi].
    std::optional<std::pair<std::size_t, std::size_t>> shown;
    if (data_ && data_->barCount() > 0) {
        const double n = static_cast<double>(data_->barCount());
        shown =
            std::pair{static_cast<std::size_t>(std::clamp(std::floor(x_axis_->min()), 0.0, n - 1)),
                      static_cast<std::size_t>(std::clamp(std::ceil(x_axis_->max()), 0.0, n - 1))};
        // Before the fit and whether or not there is one (a stretched axis).
        followView(shown->first, shown->second);
    }
    std::pair<double, double> range{0.0, 1.0};  // in axis units
    if (manual_range_) {
        range = *manual_range_;
    } else if (const auto fixed = fixedRange()) {
        range = *fixed;
    } else if (shown) {
        if (const auto r = dataRange(shown->first, shown->second)) {
            // A log scale fits the positive values: a zero or negative one (a
            // broken tick, an oil future in 2020) would stretch it without end.
            const double low = y_axis_->logarithmic() && !(r->first > 0.0)
                                   ? std::max(r->second, 1.0) * 1e-6
                                   : r->first;
            range = {y_axis_->toAxis(low), y_axis_->toAxis(r->second)};
            double span = range.second - range.first;
            if (!(span > 0.0))
                span = std::max(1e-6, std::abs(range.first) * 0.02);
            const double usable = std::max(20.0, plot_rect_.height() - 2.0 * paddingPx());
            const double pad = span * paddingPx() / usable;
            range = {range.first - pad, range.second + pad};
        }
    }
    y_axis_->setRange(range.first, range.second);
    applyTicks();
    // Points thinned for a coarser scale could now stray from the line by more
    // than the tolerance (a line hidden, the rest fill the height): refill.
    if (window_.thinnedCoarserThan(pixelsPerValue())) {
        window_.clearPoints();
        refillSeries();
    }
    updateOverlays();
}

void ChartPane::applyTicks() {
    const double height = std::max(40.0, plot_rect_.height());
    const auto [lo, hi] = valueRange();
    const double step = niceStep((hi - lo) / std::max(3.0, height / kTickSpacingPx));
    const AxisScale tag_scale = axisScaleFor(std::max(std::abs(lo), std::abs(hi)), step);
    if (y_axis_->logarithmic() && lo > 0.0) {
        value_axis_->setTicks(logTicks(lo, hi, height, kTickSpacingPx), tag_scale);
        return;
    }
    if (price_scale_ == PriceScale::Percent) {
        if (const auto base = percentBase(firstVisibleBar()); base && *base > 0.0) {
            const double percent_step = niceStep((percentFrom(hi, *base) - percentFrom(lo, *base)) /
                                                 std::max(3.0, height / kTickSpacingPx));
            value_axis_->setTicks(percentTicks(lo, hi, *base, percent_step), tag_scale);
            return;
        }
    }
    value_axis_->setRange(lo, hi, step);
}

std::pair<double, double> ChartPane::valueRange() const {
    return {y_axis_->fromAxis(y_axis_->min()), y_axis_->fromAxis(y_axis_->max())};
}

std::size_t ChartPane::firstVisibleBar() const {
    // The same bar the compared symbols are pinned to (view_range.hpp).
    return ui::firstVisibleBar(x_axis_->min(), data_ ? data_->barCount() : 0);
}

void ChartPane::setPriceScale(PriceScale scale) {
    if (scale == price_scale_)
        return;
    // A stretched range in one scale's units means nothing in the other's.
    if ((scale == PriceScale::Log) != (price_scale_ == PriceScale::Log))
        manual_range_.reset();
    price_scale_ = scale;
    refit();
    // The axis labels changed width: the stack lays the panes out again.
    emit layoutChanged();
}

void ChartPane::setAutoFit() {
    if (!manual_range_)
        return;
    manual_range_.reset();
    refit();
    emit layoutChanged();
}

void ChartPane::stretchValueRange(double factor) {
    if (!(factor > 0.0) || !std::isfinite(factor) || fixedRange())
        return;
    const double middle = (y_axis_->min() + y_axis_->max()) / 2.0;
    const double half = (y_axis_->max() - y_axis_->min()) / 2.0 * factor;
    if (!(half > 1e-12) || !std::isfinite(half))
        return;
    manual_range_ = std::pair{middle - half, middle + half};
    refit();
    emit layoutChanged();
}

void ChartPane::scrollValueRange(double pixels) {
    if (!manual_range_ || plot_rect_.height() <= 0.0)
        return;
    const double shift =
        pixels * (manual_range_->second - manual_range_->first) / plot_rect_.height();
    manual_range_ = std::pair{manual_range_->first + shift, manual_range_->second + shift};
    refit();
}

QStringList ChartPane::valueAxisLabels() const {
    QStringList labels;
    for (const ValueTick& t : value_axis_->ticks())
        labels << t.label;
    return labels;
}

void ChartPane::setTicks(const std::vector<TimeTick>& ticks) {
    time_axis_->setTicks(ticks);
}

void ChartPane::setTimeLabelsVisible(bool visible) {
    if (visible == time_axis_->labelsVisible())
        return;
    time_axis_->setLabelsVisible(visible);
    crosshair_->setDateTagVisible(visible);
    applyHeightLimits();
    relayout();
}

void ChartPane::setTitleOnly(bool title_only) {
    if (title_only == title_only_)
        return;
    title_only_ = title_only;
    // The chart and its overlays go; the legend stays and keeps following the crosshair.
    chart_->setVisible(!title_only);
    legend_->setCollapsed(title_only);
    applyHeightLimits();
    relayout();
}

int ChartPane::titleOnlyHeight() const {
    return kLegendTop + legend_->height() + kBottomMargin;
}

int ChartPane::bottomBand(bool with_time_labels) const {
    return with_time_labels ? static_cast<int>(std::ceil(QFontMetricsF(axis_font_).height())) + 8
                            : kBottomMargin;
}

int ChartPane::minimumExpandedHeight(bool with_time_labels) const {
    return kLegendTop + legend_->height() + kLegendGap + kMinPlotHeight +
           bottomBand(with_time_labels);
}

void ChartPane::applyHeightLimits() {
    if (title_only_) {
        setFixedHeight(titleOnlyHeight());
    } else {
        setMinimumHeight(minimumExpandedHeight(timeLabelsVisible()));
        setMaximumHeight(QWIDGETSIZE_MAX);
    }
}

bool ChartPane::timeLabelsVisible() const {
    return time_axis_->labelsVisible();
}

void ChartPane::setValueAxisWidth(int px) {
    if (px == value_axis_width_)
        return;
    value_axis_width_ = px;
    relayout();
}

int ChartPane::requiredValueAxisWidth() const {
    // The widest of the labels and of the crosshair's tag at either end of the range.
    const QFontMetricsF fm(axis_font_);
    double w = value_axis_->labelWidth();
    for (double v : {valueRange().first, valueRange().second})
        w = std::max(w, fm.horizontalAdvance(formatLevel(v)));
    // The labels sit kLabelGap off the plot; the crosshair tag pads 4 px each side.
    return static_cast<int>(std::ceil(w + ValueAxisItem::kLabelGap)) + 10;
}

void ChartPane::setCrosshair(int bar, std::optional<double> level) {
    crosshair_bar_ = bar;
    QString date;
    if (bar >= 0 && data_ && static_cast<std::size_t>(bar) < data_->barCount())
        date = barLabel(*data_, static_cast<std::size_t>(bar));
    crosshair_->setBar(bar, date);
    crosshair_->setLevel(level, level ? formatLevel(*level) : QString());
    time_axis_->setKeepClear(crosshair_->dateTagRect());
    refreshLegend();
}

QString ChartPane::crosshairValueTag() const {
    return crosshair_->valueTag();
}

QString ChartPane::formatLevel(double y) const {
    AxisScale finer = value_axis_->scale();
    finer.decimals = std::min(10, finer.decimals + 1);
    return axisLabel(y, finer);
}

QString ChartPane::formatPriceLevel(double y, int decimals) const {
    return value_axis_->scale().divisor > 1.0 ? ChartPane::formatLevel(y)
                                              : formatPrice(y, decimals);
}

QString ChartPane::measureText() const {
    return measure_->text();
}

bool ChartPane::measureShown() const {
    return measure_->shown();
}

void ChartPane::clearMeasure() {
    measure_->clear();
}

void ChartPane::setMeasureArmed(bool armed) {
    measure_armed_ = armed;
    restCursor();
}

void ChartPane::setDrawingArmed(bool armed) {
    drawing_armed_ = armed;
    restCursor();
}

void ChartPane::restCursor() {
    // The cross says that the next drag measures or draws instead of panning;
    // the vertical arrows, that a drag on the value axis stretches it.
    if (over_value_axis_)
        viewport()->setCursor(Qt::SizeVerCursor);
    else if (measure_armed_ || drawing_armed_)
        viewport()->setCursor(Qt::CrossCursor);
    else
        viewport()->unsetCursor();
}

MeasurePoint ChartPane::measurePointAt(const QPointF& chart_pos) const {
    const double last = data_ ? static_cast<double>(data_->barCount()) - 1.0 : 0.0;
    return {static_cast<std::size_t>(
                std::clamp(std::round(xAt(chart_pos.x())), 0.0, std::max(0.0, last))),
            yAt(chart_pos.y())};
}

void ChartPane::showMeasure(const QPointF& chart_end) {
    const MeasurePoint end = measurePointAt(chart_end);
    measure_->show(measure_start_, end,
                   measure(measure_start_, end, data_->bars.time_ms,
                           [this](double delta) { return formatDelta(delta); }));
}

void ChartPane::addOverlay(PlotOverlay* item) {
    overlays_.push_back(item);
}

void ChartPane::removeOverlay(PlotOverlay* item) {
    std::erase(overlays_, item);
}

void ChartPane::updateOverlays() {
    for (PlotOverlay* item : overlays_) {
        item->syncGeometry();
        item->update();
    }
    crosshair_->refresh();
    measure_->refresh();
    time_axis_->setKeepClear(crosshair_->dateTagRect());
}

int ChartPane::legendBar() const {
    if (!data_ || data_->barCount() == 0)
        return -1;
    if (crosshair_bar_ >= 0 && static_cast<std::size_t>(crosshair_bar_) < data_->barCount())
        return crosshair_bar_;
    return static_cast<int>(data_->barCount() - 1);
}

void ChartPane::refreshLegend() {
    const int bar = legendBar();
    legend_->setLines(bar >= 0 ? legendLines(static_cast<std::size_t>(bar))
                               : std::vector<LegendLine>{});
}

void ChartPane::relayout() {
    const QSize size = viewport()->size();
    const double w = size.width();
    const double h = size.height();
    const int legend_width = std::max(50, static_cast<int>(w - kLeftMargin - 8));
    legend_->setGeometry(static_cast<int>(kLeftMargin), kLegendTop, legend_width,
                         legend_->height());
    const double top = kLegendTop + legend_->height() + kLegendGap;
    const double bottom = bottomBand(time_axis_->labelsVisible());
    plot_rect_ = QRectF(kLeftMargin, top, std::max(10.0, w - kLeftMargin - value_axis_width_),
                        std::max(10.0, h - top - bottom));
    chart_->setPlotArea(plot_rect_);
    updateDensity();
    refit();
    // A new width is a new level of detail for the line series.
    refillSeries();
    emit layoutChanged();
}

QPointF ChartPane::toChart(const QPoint& pos) const {
    return chart_->mapFromScene(mapToScene(pos));
}

double ChartPane::xAt(double chart_x) const {
    const double w = std::max(1.0, plot_rect_.width());
    return x_axis_->min() + (chart_x - plot_rect_.left()) * (x_axis_->max() - x_axis_->min()) / w;
}

double ChartPane::yAt(double chart_y) const {
    const double h = std::max(1.0, plot_rect_.height());
    return y_axis_->fromAxis(y_axis_->min() + (plot_rect_.bottom() - chart_y) *
                                                  (y_axis_->max() - y_axis_->min()) / h);
}

bool ChartPane::onValueAxis(const QPointF& chart_pos) const {
    return !title_only_ && chart_pos.x() > plot_rect_.right() &&
           chart_pos.y() >= plot_rect_.top() && chart_pos.y() <= plot_rect_.bottom();
}

void ChartPane::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    relayout();
}

void ChartPane::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    const QPointF p = toChart(event->position().toPoint());
    drag_start_ = p;
    const bool measurable = data_ && data_->barCount() > 0 && !title_only_;
    drag_last_y_ = p.y();
    if (onValueAxis(p) && !fixedRange()) {
        drag_ = Drag::Stretch;
    } else if (event->modifiers() & Qt::ControlModifier) {
        drag_ = Drag::Band;
        if (!band_)
            band_ = new QRubberBand(QRubberBand::Rectangle, viewport());
        band_->setGeometry(
            QRect(QPoint(static_cast<int>(p.x()), static_cast<int>(plot_rect_.top())),
                  QSize(1, static_cast<int>(plot_rect_.height()))));
        band_->show();
    } else if (((event->modifiers() & Qt::ShiftModifier) || measure_armed_) && measurable) {
        drag_ = Drag::Measure;
        measure_start_ = measurePointAt(p);
        emit measureStarted();
        showMeasure(p);
    } else {
        drag_ = Drag::Pan;
        drag_last_x_ = p.x();
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    event->accept();
}

void ChartPane::mouseMoveEvent(QMouseEvent* event) {
    const QPointF p = toChart(event->position().toPoint());
    if (drag_ == Drag::Pan) {
        const double bar_px = plot_rect_.width() / std::max(1e-9, x_axis_->max() - x_axis_->min());
        const double dx = p.x() - drag_last_x_;
        drag_last_x_ = p.x();
        // Dragging right pulls earlier bars into view.
        if (dx != 0.0)
            emit panRequested(-dx / bar_px);
        // A scale the trader set moves with the hand, as on TradingView; an
        // auto-fitted one follows the bars.
        if (manual_range_ && p.y() != drag_last_y_)
            scrollValueRange(p.y() - drag_last_y_);
        drag_last_y_ = p.y();
    } else if (drag_ == Drag::Stretch) {
        // Down compresses the bars (more values in the height), up expands them.
        stretchValueRange(std::pow(2.0, (p.y() - drag_last_y_) / kStretchDoublingPx));
        drag_last_y_ = p.y();
    } else if (drag_ == Drag::Band && band_) {
        const double left =
            std::clamp(std::min(drag_start_.x(), p.x()), plot_rect_.left(), plot_rect_.right());
        const double right =
            std::clamp(std::max(drag_start_.x(), p.x()), plot_rect_.left(), plot_rect_.right());
        band_->setGeometry(QRect(QPoint(static_cast<int>(left), static_cast<int>(plot_rect_.top())),
                                 QSize(std::max(1, static_cast<int>(right - left)),
                                       static_cast<int>(plot_rect_.height()))));
    } else if (drag_ == Drag::Measure) {
        showMeasure(p);
    } else if (onValueAxis(p) != over_value_axis_) {
        over_value_axis_ = !over_value_axis_;
        restCursor();
    }
    if (data_ && data_->barCount() > 0) {
        const MeasurePoint at = measurePointAt(p);
        const bool on_plot = !title_only_ && plot_rect_.contains(p);
        emit hovered(static_cast<int>(at.bar), on_plot ? at.value : std::nan(""));
    }
    event->accept();
}

void ChartPane::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    const QPointF p = toChart(event->position().toPoint());
    // A click without a drag is no zoom and no measurement.
    const bool dragged = (p - drag_start_).manhattanLength() >= kLeastDragPx;
    if (drag_ == Drag::Band && band_) {
        band_->hide();
        if (std::abs(p.x() - drag_start_.x()) >= kLeastDragPx)
            emit rangeRequested(std::min(xAt(drag_start_.x()), xAt(p.x())),
                                std::max(xAt(drag_start_.x()), xAt(p.x())));
    } else if (drag_ == Drag::Measure) {
        if (dragged) {
            showMeasure(p);
            emit measureFinished();
        } else {
            clearMeasure();
        }
    } else if (drag_ == Drag::Pan && !dragged) {
        emit clicked();
    }
    drag_ = Drag::None;
    restCursor();
    event->accept();
}

void ChartPane::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        // On the value axis: back to auto-fit, as on TradingView; on the plot:
        // the whole view back to its default.
        if (onValueAxis(toChart(event->position().toPoint())))
            setAutoFit();
        else
            emit resetRequested();
    }
    event->accept();
}

void ChartPane::wheelEvent(QWheelEvent* event) {
    const QPoint delta = event->angleDelta();
    if (std::abs(delta.x()) > std::abs(delta.y())) {
        // Sideways on a touchpad or tilt wheel: pan, a twentieth of the view per notch.
        const double span = x_axis_->max() - x_axis_->min();
        emit panRequested(-delta.x() / 120.0 * span / 20.0);
    } else if (delta.y() != 0) {
        // One notch (120) zooms one step, around the bar under the cursor.
        const QPointF p = toChart(event->position().toPoint());
        emit zoomRequested(xAt(p.x()), delta.y() / 120.0);
    }
    event->accept();
}

void ChartPane::leaveEvent(QEvent* event) {
    QChartView::leaveEvent(event);
    if (drag_ == Drag::None)
        emit left();
}

void ChartPane::keyPressEvent(QKeyEvent* event) {
    // Navigation keys belong to the ChartStack (the parent); QGraphicsView would
    // otherwise take the arrows for scrolling.
    event->ignore();
}

}  // namespace atc::ui
