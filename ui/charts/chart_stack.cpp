// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/chart_stack.hpp"

#include <QAction>
#include <QChart>
#include <QKeyEvent>
#include <QSplitter>
#include <QUndoStack>
#include <algorithm>
#include <cmath>

#include "charts/calibration_pane.hpp"
#include "charts/drawing_layer.hpp"
#include "charts/equity_pane.hpp"
#include "charts/pane_fit.hpp"
#include "charts/price_pane.hpp"
#include "charts/signal_pane.hpp"
#include "charts/state_line_item.hpp"

namespace atc::ui {
namespace {

// Shares of the height, top to bottom (price, calibration, signals, equity): the
// price most, the calibration view (when shown) a fair part.
constexpr std::array<int, 4> kWeights = {5, 3, 2, 2};

}  // namespace

struct ChartStack::Fit {
    std::vector<ChartPane*> shown;  // the visible panes, top to bottom
    PaneFit panes;
};

ChartStack::ChartStack(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    // Not in a layout: a layout would take the splitter's minimum (every pane
    // with its plot) as the stack's, and the window could never become small
    // enough for fitPanes() to fold a pane. resizeEvent() places it.
    splitter_ = new QSplitter(Qt::Vertical, this);
    splitter_->setChildrenCollapsible(false);
    splitter_->setHandleWidth(3);
    connect(splitter_, &QSplitter::splitterMoved, this,
            [this] { dragged_sizes_ = splitter_->sizes(); });

    price_ = new PricePane(splitter_);
    calibration_ = new CalibrationPane(splitter_);
    signal_ = new SignalPane(splitter_);
    equity_ = new EquityPane(splitter_);
    panes_ = {price_, calibration_, signal_, equity_};
    const QStringList names = paneNames();
    for (std::size_t i = 0; i < panes_.size(); ++i) {
        panes_[i]->setObjectName(names[static_cast<qsizetype>(i)]);
        splitter_->addWidget(panes_[i]);
        connectPane(panes_[i]);
    }
    collapsed_.assign(panes_.size(), false);
    priority_ = {price_, signal_, equity_, calibration_};
    // The same shares when a resize keeps the same panes open.
    for (std::size_t i = 0; i < kWeights.size(); ++i)
        splitter_->setStretchFactor(static_cast<int>(i), kWeights[i]);
    calibration_->hide();
    connect(&members_, &ShownMembers::wanted, this, &ChartStack::membersWanted);
    // Undo and redo of drawings while the charts have the focus: a text field
    // elsewhere keeps its own Ctrl+Z.
    QUndoStack* edits = drawingLayer()->undoStack();
    QAction* undo = edits->createUndoAction(this, tr("Undo drawing"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = edits->createRedoAction(this, tr("Redo drawing"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
    for (QAction* action : {undo, redo}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(price_, &PricePane::compareRemoveClicked, this, &ChartStack::compareRemoveRequested);
    setTheme(darkTheme());
    fitPanes(true);
}

ChartStack::~ChartStack() = default;

void ChartStack::connectPane(ChartPane* pane) {
    // Clicking a pane focuses the stack, which handles the keys.
    pane->setFocusPolicy(Qt::ClickFocus);
    pane->setFocusProxy(this);
    connect(pane, &ChartPane::hovered, this,
            [this, pane](int bar, double y) { hover(pane, bar, y); });
    connect(pane, &ChartPane::left, this, [this] { setCrosshairBar(-1); });
    connect(pane, &ChartPane::panRequested, this,
            [this](double bars) { applyRange(panRange(range_, bars, barCount())); });
    connect(pane, &ChartPane::zoomRequested, this, [this](double anchor, double steps) {
        applyRange(zoomRange(range_, std::pow(kZoomStep, steps), anchor, barCount()));
    });
    connect(pane, &ChartPane::rangeRequested, this, &ChartStack::setVisibleRange);
    connect(pane, &ChartPane::resetRequested, this, &ChartStack::resetZoom);
    connect(pane, &ChartPane::collapseToggled, this, [this, pane] { toggleCollapsed(pane); });
    // One measurement at a time, across the panes.
    connect(pane, &ChartPane::measureStarted, this, [this, pane] {
        for (ChartPane* other : panes_) {
            if (other != pane)
                other->clearMeasure();
        }
    });
    connect(pane, &ChartPane::measureFinished, this, [this] { setMeasureToolArmed(false); });
    connect(pane, &ChartPane::clicked, this, &ChartStack::clearMeasure);
    connect(pane, &ChartPane::layoutChanged, this, [this] {
        if (in_layout_)
            return;
        syncValueAxisWidths();
        updateTicks();
    });
}

QString ChartStack::rangeKey(const SymbolData& data) {
    // Each timeframe has its own bars: a range in 1m bars means nothing in 4h ones.
    if (data.resampledTo().isEmpty())
        return data.name;
    return data.name + QStringLiteral(" @") + data.timeframe;
}

std::size_t ChartStack::barCount() const {
    return data_ ? data_->barCount() : 0;
}

void ChartStack::setData(std::shared_ptr<const SymbolData> data) {
    // A parameter change recomputes the same bars: keep the trader's view.
    const bool keep_range = data && data_ && data->name == data_->name &&
                            data->timeframe == data_->timeframe &&
                            data->barCount() == data_->barCount();
    data_ = std::move(data);
    time_scale_ = data_ ? TimeScale(data_->bars) : TimeScale();
    if (crosshair_bar_ >= 0 && static_cast<std::size_t>(crosshair_bar_) >= barCount())
        crosshair_bar_ = -1;
    for (ChartPane* pane : panes_)
        pane->setSymbol(data_);
    showMembers();
    ViewRange range = initialRange(barCount());
    if (keep_range)
        range = range_;
    else if (const std::optional<ViewRange> remembered =
                 data_ ? remembered_.recall(rangeKey(*data_)) : std::nullopt)
        range = *remembered;  // applyRange clamps it to the bars there are now
    applyRange(range);
    for (ChartPane* pane : panes_)
        pane->setCrosshair(crosshair_bar_, std::nullopt);
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
        pane->setTheme(theme);
}

bool ChartStack::candles() const {
    return price_->candlesRequested();
}
bool ChartStack::candlesDrawn() const {
    return price_->candlesDrawn();
}
bool ChartStack::maVisible(MaType type) const {
    return price_->maVisible(type);
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
    price_->setCandles(on);
    syncValueAxisWidths();
}

PriceScale ChartStack::priceScale() const {
    return price_->priceScale();
}

ChartPane* ChartStack::pricePane() const {
    return price_;
}

void ChartStack::setPriceScale(PriceScale scale) {
    // Its layoutChanged() gives every pane the new label width.
    price_->setPriceScale(scale);
}

void ChartStack::setMaVisible(MaType type, bool visible) {
    price_->setMaVisible(type, visible);
    syncValueAxisWidths();
}

void ChartStack::setCompare(std::shared_ptr<const CompareSeries> series) {
    price_->setCompare(std::move(series));
    syncValueAxisWidths();
}

void ChartStack::removeCompare(const QString& name) {
    price_->removeCompare(name);
    syncValueAxisWidths();
}

void ChartStack::setEquityFamily(std::optional<MaType> family) {
    equity_->setFamily(family);
    showMembers();
    equity_->setCrosshair(crosshair_bar_, std::nullopt);
    syncValueAxisWidths();
}

void ChartStack::setCalibrationFamily(MaType family) {
    calibration_->setFamily(family);
    showMembers();
    syncValueAxisWidths();
}

void ChartStack::showMembers() {
    std::vector<MaType> shown;
    if (calibrationVisible())
        shown.push_back(calibrationFamily());
    if (const std::optional<MaType> family = equityFamily())
        shown.push_back(*family);
    members_.show(data_, shown);
    const MaType calibration = calibrationFamily();
    calibration_->setMembers(members_.members(calibration), members_.failure(calibration));
    if (const std::optional<MaType> family = equityFamily())
        equity_->setMembers(members_.members(*family), members_.failure(*family));
}

void ChartStack::setMembers(std::shared_ptr<const SymbolData> data, MaType family,
                            std::shared_ptr<const FamilyMembers> members) {
    if (members_.take(data, family, std::move(members))) {
        showMembers();
        syncValueAxisWidths();
    }
}

void ChartStack::setMembersFailed(std::shared_ptr<const SymbolData> data, MaType family,
                                  const QString& message) {
    if (members_.takeFailure(data, family, message)) {
        showMembers();
        syncValueAxisWidths();
    }
}

void ChartStack::setCalibrationVisible(bool visible) {
    if (visible == calibrationVisible())
        return;
    calibration_->setVisible(visible);
    showMembers();
    // Asked for just now: it gets room before the signal and equity panes.
    if (visible)
        promote(calibration_);
    calibration_->setXRange(range_.first, range_.last);
    calibration_->setCrosshair(crosshair_bar_, std::nullopt);
    updateGeometry();
    fitPanes(true);
}

QStringList ChartStack::paneNames() {
    return {QStringLiteral("price"), QStringLiteral("calibration"), QStringLiteral("signals"),
            QStringLiteral("equity")};
}

ChartPane* ChartStack::pane(const QString& name) const {
    for (ChartPane* p : panes_) {
        if (p->objectName() == name)
            return p;
    }
    return nullptr;
}

void ChartStack::setPaneCollapsed(const QString& name, bool collapsed) {
    const auto it = std::find(panes_.begin(), panes_.end(), pane(name));
    if (it == panes_.end())
        return;
    const auto index = static_cast<std::size_t>(it - panes_.begin());
    if (collapsed_[index] == collapsed)
        return;
    collapsed_[index] = collapsed;
    updateGeometry();
    fitPanes(true);
    emit paneCollapsedChanged(name, collapsed);
}

bool ChartStack::paneCollapsed(const QString& name) const {
    const auto it = std::find(panes_.begin(), panes_.end(), pane(name));
    return it != panes_.end() && collapsed_[static_cast<std::size_t>(it - panes_.begin())];
}

void ChartStack::toggleCollapsed(ChartPane* pane) {
    const QString name = pane->objectName();
    if (paneCollapsed(name)) {
        promote(pane);
        setPaneCollapsed(name, false);
    } else if (pane->titleOnly()) {
        // Folded for want of room: it takes the room of a less important pane.
        promote(pane);
        fitPanes(true);
    } else {
        setPaneCollapsed(name, true);
    }
}

void ChartStack::promote(ChartPane* pane) {
    if (pane == price_)
        return;
    priority_.erase(std::find(priority_.begin(), priority_.end(), pane));
    priority_.insert(priority_.begin() + 1, pane);
}

ChartStack::Fit ChartStack::fitFor(int height, bool keep_shares) const {
    Fit fit;
    fit.shown = visiblePanes();
    std::vector<PaneNeeds> needs;
    for (ChartPane* p : fit.shown) {
        const auto index =
            static_cast<std::size_t>(std::find(panes_.begin(), panes_.end(), p) - panes_.begin());
        const int weight =
            keep_shares ? dragged_sizes_[static_cast<qsizetype>(index)] : kWeights[index];
        const int minimum = p->minimumExpandedHeight(false);
        // The price keeps twice the least plot before the other panes get one.
        const int preferred = p == price_ ? minimum + ChartPane::kMinPlotHeight : minimum;
        needs.push_back({p->titleOnlyHeight(), minimum, preferred, weight, collapsed_[index]});
    }
    std::vector<std::size_t> order;
    for (ChartPane* p : priority_) {
        const auto it = std::find(fit.shown.begin(), fit.shown.end(), p);
        if (it != fit.shown.end())
            order.push_back(static_cast<std::size_t>(it - fit.shown.begin()));
    }
    const int handles =
        splitter_->handleWidth() * std::max(0, static_cast<int>(fit.shown.size()) - 1);
    const int dates = price_->minimumExpandedHeight(true) - price_->minimumExpandedHeight(false);
    fit.panes = atc::ui::fitPanes(needs, order, height - handles, dates);
    return fit;
}

void ChartStack::fitPanes(bool reshare) {
    Fit fit = fitFor(height(), false);
    bool changed = false;  // a pane gains or loses its plot
    for (std::size_t i = 0; i < fit.shown.size(); ++i)
        changed = changed || fit.shown[i]->titleOnly() == fit.panes.expanded[i];
    // The same panes open as before, and the trader dragged a divider: the panes
    // keep the shares the drag gave them.
    if (changed || reshare)
        dragged_sizes_.clear();
    else if (!dragged_sizes_.isEmpty())
        fit = fitFor(height(), true);

    ChartPane* lowest = nullptr;
    in_layout_ = true;
    for (std::size_t i = 0; i < fit.shown.size(); ++i) {
        fit.shown[i]->setTitleOnly(!fit.panes.expanded[i]);
        if (fit.panes.expanded[i])
            lowest = fit.shown[i];
    }
    // Dates only under the lowest plot: the others keep the vertical grid lines.
    for (ChartPane* p : panes_)
        p->setTimeLabelsVisible(p == lowest);
    in_layout_ = false;
    splitter_->setGeometry(rect());
    QList<int> sizes;
    for (ChartPane* p : panes_) {
        const auto it = std::find(fit.shown.begin(), fit.shown.end(), p);
        sizes << (it == fit.shown.end()
                      ? 0
                      : fit.panes.heights[static_cast<std::size_t>(it - fit.shown.begin())]);
    }
    splitter_->setSizes(sizes);
    syncValueAxisWidths();
    updateTicks();
}

QSize ChartStack::minimumSizeHint() const {
    // The most important pane with its plot and the others as title lines.
    const Fit fit = fitFor(0, false);
    int height = splitter_->handleWidth() * std::max(0, static_cast<int>(fit.shown.size()) - 1);
    for (int h : fit.panes.heights)
        height += h;
    return {splitter_->minimumSizeHint().width(), height};
}

QSize ChartStack::sizeHint() const {
    return splitter_->sizeHint();
}

void ChartStack::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitPanes(false);
}

QString ChartStack::legendText() const {
    QStringList parts;
    for (const ChartPane* pane : visiblePanes()) {
        if (!pane->legendPlainText().isEmpty())
            parts << pane->legendPlainText();
    }
    return parts.join(QLatin1Char('\n'));
}

std::vector<ChartPane*> ChartStack::visiblePanes() const {
    std::vector<ChartPane*> out;
    for (ChartPane* pane : panes_) {
        if (!pane->isHidden())
            out.push_back(pane);
    }
    return out;
}

DrawingLayer* ChartStack::drawingLayer() const {
    return price_->drawingLayer();
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

std::vector<double> ChartStack::plottedClose() const {
    const auto v = price_->closeItem().values();
    return {v.begin(), v.end()};
}

bool ChartStack::closeLineShown() const {
    return price_->closeItem().isVisible();
}

std::vector<double> ChartStack::plottedMa(MaType type) const {
    const auto v = price_->maItem(type).values();
    return {v.begin(), v.end()};
}

std::vector<double> ChartStack::plottedCompare(const QString& name) const {
    const StateLineItem* item = price_->compareItem(name);
    if (!item || !item->isVisible())
        return {};
    std::vector<double> drawn;
    for (const double v : item->values())
        drawn.push_back(v * item->valueScale());
    return drawn;
}

QColor ChartStack::plottedCompareColor(const QString& name) const {
    return price_->compareColor(name);
}

QStringList ChartStack::comparedSymbols() const {
    return price_->compareNames();
}

std::vector<std::int8_t> ChartStack::plottedMaStates(MaType type) const {
    const auto v = price_->maItem(type).states();
    return {v.begin(), v.end()};
}

std::vector<EntryMarker> ChartStack::plottedMarkers() const {
    return price_->markers();
}

std::vector<double> ChartStack::plottedSignal(MaType type) const {
    const auto v = signal_->familyItem(type).values();
    return {v.begin(), v.end()};
}

QColor ChartStack::plottedSignalColor(MaType type) const {
    return signal_->familyItem(type).colorOf(0);
}

std::vector<double> ChartStack::plottedCalibrationMa(std::size_t member) const {
    if (member >= kMembersPerFamily)
        return {};
    const auto v = calibration_->memberItem(member).values();
    return {v.begin(), v.end()};
}

std::vector<std::int8_t> ChartStack::plottedCalibrationStates(std::size_t member) const {
    if (member >= kMembersPerFamily)
        return {};
    const auto v = calibration_->memberItem(member).states();
    return {v.begin(), v.end()};
}

std::vector<TimeTick> ChartStack::timeTicks() const {
    std::vector<TimeTick> ticks;
    if (!data_)
        return ticks;
    // Every pane's plot has the same width.
    return ticksInRange(*data_, time_scale_, range_.first, range_.last, price_->plotWidth(),
                        price_->axisFont());
}

void ChartStack::setCrosshairBar(int bar) {
    if (bar >= static_cast<int>(barCount()))
        bar = static_cast<int>(barCount()) - 1;
    if (bar < 0)
        bar = -1;
    const bool changed = bar != crosshair_bar_;
    crosshair_bar_ = bar;
    for (ChartPane* pane : panes_)
        pane->setCrosshair(bar, std::nullopt);
    if (changed)
        emit crosshairMoved(bar);
}

void ChartStack::hover(ChartPane* source, int bar, double y) {
    if (bar >= static_cast<int>(barCount()))
        return;
    const bool changed = bar != crosshair_bar_;
    crosshair_bar_ = bar;
    for (ChartPane* pane : panes_) {
        const bool here = pane == source && std::isfinite(y);
        pane->setCrosshair(bar, here ? std::optional<double>(y) : std::nullopt);
    }
    if (changed)
        emit crosshairMoved(bar);
}

void ChartStack::zoomIn() {
    applyRange(zoomRange(range_, kZoomStep, 0.5 * (range_.first + range_.last), barCount()));
}

void ChartStack::zoomOut() {
    applyRange(zoomRange(range_, 1.0 / kZoomStep, 0.5 * (range_.first + range_.last), barCount()));
}

void ChartStack::panBars(int bars) {
    applyRange(panRange(range_, static_cast<double>(bars), barCount()));
}

void ChartStack::resetZoom() {
    for (ChartPane* pane : panes_)
        pane->setAutoFit();
    applyRange(initialRange(barCount()));
}

void ChartStack::setVisibleRange(double first, double last) {
    applyRange(clampRange({std::min(first, last), std::max(first, last)}, barCount()));
}

void ChartStack::centerOnBar(std::size_t bar) {
    if (bar >= barCount())
        return;
    const double half = range_.span() / 2.0;
    const double at = static_cast<double>(bar);
    setVisibleRange(at - half, at + half);
    setCrosshairBar(static_cast<int>(bar));
}

void ChartStack::applyRange(ViewRange range) {
    if (barCount() > 0)
        range = clampRange(range, barCount());
    const bool changed = !(range == range_);
    range_ = range;
    in_layout_ = true;
    // A hidden pane catches up when it is shown. The points go in once the
    // value-axis widths are settled (see ChartPane::moveXRange).
    const std::vector<ChartPane*> shown = visiblePanes();
    for (ChartPane* pane : shown)
        pane->moveXRange(range_.first, range_.last);
    in_layout_ = false;
    syncValueAxisWidths();
    for (ChartPane* pane : shown)
        pane->fillSeries();
    updateTicks();
    rememberRange();
    if (changed)
        emit visibleRangeChanged(range_.first, range_.last);
}

void ChartStack::rememberRange() {
    if (barCount() == 0)
        return;
    // The last bars are what a symbol opens with anyway: the bounded memory
    // keeps its places for views the trader chose.
    if (range_ == clampRange(initialRange(barCount()), barCount()))
        remembered_.forget(rangeKey(*data_));
    else
        remembered_.remember(rangeKey(*data_), range_);
}

void ChartStack::syncValueAxisWidths() {
    // One width for all panes, so that every pane's plot ends at the same pixel.
    int width = 0;
    for (ChartPane* pane : panes_) {
        if (!pane->isHidden())
            width = std::max(width, pane->requiredValueAxisWidth());
    }
    in_layout_ = true;
    for (ChartPane* pane : panes_)
        pane->setValueAxisWidth(width);
    in_layout_ = false;
}

void ChartStack::updateTicks() {
    const std::vector<TimeTick> ticks = timeTicks();
    for (ChartPane* pane : panes_)
        pane->setTicks(ticks);
}

QString ChartStack::measureText() const {
    for (const ChartPane* pane : panes_) {
        if (pane->measureShown())
            return pane->measureText();
    }
    return {};
}

void ChartStack::setMeasureToolArmed(bool armed) {
    if (armed == measure_armed_)
        return;
    measure_armed_ = armed;
    for (ChartPane* pane : panes_)
        pane->setMeasureArmed(armed);
    emit measureToolArmedChanged(armed);
}

void ChartStack::clearMeasure() {
    for (ChartPane* pane : panes_)
        pane->clearMeasure();
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
            applyRange(panRange(range_, static_cast<double>(barCount()), barCount()));
            break;
        case Qt::Key_Home:
        case Qt::Key_0:
            resetZoom();
            break;
        case Qt::Key_Escape: {
            // Drops the measurement, the armed tools and a drawing being placed
            // (or else the selected drawing's selection); with none, Esc is someone else's.
            const bool drawing = drawingLayer()->cancel();
            if (measureText().isEmpty() && !measure_armed_ && !drawing) {
                QWidget::keyPressEvent(event);
                return;
            }
            clearMeasure();
            setMeasureToolArmed(false);
            break;
        }
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            if (!drawingLayer()->deleteSelected()) {
                QWidget::keyPressEvent(event);
                return;
            }
            break;
        default:
            // A digit starts a timeframe ("4h" Enter), as on TradingView; 0 resets above.
            if (event->text().size() == 1 && event->text().front() >= QLatin1Char('1') &&
                event->text().front() <= QLatin1Char('9') &&
                !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
                emit timeframeTyped(event->text());
                break;
            }
            QWidget::keyPressEvent(event);
            return;
    }
    event->accept();
}

}  // namespace atc::ui
